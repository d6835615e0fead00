/**
 * mcvpc.allowAccessFromLink: "Allow access from network link…" on a service node — the Create
 * Network Link form on its targets step, for a link the VPC already has (declared or detected),
 * with this service ticked. Without a link in the VPC it offers to create one.
 */
import * as vscode from 'vscode';
import { linkStateText } from '../../networkView/model/links';
import type { CommandDeps, CommandHandler } from '../../shell/commandDeps';
import { nodeArgument } from '../../networkView/model/nodeArgument';

/** The command's handler; resolves to the form's session. */
export function allowAccessCommand(deps: CommandDeps): CommandHandler {
  return async (arg?: unknown, options?: unknown) => {
    const node = nodeArgument(arg, ['service'], 'Allow access from network link');
    const vpcId = node.service.vpcId;
    if (vpcId === undefined) throw new Error(`${node.presentation.id}: its VPC is not known.`);
    const details = await deps.explorer.vpcDetails(node.profile, node.regionId, vpcId);
    const { targetKind } = await import('../../../targets');
    const key = `${targetKind(node.service.kind).kind}:${node.presentation.id}`;
    const { formPanels } = await import('../panel');
    const usable = details.links.filter((l) => l.securityGroupId !== undefined);
    if (usable.length === 0) {
      const create = 'Create Network Link…';
      const answer = await vscode.window.showInformationMessage(
        `${details.vpc.vpcId} has no network link yet. Create one that reaches ${node.presentation.label}?`,
        create,
      );
      if (answer !== create) return undefined;
      return formPanels(deps).open({ profile: node.profile, regionId: node.regionId, vpcId, preset: { targetKeys: [key] } });
    }
    const wanted = (options as { link?: string } | undefined)?.link;
    const link =
      usable.length === 1 || wanted !== undefined
        ? usable.find((l) => wanted === undefined || l.name === wanted)
        : (
            await vscode.window.showQuickPick(
              usable.map((l) => ({
                label: l.name ?? '(unnamed link)',
                description: `${l.vSwitchId} · ${l.securityGroupId ?? ''}`,
                detail: linkStateText(l.state),
                link: l,
              })),
              { title: `Allow access to ${node.presentation.label}`, placeHolder: 'The network link MaxCompute uses' },
            )
          )?.link;
    if (link === undefined) return undefined;
    return formPanels(deps).open({
      profile: node.profile,
      regionId: node.regionId,
      vpcId,
      preset: {
        targetKeys: [key],
        existingLink: { name: link.name ?? '', vSwitchId: link.vSwitchId, securityGroupId: link.securityGroupId },
      },
    });
  };
}
