/**
 * A target's hops: the link group's outbound rules for the target's ports (core's flow
 * evaluation, as the cloud decides: priority, drop before accept, then the group type's
 * default), then whatever the target's kind judges of its own access.
 */
import { formatIpv4, parseCidr } from '../cidr';
import { evaluateFlow } from '../flowEvaluation';
import type { SecurityGroupRule } from '../model';
import { targetLive, type LiveState, type TargetContext, type TargetPlanning } from '../plan';
import { normalizeProtocol, portRangeContains } from '../ports';
import { normalizePolicy, rulePortRange, ruleMatchesFlow, type Flow } from '../rules';
import type { ConnectionSpec, TargetSpec } from '../specModel';
import { ruleEvidence, ruleFix, textEvidence } from './evidence';
import type { DoctorExtras, Hop, HopFix, LinkEndpoint, TargetHop, TargetHopFix, TargetReachability } from './types';

/** What the doctor asks of a target's kind. */
export interface DoctorKind {
  reachability(target: TargetSpec, live: never, link: LinkEndpoint): TargetReachability;
  planGrant: TargetPlanning['planGrant'];
}

/** The kind module of a kind name (the table in src/targets hands it in; core names no kind). */
export type DoctorKinds = (kind: string) => DoctorKind;

/** The first and last host of a block (addresses to test rules with when the target's are unknown). */
export function blockEnds(cidr: string | undefined): string[] {
  const parsed = cidr === undefined ? undefined : parseCidr(cidr);
  if (parsed === undefined) return [];
  const size = 2 ** (32 - parsed.prefix);
  if (size <= 2) return [formatIpv4(parsed.network)];
  return [formatIpv4(parsed.network + 1), formatIpv4(parsed.network + size - 2)];
}

/**
 * The rules that can decide a TCP flow to `port` in one direction: rules of the other direction,
 * of another protocol or of other ports never match it, so leaving them out changes no verdict
 * (evaluateFlow still checks every rule it is given). Cached per rule list: 50 targets on one
 * port cost one pass over the link group's rules, not fifty.
 */
const candidateCache = new WeakMap<readonly SecurityGroupRule[], Map<string, SecurityGroupRule[]>>();
export function rulesForPort(rules: readonly SecurityGroupRule[], direction: 'ingress' | 'egress', port: number): SecurityGroupRule[] {
  let byKey = candidateCache.get(rules);
  if (byKey === undefined) candidateCache.set(rules, (byKey = new Map()));
  const key = `${direction} ${port}`;
  let found = byKey.get(key);
  if (found === undefined) {
    found = rules.filter((r) => {
      if (r.direction !== direction) return false;
      const protocol = normalizeProtocol(r.protocol);
      if (protocol !== 'ALL' && protocol !== 'TCP') return false;
      const range = rulePortRange(r);
      return range === undefined || portRangeContains(range, port);
    });
    byKey.set(key, found);
  }
  return found;
}

/** The outbound rule a port needs in an advanced link group. */
export function egressRule(port: number, cidr: string): SecurityGroupRule {
  return {
    direction: 'egress',
    policy: 'accept',
    protocol: 'TCP',
    portRange: `${port}/${port}`,
    priority: 1,
    peerCidr: cidr,
    description: 'MaxCompute network link',
  };
}

