/**
 * Can a VPC's network links reach a service? Only as far as the rules and whitelists tell
 * (routes, listeners and passwords are beyond what the APIs show). Each kind judges one link
 * (src/targets/<kind>); this file sums the verdicts up for the tree. Pure; unit-tested in Node.
 */
import { bestVerdict, linkSourceOf, type AccessVerdict, type LinkAccess, type LinkSource } from '../../../core/access';
import type { NetworkLinkView } from './links';

export type { AccessVerdict, LinkAccess, LinkSource } from '../../../core/access';

/** A service's access from every link in its VPC. */
export interface ServiceAccess {
  /** The best verdict over the links; `no-link` when the VPC has none. */
  summary: AccessVerdict | 'no-link';
  perLink: LinkAccess[];
  /** Why access could not be read (the service's settings could not be fetched). */
  problem?: string;
  /** Markdown lines on the settings the verdicts come from (whitelists, groups, rules), when read. */
  facts?: string[];
}

/** The source of a link's traffic, given its vSwitch's CIDR block. */
export function linkSource(link: NetworkLinkView, vSwitchCidr: string | undefined): LinkSource {
  return linkSourceOf(
    {
      name: link.name,
      vSwitchId: link.vSwitchId,
      securityGroupId: link.securityGroupId,
      interfaceAddresses: link.networkInterfaces.map((eni) => eni.privateIpAddress),
    },
    vSwitchCidr,
  );
}

/** A service's access from every link of its VPC, judged by `judge`; the summary is the best link's verdict. */
export function serviceAccess(sources: readonly LinkSource[], judge: (source: LinkSource) => LinkAccess): ServiceAccess {
  if (sources.length === 0) return { summary: 'no-link', perLink: [] };
  const perLink = sources.map(judge);
  return { summary: bestVerdict(perLink)!.verdict, perLink };
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
