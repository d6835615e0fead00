/**
 * The doctor's target hops that kinds share (src/core/doctor calls each kind's `reachability`):
 * the target exists in the caller's account and the link's VPC; a whitelist entry covers the
 * whole vSwitch block (only today's ENI addresses: a warning, they change) or the link's group
 * is bound; or, for services behind their own group, an inbound rule from the link on every
 * port, judged with core's flow evaluation so a higher-priority drop shows.
 */
import { cidrContainsIp, parseCidr, parseIpv4 } from '../../core/cidr';
import { blockEnds, rulesForPort, ruleEvidence, ruleFix, textEvidence, type LinkEndpoint, type TargetHop } from '../../core/doctor';
import { evaluateFlow } from '../../core/flowEvaluation';
import type { SecurityGroup, SecurityGroupRule } from '../../core/model';
import { entriesCovering, portRule } from '../../core/plan';
import { normalizePolicy, ruleMatchesFlow, type Flow } from '../../core/rules';
import type { TargetSpec } from '../../core/specModel';
import type { ServiceAccessLive, ServiceAccessTarget } from './serviceAccess';

/** The target exists in the caller's account (same-account rule) and in the link's VPC. */
export function placementHop(words: string, found: boolean, vpcId: string | undefined, link: LinkEndpoint): TargetHop {
  const base = { id: 'exists', title: `${words} is in the caller's account and the link's VPC` };
  if (!found) {
    return {
      ...base,
      verdict: 'fail',
      reason: `${words} was not found in region ${link.regionId} of account ${link.callerAccountId}: it does not exist, or it belongs to another account, which MaxCompute cannot reach (the same-account rule).`,
      evidence: [
        textEvidence(
          `the ${words} lookup in account ${link.callerAccountId} (${link.regionId}) answered: no such resource`,
          link.callerAccountId,
        ),
      ],
      fix: {
        kind: 'manual',
        summary: `Correct the id in the spec, or create the link, project and ${words} under one Alibaba Cloud account.`,
      },
    };
  }
  const evidence = [
    textEvidence(
      `${words} found in account ${link.callerAccountId}, in ${vpcId || 'an unreported VPC'}`,
      link.callerAccountId,
      ...(vpcId ? [vpcId] : []),
    ),
  ];
  if (vpcId !== undefined && vpcId !== '' && vpcId !== link.vpcId) {
    return {
      ...base,
      verdict: 'fail',
      reason: `${words} is in ${vpcId}, not in the link's VPC ${link.vpcId}: a link reaches only its own VPC.`,
      evidence,
      fix: { kind: 'manual', summary: `Create a network link in ${vpcId} for this target, or move it to its own spec.` },
    };
  }
  return { ...base, verdict: 'pass', reason: `${words} is in account ${link.callerAccountId} and in ${link.vpcId}.`, evidence };
}

/** Whitelist or bound group: the access hop of RDS, PolarDB, HBase, Lindorm. */
export function serviceAccessHop(
  target: ServiceAccessTarget,
  live: ServiceAccessLive<unknown>,
  link: LinkEndpoint,
  words: string,
): TargetHop {
  const base = { id: 'access', title: `${words} admits the link` };
  const evidence = [
    ...live.whitelist.map((w) => textEvidence(`whitelist group ${w.name}: ${w.ips.join(', ') || '(empty)'}`, w.name)),
    textEvidence(`security groups bound: ${live.securityGroupIds.join(', ') || '(none)'}`, ...live.securityGroupIds),
  ];
  const block = link.vSwitchCidr;
  if (block !== undefined) {
    for (const group of live.whitelist) {
      const [entry] = entriesCovering(group.ips, block);
      if (entry !== undefined)
        return {
          ...base,
          verdict: 'pass',
          reason: `Whitelist group ${group.name} allows ${block}${entry === block ? '' : ` (through ${entry})`}: every address the link's ENIs can take.`,
          evidence: [textEvidence(`whitelist group ${group.name} entry ${entry} covers ${block}`, group.name, entry)],
        };
    }
  }
  if (link.linkGroupId !== undefined && live.securityGroupIds.includes(link.linkGroupId)) {
    return {
      ...base,
      verdict: 'pass',
      reason: `The link's security group ${link.linkGroupId} is bound to ${words}.`,
      evidence: [textEvidence(`security groups of ${words}: ${live.securityGroupIds.join(', ')}`, link.linkGroupId)],
    };
  }
  if (block === undefined && link.linkGroupId === undefined)
    return { ...base, verdict: 'unknown', reason: "The link's vSwitch block and security group are not known.", evidence };
  const grant =
    target.access.mode === 'whitelist'
      ? `Add ${block ?? 'the vSwitch block'} to whitelist group ${target.access.whitelistGroup}`
      : `Bind ${link.linkGroupId ?? 'the link group'} to ${words}`;
  const eniOnly = link.eniAddresses.length > 0 && live.whitelist.find((w) => link.eniAddresses.every((ip) => addressAllowed(w.ips, ip)));
  if (eniOnly) {
    return {
      ...base,
      verdict: 'warn',
      reason: `Whitelist group ${eniOnly.name} allows today's ENI addresses ${link.eniAddresses.join(', ')} but not the whole block ${block ?? ''}: the addresses change when MaxCompute recreates its ENIs (seed doc), and access would stop.`,
      evidence,
      fix: { kind: 'grant', summary: grant },
    };
  }
  return {
    ...base,
    verdict: 'fail',
    reason: `No whitelist group covers ${block ?? "the link vSwitch's block"}${link.linkGroupId !== undefined ? ` and ${link.linkGroupId} is not bound` : ''}.`,
    evidence,
    fix: { kind: 'grant', summary: grant },
  };
}

