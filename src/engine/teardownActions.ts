/**
 * The teardown steps the engine owns: waiting for the console to delete the link (the fallback
 * when the link API cannot be used; linkActions.ts removes it through the API), and
 * deleting the link's own security group once nothing uses it.
 */
import { detectNetworkLink } from './detectLink';
import { interfaceUserText, isServiceInterface, type NetworkInterface } from '../core/model';
import { delay } from './engineCloud';
import { findGroups, readGroupInterfaces } from './liveReads';
import { ApplyRefusal, throwIfCancelled, type StepContext, type StepOutcome } from './stepContext';
import { resolveLinkGroupId } from './targetActions';

function linkStillThere(ctx: StepContext, vpcId: string, vSwitchId: string, groupId: string): Promise<boolean> {
  return detectNetworkLink(ctx.cloud, ctx.spec.regionId, vpcId, vSwitchId, groupId, { signal: ctx.signal });
}

/** Done once the link's interfaces are gone; waits (with backoff, until the deadline) when asked to. */
export async function awaitNetworkLinkRemoval(ctx: StepContext, vpcId: string, vSwitchId: string): Promise<StepOutcome> {
  const groupId = await resolveLinkGroupId(ctx);
  if (groupId === undefined) return { status: 'already', detail: "the link's security group is gone, so no link uses it" };
  const gone = async (): Promise<boolean> => !(await linkStillThere(ctx, vpcId, vSwitchId, groupId));
  if (await gone()) return { status: 'already', detail: `no network link in ${vSwitchId} with ${groupId}` };
  if (ctx.waitForConsoleMs <= 0)
    return { status: 'waiting-for-console', detail: 'the network link has not been deleted in the MaxCompute console yet' };
  const deadline = Date.now() + ctx.waitForConsoleMs;
  ctx.onWaiting(deadline);
  let wait = ctx.pollInitialMs;
  while (Date.now() < deadline) {
    await delay(Math.min(wait, Math.max(0, deadline - Date.now())), ctx.signal);
    if (await gone()) return { status: 'done', detail: `the network link is gone from ${vSwitchId}` };
    wait = Math.min(Math.round(wait * 1.5), ctx.pollMaxMs);
  }
  return { status: 'waiting-for-console', detail: `the network link was still there after ${Math.round(ctx.waitForConsoleMs / 1000)} s` };
}

/** Why a group cannot be deleted yet, and what frees it: the console for MaxCompute's ENIs, moving the others' instances. */
function groupInUseText(securityGroupId: string, users: readonly NetworkInterface[]): string {
  const link = users.filter(isServiceInterface);
  const others = users.filter((n) => !isServiceInterface(n));
  const remedies = [
    ...(link.length > 0 ? ['delete the network link in the MaxCompute console'] : []),
    ...(others.length > 0
      ? [`move ${others.length === 1 ? 'it' : 'them'} to another security group (ECS console: the instance's security groups)`]
      : []),
  ];
  return `Security group ${securityGroupId} is still used by ${users.map(interfaceUserText).join(', ')}; ${remedies.join(', and ')} first.`;
}

/** Deletes the link's group (and extra empty ones with its name) when no interface uses it. */
export async function deleteLinkGroup(ctx: StepContext, vpcId: string, name: string): Promise<StepOutcome> {
  const { cloud, spec, signal } = ctx;
  const groups = await findGroups(cloud, spec.regionId, { VpcId: vpcId, SecurityGroupName: name }, { signal });
  if (groups.length === 0) return { status: 'already', detail: `no security group "${name}" in ${vpcId}` };
  const deleted: string[] = [];
  for (const group of groups) {
    const users = await readGroupInterfaces(cloud, spec.regionId, group.securityGroupId, { signal });
    if (users.length > 0) throw new ApplyRefusal('GroupInUse', groupInUseText(group.securityGroupId, users));
    throwIfCancelled(ctx);
    await cloud.ecs.deleteSecurityGroup({ RegionId: spec.regionId, SecurityGroupId: group.securityGroupId });
    deleted.push(group.securityGroupId);
  }
  const left = await findGroups(cloud, spec.regionId, { VpcId: vpcId, SecurityGroupName: name }, { signal });
  if (left.length > 0) throw new Error(`Security group ${left.map((g) => g.securityGroupId).join(', ')} still listed after deleting it.`);
  ctx.link.groupId = undefined;
  return { status: 'done', detail: `deleted security group ${deleted.join(', ')} (read back)` };
}
