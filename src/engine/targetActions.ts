/**
 * Target steps at apply time: the kind's module re-reads the target, decides again with the
 * planner's functions, changes and reads back. The engine supplies what the kinds share: the
 * link's group and vSwitch block, found again when this run did not set them (teardown).
 */
import type { StepOperation } from '../core/plan';
import { targetKind } from '../targets';
import { findGroups } from './liveReads';
import { plainReads } from './readLiveState';
import { ApplyRefusal, throwIfCancelled, type StepContext, type StepOutcome } from './stepContext';

/** The link group's id: set by an earlier step of this run, or found as the plan found it. */
export async function resolveLinkGroupId(ctx: StepContext): Promise<string | undefined> {
  if (ctx.link.groupId !== undefined) return ctx.link.groupId;
  const group = ctx.spec.securityGroup;
  if (group.mode === 'existing') return (ctx.link.groupId = group.securityGroupId);
  const [found] = (
    await findGroups(ctx.cloud, ctx.spec.regionId, { VpcId: ctx.spec.vpcId, SecurityGroupName: group.name }, { signal: ctx.signal })
  ).sort((a, b) => a.securityGroupId.localeCompare(b.securityGroupId));
  if (found !== undefined) ctx.link.groupId = found.securityGroupId;
  return ctx.link.groupId;
}

/** The link vSwitch's CIDR block, read once per run (target steps run in parallel and share the read). */
export function resolveVSwitchCidr(ctx: StepContext): Promise<string> {
  ctx.link.vSwitchCidr ??= (async () => {
    const response = await ctx.cloud.vpc.describeVSwitches(
      { RegionId: ctx.spec.regionId, VSwitchId: ctx.spec.vSwitchId },
      { signal: ctx.signal },
    );
    const vSwitch = (response.VSwitches?.VSwitch ?? []).find((v) => v.VSwitchId === ctx.spec.vSwitchId);
    if (vSwitch === undefined)
      throw new ApplyRefusal('VSwitchNotFound', `vSwitch ${ctx.spec.vSwitchId} no longer exists in ${ctx.spec.regionId}.`);
    return vSwitch.CidrBlock ?? '';
  })();
  return ctx.link.vSwitchCidr;
}

/** Grants or revokes one target's access. */
export async function targetAccess(ctx: StepContext, op: Extract<StepOperation, { kind: 'target-access' }>): Promise<StepOutcome> {
  const target = ctx.spec.targets[op.targetIndex];
  if (target === undefined || target.kind !== op.targetKind)
    throw new Error(`The plan's target ${op.targetIndex} (${op.targetKind}) is not in the spec.`);
  const [linkGroupId, vSwitchCidr] = await Promise.all([resolveLinkGroupId(ctx), resolveVSwitchCidr(ctx)]);
  return targetKind(target.kind).apply(target, op.change, {
    cloud: ctx.cloud,
    regionId: ctx.spec.regionId,
    vpcId: ctx.spec.vpcId,
    linkGroupId,
    vSwitchCidr,
    reads: plainReads(ctx.cloud, ctx.spec.regionId, { signal: ctx.signal }),
    signal: ctx.signal,
    throwIfCancelled: () => throwIfCancelled(ctx),
  });
}
