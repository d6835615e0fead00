/**
 * Services that admit the link either by an IP whitelist entry (the link vSwitch's block: ENI
 * addresses change, the block does not) or by binding the link's security group (RDS, HBase,
 * PolarDB…). The decisions are the same for every such kind — an entry already covering the
 * block, the group already bound — only the calls differ, which each kind supplies.
 */
import type { LinkAccess, LinkSource } from '../../core/access';
import {
  KNOWN_AFTER_APPLY,
  entriesCovering,
  namedSuffix,
  targetStepBase,
  whitelistEntryCovering,
  type PlanStep,
  type PlannedCall,
  type TargetContext,
  type TargetLive,
  type WhitelistGroup,
} from '../../core/plan';
import type { TargetAccess, TargetSpec } from '../../core/specModel';

/** What was read of a whitelist/security-group service. */
export interface ServiceAccessLive<R> extends TargetLive {
  /** Absent when the service does not exist. */
  resource?: R;
  whitelist: WhitelistGroup[];
  securityGroupIds: string[];
}

/** A target of such a kind. */
export interface ServiceAccessTarget extends TargetSpec {
  access: TargetAccess;
}

/** The calls of one kind, for the plan's text (what will be called). */
export interface ServiceAccessCalls {
  /** `RDS rm-…`: the service in a step title. */
  label: string;
  /** Adds the block to the group; `keeps` says how existing entries are kept. */
  whitelistAdd(groupName: string, group: WhitelistGroup | undefined, cidr: string): { call: PlannedCall; keeps: string };
  /** Removes exactly the entry from the group. */
  whitelistRemove(groupName: string, group: WhitelistGroup, entry: string): PlannedCall;
  /** What happens to a group when the link's entry is its last one, where the service says more than "left empty". */
  lastEntryNote?: string;
  /** Sets the service's security groups; undefined when the kind has no security-group access. */
  groupsSet?(groupIds: string[]): PlannedCall;
}

/** The step that opens the service to the link. */
export function planServiceGrant(
  target: ServiceAccessTarget,
  live: ServiceAccessLive<unknown>,
  ctx: TargetContext,
  calls: ServiceAccessCalls,
): PlanStep {
  const label = `${calls.label}${namedSuffix(target)}`;
  const base = targetStepBase(target, ctx, 'grant');
  if (target.access.mode === 'whitelist') {
    const groupName = target.access.whitelistGroup;
    const group = live.whitelist.find((w) => w.name === groupName);
    const covering = whitelistEntryCovering(group, ctx.vSwitchCidr);
    if (covering !== undefined) {
      const via = covering === ctx.vSwitchCidr ? '' : ` (through ${covering})`;
      return { ...base, action: 'unchanged', title: `${label}: whitelist group ${groupName} already allows ${ctx.vSwitchCidr}${via}` };
    }
    const { call, keeps } = calls.whitelistAdd(groupName, group, ctx.vSwitchCidr);
    return {
      ...base,
      action: group === undefined ? 'create' : 'change',
      title: `${label}: add ${ctx.vSwitchCidr} to whitelist group ${groupName}`,
      details: [group === undefined ? `new whitelist group ${groupName}` : `entries kept: ${group.ips.join(', ') || '(none)'}`, keeps],
      call,
    };
  }
  if (ctx.linkGroupId !== undefined && live.securityGroupIds.includes(ctx.linkGroupId)) {
    return { ...base, action: 'unchanged', title: `${label}: already in security group ${ctx.linkGroupLabel}` };
  }
  const merged = [...live.securityGroupIds, ctx.linkGroupId ?? KNOWN_AFTER_APPLY];
  return {
    ...base,
    action: 'change',
    title: `${label}: add security group ${ctx.linkGroupLabel}`,
    details: [`security groups: ${merged.join(', ')}`],
    call: calls.groupsSet?.(merged),
  };
}

