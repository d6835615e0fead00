/**
 * Step 4 of the procedure: let the link's traffic into each target service. Whitelists get the
 * link vSwitch's CIDR block (ENI addresses can change, the block does not); security-group
 * access adds the link's group to the service or authorizes it on the cluster's group.
 * Existing entries are never removed or overwritten.
 */
import { cidrContains, parseCidr } from '../cidr';
import type { SecurityGroupRule } from '../model';
import { ruleCovers } from '../ruleCoverage';
import { describeRule } from '../rules';
import type { CustomTargetSpec, EmrTargetSpec, HBaseTargetSpec, RdsTargetSpec, TargetSpec } from '../../spec/types';
import type { CustomLive, EmrLive, HBaseLive, RdsLive, TargetLive, WhitelistGroup } from './liveState';
import { KNOWN_AFTER_APPLY, type PlanStep } from './steps';
import { emrPortRule } from './wantedRules';

/** What target steps need from the earlier steps. */
export interface TargetContext {
  /** The link group's id, or undefined while it is still to be created. */
  linkGroupId?: string;
  linkGroupLabel: string;
  /** The link vSwitch's CIDR block: what whitelists must allow. */
  vSwitchCidr: string;
  dependsOn: string[];
}

/** The whitelist entry that already admits the block (itself or a containing block), if any. */
export function whitelistEntryCovering(group: WhitelistGroup | undefined, cidr: string): string | undefined {
  const wanted = parseCidr(cidr);
  if (group === undefined || wanted === undefined) return undefined;
  return group.ips.find((ip) => {
    const entry = parseCidr(ip);
    return entry !== undefined && cidrContains(entry, wanted);
  });
}

/** The ports whose rule is not yet in force in the group (all of them while the link group is unknown). */
export function missingEmrPorts(ingress: readonly SecurityGroupRule[], linkGroupId: string | undefined, ports: readonly number[]): number[] {
  if (linkGroupId === undefined) return [...ports];
  return ports.filter((port) => !ruleCovers(ingress, emrPortRule(linkGroupId, port)));
}

/** ` ("orders-mysql")` when the spec names the target; derived labels only repeat the id. */
function named(target: TargetSpec): string {
  return target.labelGiven ? ` ("${target.label}")` : '';
}

function base(target: TargetSpec, ctx: TargetContext): Pick<PlanStep, 'id' | 'phase' | 'dependsOn' | 'range' | 'targetIndex' | 'details'> {
  return { id: `target.${target.index}.${target.kind}`, phase: 'target', dependsOn: ctx.dependsOn, range: target.range, targetIndex: target.index, details: [] };
}

/**
 * How one service kind (RDS, HBase) is asked to let the link in. The decisions are the same for
 * both — whitelist entry already covering the block, link group already attached — only the
 * operations and API calls differ.
 */
interface ServiceAccessKind {
  label: string;
  whitelistOperation(groupName: string, cidr: string): PlanStep['operation'];
  /** The call that adds the block to the group, and a note on how it keeps existing entries. */
  whitelistCall(groupName: string, group: WhitelistGroup | undefined, cidr: string): { call: PlanStep['call']; keeps: string };
  groupOperation: PlanStep['operation'];
  groupCall(groupIds: string[]): PlanStep['call'];
}

function rdsAccess(target: RdsTargetSpec): ServiceAccessKind {
  const instanceId = target.instanceId;
  return {
    label: `RDS ${instanceId}${named(target)}`,
    whitelistOperation: (whitelistGroup, cidr) => ({ kind: 'rds-whitelist', instanceId, whitelistGroup, cidr }),
    whitelistCall: (groupName, _group, cidr) => ({
      call: { product: 'Rds', action: 'ModifySecurityIps', params: { DBInstanceId: instanceId, DBInstanceIPArrayName: groupName, SecurityIps: cidr, ModifyMode: 'Append' } },
      keeps: 'ModifyMode=Append: no existing entry is replaced or removed',
    }),
    groupOperation: { kind: 'rds-security-group', instanceId },
    groupCall: (groupIds) => ({ product: 'Rds', action: 'ModifySecurityGroupConfiguration', params: { DBInstanceId: instanceId, SecurityGroupId: groupIds.join(',') } }),
  };
}

function hbaseAccess(target: HBaseTargetSpec): ServiceAccessKind {
  const clusterId = target.clusterId;
  return {
    label: `HBase ${clusterId}${named(target)}`,
    whitelistOperation: (whitelistGroup, cidr) => ({ kind: 'hbase-whitelist', clusterId, whitelistGroup, cidr }),
    // ModifyIpWhitelist replaces the group's list: send the current entries plus ours (re-read at apply time).
    whitelistCall: (groupName, group, cidr) => ({
      call: { product: 'HBase', action: 'ModifyIpWhitelist', params: { ClusterId: clusterId, GroupName: groupName, IpVersion: String(group?.ipVersion ?? 4), IpList: [...(group?.ips ?? []), cidr].join(',') } },
      keeps: 'the list is re-read and merged right before writing',
    }),
    groupOperation: { kind: 'hbase-security-group', clusterId },
    groupCall: (groupIds) => ({ product: 'HBase', action: 'ModifySecurityGroups', params: { ClusterId: clusterId, SecurityGroupIds: groupIds.join(',') } }),
  };
}

