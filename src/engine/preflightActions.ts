/**
 * The first steps at apply time: the preflight conditions re-checked against the cloud (a plan
 * may have been shown minutes ago), and the link's security group found, checked or created.
 */
import { interfaceUserText, isMaxComputeManagedGroupName, isServiceInterface } from '../core/model';
import { NETWORK_LINK_ROLE_NAME } from '../core/networkLinkConsole';
import { chooseLinkGroup, type StepOperation } from '../core/plan';
import { zoneSupportProblem } from '../core/zones';
import { isNotFound, unlessNotFound } from './engineCloud';
import { findGroups, readGroupInterfaces } from './liveReads';
import { ApplyRefusal, throwIfCancelled, type StepContext, type StepOutcome } from './stepContext';

/** The same-account rule: the caller's account owns the VPC. */
export async function checkAccount(ctx: StepContext, vpcId: string): Promise<StepOutcome> {
  const { cloud, spec, signal } = ctx;
  const [identity, vpcs] = await Promise.all([
    cloud.sts.getCallerIdentity({}, { signal }),
    cloud.vpc.describeVpcs({ RegionId: spec.regionId, VpcId: vpcId }, { signal }),
  ]);
  const vpc = (vpcs.Vpcs?.Vpc ?? []).find((v) => v.VpcId === vpcId);
  if (vpc === undefined) throw new ApplyRefusal('VpcNotFound', `VPC ${vpcId} no longer exists in ${spec.regionId}.`);
  const owner = vpc.OwnerId === undefined ? '' : String(vpc.OwnerId);
  if (owner !== '' && owner !== String(identity.AccountId)) {
    throw new ApplyRefusal('OtherAccount', `VPC ${vpcId} belongs to account ${owner}, but you are signed in as ${identity.AccountId}.`);
  }
  return { status: 'already', detail: `account ${identity.AccountId} owns ${vpcId}` };
}

/** MaxCompute may create ENIs; an existing link proves it could, even if the role was renamed since. */
export async function checkEniRole(ctx: StepContext, linkDetected: boolean): Promise<StepOutcome> {
  const role = await unlessNotFound(ctx.cloud.ram.getRole({ RoleName: NETWORK_LINK_ROLE_NAME }, { signal: ctx.signal }));
  if (role !== undefined) return { status: 'already', detail: `RAM role ${NETWORK_LINK_ROLE_NAME} exists` };
  if (linkDetected) return { status: 'already', detail: 'the network link exists, so MaxCompute was authorized' };
  throw new ApplyRefusal(
    'EniRoleMissing',
    `MaxCompute is not authorized to create network interfaces (RAM role ${NETWORK_LINK_ROLE_NAME} not found); click "Authorize" in the MaxCompute console first.`,
  );
}

/** The vSwitch's zone supports network links. */
export async function checkZone(ctx: StepContext, vSwitchId: string): Promise<StepOutcome> {
  const { cloud, spec, signal } = ctx;
  const response = await cloud.vpc.describeVSwitches({ RegionId: spec.regionId, VSwitchId: vSwitchId }, { signal });
  const vSwitch = (response.VSwitches?.VSwitch ?? []).find((v) => v.VSwitchId === vSwitchId);
  if (vSwitch === undefined) throw new ApplyRefusal('VSwitchNotFound', `vSwitch ${vSwitchId} no longer exists in ${spec.regionId}.`);
  const problem = zoneSupportProblem(spec.regionId, vSwitch.ZoneId);
  if (problem !== undefined) throw new ApplyRefusal('ZoneNotSupported', problem);
  return { status: 'already', detail: `zone ${vSwitch.ZoneId} supports network links` };
}

/** The spec's existing group: still there, basic, in the VPC, not one of MaxCompute's. */
export async function useLinkGroup(ctx: StepContext, securityGroupId: string): Promise<StepOutcome> {
  const { cloud, spec, signal } = ctx;
  const [group] = await findGroups(cloud, spec.regionId, { SecurityGroupId: securityGroupId }, { signal });
  if (group === undefined || group.securityGroupId !== securityGroupId)
    throw new ApplyRefusal('GroupNotFound', `Security group ${securityGroupId} no longer exists in ${spec.regionId}.`);
  if (group.vpcId !== spec.vpcId)
    throw new ApplyRefusal('GroupOtherVpc', `Security group ${securityGroupId} is in ${group.vpcId}, not in ${spec.vpcId}.`);
  if (group.type !== 'normal')
    throw new ApplyRefusal('GroupNotBasic', `Security group ${securityGroupId} is an advanced group; a network link needs a basic one.`);
  if (isMaxComputeManagedGroupName(group.name))
    throw new ApplyRefusal(
      'GroupManaged',
      `Security group ${securityGroupId} (${group.name}) belongs to MaxCompute and must not be modified.`,
    );
  ctx.link.groupId = securityGroupId;
  return { status: 'already', detail: `using security group ${securityGroupId}` };
}