/** The step that takes back what the grant added: the block's own entry, or the link's group. */
export function planServiceRevoke(
  target: ServiceAccessTarget,
  live: ServiceAccessLive<unknown>,
  ctx: TargetContext,
  calls: ServiceAccessCalls,
): PlanStep {
  const label = `${calls.label}${namedSuffix(target)}`;
  const base = targetStepBase(target, ctx, 'revoke');
  if (live.resource === undefined) return { ...base, action: 'unchanged', title: `${label}: not found, nothing to remove` };
  if (target.access.mode === 'whitelist') {
    const groupName = target.access.whitelistGroup;
    const group = live.whitelist.find((w) => w.name === groupName);
    // Only the exact entry apply added: a containing block may be someone else's.
    if (group === undefined || ctx.vSwitchCidr === '' || !group.ips.includes(ctx.vSwitchCidr)) {
      return {
        ...base,
        action: 'unchanged',
        title: `${label}: whitelist group ${groupName} holds no ${ctx.vSwitchCidr || 'entry of the link'}`,
      };
    }
    const others = group.ips.filter((ip) => ip !== ctx.vSwitchCidr);
    return {
      ...base,
      action: 'remove',
      title: `${label}: remove ${ctx.vSwitchCidr} from whitelist group ${groupName}`,
      details: [
        `entries kept: ${others.join(', ') || '(none)'}`,
        ...(others.length === 0 ? [calls.lastEntryNote ?? `the group is left empty, not deleted`] : []),
      ],
      call: calls.whitelistRemove(groupName, group, ctx.vSwitchCidr),
    };
  }
  if (ctx.linkGroupId === undefined || !live.securityGroupIds.includes(ctx.linkGroupId)) {
    return { ...base, action: 'unchanged', title: `${label}: the link's security group is not bound` };
  }
  const kept = live.securityGroupIds.filter((id) => id !== ctx.linkGroupId);
  return {
    ...base,
    action: 'remove',
    title: `${label}: remove security group ${ctx.linkGroupLabel}`,
    details: [`security groups kept: ${kept.join(', ') || '(none)'}`],
    call: calls.groupsSet?.(kept),
  };
}

/** One link's access to such a service, from its settings. */
export function serviceLinkAccess(live: ServiceAccessLive<unknown>, source: LinkSource, boundTo: string): LinkAccess {
  const link = source.label;
  if (source.vSwitchCidr !== undefined) {
    for (const group of live.whitelist) {
      const [entry] = entriesCovering(group.ips, source.vSwitchCidr);
      if (entry !== undefined) {
        const via = entry === source.vSwitchCidr ? '' : ` (through ${entry})`;
        return { link, verdict: 'allowed', reason: `whitelist group ${group.name} allows ${source.vSwitchCidr}${via}` };
      }
    }
  }
  if (source.securityGroupId !== undefined && live.securityGroupIds.includes(source.securityGroupId)) {
    return { link, verdict: 'allowed', reason: `the link's security group ${source.securityGroupId} is bound to the ${boundTo}` };
  }
  if (source.vSwitchCidr === undefined && source.securityGroupId === undefined) {
    return { link, verdict: 'unknown', reason: "the link's vSwitch and security group are not known yet" };
  }
  const block = source.vSwitchCidr ?? "the link vSwitch's block";
  return {
    link,
    verdict: 'blocked',
    reason: `no whitelist group covers ${block}${source.securityGroupId !== undefined ? ` and ${source.securityGroupId} is not bound` : ''}`,
  };
}

/** Markdown lines for a tooltip: the whitelist groups and security groups. */
export function serviceAccessFacts(live: ServiceAccessLive<unknown>): string[] {
  const groups = live.whitelist.map((g) => `  - \`${g.name}\`: ${g.ips.map((ip) => `\`${ip}\``).join(', ') || '(empty)'}`);
  return [
    `- Whitelist groups: ${groups.length > 0 ? `\n${groups.join('\n')}` : 'none'}`,
    `- Security groups: ${live.securityGroupIds.length > 0 ? live.securityGroupIds.map((id) => `\`${id}\``).join(', ') : 'none'}`,
  ];
}
