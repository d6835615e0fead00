/**
 * Whether the security groups on one NIC let a flow through, and why in one sentence (the
 * doctor shows it hop by hop). Order per alibaba-api.md §2: the rules of all groups on the NIC
 * are merged and sorted by priority, smaller first, drop before accept at equal priority; the
 * first match decides. Only when no rule matches do the group-type defaults apply (the brief
 * fixes that order for basic groups' same-group access too).
 */
import type { RulePolicy, SecurityGroup, SecurityGroupRule, SecurityGroupType } from './model';
import {
  describeFlow,
  flowProblem,
  normalizePolicy,
  ruleMatchesFlow,
  ruleProblem,
  rulePeerText,
  ruleTrafficText,
  type Flow,
} from './rules';

/** One security group on the NIC with its rules. */
export interface GroupWithRules {
  group: SecurityGroup;
  rules: SecurityGroupRule[];
  /** The group's InnerAccessPolicy; basic groups default to accept, advanced groups are always drop. */
  innerAccessPolicy?: RulePolicy;
}

/** A rule together with the group it belongs to. */
export interface RuleInGroup {
  rule: SecurityGroupRule;
  group: SecurityGroup;
}

/** Which default decided when no rule matched. */
export type DefaultReason =
  'basic-same-group-accept' | 'basic-inbound-deny' | 'advanced-inbound-deny' | 'basic-outbound-allow' | 'advanced-outbound-deny';

export type FlowDecision =
  | {
      kind: 'rule';
      rule: SecurityGroupRule;
      group: SecurityGroup;
      /** An accept at the same priority that the drop beat. */ tiedAccept?: RuleInGroup;
    }
  | {
      kind: 'default';
      reason: DefaultReason;
      groupType: SecurityGroupType;
      groups: SecurityGroup[];
      /** For same-group access: the group the peer shares. */ sharedGroup?: SecurityGroup;
    };

/** A rule left out of evaluation because it cannot be understood (e.g. a malformed port range). */
export interface IgnoredRule extends RuleInGroup {
  problem: string;
}

export type FlowVerdict =
  | { outcome: 'accept' | 'drop'; decidedBy: FlowDecision; explanation: string; ignoredRules: IgnoredRule[] }
  | { outcome: 'invalid'; problem: string; explanation: string };

/**
 * The rule that decides the flow among the given rules: smallest priority number first, and a
 * drop before an accept at the same priority. Undefined when none matches. Rules are assumed valid.
 */
export function decidingRule(rules: readonly RuleInGroup[], flow: Flow): (RuleInGroup & { tiedAccept?: RuleInGroup }) | undefined {
  let best: RuleInGroup | undefined;
  let bestAccept: RuleInGroup | undefined;
  for (const candidate of rules) {
    if (!ruleMatchesFlow(candidate.rule, flow)) continue;
    if (best === undefined || outranks(candidate.rule, best.rule)) best = candidate;
    const isAccept = normalizePolicy(candidate.rule.policy) === 'accept';
    if (isAccept && (bestAccept === undefined || candidate.rule.priority < bestAccept.rule.priority)) bestAccept = candidate;
  }
  if (best === undefined) return undefined;
  const tie = normalizePolicy(best.rule.policy) === 'drop' && bestAccept !== undefined && bestAccept.rule.priority === best.rule.priority;
  return tie ? { ...best, tiedAccept: bestAccept } : best;
}

function outranks(a: SecurityGroupRule, b: SecurityGroupRule): boolean {
  if (a.priority !== b.priority) return a.priority < b.priority;
  return normalizePolicy(a.policy) === 'drop' && normalizePolicy(b.policy) !== 'drop';
}

/** Evaluates a flow against all security groups of one NIC: the verdict, what decided it, and a one-sentence explanation. */
export function evaluateFlow(groups: readonly GroupWithRules[], flow: Flow): FlowVerdict {
  const problem = evaluationProblem(groups, flow);
  if (problem !== undefined) return { outcome: 'invalid', problem, explanation: `Cannot evaluate: ${problem}` };

  const usable: RuleInGroup[] = [];
  const ignoredRules: IgnoredRule[] = [];
  for (const { group, rules } of groups) {
    for (const rule of rules) {
      const ruleIssue = ruleProblem(rule);
      if (ruleIssue === undefined) usable.push({ rule, group });
      else ignoredRules.push({ rule, group, problem: ruleIssue });
    }
  }

  const winner = decidingRule(usable, flow);
  if (winner !== undefined) {
    const outcome = normalizePolicy(winner.rule.policy) === 'drop' ? 'drop' : 'accept';
    const decidedBy: FlowDecision = { kind: 'rule', rule: winner.rule, group: winner.group };
    if (winner.tiedAccept !== undefined) decidedBy.tiedAccept = winner.tiedAccept;
    return { outcome, decidedBy, explanation: explainRuleDecision(outcome, winner), ignoredRules };
  }
  return { ...defaultVerdict(groups, flow), ignoredRules };
}

