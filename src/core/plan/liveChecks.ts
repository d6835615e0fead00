/**
 * The live checks: does what the spec names exist in that region and account, and does it
 * meet MaxCompute's rules (seed doc steps 1–2)? Each finding points at the spec text it is
 * about, so the editor can show it as a diagnostic; errors make the plan refuse.
 */
import { isWholeInternet } from '../cidr';
import { isMaxComputeManagedGroupName, maxComputeManagedGroupNames } from '../model';
import { NETWORK_LINK_ROLE_NAME } from '../networkLinkConsole';
import { zoneSupportProblem } from '../zones';
import type { ConnectionSpec, SourceRange, TargetSpec } from '../../spec/types';
import type { LiveState, TargetLive } from './liveState';
import type { LiveCheck, LiveCheckCode } from './steps';
import { emrPortRule, linkGroupIngressRule, overridingDrops } from './wantedRules';
import { describeRule } from '../rules';

/** RDS instances accept at most 10 ECS security groups (ModifySecurityGroupConfiguration reference, see issue 9). */
export const RDS_MAX_SECURITY_GROUPS = 10;

function error(code: LiveCheckCode, message: string, range: SourceRange): LiveCheck {
  return { code, severity: 'error', message, range };
}

function warning(code: LiveCheckCode, message: string, range: SourceRange): LiveCheck {
  return { code, severity: 'warning', message, range };
}

/** True when MaxCompute's traces of a created link are visible: its ENIs in the link's group and vSwitch, and its return-traffic group. */
export function networkLinkDetected(live: LiveState): boolean {
  const [returnGroupName] = maxComputeManagedGroupNames(live.vpc?.vpcId ?? '');
  return live.linkNetworkInterfaces.length > 0 && live.managedGroups.some((g) => g.name === returnGroupName);
}

/** The CIDR block the link's group accepts return traffic from; undefined when the block it refers to is unknown. */
export function linkInboundCidr(spec: ConnectionSpec, live: LiveState): string | undefined {
  const group = spec.securityGroup;
  // An existing group has no inboundSource in the spec: the VPC's block covers every target in it.
  const source = group.mode === 'create' ? group.inboundSource : ({ kind: 'vpc-cidr' } as const);
  if (source.kind === 'cidr') return source.cidr;
  const block = source.kind === 'vpc-cidr' ? live.vpc?.cidrBlock : live.vSwitch?.cidrBlock;
  return block === undefined || block === '' ? undefined : block;
}

/** Every live finding about the spec, in spec order. */
export function liveChecks(spec: ConnectionSpec, live: LiveState): LiveCheck[] {
  return [...placementChecks(spec, live), ...linkGroupChecks(spec, live), ...spec.targets.flatMap((t) => targetChecks(spec, t, live.targets[t.index], live))];
}

function placementChecks(spec: ConnectionSpec, live: LiveState): LiveCheck[] {
  const checks: LiveCheck[] = [];
  const where = `in region ${spec.regionId} of account ${live.callerAccountId}`;
  if (live.vpc === undefined) {
    checks.push(error('vpc-not-found', `VPC ${spec.vpcId} was not found ${where}.`, spec.ranges.vpcId));
  } else if (live.vpc.ownerId !== '' && live.vpc.ownerId !== live.callerAccountId) {
    checks.push(error('other-account', `VPC ${spec.vpcId} belongs to account ${live.vpc.ownerId}, but you are signed in as ${live.callerAccountId}: MaxCompute requires the VPC owner, the project's account and the service's account to be the same Alibaba Cloud account.`, spec.ranges.vpcId));
  }
  if (live.vSwitch === undefined) {
    checks.push(error('vswitch-not-found', `vSwitch ${spec.vSwitchId} was not found ${where}.`, spec.ranges.vSwitchId));
  } else {
    if (live.vSwitch.vpcId !== spec.vpcId) {
      checks.push(error('vswitch-other-vpc', `vSwitch ${spec.vSwitchId} belongs to ${live.vSwitch.vpcId}, not to ${spec.vpcId}.`, spec.ranges.vSwitchId));
    }
    const zoneProblem = zoneSupportProblem(spec.regionId, live.vSwitch.zoneId);
    if (zoneProblem !== undefined) checks.push(error('zone-unsupported', `vSwitch ${spec.vSwitchId}: ${zoneProblem}`, spec.ranges.vSwitchId));
  }
  if (!live.eniRoleExists && !networkLinkDetected(live)) {
    checks.push(error('eni-role-missing', `MaxCompute is not authorized to create network interfaces in your VPCs (RAM role ${NETWORK_LINK_ROLE_NAME} not found). Sign in with the Alibaba Cloud account and click "Authorize" in the MaxCompute console's Network Connection page, then plan again.`, spec.ranges.networkLinkName));
  }
  return checks;
}

