/**
 * Security-group rules one at a time: validation, readable text, identity and matching
 * against a flow. Evaluation across a NIC's groups is in flowEvaluation.ts, coverage in
 * ruleCoverage.ts. Semantics: alibaba-api.md §2 "Security-group semantics".
 */
import { cidrContainsIp, cidrProblem, parseCidr, parseIpv4, type Cidr } from './cidr';
import type { RuleDirection, RulePolicy, SecurityGroupRule } from './model';
import {
  HIGHEST_PORT,
  LOWEST_PORT,
  normalizeProtocol,
  parsePortRange,
  portRangeContains,
  protocolHasPorts,
  protocolProblem,
  type FlowProtocol,
  type PortRange,
} from './ports';

export const LOWEST_PRIORITY_NUMBER = 1;
export const HIGHEST_PRIORITY_NUMBER = 100;

/**
 * The first packet of a connection as seen by the NIC that holds the groups: `ingress` arrives
 * from the peer, `egress` leaves for it. Rules are stateful, so replies need no rule of their own.
 */
export interface Flow {
  direction: RuleDirection;
  protocol: FlowProtocol;
  /** Destination port for TCP/UDP; when unknown, only rules covering all ports match. */
  port?: number;
  /** The other end's IPv4 address; when unknown, no CIDR rule matches. */
  peerIp?: string;
  /** The security groups of the other end's NIC, for rules that name a group instead of a CIDR. */
  peerGroupIds?: string[];
}

/** The peer a rule actually applies to: the API lets a CIDR win when both a CIDR and a group are given. */
export type RulePeer = { kind: 'cidr'; cidr: Cidr; text: string } | { kind: 'group'; groupId: string };

/** The policy in lower case (`Accept`/`Drop` in API responses), or undefined when it is neither. */
export function normalizePolicy(text: string): RulePolicy | undefined {
  const lower = text.trim().toLowerCase();
  return lower === 'accept' || lower === 'drop' ? lower : undefined;
}

/** What is wrong with a rule, in words (several problems joined by "; "), or undefined when it is valid. */
export function ruleProblem(rule: SecurityGroupRule): string | undefined {
  const problems: string[] = [];
  const direction: string = rule.direction;
  if (direction !== 'ingress' && direction !== 'egress') {
    problems.push(`direction "${direction}" must be ingress or egress`);
  }
  if (normalizePolicy(rule.policy) === undefined) problems.push(`policy "${rule.policy}" must be accept or drop`);
  const protocol = normalizeProtocol(rule.protocol);
  if (protocol === undefined) problems.push(protocolProblem(rule.protocol)!);
  const ports = parsePortRange(rule.portRange, protocol);
  if ('problem' in ports) problems.push(ports.problem);
  if (!Number.isInteger(rule.priority) || rule.priority < LOWEST_PRIORITY_NUMBER || rule.priority > HIGHEST_PRIORITY_NUMBER) {
    problems.push(
      `priority ${rule.priority} must be a whole number from ${LOWEST_PRIORITY_NUMBER} (highest) to ${HIGHEST_PRIORITY_NUMBER}`,
    );
  }
  const peerWord = direction === 'egress' ? 'destination' : 'source';
  const hasCidr = rule.peerCidr !== undefined && rule.peerCidr !== '';
  const hasGroup = rule.peerGroupId !== undefined && rule.peerGroupId !== '';
  if (hasCidr && hasGroup) {
    problems.push(
      `give either a ${peerWord} CIDR or a ${peerWord} group, not both (the API would use ${rule.peerCidr} and ignore ${rule.peerGroupId})`,
    );
  } else if (!hasCidr && !hasGroup) {
    problems.push(`a ${peerWord} CIDR or ${peerWord} security group is required`);
  }
  if (hasCidr) {
    const cidr = cidrProblem(rule.peerCidr!);
    if (cidr !== undefined) problems.push(`${peerWord} ${cidr}`);
  }
  if (hasGroup && /\s/.test(rule.peerGroupId!)) problems.push(`${peerWord} group "${rule.peerGroupId}" must not contain spaces`);
  return problems.length === 0 ? undefined : problems.join('; ');
}

/** The peer the rule applies to, or undefined when it names none that can be parsed. */
export function rulePeer(rule: SecurityGroupRule): RulePeer | undefined {
  if (rule.peerCidr !== undefined && rule.peerCidr !== '') {
    const cidr = parseCidr(rule.peerCidr);
    return cidr === undefined ? undefined : { kind: 'cidr', cidr, text: rule.peerCidr.trim() };
  }
  if (rule.peerGroupId !== undefined && rule.peerGroupId !== '') return { kind: 'group', groupId: rule.peerGroupId };
  return undefined;
}

/** Protocol and ports as a person reads them: `TCP 3306/3306`, `ALL`, `ICMP`. */
export function ruleTrafficText(rule: SecurityGroupRule): string {
  const protocol = normalizeProtocol(rule.protocol) ?? rule.protocol;
  return protocolHasPorts(protocol) ? `${protocol} ${rule.portRange.trim()}` : protocol;
}

/** `from 192.168.1.0/24` for ingress, `to sg-…` for egress. */
export function rulePeerText(rule: SecurityGroupRule): string {
  const word = rule.direction === 'egress' ? 'to' : 'from';
  const peer = rule.peerCidr !== undefined && rule.peerCidr !== '' ? rule.peerCidr : (rule.peerGroupId ?? '(no peer)');
  return `${word} ${peer}`;
}

