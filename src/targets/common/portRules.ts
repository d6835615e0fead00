/**
 * Services guarded by a security group of their own (EMR clusters, services on ECS): the link
 * is admitted by one inbound rule per TCP port with the link's group as source. Grant adds the
 * missing rules; revoke removes exactly those rules (same protocol, port, source, policy,
 * priority), never another. Access is judged with core's flow evaluation.
 */
import type { LinkAccess, LinkSource } from '../../core/access';
import { evaluateFlow } from '../../core/flowEvaluation';
import type { SecurityGroup, SecurityGroupRule } from '../../core/model';
import {
  KNOWN_AFTER_APPLY,
  namedSuffix,
  overridingDrops,
  portRule,
  targetError,
  targetStepBase,
  type GroupWithIngress,
  type LiveCheck,
  type PlanStep,
  type TargetCheckContext,
  type TargetContext,
} from '../../core/plan';
import { ruleCovers } from '../../core/ruleCoverage';
import { describeRule, sameRule } from '../../core/rules';
import { isMaxComputeManagedGroupName } from '../../core/model';
import type { SourceRange, TargetSpec } from '../../core/specModel';
import { readIngress } from '../../cloud/reads';
import type { StepOutcome } from '../../core/plan';
import type { TargetApplyContext } from '../kind';
import type { PermissionRequest } from '../../cloud/products/ecs';

/** The ports whose rule is not yet in force in the group (all of them while the link group is unknown). */
export function missingPorts(ingress: readonly SecurityGroupRule[], linkGroupId: string | undefined, ports: readonly number[]): number[] {
  if (linkGroupId === undefined) return [...ports];
  return ports.filter((port) => !ruleCovers(ingress, portRule(linkGroupId, port)));
}

/** The rules apply added: exactly the wanted rule per port, present in the group. */
export function addedRules(ingress: readonly SecurityGroupRule[], linkGroupId: string, ports: readonly number[]): SecurityGroupRule[] {
  return ports.map((port) => portRule(linkGroupId, port)).filter((wanted) => ingress.some((rule) => sameRule(rule, wanted)));
}

function permission(linkGroupId: string, port: number): PermissionRequest {
  return {
    IpProtocol: 'TCP',
    PortRange: `${port}/${port}`,
    SourceGroupId: linkGroupId,
    Policy: 'accept',
    Priority: '1',
    NicType: 'intranet',
    Description: 'MaxCompute network link',
  };
}

/** The step that adds the missing per-port rules. */
export function planPortGrant(
  target: TargetSpec,
  owner: string,
  group: GroupWithIngress,
  ports: readonly number[],
  ctx: TargetContext,
): PlanStep {
  const groupId = group.group.securityGroupId;
  const label = `${owner}${namedSuffix(target)}`;
  const missing = missingPorts(group.ingress, ctx.linkGroupId, ports);
  const base = targetStepBase(target, ctx, 'grant');
  if (missing.length === 0)
    return { ...base, action: 'unchanged', title: `${label}: already allows ${ctx.linkGroupLabel} on TCP ${ports.join(', ')}` };
  const peer = ctx.linkGroupId ?? KNOWN_AFTER_APPLY;
  const covered = ports.filter((p) => !missing.includes(p));
  return {
    ...base,
    action: 'create',
    title: `${label}: allow ${ctx.linkGroupLabel} on TCP ${missing.join(', ')}`,
    details: [
      ...missing.map((p) => describeRule(portRule(peer, p))),
      ...(covered.length > 0 ? [`already allowed: TCP ${covered.join(', ')}`] : []),
    ],
    call: {
      product: 'Ecs',
      action: 'AuthorizeSecurityGroup',
      params: { SecurityGroupId: groupId, Permissions: missing.map((p) => permission(peer, p)) },
    },
  };
}

/** The step that removes the rules the grant added. */
export function planPortRevoke(
  target: TargetSpec,
  owner: string,
  group: GroupWithIngress | undefined,
  ports: readonly number[],
  ctx: TargetContext,
): PlanStep {
  const label = `${owner}${namedSuffix(target)}`;
  const base = targetStepBase(target, ctx, 'revoke');
  if (group === undefined) return { ...base, action: 'unchanged', title: `${label}: not found, nothing to remove` };
  const present = ctx.linkGroupId === undefined ? [] : addedRules(group.ingress, ctx.linkGroupId, ports);
  if (present.length === 0)
    return { ...base, action: 'unchanged', title: `${label}: no rule from the link's security group on TCP ${ports.join(', ')}` };
  const presentPorts = present.map((r) => Number(r.portRange.split('/')[0]));
  return {
    ...base,
    action: 'remove',
    title: `${label}: remove the rules for ${ctx.linkGroupLabel} on TCP ${presentPorts.join(', ')}`,
    details: present.map(describeRule),
    call: {
      product: 'Ecs',
      action: 'RevokeSecurityGroup',
      params: { SecurityGroupId: group.group.securityGroupId, Permissions: presentPorts.map((p) => permission(ctx.linkGroupId!, p)) },
    },
  };
}

