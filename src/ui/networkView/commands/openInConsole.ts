/** mcvpc.openInConsole: the resource's page in the Alibaba Cloud console (patterns in consoleUrls.ts, unverified). */
import * as vscode from 'vscode';
import { consoleUrl, type ConsoleResource } from '../model/consoleUrls';
import type { ExplorerNode } from '../model/nodes';
import type { CommandDeps, CommandHandler } from '../../shell/commandDeps';
import { nodeArgument } from '../model/nodeArgument';

function resourceOf(node: ExplorerNode): ConsoleResource | undefined {
  switch (node.kind) {
    case 'vpc':
      return { kind: 'vpc', regionId: node.regionId, id: node.vpc.vpcId };
    case 'vSwitch':
      return { kind: 'vSwitch', regionId: node.regionId, id: node.vSwitch.vSwitchId };
    case 'securityGroup':
      return { kind: 'securityGroup', regionId: node.regionId, id: node.group.securityGroupId };
    case 'service':
      return { kind: 'service', url: node.presentation.consoleUrl };
    case 'networkLink':
      return { kind: 'networkLink', regionId: node.regionId };
    default:
      return undefined;
  }
}

/** The open-in-console command's handler; resolves to the URL opened. */
export function openInConsoleCommand(deps: CommandDeps): CommandHandler {
  return async (arg?: unknown): Promise<string> => {
    const node = nodeArgument(arg, ['vpc', 'vSwitch', 'securityGroup', 'service', 'networkLink'], 'Open in Console');
    const resource = resourceOf(node);
    if (resource === undefined) throw new Error('This item has no console page.');
    const url = consoleUrl(resource, deps.session.settings().endpoint);
    await vscode.env.openExternal(vscode.Uri.parse(url));
    return url;
  };
}
