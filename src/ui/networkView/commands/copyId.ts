/** mcvpc.copyId: the resource's ID to the clipboard. Resolves to what was copied. */
import * as vscode from 'vscode';
import { resourceIdOf } from '../model/nodes';
import type { CommandDeps, CommandHandler } from '../../shell/commandDeps';
import { nodeArgument } from '../model/nodeArgument';

/** The copy-ID command's handler. */
export function copyIdCommand(_deps: CommandDeps): CommandHandler {
  return async (arg?: unknown): Promise<string> => {
    const node = nodeArgument(arg, ['region', 'vpc', 'vSwitch', 'securityGroup', 'rule', 'service', 'networkLink'], 'Copy ID');
    const id = resourceIdOf(node);
    if (id === undefined) throw new Error('This item has no ID to copy.');
    await vscode.env.clipboard.writeText(id);
    vscode.window.setStatusBarMessage(`Copied ${id}`, 3000);
    return id;
  };
}
