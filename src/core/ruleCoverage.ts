/**
 * Whether a wanted rule is already in force through existing rules, so that a plan can show `=`
 * instead of adding it: e.g. a wanted "accept TCP 3306 from 192.168.1.0/24" is covered by an
 * existing "accept ALL from 192.168.0.0/16" unless a drop at the same or a better priority
 * overlaps it.
 */
import { formatIpv4, type Cidr } from './cidr';
import type { SecurityGroup, SecurityGroupRule } from './model';
import { HIGHEST_PORT, LOWEST_PORT, normalizeProtocol, type FlowProtocol } from './ports';
import { decidingRule, type RuleInGroup } from './flowEvaluation';
import { normalizePolicy, rulePeer, rulePortRange, ruleProblem, type Flow } from './rules';

const LAST_IPV4 = 0xffffffff;

/** Stand-in group for rules evaluated without one; coverage does not depend on it. */
const NO_GROUP: SecurityGroup = {
  securityGroupId: '',
  regionId: '',
  vpcId: '',
  name: '',
  description: '',
  type: 'normal',
  managedByMaxCompute: false,
};

/**
 * True when every flow the wanted rule matches is already decided the wanted way (accept or
 * drop) by the existing rules. Only explicit rules count, not the group defaults (evaluateFlow
 * applies those); invalid existing rules are ignored. Throws when the wanted rule itself is invalid.
 *
 * Exact, by checking one representative flow per piece of the wanted rule's protocol × port ×
 * peer space, cut at every edge of an existing rule; peer group memberships are tried one
 * existing group at a time, which suffices because extra memberships only add matching rules.
 */
export function ruleCovers(existingRules: readonly SecurityGroupRule[], wanted: SecurityGroupRule): boolean {
  const wantedProblem = ruleProblem(wanted);
  if (wantedProblem !== undefined) throw new Error(`The wanted security-group rule is invalid: ${wantedProblem}`);
  const wantedPolicy = normalizePolicy(wanted.policy);
  const candidates: RuleInGroup[] = existingRules
    .filter((rule) => rule.direction === wanted.direction && ruleProblem(rule) === undefined)
    .map((rule) => ({ rule, group: NO_GROUP }));

  for (const piece of protocolPieces(wanted)) {
    const rules = piece.onlyAllRules ? candidates.filter((c) => normalizeProtocol(c.rule.protocol) === 'ALL') : candidates;
    for (const port of portRepresentatives(wanted, piece.protocol, rules)) {
      for (const peerIp of ipRepresentatives(wanted, rules)) {
        for (const peerGroupIds of membershipVariants(wanted, rules)) {
          const flow: Flow = { direction: wanted.direction, protocol: piece.protocol, peerIp, peerGroupIds };
          if (port !== undefined) flow.port = port;
          const winner = decidingRule(rules, flow);
          if (winner === undefined || normalizePolicy(winner.rule.policy) !== wantedPolicy) return false;
        }
      }
    }
  }
  return true;
}

/**
 * The protocols a wanted rule spans. ALL also spans protocols a flow cannot name (e.g. SCTP),
 * which only ALL rules match; any protocol without ports stands in for them when we keep only ALL rules.
 */
function protocolPieces(wanted: SecurityGroupRule): Array<{ protocol: FlowProtocol; onlyAllRules: boolean }> {
  const protocol = normalizeProtocol(wanted.protocol)!;
  if (protocol !== 'ALL') return [{ protocol, onlyAllRules: false }];
  const named: FlowProtocol[] = ['TCP', 'UDP', 'ICMP', 'GRE'];
  return [...named.map((p) => ({ protocol: p, onlyAllRules: false })), { protocol: 'GRE', onlyAllRules: true }];
}

function portRepresentatives(wanted: SecurityGroupRule, protocol: FlowProtocol, rules: readonly RuleInGroup[]): Array<number | undefined> {
  if (protocol !== 'TCP' && protocol !== 'UDP') return [undefined];
  const range = rulePortRange(wanted)!;
  const [low, high] = range.from === -1 ? [LOWEST_PORT, HIGHEST_PORT] : [range.from, range.to];
  const edges = rules.flatMap(({ rule }) => {
    const r = rulePortRange(rule);
    return r === undefined || r.from === -1 ? [] : [r.from, r.to + 1];
  });
  return pieceStarts(low, high, edges);
}

function ipRepresentatives(wanted: SecurityGroupRule, rules: readonly RuleInGroup[]): string[] {
  const peer = rulePeer(wanted)!;
  // A group peer can have any address, so the whole IPv4 space is in play.
  const [low, high] = peer.kind === 'cidr' ? cidrBounds(peer.cidr) : [0, LAST_IPV4];
  const edges = rules.flatMap(({ rule }) => {
    const p = rulePeer(rule);
    if (p === undefined || p.kind !== 'cidr') return [];
    const [start, end] = cidrBounds(p.cidr);
    return [start, end + 1];
  });
  return pieceStarts(low, high, edges).map(formatIpv4);
}

/** The peer's groups to try: the wanted group (if any) alone, then with each group an existing rule names. */
function membershipVariants(wanted: SecurityGroupRule, rules: readonly RuleInGroup[]): string[][] {
  const peer = rulePeer(wanted)!;
  const base = peer.kind === 'group' ? [peer.groupId] : [];
  const named = new Set<string>();
  for (const { rule } of rules) {
    const p = rulePeer(rule);
    if (p?.kind === 'group' && !base.includes(p.groupId)) named.add(p.groupId);
  }
  return [base, ...[...named].map((id) => [...base, id])];
}

function cidrBounds(cidr: Cidr): [number, number] {
  const size = 2 ** (32 - cidr.prefix);
  return [cidr.network, cidr.network + size - 1];
}

/** The first value of each piece of [low, high] when cut at the given edges (each edge starts a piece). */
function pieceStarts(low: number, high: number, edges: readonly number[]): number[] {
  const inside = edges.filter((edge) => edge > low && edge <= high);
  return [...new Set([low, ...inside])].sort((a, b) => a - b);
}
