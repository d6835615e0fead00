/**
 * The live checks: does what the spec names exist in that region and account, and does it
 * meet MaxCompute's rules (seed doc steps 1–2)? Each finding points at the spec text it is
 * about, so the editor can show it as a diagnostic; errors make the plan refuse.
 */
import { isWholeInternet } from '../cidr';
import { findDetectedLink } from '../linkDetection';
import { interfaceUserText, isMaxComputeManagedGroupName, isServiceInterface } from '../model';
import { NETWORK_LINK_ROLE_NAME } from '../networkLinkConsole';
import { isNetworkLinkReady, linkConfigurationText, PASSTHROUGH, sameLinkConfiguration } from '../networkLinkApi';
import { zoneSupportProblem } from '../zones';
import type { ConnectionSpec, SourceRange, TargetSpec } from '../specModel';
import type { LiveState, TargetLive } from './liveState';
import type { LiveCheck, LiveCheckCode } from './steps';
import { linkGroupIngressRule, overridingDrops } from './wantedRules';
import type { TargetPlanners } from './targetPlanning';
import { describeRule } from '../rules';

function error(code: LiveCheckCode, message: string, range: SourceRange): LiveCheck {
  return { code, severity: 'error', message, range };
}

function warning(code: LiveCheckCode, message: string, range: SourceRange): LiveCheck {
  return { code, severity: 'warning', message, range };
}