function addressAllowed(entries: readonly string[], address: string): boolean {
  const ip = parseIpv4(address);
  return (
    ip !== undefined &&
    entries.some((e) => {
      const block = parseCidr(e);
      return block !== undefined && cidrContainsIp(block, ip);
    })
  );
}

/** A port requirement: any one of the alternatives will do (Hadoop 2 or 3 ports). */
export type PortNeed = readonly number[];

/** One inbound rule from the link per needed port, in the service's group, no drop in the way. */
export function portAccessHop(
  target: TargetSpec,
  words: string,
  group: SecurityGroup | undefined,
  ingress: readonly SecurityGroupRule[],
  needs: readonly PortNeed[],
  link: LinkEndpoint,
): TargetHop {
  const base = { id: 'access', title: `${words} admits the link on every port` };
  if (group === undefined) return { ...base, verdict: 'unknown', reason: `${words} reports no security group.`, evidence: [] };
  const id = group.securityGroupId;
  if (link.linkGroupId === undefined && link.vSwitchCidr === undefined)
    return { ...base, verdict: 'unknown', reason: "The link's security group and block are not known.", evidence: [] };
  const addresses = link.eniAddresses.length > 0 ? link.eniAddresses : blockEnds(link.vSwitchCidr);
  const peerGroupIds = link.linkGroupId !== undefined ? [link.linkGroupId] : [];
  const innerAccessPolicy = group.type === 'enterprise' ? 'drop' : 'accept';
  const decide = (port: number) =>
    addresses.map((peerIp) => {
      const flow: Flow = { direction: 'ingress', protocol: 'TCP', port, peerIp, peerGroupIds };
      return { flow, verdict: evaluateFlow([{ group, rules: rulesForPort(ingress, 'ingress', port), innerAccessPolicy }], flow) };
    });
  const open: number[] = [];
  const closed: Array<{ need: PortNeed; flows: ReturnType<typeof decide> }> = [];
  const used: SecurityGroupRule[] = [];
  for (const need of needs) {
    const tried = need.map((port) => ({ port, results: decide(port) }));
    const ok = tried.find((t) => t.results.every((r) => r.verdict.outcome === 'accept'));
    if (ok !== undefined) {
      open.push(ok.port);
      for (const r of ok.results)
        if (r.verdict.outcome === 'accept' && r.verdict.decidedBy.kind === 'rule' && !used.includes(r.verdict.decidedBy.rule))
          used.push(r.verdict.decidedBy.rule);
    } else closed.push({ need, flows: tried[0]!.results });
  }
  if (closed.length === 0)
    return {
      ...base,
      verdict: 'pass',
      reason: `${id} accepts the link on TCP ${open.join(', ')}.`,
      evidence: used.map((r) => ruleEvidence(id, r)),
    };
  const blockedFlows = closed.flatMap((c) => c.flows.filter((f) => f.verdict.outcome !== 'accept'));
  const evidence = [...new Set(blockedFlows.map((f) => f.verdict.explanation))].map((text) => textEvidence(text, id));
  const needText = closed.map((c) => c.need.join(' or ')).join(', ');
  const drops = ingress.filter(
    (r) => normalizePolicy(r.policy) === 'drop' && r.priority <= 1 && blockedFlows.some((f) => ruleMatchesFlow(r, f.flow)),
  );
  const reason = `${id} does not accept the link on TCP ${needText}${open.length > 0 ? ` (accepts ${open.join(', ')})` : ''}.`;
  if (link.linkGroupId === undefined)
    return { ...base, verdict: 'fail', reason, evidence, fix: { kind: 'manual', summary: 'Create the link group first (mcvpc apply).' } };
  if (drops.length > 0) {
    // A drop at the accept rule's priority (1) would beat it: remove the drops and add the accepts in one fix.
    const add = closed.map((c) => portRule(link.linkGroupId!, c.need[0]!));
    return {
      ...base,
      verdict: 'fail',
      reason,
      evidence: [...evidence, ...drops.map((r) => ruleEvidence(id, r))],
      fix: ruleFix(
        `Remove ${drops.length} drop rule(s) and allow ${link.linkGroupId} on TCP ${closed.map((c) => c.need[0]).join(', ')} in ${id}`,
        `fix.target.${target.index}.access`,
        id,
        { add, remove: drops },
        target.range,
      ),
    };
  }
  return {
    ...base,
    verdict: 'fail',
    reason,
    evidence,
    fix: { kind: 'grant', summary: `Allow ${link.linkGroupId} on TCP ${closed.map((c) => c.need[0]).join(', ')} in ${id}` },
  };
}