/** Whether the link group lets each of the target's ports out. */
export function egressHop(live: LiveState, extras: DoctorExtras, target: TargetSpec, reach: TargetReachability): TargetHop {
  const base = { id: 'egress', title: "Link group lets the target's ports out" };
  const group = live.linkGroup?.group;
  if (group === undefined || extras.linkGroupRules === undefined)
    return { ...base, verdict: 'unknown', reason: 'The link group is not known, so its outbound rules cannot be read.', evidence: [] };
  if (reach.ports.length === 0)
    return { ...base, verdict: 'unknown', reason: 'Which ports the target listens on is not known.', evidence: [] };
  const vpcCidr = live.vpc?.cidrBlock ?? '';
  const addresses = reach.addresses.length > 0 ? reach.addresses : blockEnds(vpcCidr);
  const id = group.securityGroupId;
  const rules = extras.linkGroupRules;
  const innerAccessPolicy = group.type === 'enterprise' ? 'drop' : 'accept';
  const blocked: Array<{ flow: Flow; explanation: string; rule?: SecurityGroupRule }> = [];
  const decided: SecurityGroupRule[] = [];
  for (const port of reach.ports) {
    for (const peerIp of addresses) {
      const flow: Flow = { direction: 'egress', protocol: 'TCP', port, peerIp };
      const verdict = evaluateFlow([{ group, rules: rulesForPort(rules, 'egress', port), innerAccessPolicy }], flow);
      if (verdict.outcome === 'accept') {
        if (verdict.decidedBy.kind === 'rule' && !decided.includes(verdict.decidedBy.rule)) decided.push(verdict.decidedBy.rule);
        continue;
      }
      blocked.push({
        flow,
        explanation: verdict.explanation,
        rule: verdict.outcome === 'drop' && verdict.decidedBy.kind === 'rule' ? verdict.decidedBy.rule : undefined,
      });
    }
  }
  const ports = reach.ports.join(', ');
  if (blocked.length === 0) {
    const evidence =
      decided.length > 0
        ? decided.map((r) => ruleEvidence(id, r))
        : [textEvidence(`${id} has no outbound rule matching TCP ${ports}; basic groups allow outbound traffic by default`, id)];
    return { ...base, verdict: 'pass', reason: `${id} lets TCP ${ports} out to ${addresses.join(', ')}.`, evidence };
  }
  const blockedPorts = [...new Set(blocked.map((b) => b.flow.port!))];
  // Every outbound drop that matches a blocked flow goes (a lower-priority one would win next).
  const drops = rules.filter(
    (r) => r.direction === 'egress' && normalizePolicy(r.policy) === 'drop' && blocked.some((b) => ruleMatchesFlow(r, b.flow)),
  );
  const add = group.type === 'enterprise' && vpcCidr !== '' ? blockedPorts.map((p) => egressRule(p, vpcCidr)) : [];
  const evidence = [...new Set(blocked.map((b) => b.explanation))].map((text) =>
    textEvidence(text, id, ...blocked.filter((b) => b.explanation === text && b.rule?.ruleId).map((b) => b.rule!.ruleId!)),
  );
  const fix: HopFix | undefined =
    drops.length + add.length === 0
      ? undefined
      : ruleFix(
          [
            drops.length > 0 ? `remove ${drops.length} outbound drop rule(s)` : '',
            add.length > 0 ? `allow TCP ${blockedPorts.join(', ')} out to ${vpcCidr}` : '',
          ]
            .filter((s) => s !== '')
            .join(' and ')
            .replace(/^./, (c) => c.toUpperCase()) + ` in ${id}`,
          `fix.target.${target.index}.egress`,
          id,
          { add, remove: drops },
          target.range,
        );
  return {
    ...base,
    verdict: 'fail',
    reason: `${id} does not let TCP ${blockedPorts.join(', ')} out to the target.`,
    evidence,
    ...(fix !== undefined ? { fix } : {}),
  };
}

/** The kind's grant step as the fix, when it would change something. */
function resolveFix(
  fix: TargetHopFix | undefined,
  target: TargetSpec,
  live: LiveState,
  kind: DoctorKind,
  ctx: TargetContext,
): HopFix | undefined {
  if (fix === undefined || fix.kind !== 'grant') return fix;
  // A grant that names the link group cannot be applied before the group exists.
  if (ctx.linkGroupId === undefined)
    return { kind: 'manual', summary: `${fix.summary}, once the link group exists (mcvpc apply creates it)` };
  const step = kind.planGrant(target, targetLive(live, target), ctx);
  if (step.action === 'create' || step.action === 'change') return { kind: 'steps', summary: fix.summary, steps: [step] };
  return { kind: 'manual', summary: `${fix.summary} (${step.title})` };
}

/** Every hop of one target, scoped and with ids made whole. */
export function targetHops(
  spec: ConnectionSpec,
  live: LiveState,
  extras: DoctorExtras,
  target: TargetSpec,
  kind: DoctorKind,
  link: LinkEndpoint,
): Hop[] {
  const scope = { kind: 'target', index: target.index, label: target.label } as const;
  const reach = kind.reachability(target, targetLive(live, target) as never, link);
  const ctx: TargetContext = {
    regionId: spec.regionId,
    vpcId: spec.vpcId,
    linkGroupId: link.linkGroupId,
    linkGroupLabel: link.linkGroupId ?? 'the link group',
    vSwitchCidr: link.vSwitchCidr ?? '',
    dependsOn: [],
  };
  const hops: TargetHop[] = [...reach.hops];
  // The outbound hop only once the target is known to exist (its kind says which ports).
  if (!reach.hops.some((h) => h.verdict === 'fail' && h.id === 'exists')) hops.unshift(egressHop(live, extras, target, reach));
  return hops.map((h) => {
    const fix = resolveFix(h.fix, target, live, kind, ctx);
    const whole: Hop = { ...h, id: `target.${target.index}.${h.id}`, scope, fix };
    if (fix === undefined) delete whole.fix;
    return whole;
  });
}