/** A short readable text, e.g. "inbound accept TCP 3306/3306 from sg-bp1… (priority 1)". */
export function describeRule(rule: SecurityGroupRule): string {
  const direction = rule.direction === 'egress' ? 'outbound' : 'inbound';
  const policy = normalizePolicy(rule.policy) ?? rule.policy;
  return `${direction} ${policy} ${ruleTrafficText(rule)} ${rulePeerText(rule)} (priority ${rule.priority})`;
}

/**
 * True when the API would treat the two as the same rule: direction, peer, PortRange,
 * IpProtocol and Policy (priority and description are not part of a rule's identity, so
 * authorizing a rule that differs only in priority adds nothing).
 */
export function sameRule(a: SecurityGroupRule, b: SecurityGroupRule): boolean {
  if (a.direction !== b.direction) return false;
  if (normalizePolicy(a.policy) !== normalizePolicy(b.policy)) return false;
  const protocolA = normalizeProtocol(a.protocol) ?? a.protocol;
  if (protocolA !== (normalizeProtocol(b.protocol) ?? b.protocol)) return false;
  if (!samePortRange(a.portRange, b.portRange)) return false;
  return samePeer(a, b);
}

function samePortRange(a: string, b: string): boolean {
  const rangeA = parsePortRange(a);
  const rangeB = parsePortRange(b);
  if ('problem' in rangeA || 'problem' in rangeB) return a.trim() === b.trim();
  return rangeA.from === rangeB.from && rangeA.to === rangeB.to;
}

function samePeer(a: SecurityGroupRule, b: SecurityGroupRule): boolean {
  const peerA = rulePeer(a);
  const peerB = rulePeer(b);
  if (peerA === undefined || peerB === undefined) {
    return peerA === peerB && (a.peerCidr ?? '').trim() === (b.peerCidr ?? '').trim() && (a.peerGroupId ?? '') === (b.peerGroupId ?? '');
  }
  if (peerA.kind === 'group' || peerB.kind === 'group') {
    return peerA.kind === 'group' && peerB.kind === 'group' && peerA.groupId === peerB.groupId;
  }
  // The cloud stores 10.0.0.7 as 10.0.0.7/32 and clears host bits, so compare the blocks, not the text.
  return peerA.cidr.network === peerB.cidr.network && peerA.cidr.prefix === peerB.cidr.prefix;
}

/** The parsed port range of a valid rule (all ports for ALL/ICMP/GRE). */
export function rulePortRange(rule: SecurityGroupRule): PortRange | undefined {
  const parsed = parsePortRange(rule.portRange, normalizeProtocol(rule.protocol));
  return 'problem' in parsed ? undefined : parsed;
}

/**
 * True when the rule applies to the flow: same direction; ALL or the flow's protocol; the port
 * inside the inclusive range; the peer inside the CIDR, or carrying the named group.
 * A rule with problems (see ruleProblem) matches nothing.
 */
export function ruleMatchesFlow(rule: SecurityGroupRule, flow: Flow): boolean {
  if (rule.direction !== flow.direction) return false;
  const protocol = normalizeProtocol(rule.protocol);
  if (protocol === undefined || (protocol !== 'ALL' && protocol !== flow.protocol)) return false;
  const ports = rulePortRange(rule);
  if (ports === undefined) return false;
  if (protocolHasPorts(flow.protocol) && !portRangeContains(ports, flow.port)) return false;
  const peer = rulePeer(rule);
  if (peer === undefined) return false;
  if (peer.kind === 'group') return flow.peerGroupIds?.includes(peer.groupId) ?? false;
  const ip = flow.peerIp === undefined ? undefined : parseIpv4(flow.peerIp);
  return ip !== undefined && cidrContainsIp(peer.cidr, ip);
}

/** What is wrong with a flow, or undefined when it can be evaluated. */
export function flowProblem(flow: Flow): string | undefined {
  const direction: string = flow.direction;
  if (direction !== 'ingress' && direction !== 'egress') return `flow direction "${direction}" must be ingress or egress`;
  const protocol: string = flow.protocol;
  if (protocol === 'ALL' || normalizeProtocol(protocol) !== protocol) {
    return `flow protocol "${protocol}" must be one of TCP, UDP, ICMP, GRE`;
  }
  if (flow.port !== undefined) {
    if (!protocolHasPorts(flow.protocol)) return `a ${flow.protocol} flow has no port (got ${flow.port})`;
    if (!Number.isInteger(flow.port) || flow.port < LOWEST_PORT || flow.port > HIGHEST_PORT) {
      return `flow port ${flow.port} must be from ${LOWEST_PORT} to ${HIGHEST_PORT}`;
    }
  }
  if (flow.peerIp !== undefined && parseIpv4(flow.peerIp) === undefined) return `flow peer "${flow.peerIp}" is not an IPv4 address`;
  return undefined;
}

/** E.g. "inbound TCP 3306 from 10.0.0.5 (member of sg-a)". */
export function describeFlow(flow: Flow): string {
  const direction = flow.direction === 'egress' ? 'outbound' : 'inbound';
  const traffic = flow.port === undefined ? flow.protocol : `${flow.protocol} ${flow.port}`;
  const groups = flow.peerGroupIds ?? [];
  const membership = groups.length === 0 ? '' : `member of ${groups.join(', ')}`;
  let peer: string;
  if (flow.peerIp !== undefined) peer = membership === '' ? flow.peerIp : `${flow.peerIp} (${membership})`;
  else peer = membership === '' ? 'an unknown peer' : `a ${membership}`;
  return `${direction} ${traffic} ${flow.direction === 'egress' ? 'to' : 'from'} ${peer}`;
}
