/**
 * mcvpc.createNetworkLink: the Create Network Link form (a webview) on a VPC — from the VPC's or
 * a vSwitch's menu (that vSwitch chosen), or from the palette (pick a VPC). Resolves to the
 * form's session (integration tests drive it through the same messages as the webview).
 */
import * as vscode from 'vscode';
import type { ExplorerNode } from '../../networkView/model/nodes';
import type { CommandDeps, CommandHandler } from '../../shell/commandDeps';

type Kind<K extends ExplorerNode['kind']> = Extract<ExplorerNode, { kind: K }>;

/** The VPCs the Network view lists (its regions' first pages), to pick one from the palette. */
async function pickVpc(deps: CommandDeps): Promise<Kind<'vpc'> | undefined> {
  const roots = await deps.explorer.getChildren();
  const regions = (roots[0]?.kind === 'profile' ? await deps.explorer.getChildren(roots[0]) : roots).filter(
    (n): n is Kind<'region'> => n.kind === 'region',
  );
  const vpcs = (await Promise.all(regions.map((r) => deps.explorer.getChildren(r))))
    .flat()
    .filter((n): n is Kind<'vpc'> => n.kind === 'vpc');
  if (vpcs.length === 0) throw new Error("No VPC is listed in the Network view's regions: add a region, or create a VPC first.");
  const picked = await vscode.window.showQuickPick(
    vpcs.map((node) => ({
      label: node.vpc.name || node.vpc.vpcId,
      description: `${node.vpc.vpcId} · ${node.vpc.cidrBlock}`,
      detail: node.regionId,
      node,
    })),
    { title: 'Create Network Link', placeHolder: 'The VPC MaxCompute should reach' },
  );
  return picked?.node;
}

/** The command's handler. */
export function createNetworkLinkCommand(deps: CommandDeps): CommandHandler {
  return async (arg?: unknown) => {
    const { formPanels } = await import('../panel');
    const panels = formPanels(deps);
    const reopen = (arg as { formSession?: unknown } | undefined)?.formSession;
    if (reopen !== undefined) return panels.reveal(reopen as Parameters<typeof panels.reveal>[0]);
    const node = arg as Partial<ExplorerNode> | undefined;
    // From a quick fix in a SQL/Spark file: `{ regionId, vpcId }` of a VPC no link reaches yet.
    const place = arg as { regionId?: unknown; vpcId?: unknown } | undefined;
    if (node?.kind === undefined && typeof place?.regionId === 'string' && typeof place.vpcId === 'string') {
      const cloud = await deps.session.open();
      return panels.open({ profile: cloud.accountProfile, regionId: place.regionId, vpcId: place.vpcId });
    }
    if (node?.kind === 'vSwitch') {
      const vSwitch = node as Kind<'vSwitch'>;
      return panels.open({
        profile: vSwitch.profile,
        regionId: vSwitch.regionId,
        vpcId: vSwitch.vSwitch.vpcId,
        preset: { vSwitchId: vSwitch.vSwitch.vSwitchId },
      });
    }
    const vpc = node?.kind === 'vpc' ? (node as Kind<'vpc'>) : node === undefined ? await pickVpc(deps) : undefined;
    if (vpc === undefined) {
      if (node !== undefined)
        throw new Error('Run "Create Network Link" on a VPC or vSwitch of the MaxCompute VPC Network view, or from the palette.');
      return undefined;
    }
    return panels.open({ profile: vpc.profile, regionId: vpc.regionId, vpcId: vpc.vpc.vpcId });
  };
}