/** The group checks every port-rule kind needs: not MaxCompute's, basic, no drop in the way. */
export function portGroupChecks(
  target: TargetSpec,
  group: SecurityGroup,
  ingress: readonly SecurityGroupRule[],
  ports: readonly number[],
  ctx: TargetCheckContext,
  range: SourceRange,
): LiveCheck[] {
  if (group.managedByMaxCompute || isMaxComputeManagedGroupName(group.name)) {
    return [
      targetError(
        'target-group-managed',
        target,
        `security group ${group.securityGroupId} (${group.name}) belongs to MaxCompute and must never be modified; name the service's own group.`,
        range,
      ),
    ];
  }
  if (group.type !== 'normal') {
    return [
      targetError(
        'target-group-advanced',
        target,
        `security group ${group.securityGroupId} is an advanced group, which cannot authorize another security group; use a basic group.`,
        range,
      ),
    ];
  }
  if (ctx.linkGroupId === undefined) return [];
  const drops = [...new Set(ports.flatMap((port) => overridingDrops(ingress, portRule(ctx.linkGroupId!, port))))];
  if (drops.length === 0) return [];
  return [
    targetError(
      'rule-overridden',
      target,
      `security group ${group.securityGroupId} has ${drops.map(describeRule).join('; ')}, which would still drop the link's traffic on TCP ${ports.join(', ')} after the accept rules are added; remove it first.`,
      range,
    ),
  ];
}

/** Carries out a grant or revoke of per-port rules: re-read, decide, change, read back. */
export async function applyPortRules(
  groupId: string | undefined,
  ports: readonly number[],
  change: 'grant' | 'revoke',
  ctx: TargetApplyContext,
): Promise<StepOutcome> {
  const linkGroupId = ctx.linkGroupId;
  if (groupId === undefined) return { status: 'already', detail: "the service's security group is gone: nothing to change" };
  if (linkGroupId === undefined) {
    if (change === 'revoke') return { status: 'already', detail: "the link's security group is gone: no rule can name it" };
    throw new Error('The link group is not known yet; the link-group step must run first.');
  }
  const read = (): Promise<SecurityGroupRule[]> => readIngress(ctx.cloud, ctx.regionId, groupId, { signal: ctx.signal });
  const ingress = await read();
  if (change === 'grant') {
    const missing = missingPorts(ingress, linkGroupId, ports);
    if (missing.length === 0) return { status: 'already', detail: `${groupId} already allows ${linkGroupId} on TCP ${ports.join(', ')}` };
    ctx.throwIfCancelled();
    await ctx.cloud.ecs.authorizeSecurityGroup({
      RegionId: ctx.regionId,
      SecurityGroupId: groupId,
      Permissions: missing.map((p) => permission(linkGroupId, p)),
    });
    const still = missingPorts(await read(), linkGroupId, ports);
    if (still.length > 0)
      throw new Error(`${groupId}: the rules for TCP ${still.join(', ')} were not found when read back after adding them.`);
    return { status: 'done', detail: `${groupId} now allows ${linkGroupId} on TCP ${missing.join(', ')} (read back)` };
  }
  const present = addedRules(ingress, linkGroupId, ports);
  if (present.length === 0) return { status: 'already', detail: `${groupId} has no rule from ${linkGroupId} on TCP ${ports.join(', ')}` };
  const presentPorts = present.map((r) => Number(r.portRange.split('/')[0]));
  ctx.throwIfCancelled();
  await ctx.cloud.ecs.revokeSecurityGroup({
    RegionId: ctx.regionId,
    SecurityGroupId: groupId,
    Permissions: presentPorts.map((p) => permission(linkGroupId, p)),
  });
  const left = addedRules(await read(), linkGroupId, ports);
  if (left.length > 0) throw new Error(`${groupId}: ${left.map(describeRule).join('; ')} still there when read back after removing it.`);
  return { status: 'done', detail: `${groupId} no longer allows ${linkGroupId} on TCP ${presentPorts.join(', ')} (read back)` };
}

/** One link's access through the service's group, port by port, with core's flow evaluation. */
export function portLinkAccess(
  group: SecurityGroup | undefined,
  rules: readonly SecurityGroupRule[],
  ports: readonly number[],
  source: LinkSource,
): LinkAccess {
  const link = source.label;
  if (group === undefined) return { link, verdict: 'unknown', reason: 'the service reports no security group' };
  if (source.addresses.length === 0 && source.securityGroupId === undefined)
    return { link, verdict: 'unknown', reason: "the link's addresses are not known yet" };
  const innerAccessPolicy = group.type === 'enterprise' ? 'drop' : 'accept';
  const addresses = source.addresses.length > 0 ? source.addresses : [undefined];
  const open: number[] = [];
  const closed: number[] = [];
  for (const port of ports) {
    const accepted = addresses.every((peerIp) => {
      const verdict = evaluateFlow([{ group, rules: [...rules], innerAccessPolicy }], {
        direction: 'ingress',
        protocol: 'TCP',
        port,
        peerIp,
        peerGroupIds: source.securityGroupId !== undefined ? [source.securityGroupId] : [],
      });
      return verdict.outcome === 'accept';
    });
    (accepted ? open : closed).push(port);
  }
  if (closed.length === 0)
    return { link, verdict: 'allowed', reason: `${group.securityGroupId} accepts TCP ${ports.join(', ')} from the link` };
  if (open.length === 0)
    return { link, verdict: 'blocked', reason: `${group.securityGroupId} accepts none of TCP ${ports.join(', ')} from the link` };
  return {
    link,
    verdict: 'partial',
    reason: `${group.securityGroupId} accepts TCP ${open.join(', ')} but not ${closed.join(', ')} from the link`,
  };
}