function linkGroupChecks(spec: ConnectionSpec, live: LiveState): LiveCheck[] {
  const checks: LiveCheck[] = [];
  const groupSpec = spec.securityGroup;
  const range = groupSpec.mode === 'existing' ? groupSpec.ranges.securityGroupId : groupSpec.ranges.name;
  const found = live.linkGroup?.group;
  if (groupSpec.mode === 'existing' && found === undefined) {
    checks.push(error('group-not-found', `Security group ${groupSpec.securityGroupId} was not found in region ${spec.regionId}.`, range));
  }
  if (groupSpec.mode === 'create' && live.sameNameGroupIds.length > 0) {
    const ids = [found?.securityGroupId, ...live.sameNameGroupIds].filter((id) => id !== undefined).join(', ');
    checks.push(error('group-name-ambiguous', `Several security groups in ${spec.vpcId} are named "${groupSpec.name}" (${ids}); name one of them with securityGroup.id, or rename the others.`, range));
  }
  if (found !== undefined) {
    const label = `Security group ${found.securityGroupId} (${found.name})`;
    if (found.vpcId !== spec.vpcId) checks.push(error('group-other-vpc', `${label} is in ${found.vpcId || 'no VPC'}, not in ${spec.vpcId}; the link's group must be in the link's VPC.`, range));
    if (found.type !== 'normal') checks.push(error('group-advanced', `${label} is an advanced security group; a network link needs a basic group, because advanced groups deny outbound traffic by default.`, range));
    if (found.managedByMaxCompute || isMaxComputeManagedGroupName(found.name)) {
      checks.push(error('group-managed', `${label} is one of MaxCompute's return-traffic groups, which must never be modified; use a separate basic group for the link.`, range));
    }
  }
  if (groupSpec.mode === 'create' && groupSpec.inboundSource.kind === 'cidr' && isWholeInternet(groupSpec.inboundSource.cidr) && !groupSpec.allowWholeInternet) {
    checks.push(error('whole-internet', `inboundSource ${groupSpec.inboundSource.cidr} opens the group to the whole internet; set allowWholeInternet: true if that is really meant.`, groupSpec.ranges.inboundSource));
  }
  const sourceCidr = linkInboundCidr(spec, live);
  if (live.linkGroup !== undefined && sourceCidr !== undefined) {
    const drops = overridingDrops(live.linkGroup.ingress, linkGroupIngressRule(sourceCidr));
    if (drops.length > 0) {
      checks.push(error('rule-overridden', `Security group ${live.linkGroup.group.securityGroupId} has ${drops.map(describeRule).join('; ')}, which would still drop return traffic from ${sourceCidr} after the accept rule is added (a drop wins at equal priority); remove it first.`, range));
    }
  }
  return checks;
}

