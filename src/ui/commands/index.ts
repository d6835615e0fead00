/** The command table: every command id, its factory, and the one error reporting they all share. */
import * as vscode from 'vscode';
import { isCancellation } from '../../cloud/errors';
import { reportError } from '../errorReporting';
import { CommandId, type CommandIdValue } from '../ids';
import type { CommandDeps, CommandHandler } from './deps';
import { refreshCommand } from './refresh';
import { showAccountCommand } from './showAccount';
import { showLogCommand } from './showLog';

/** Each command's factory and the words its failures start with. */
const commands: Record<CommandIdValue, { what: string; create: (deps: CommandDeps) => CommandHandler }> = {
  [CommandId.refresh]: { what: 'Refresh', create: refreshCommand },
  [CommandId.showAccount]: { what: 'Show Account', create: showAccountCommand },
  [CommandId.showLog]: { what: 'Show Log', create: showLogCommand },
};

/** Registers every command; a failure is reported (message, code, RequestId, "Show Log") and resolves to undefined. */
export function registerCommands(context: vscode.ExtensionContext, deps: CommandDeps): void {
  for (const [id, { what, create }] of Object.entries(commands)) {
    const handler = create(deps);
    context.subscriptions.push(
      vscode.commands.registerCommand(id, async (...args: unknown[]) => {
        try {
          return await handler(...args);
        } catch (error) {
          if (!isCancellation(error)) reportError(what, error, deps.log);
          return undefined;
        }
      }),
    );
  }
}
