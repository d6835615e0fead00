/**
 * Can a VPC's network links reach a service? Only as far as the rules and whitelists tell
 * (routes, listeners and passwords are beyond what the APIs show). Pure; unit-tested in Node.
 * - RDS / HBase: a whitelist entry covering the link vSwitch's CIDR block (ENI addresses can
 *   change, the block does not), or the link's security group bound to the service.
 * - EMR: the cluster group's inbound rules, evaluated with core's flow evaluation for each
 *   Hadoop port from the link's addresses and group.
 */
import { formatIpv4, parseCidr } from '../../core/cidr';
import { evaluateFlow } from '../../core/flowEvaluation';
import type { SecurityGroup, SecurityGroupRule } from '../../core/model';
import { whitelistEntryCovering } from '../../core/plan';
import type { WhitelistGroup } from '../../core/plan';
import { DEFAULT_EMR_PORTS } from '../../spec/defaults';
import type { NetworkLinkView } from './links';

/** What one link's traffic meets at the service. */
export type AccessVerdict = 'allowed' | 'partial' | 'blocked' | 'unknown';

/** The verdict for one link, with the reason in one sentence. */
export interface LinkAccess {
  /** The link's name, or "unnamed link in vsw-…". */
  link: string;
  verdict: AccessVerdict;
  reason: string;
}

/** A service's access from every link in its VPC. */
export interface ServiceAccess {
  /** The best verdict over the links; `no-link` when the VPC has none. */
  summary: AccessVerdict | 'no-link';
  perLink: LinkAccess[];
  /** Why access could not be read (the service's settings could not be fetched). */
  problem?: string;
  /** The settings the verdicts come from, when they could be read. */
  settings?: AccessSettings;
}

/** The access settings of a service, as read from its API. */
export type AccessSettings =
  | { kind: 'rds' | 'hbase'; whitelist: WhitelistGroup[]; securityGroupIds: string[] }
  | { kind: 'emr'; group?: SecurityGroup; rules: SecurityGroupRule[]; ports?: readonly number[] };

/** Where a link's traffic comes from. */
export interface LinkSource {
  label: string;
  /** The link vSwitch's CIDR block, when known. */
  vSwitchCidr?: string;
  securityGroupId?: string;
  /** Addresses to probe rules with: the ENIs' when detected, else the block's first and last host. */
  addresses: string[];
}

/** The source of a link's traffic, given its vSwitch's CIDR block. */
export function linkSource(link: NetworkLinkView, vSwitchCidr: string | undefined): LinkSource {
  const label = link.name ?? `unnamed link in ${link.vSwitchId}`;
  const detected = link.networkInterfaces.map((eni) => eni.privateIpAddress).filter((ip) => ip !== '');
  return { label, vSwitchCidr, securityGroupId: link.securityGroupId, addresses: detected.length > 0 ? detected : blockEnds(vSwitchCidr) };
}

function blockEnds(cidr: string | undefined): string[] {
  const parsed = cidr === undefined ? undefined : parseCidr(cidr);
  if (parsed === undefined) return [];
  const size = 2 ** (32 - parsed.prefix);
  if (size <= 2) return [formatIpv4(parsed.network)];
  return [formatIpv4(parsed.network + 1), formatIpv4(parsed.network + size - 2)];
}

/** One link's access to a service. */
export function linkAccess(settings: AccessSettings, source: LinkSource): LinkAccess {
  const link = source.label;
  if (settings.kind === 'emr') return emrAccess(settings, source);
  if (source.vSwitchCidr !== undefined) {
    for (const group of settings.whitelist) {
      const entry = whitelistEntryCovering(group, source.vSwitchCidr);
      if (entry !== undefined) {
        const via = entry === source.vSwitchCidr ? '' : ` (through ${entry})`;
        return { link, verdict: 'allowed', reason: `whitelist group ${group.name} allows ${source.vSwitchCidr}${via}` };
      }
    }
  }
  if (source.securityGroupId !== undefined && settings.securityGroupIds.includes(source.securityGroupId)) {
    return { link, verdict: 'allowed', reason: `the link's security group ${source.securityGroupId} is bound to the ${settings.kind === 'rds' ? 'instance' : 'cluster'}` };
  }
  if (source.vSwitchCidr === undefined && source.securityGroupId === undefined) {
    return { link, verdict: 'unknown', reason: 'the link\'s vSwitch and security group are not known yet' };
  }
  const block = source.vSwitchCidr ?? 'the link vSwitch\'s block';
  return { link, verdict: 'blocked', reason: `no whitelist group covers ${block}${source.securityGroupId !== undefined ? ` and ${source.securityGroupId} is not bound` : ''}` };
}

function emrAccess(settings: Extract<AccessSettings, { kind: 'emr' }>, source: LinkSource): LinkAccess {
  const link = source.label;
  if (settings.group === undefined) return { link, verdict: 'unknown', reason: 'the cluster reports no security group' };
  if (source.addresses.length === 0 && source.securityGroupId === undefined) return { link, verdict: 'unknown', reason: 'the link\'s addresses are not known yet' };
  const ports = settings.ports ?? DEFAULT_EMR_PORTS;
  const group = settings.group;
  const innerAccessPolicy = group.type === 'enterprise' ? 'drop' : 'accept';
  const addresses = source.addresses.length > 0 ? source.addresses : [undefined];
  const open: number[] = [];
  const closed: number[] = [];
  for (const port of ports) {
    const accepted = addresses.every((peerIp) => {
      const verdict = evaluateFlow([{ group, rules: settings.rules, innerAccessPolicy }], {
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
  if (closed.length === 0) return { link, verdict: 'allowed', reason: `${group.securityGroupId} accepts TCP ${ports.join(', ')} from the link` };
  if (open.length === 0) return { link, verdict: 'blocked', reason: `${group.securityGroupId} accepts none of TCP ${ports.join(', ')} from the link` };
  return { link, verdict: 'partial', reason: `${group.securityGroupId} accepts TCP ${open.join(', ')} but not ${closed.join(', ')} from the link` };
}

const RANK: Record<AccessVerdict, number> = { allowed: 3, partial: 2, unknown: 1, blocked: 0 };

/** A service's access from every link of its VPC; the summary is the best link's verdict. */
export function serviceAccess(settings: AccessSettings, sources: readonly LinkSource[]): ServiceAccess {
  if (sources.length === 0) return { summary: 'no-link', perLink: [] };
  const perLink = sources.map((source) => linkAccess(settings, source));
  const best = perLink.reduce((a, b) => (RANK[b.verdict] > RANK[a.verdict] ? b : a));
  return { summary: best.verdict, perLink };
}

/** Access that could not be read. */
export function unreadableAccess(problem: string): ServiceAccess {
  return { summary: 'unknown', perLink: [], problem };
}

/** Words for a summary, as the tree's description shows them. */
export function accessSummaryText(access: ServiceAccess): string {
  switch (access.summary) {
    case 'allowed':
      return 'reachable from a link';
    case 'partial':
      return 'partly reachable';
    case 'blocked':
      return 'not reachable from links';
    case 'no-link':
      return 'no link in this VPC';
    case 'unknown':
      return access.problem !== undefined ? 'access unknown (read failed)' : 'access unknown';
  }
}