/** True when MaxCompute's traces of a created link are visible (core/linkDetection's one predicate). */
export function networkLinkDetected(live: LiveState): boolean {
  const linkGroup = live.linkGroup?.group;
  if (live.vpc === undefined || live.vSwitch === undefined || linkGroup === undefined) return false;
  return (
    findDetectedLink(live.vpc.vpcId, live.vSwitch.vSwitchId, linkGroup.securityGroupId, live.linkNetworkInterfaces, [
      ...live.managedGroups,
      linkGroup,
    ]) !== undefined
  );
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
export function liveChecks(spec: ConnectionSpec, live: LiveState, planners: TargetPlanners): LiveCheck[] {
  const linkGroupId = live.linkGroup?.group.securityGroupId;
  const targetChecks = spec.targets.flatMap((target) =>
    planners(target.kind).liveChecks(target, targetLive(live, target), { spec, linkGroupId }),
  );
  return [...placementChecks(spec, live), ...linkGroupChecks(spec, live), ...linkChecks(spec, live), ...targetChecks];
}

/** The configuration the spec asks MaxCompute for; the group is undefined while it is still to be created. */
export function wantedLinkConfiguration(
  spec: ConnectionSpec,
  live: LiveState,
): { type: string; vpcId: string; vSwitchId: string; securityGroupId?: string } {
  return { type: PASSTHROUGH, vpcId: spec.vpcId, vSwitchId: spec.vSwitchId, securityGroupId: live.linkGroup?.group.securityGroupId };
}

/** True when the link MaxCompute lists under the spec's name is the one the spec describes. */
export function linkMatchesSpec(spec: ConnectionSpec, live: LiveState): boolean {
  return live.networkLink !== undefined && sameLinkConfiguration(live.networkLink, wantedLinkConfiguration(spec, live));
}

/**
 * A link of the spec's name configured otherwise is never changed or adopted (refused, showing
 * both); the link API being unusable is said once, as the reason for the console hand-over.
 */
function linkChecks(spec: ConnectionSpec, live: LiveState): LiveCheck[] {
  const link = live.networkLink;
  const checks: LiveCheck[] = [];
  if (link !== undefined && !linkMatchesSpec(spec, live)) {
    const wanted = wantedLinkConfiguration(spec, live);
    const wantedText = linkConfigurationText({
      ...wanted,
      securityGroupId:
        wanted.securityGroupId ?? `the group "${spec.securityGroup.mode === 'create' ? spec.securityGroup.name : ''}" still to create`,
    });
    checks.push(
      error(
        'link-other-config',
        `A network link named "${link.name}" already exists in ${spec.regionId} with ${linkConfigurationText(link)} (status ${link.status}); this spec asks for ${wantedText}. A link is never changed by apply: choose another networkLinkName, or remove that link first if it is no longer used.`,
        spec.ranges.networkLinkName,
      ),
    );
  }
  if (live.networkLinkApi.state !== 'ok') {
    const why =
      live.networkLinkApi.state === 'denied'
        ? "the caller may not use MaxCompute's network-link API"
        : "MaxCompute's network-link API is not offered in this region";
    checks.push(
      warning(
        'link-api-unusable',
        `${why} (${live.networkLinkApi.reason}), so the link is created in the MaxCompute console instead: the plan hands that step over.`,
        spec.ranges.networkLinkName,
      ),
    );
  }
  return checks;
}

/** The live entry read for a target; a mismatch is a programming error (the state was read for another spec). */
export function targetLive(live: LiveState, target: TargetSpec): TargetLive {
  const found = live.targets[target.index];
  if (found === undefined || found.kind !== target.kind)
    throw new Error(`The live state has no ${target.kind} entry for target ${target.index}; it was read for another spec.`);
  return found;
}

function placementChecks(spec: ConnectionSpec, live: LiveState): LiveCheck[] {
  const checks: LiveCheck[] = [];
  const where = `in region ${spec.regionId} of account ${live.callerAccountId}`;
  if (live.vpc === undefined) {
    checks.push(error('vpc-not-found', `VPC ${spec.vpcId} was not found ${where}.`, spec.ranges.vpcId));
  } else if (live.vpc.ownerId !== '' && live.vpc.ownerId !== live.callerAccountId) {
    checks.push(
      error(
        'other-account',
        `VPC ${spec.vpcId} belongs to account ${live.vpc.ownerId}, but you are signed in as ${live.callerAccountId}: MaxCompute requires the VPC owner, the project's account and the service's account to be the same Alibaba Cloud account.`,
        spec.ranges.vpcId,
      ),
    );
  }
  if (live.vSwitch === undefined) {
    checks.push(error('vswitch-not-found', `vSwitch ${spec.vSwitchId} was not found ${where}.`, spec.ranges.vSwitchId));
  } else {
    if (live.vSwitch.vpcId !== spec.vpcId) {
      checks.push(
        error(
          'vswitch-other-vpc',
          `vSwitch ${spec.vSwitchId} belongs to ${live.vSwitch.vpcId}, not to ${spec.vpcId}.`,
          spec.ranges.vSwitchId,
        ),
      );
    }
    const zoneProblem = zoneSupportProblem(spec.regionId, live.vSwitch.zoneId);
    if (zoneProblem !== undefined)
      checks.push(error('zone-unsupported', `vSwitch ${spec.vSwitchId}: ${zoneProblem}`, spec.ranges.vSwitchId));
  }
  if (!live.eniRoleExists && !networkLinkDetected(live) && !(live.networkLink !== undefined && isNetworkLinkReady(live.networkLink))) {
    checks.push(
      error(
        'eni-role-missing',
        `MaxCompute is not authorized to create network interfaces in your VPCs (RAM role ${NETWORK_LINK_ROLE_NAME} not found). Sign in with the Alibaba Cloud account and click "Authorize" in the MaxCompute console's Network Connection page, then plan again.`,
        spec.ranges.networkLinkName,
      ),
    );
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
  const inUse = live.sameNameGroupsInUse ?? live.sameNameGroupIds;
  if (groupSpec.mode === 'create' && inUse.length > 0) {
    // Extra empty groups are a race's leftovers the plan deletes; one in use is someone's group.
    const ids = [found?.securityGroupId, ...live.sameNameGroupIds].filter((id) => id !== undefined).join(', ');
    checks.push(
      error(
        'group-name-ambiguous',
        `Several security groups in ${spec.vpcId} are named "${groupSpec.name}" (${ids}) and ${inUse.join(', ')} is in use; name one of them with securityGroup.id, or rename the others.`,
        range,
      ),
    );
  }
  const strangers = (live.linkGroupUsers ?? []).filter((n) => !isServiceInterface(n));
  if (found !== undefined && strangers.length > 0) {
    const who = strangers.map(interfaceUserText).join(', ');
    if (groupSpec.mode === 'create') {
      // Adopting it by name would open someone's instances to MaxCompute's return traffic.
      checks.push(
        error(
          'group-in-use',
          `A security group named "${groupSpec.name}" already exists in ${spec.vpcId} (${found.securityGroupId}) and guards ${who}: Apply would take it as the link's group and add the link's inbound rule to it. Choose a name no group has (a group of its own keeps the link's rules apart), or name the group with securityGroup.id if it is meant to be shared.`,
          range,
        ),
      );
    } else {
      checks.push(
        warning(
          'group-shared',
          `Security group ${found.securityGroupId} also guards ${who}: the link's inbound rule applies to them too. A group of the link's own keeps its rules apart.`,
          range,
        ),
      );
    }
  }
  if (found !== undefined) {
    const label = `Security group ${found.securityGroupId} (${found.name})`;
    if (found.vpcId !== spec.vpcId)
      checks.push(
        error(
          'group-other-vpc',
          `${label} is in ${found.vpcId || 'no VPC'}, not in ${spec.vpcId}; the link's group must be in the link's VPC.`,
          range,
        ),
      );
    if (found.type !== 'normal')
      checks.push(
        error(
          'group-advanced',
          `${label} is an advanced security group; a network link needs a basic group, because advanced groups deny outbound traffic by default.`,
          range,
        ),
      );
    if (found.managedByMaxCompute || isMaxComputeManagedGroupName(found.name)) {
      checks.push(
        error(
          'group-managed',
          `${label} is one of MaxCompute's return-traffic groups, which must never be modified; use a separate basic group for the link.`,
          range,
        ),
      );
    }
  }
  if (
    groupSpec.mode === 'create' &&
    groupSpec.inboundSource.kind === 'cidr' &&
    isWholeInternet(groupSpec.inboundSource.cidr) &&
    !groupSpec.allowWholeInternet
  ) {
    checks.push(
      error(
        'whole-internet',
        `inboundSource ${groupSpec.inboundSource.cidr} opens the group to the whole internet; set allowWholeInternet: true if that is really meant.`,
        groupSpec.ranges.inboundSource,
      ),
    );
  }
  const sourceCidr = linkInboundCidr(spec, live);
  if (live.linkGroup !== undefined && sourceCidr !== undefined) {
    const drops = overridingDrops(live.linkGroup.ingress, linkGroupIngressRule(sourceCidr));
    if (drops.length > 0) {
      checks.push(
        error(
          'rule-overridden',
          `Security group ${live.linkGroup.group.securityGroupId} has ${drops.map(describeRule).join('; ')}, which would still drop return traffic from ${sourceCidr} after the accept rule is added (a drop wins at equal priority); remove it first.`,
          range,
        ),
      );
    }
  }
  return checks;
}