function evaluationProblem(groups: readonly GroupWithRules[], flow: Flow): string | undefined {
  const flowIssue = flowProblem(flow);
  if (flowIssue !== undefined) return flowIssue;
  if (groups.length === 0) return 'the network interface has no security group; every NIC needs at least one';
  const types = new Set(groups.map((g) => g.group.type));
  if (types.size > 1) {
    const list = groups.map((g) => `${g.group.securityGroupId} (${typeWord(g.group.type)})`).join(', ');
    return `basic and advanced security groups cannot be mixed on one network interface: ${list}`;
  }
  const isolated = groups.find((g) => g.group.type === 'enterprise' && g.innerAccessPolicy === 'accept');
  if (isolated !== undefined) {
    return `advanced group ${isolated.group.securityGroupId} cannot have InnerAccessPolicy Accept; advanced groups are always isolated`;
  }
  return undefined;
}

function defaultVerdict(
  groups: readonly GroupWithRules[],
  flow: Flow,
): { outcome: 'accept' | 'drop'; decidedBy: FlowDecision; explanation: string } {
  const groupType = groups[0]!.group.type;
  const all = groups.map((g) => g.group);
  const noRule = `no rule in ${typeWord(groupType)} ${all.length === 1 ? 'group' : 'groups'} ${all.map((g) => g.securityGroupId).join(', ')}`;
  const flowText = describeFlow(flow);

  if (flow.direction === 'egress') {
    if (groupType === 'normal') {
      return {
        outcome: 'accept',
        decidedBy: { kind: 'default', reason: 'basic-outbound-allow', groupType, groups: all },
        explanation: `Accepted: ${noRule} matches ${flowText}; basic groups allow outbound traffic by default`,
      };
    }
    return {
      outcome: 'drop',
      decidedBy: { kind: 'default', reason: 'advanced-outbound-deny', groupType, groups: all },
      explanation: `Dropped: ${noRule} allows ${flowText}; advanced groups deny outbound traffic by default`,
    };
  }

  if (groupType === 'enterprise') {
    return {
      outcome: 'drop',
      decidedBy: { kind: 'default', reason: 'advanced-inbound-deny', groupType, groups: all },
      explanation: `Dropped: ${noRule} allows ${flowText}; advanced groups deny inbound traffic by default`,
    };
  }
  const peerGroups = flow.peerGroupIds ?? [];
  const shared = groups.find((g) => (g.innerAccessPolicy ?? 'accept') === 'accept' && peerGroups.includes(g.group.securityGroupId));
  if (shared !== undefined) {
    const id = shared.group.securityGroupId;
    return {
      outcome: 'accept',
      decidedBy: { kind: 'default', reason: 'basic-same-group-accept', groupType, groups: all, sharedGroup: shared.group },
      explanation: `Accepted: ${noRule} matches ${flowText}, and basic group ${id} accepts traffic between its own members (InnerAccessPolicy Accept)`,
    };
  }
  const sharedButIsolated = groups.find((g) => peerGroups.includes(g.group.securityGroupId));
  const why =
    sharedButIsolated !== undefined
      ? `basic group ${sharedButIsolated.group.securityGroupId} has InnerAccessPolicy Drop, so even its own members are denied by default`
      : 'basic groups deny inbound traffic by default except from members of the same group';
  return {
    outcome: 'drop',
    decidedBy: { kind: 'default', reason: 'basic-inbound-deny', groupType, groups: all },
    explanation: `Dropped: ${noRule} allows ${flowText}; ${why}`,
  };
}

function explainRuleDecision(outcome: 'accept' | 'drop', winner: RuleInGroup & { tiedAccept?: RuleInGroup }): string {
  const { rule, group } = winner;
  const verb = outcome === 'drop' ? 'Dropped' : 'Accepted';
  const detail = `priority ${rule.priority}, ${ruleTrafficText(rule)} ${rulePeerText(rule)}`;
  let sentence = `${verb} by ${ruleName(rule)} in ${group.securityGroupId} (${detail})`;
  if (winner.tiedAccept !== undefined) {
    sentence += `, which wins over accept ${ruleName(winner.tiedAccept.rule)} in ${winner.tiedAccept.group.securityGroupId} at the same priority`;
  }
  if (outcome === 'drop') sentence += '; a drop discards packets silently, so the client sees a timeout';
  return sentence;
}

function ruleName(rule: SecurityGroupRule): string {
  return rule.ruleId !== undefined && rule.ruleId !== '' ? `rule ${rule.ruleId}` : 'a rule';
}

function typeWord(type: SecurityGroupType): string {
  return type === 'enterprise' ? 'advanced' : 'basic';
}