function planServiceAccess(target: RdsTargetSpec | HBaseTargetSpec, live: RdsLive | HBaseLive, ctx: TargetContext, kind: ServiceAccessKind): PlanStep {
  const { label } = kind;
  if (target.access.mode === 'whitelist') {
    const groupName = target.access.whitelistGroup;
    const group = live.whitelist.find((w) => w.name === groupName);
    const covering = whitelistEntryCovering(group, ctx.vSwitchCidr);
    const operation = kind.whitelistOperation(groupName, ctx.vSwitchCidr);
    if (covering !== undefined) {
      const via = covering === ctx.vSwitchCidr ? '' : ` (through ${covering})`;
      return { ...base(target, ctx), action: 'unchanged', title: `${label}: whitelist group ${groupName} already allows ${ctx.vSwitchCidr}${via}`, operation };
    }
    const { call, keeps } = kind.whitelistCall(groupName, group, ctx.vSwitchCidr);
    return {
      ...base(target, ctx),
      action: group === undefined ? 'create' : 'change',
      title: `${label}: add ${ctx.vSwitchCidr} to whitelist group ${groupName}`,
      details: [group === undefined ? `new whitelist group ${groupName}` : `entries kept: ${group.ips.join(', ') || '(none)'}`, keeps],
      call,
      operation,
    };
  }
  const operation = kind.groupOperation;
  if (ctx.linkGroupId !== undefined && live.securityGroupIds.includes(ctx.linkGroupId)) {
    return { ...base(target, ctx), action: 'unchanged', title: `${label}: already in security group ${ctx.linkGroupLabel}`, operation };
  }
  const merged = [...live.securityGroupIds, ctx.linkGroupId ?? KNOWN_AFTER_APPLY];
  return {
    ...base(target, ctx),
    action: 'change',
    title: `${label}: add security group ${ctx.linkGroupLabel}`,
    details: [`security groups: ${merged.join(', ')}`],
    call: kind.groupCall(merged),
    operation,
  };
}

function planEmr(target: EmrTargetSpec, live: EmrLive, ctx: TargetContext): PlanStep {
  const group = live.group;
  if (group === undefined) throw new Error(`EMR target ${target.index} has no security group; the live checks should have refused the plan.`);
  const groupId = group.group.securityGroupId;
  const owner = target.clusterId === undefined ? `security group ${groupId}` : `EMR ${target.clusterId}'s security group ${groupId}`;
  const label = `${owner}${named(target)}`;
  const missing = missingEmrPorts(group.ingress, ctx.linkGroupId, target.ports);
  const operation = { kind: 'emr-rules', securityGroupId: groupId, ports: target.ports } as const;
  if (missing.length === 0) {
    return { ...base(target, ctx), action: 'unchanged', title: `${label}: already allows ${ctx.linkGroupLabel} on TCP ${target.ports.join(', ')}`, operation };
  }
  const peer = ctx.linkGroupId ?? KNOWN_AFTER_APPLY;
  const covered = target.ports.filter((p) => !missing.includes(p));
  return {
    ...base(target, ctx),
    action: 'create',
    title: `${label}: allow ${ctx.linkGroupLabel} on TCP ${missing.join(', ')}`,
    details: [...missing.map((p) => describeRule(emrPortRule(peer, p))), ...(covered.length > 0 ? [`already allowed: TCP ${covered.join(', ')}`] : [])],
    call: {
      product: 'Ecs',
      action: 'AuthorizeSecurityGroup',
      params: { SecurityGroupId: groupId, Permissions: missing.map((p) => ({ IpProtocol: 'TCP', PortRange: `${p}/${p}`, SourceGroupId: peer, Policy: 'accept', Priority: '1', NicType: 'intranet', Description: 'MaxCompute network link' })) },
    },
    operation,
  };
}

function planCustom(target: CustomTargetSpec, _live: CustomLive, ctx: TargetContext): PlanStep {
  return {
    ...base(target, ctx),
    action: 'manual',
    title: `"${target.label}" (${target.cidr}): if the server has its own access control, allow ${ctx.vSwitchCidr} on TCP ${target.ports.join(', ')}`,
    details: [`MaxCompute's network interfaces take addresses in ${ctx.vSwitchCidr} and sit in security group ${ctx.linkGroupLabel}; this cannot be checked from the cloud API (seed doc, optional step 4).`],
    operation: { kind: 'custom-handover' },
  };
}

/** The step that opens one target to the link. */
export function planTargetStep(target: TargetSpec, live: TargetLive, ctx: TargetContext): PlanStep {
  if (target.kind === 'rds' && live.kind === 'rds') return planServiceAccess(target, live, ctx, rdsAccess(target));
  if (target.kind === 'hbase' && live.kind === 'hbase') return planServiceAccess(target, live, ctx, hbaseAccess(target));
  if (target.kind === 'emr' && live.kind === 'emr') return planEmr(target, live, ctx);
  if (target.kind === 'custom' && live.kind === 'custom') return planCustom(target, live, ctx);
  throw new Error(`Target ${target.index} is ${target.kind} in the spec but ${live.kind} in the live state.`);
}
