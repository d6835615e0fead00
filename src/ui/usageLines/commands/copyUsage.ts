/** mcvpc.copyUsage: the SQL, foreign-table and Spark lines that use a declared link, to the clipboard (core/usage/lines.ts). */
import * as vscode from 'vscode';
import { formatLinkUsage } from '../../../core/usage';
import type { CommandDeps, CommandHandler } from '../../shell/commandDeps';
import { nodeArgument } from '../../networkView/model/nodeArgument';

/** The copy-usage command's handler; resolves to the text copied. */
export function copyUsageCommand(_deps: CommandDeps): CommandHandler {
  return async (arg?: unknown): Promise<string> => {
    const node = nodeArgument(arg, ['networkLink'], 'Copy SQL/Spark Usage');
    const name = node.link.name;
    if (name === undefined)
      throw new Error(
        'These interfaces belong to no link MaxCompute lists, and no spec in the workspace names them: there is no name to use.',
      );
    const text = formatLinkUsage({ networkLinkName: name, regionId: node.link.regionId, vpcId: node.link.vpcId });
    await vscode.env.clipboard.writeText(text);
    void vscode.window.showInformationMessage(
      `Copied the SQL and Spark lines for ${name}${node.link.state === 'connected' ? '' : ' (the link is not connected yet)'}.`,
    );
    return text;
  };
}
