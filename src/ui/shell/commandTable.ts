/** The command table: every command id, its factory, and the one error reporting they all share. */
import * as vscode from 'vscode';
import { isCancellation } from '../../cloud/errors';
import { describeError, formatDescribedError, reportError } from './errorReporting';
import { CommandId, type CommandIdValue } from './model/ids';
import type { CommandDeps, CommandHandler } from './commandDeps';
import { refreshCommand } from '../networkView/commands/refresh';
import { showAccountCommand } from './commands/showAccount';
import { showLogCommand } from './commands/showLog';
import { addRegionCommand } from '../networkView/commands/addRegion';
import { allowAccessCommand } from '../linkForm/commands/allowAccess';
import { createNetworkLinkCommand } from '../linkForm/commands/createNetworkLink';
import { applyLinkCommand } from '../planApply/commands/applyLink';
import { planLinkCommand } from '../planApply/commands/planLink';
import { signInCommand } from './commands/signIn';
import { newSpecCommand } from '../specEditor/commands/newSpec';
import { clearRegionFilterCommand } from '../networkView/commands/clearRegionFilter';
import { copyIdCommand } from '../networkView/commands/copyId';
import { copyUsageCommand } from '../usageLines/commands/copyUsage';
import { filterRegionCommand } from '../networkView/commands/filterRegion';
import { loadMoreCommand } from '../networkView/commands/loadMore';
import { openInConsoleCommand } from '../networkView/commands/openInConsole';
import { refreshNodeCommand } from '../networkView/commands/refreshNode';
import { removeLinkCommand } from '../planApply/commands/removeLink';
import { removeListedLinkCommand } from '../planApply/commands/removeListedLink';
import { saveLinkAsSpecCommand } from '../specEditor/commands/saveLinkAsSpec';
import { removeRegionCommand } from '../networkView/commands/removeRegion';
import { revealInSpecCommand } from '../networkView/commands/revealInSpec';
import { switchAccountCommand } from './commands/switchAccount';
import { switchProfileCommand } from './commands/switchProfile';
import { switchRegionCommand } from './commands/switchRegion';
import { insertForeignTableCommand } from '../usageLines/commands/insertForeignTable';
import { insertSparkEniCommand } from '../usageLines/commands/insertSparkEni';
import { insertSqlNetworkLinkCommand } from '../usageLines/commands/insertSqlNetworkLink';
import { checkReachabilityCommand } from '../reachability/commands/checkReachability';
import { copyReachabilityReportCommand } from '../reachability/commands/copyReachabilityReport';

/** Each command's factory and the words its failures start with. */
const commands: Record<CommandIdValue, { what: string; create: (deps: CommandDeps) => CommandHandler }> = {
  [CommandId.refresh]: { what: 'Refresh', create: refreshCommand },
  [CommandId.showAccount]: { what: 'Show Account', create: showAccountCommand },
  [CommandId.showLog]: { what: 'Show Log', create: showLogCommand },
  [CommandId.refreshNode]: { what: 'Refresh', create: refreshNodeCommand },
  [CommandId.loadMore]: { what: 'Load more', create: loadMoreCommand },
  [CommandId.addRegion]: { what: 'Add region', create: addRegionCommand },
  [CommandId.removeRegion]: { what: 'Remove region', create: removeRegionCommand },
  [CommandId.filterRegion]: { what: 'Filter VPCs', create: filterRegionCommand },
  [CommandId.clearRegionFilter]: { what: 'Clear filter', create: clearRegionFilterCommand },
  [CommandId.copyId]: { what: 'Copy ID', create: copyIdCommand },
  [CommandId.openInConsole]: { what: 'Open in Console', create: openInConsoleCommand },
  [CommandId.revealInSpec]: { what: 'Reveal in Spec', create: revealInSpecCommand },
  [CommandId.copyUsage]: { what: 'Copy SQL/Spark usage', create: copyUsageCommand },
  [CommandId.switchProfile]: { what: 'Switch profile', create: switchProfileCommand },
  [CommandId.switchRegion]: { what: 'Switch region', create: switchRegionCommand },
  [CommandId.switchAccount]: { what: 'Switch profile or region', create: switchAccountCommand },
  [CommandId.planLink]: { what: 'Plan', create: planLinkCommand },
  [CommandId.applyLink]: { what: 'Apply', create: applyLinkCommand },
  [CommandId.removeLink]: { what: 'Remove Network Link', create: removeLinkCommand },
  [CommandId.removeListedLink]: { what: 'Remove Network Link', create: removeListedLinkCommand },
  [CommandId.saveLinkAsSpec]: { what: 'Save as Spec', create: saveLinkAsSpecCommand },
  [CommandId.signIn]: { what: 'Sign in with an AccessKey', create: signInCommand },
  [CommandId.insertSparkEni]: { what: 'Insert Spark ENI configuration', create: insertSparkEniCommand },
  [CommandId.insertSqlNetworkLink]: { what: 'Insert SQL network link statement', create: insertSqlNetworkLinkCommand },
  [CommandId.insertForeignTable]: { what: 'Insert foreign table', create: insertForeignTableCommand },
  [CommandId.newSpec]: { what: 'New Connection Spec', create: newSpecCommand },
  [CommandId.newSpecForVpc]: { what: 'New Connection Spec', create: newSpecCommand },
  [CommandId.createNetworkLink]: { what: 'Create Network Link', create: createNetworkLinkCommand },
  [CommandId.allowAccessFromLink]: { what: 'Allow access from network link', create: allowAccessCommand },
  [CommandId.checkReachability]: { what: 'Check Reachability', create: checkReachabilityCommand },
  [CommandId.copyReachabilityReport]: { what: 'Copy Reachability Report', create: copyReachabilityReportCommand },
};

/** A command failure as reported to the person (for the test API: the wrapper resolves to undefined). */
export interface CommandFailure {
  command: string;
  message: string;
}

/**
 * Registers every command; a failure is reported (message, code, RequestId, "Show Log") and
 * resolves to undefined. Returns the failures reported so far, newest last, so that a test can
 * tell a command that failed from one that did nothing.
 */
export function registerCommands(context: vscode.ExtensionContext, deps: CommandDeps): () => readonly CommandFailure[] {
  const failures: CommandFailure[] = [];
  for (const [id, { what, create }] of Object.entries(commands)) {
    const handler = create(deps);
    context.subscriptions.push(
      vscode.commands.registerCommand(id, async (...args: unknown[]) => {
        try {
          return await handler(...args);
        } catch (error) {
          // A person closing a pick (vscode.CancellationError) or cancelling a cloud call is no failure.
          if (!isCancellation(error) && !(error instanceof vscode.CancellationError)) {
            reportError(what, error, deps.log);
            failures.push({ command: id, message: formatDescribedError(describeError(error)) });
            if (failures.length > 100) failures.shift();
          }
          return undefined;
        }
      }),
    );
  }
  return () => [...failures];
}