/** The message, prefixed `Target "orders-mysql": ` when the spec names the target (derived labels would only repeat the id). */
function aboutTarget(target: TargetSpec, text: string): string {
  return target.labelGiven ? `Target "${target.label}": ${text}` : `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

function targetWords(target: TargetSpec): string {
  switch (target.kind) {
    case 'rds': return `RDS instance ${target.instanceId}`;
    case 'hbase': return `HBase cluster ${target.clusterId}`;
    case 'emr': return target.clusterId === undefined ? `the EMR security group ${target.securityGroupId}` : `EMR cluster ${target.clusterId}`;
    case 'custom': return target.cidr;
  }
}

function targetChecks(spec: ConnectionSpec, target: TargetSpec, live: TargetLive | undefined, state: LiveState): LiveCheck[] {
  if (live === undefined || live.kind !== target.kind) throw new Error(`The live state has no ${target.kind} entry for target ${target.index}; it was read for another spec.`);
  const checks: LiveCheck[] = [];
  const linkGroupId = state.linkGroup?.group.securityGroupId;
  const otherVpc = (vpcId: string | undefined, range: SourceRange): void => {
    if (vpcId !== undefined && vpcId !== '' && vpcId !== spec.vpcId) {
      checks.push(warning('target-other-vpc', aboutTarget(target, `${targetWords(target)} is in ${vpcId}, not in the link's VPC ${spec.vpcId}: the link only reaches addresses in ${spec.vpcId}.`), range));
    }
  };
  if (target.kind === 'rds' && live.kind === 'rds') {
    if (live.instance === undefined) return [error('target-not-found', aboutTarget(target, `RDS instance ${target.instanceId} was not found in ${spec.regionId}.`), target.ranges.instanceId)];
    otherVpc(live.instance.vpcId, target.ranges.instanceId);
    const alreadyBound = linkGroupId !== undefined && live.securityGroupIds.includes(linkGroupId);
    if (target.access.mode === 'securityGroup' && !alreadyBound && live.securityGroupIds.length >= RDS_MAX_SECURITY_GROUPS) {
      checks.push(error('too-many-security-groups', aboutTarget(target, `RDS instance ${target.instanceId} already has ${live.securityGroupIds.length} security groups (${live.securityGroupIds.join(', ')}), the most it accepts is ${RDS_MAX_SECURITY_GROUPS}; use access: whitelist, or remove one.`), target.ranges.access));
    }
  } else if (target.kind === 'hbase' && live.kind === 'hbase') {
    if (live.cluster === undefined) return [error('target-not-found', aboutTarget(target, `HBase cluster ${target.clusterId} was not found in ${spec.regionId}.`), target.ranges.clusterId)];
    otherVpc(live.cluster.vpcId, target.ranges.clusterId);
  } else if (target.kind === 'emr' && live.kind === 'emr') {
    if (target.clusterId !== undefined && live.cluster === undefined) {
      return [error('target-not-found', aboutTarget(target, `EMR cluster ${target.clusterId} was not found in ${spec.regionId}.`), target.ranges.cluster)];
    }
    if (live.group === undefined) {
      const which = target.securityGroupId ?? live.cluster?.securityGroupId;
      const message = which === undefined ? `EMR cluster ${target.clusterId} reports no security group (NodeAttributes.SecurityGroupId); name it with securityGroupId.` : `security group ${which} was not found in ${spec.regionId}.`;
      return [error('target-group-missing', aboutTarget(target, message), target.ranges.cluster)];
    }
    const group = live.group.group;
    otherVpc(live.cluster?.vpcId ?? group.vpcId, target.ranges.cluster);
    if (group.managedByMaxCompute || isMaxComputeManagedGroupName(group.name)) {
      checks.push(error('target-group-managed', aboutTarget(target, `security group ${group.securityGroupId} (${group.name}) belongs to MaxCompute and must never be modified; name the cluster's own group.`), target.ranges.cluster));
    } else if (group.type !== 'normal') {
      checks.push(error('target-group-advanced', aboutTarget(target, `security group ${group.securityGroupId} is an advanced group, which cannot authorize another security group; EMR needs a basic group.`), target.ranges.cluster));
    } else if (linkGroupId !== undefined) {
      const drops = [...new Set(target.ports.flatMap((port) => overridingDrops(live.group!.ingress, emrPortRule(linkGroupId, port))))];
      if (drops.length > 0) {
        checks.push(error('rule-overridden', aboutTarget(target, `security group ${group.securityGroupId} has ${drops.map(describeRule).join('; ')}, which would still drop the link's traffic on TCP ${target.ports.join(', ')} after the accept rules are added; remove it first.`), target.ranges.ports));
      }
    }
  }
  return checks;
}