/** Finds the group to create by name in the VPC, and creates it only when it is really absent. */
export async function ensureLinkGroup(ctx: StepContext, op: Extract<StepOperation, { kind: 'ensure-link-group' }>): Promise<StepOutcome> {
  const { cloud, spec, signal } = ctx;
  const { keep: found } = chooseLinkGroup(
    await findGroups(cloud, spec.regionId, { VpcId: op.vpcId, SecurityGroupName: op.name }, { signal }),
  );
  if (found !== undefined) {
    if (found.type !== 'normal')
      throw new ApplyRefusal(
        'GroupNotBasic',
        `Security group ${found.securityGroupId} named "${op.name}" is an advanced group; a network link needs a basic one.`,
      );
    // The plan refused a group others use; one may have started using it since (an instance put in it).
    const strangers = (await readGroupInterfaces(cloud, spec.regionId, found.securityGroupId, { signal })).filter(
      (n) => !isServiceInterface(n),
    );
    if (strangers.length > 0) {
      throw new ApplyRefusal(
        'GroupInUse',
        `Security group ${found.securityGroupId} named "${op.name}" guards ${strangers.map(interfaceUserText).join(', ')}; it is not taken as the link's group. Choose a name no group has, or name the group with securityGroup.id if it is meant to be shared.`,
      );
    }
    ctx.link.groupId = found.securityGroupId;
    return { status: 'already', detail: `security group "${op.name}" is ${found.securityGroupId}` };
  }
  throwIfCancelled(ctx);
  const created = await cloud.ecs.createSecurityGroup({
    RegionId: spec.regionId,
    VpcId: op.vpcId,
    SecurityGroupName: op.name,
    SecurityGroupType: 'normal',
    Description: op.description,
  });
  // Another machine may have created one at the same moment: list by name and converge on the oldest.
  const { kept, deleted } = await convergeLinkGroups(ctx, op.vpcId, op.name, created.SecurityGroupId);
  ctx.link.groupId = kept;
  if (kept !== created.SecurityGroupId)
    return {
      status: 'already',
      detail: `security group "${op.name}" is ${kept} (created by a run at the same time; ${deleted.join(', ')} deleted)`,
    };
  return {
    status: 'done',
    detail: `created security group "${op.name}" ${created.SecurityGroupId}${deleted.length > 0 ? `; deleted the newer ${deleted.join(', ')}` : ''}`,
  };
}

/**
 * Keeps the oldest group with the link group's name and deletes the newer ones no interface uses
 * (core's chooseLinkGroup decides, as the planner does). `created` is this run's group, counted
 * even before Describe calls show it (it is then the newest).
 */
export async function convergeLinkGroups(
  ctx: StepContext,
  vpcId: string,
  name: string,
  created?: string,
): Promise<{ kept: string; deleted: string[] }> {
  const { cloud, spec, signal } = ctx;
  const listed = await findGroups(cloud, spec.regionId, { VpcId: vpcId, SecurityGroupName: name }, { signal });
  const groups =
    created === undefined || listed.some((g) => g.securityGroupId === created) ? listed : [...listed, { securityGroupId: created }];
  const { keep, extra } = chooseLinkGroup(groups);
  if (keep === undefined) throw new ApplyRefusal('GroupNotFound', `No security group "${name}" in ${vpcId}.`);
  const deleted: string[] = [];
  for (const group of extra) {
    const users = await readGroupInterfaces(cloud, spec.regionId, group.securityGroupId, { signal });
    if (users.length > 0) continue;
    throwIfCancelled(ctx);
    try {
      await cloud.ecs.deleteSecurityGroup({ RegionId: spec.regionId, SecurityGroupId: group.securityGroupId });
    } catch (err) {
      // The other run deleted it first: the outcome is the same.
      if (!isNotFound(err)) throw err;
    }
    deleted.push(group.securityGroupId);
  }
  return { kept: keep.securityGroupId, deleted };
}

/** The plan's step for extra empty groups found at plan time. */
export async function deleteExtraLinkGroups(ctx: StepContext, vpcId: string, name: string): Promise<StepOutcome> {
  const { kept, deleted } = await convergeLinkGroups(ctx, vpcId, name);
  ctx.link.groupId = kept;
  return deleted.length === 0
    ? { status: 'already', detail: `only ${kept} is named "${name}" (or the others are in use)` }
    : { status: 'done', detail: `deleted ${deleted.join(', ')}; ${kept} is the link's group` };
}
