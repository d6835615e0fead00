/**
 * Can a link's traffic reach a service? The words the tree, the form and the doctor share.
 * Each target kind computes its verdicts (src/targets/<kind>); this file names no kind.
 */
import { formatIpv4, parseCidr } from './cidr';

/** What one link's traffic meets at the service. */
export type AccessVerdict = 'allowed' | 'partial' | 'blocked' | 'unknown';

/** The verdict for one link, with the reason in one sentence. */
export interface LinkAccess {
  /** The link's name, or "unnamed link in vsw-…". */
  link: string;
  verdict: AccessVerdict;
  reason: string;
}

/** Where a link's traffic comes from. */
export interface LinkSource {
  label: string;
  /** The link vSwitch's CIDR block, when known. */
  vSwitchCidr?: string;
  securityGroupId?: string;
  /** Addresses to probe rules with: the ENIs' when detected, else the block's first and last host. */
  addresses: string[];
}

/** The source of a link's traffic from what is known of it. */
export function linkSourceOf(
  link: { name?: string; vSwitchId: string; securityGroupId?: string; interfaceAddresses: readonly string[] },
  vSwitchCidr: string | undefined,
): LinkSource {
  const label = link.name ?? `unnamed link in ${link.vSwitchId}`;
  const detected = link.interfaceAddresses.filter((ip) => ip !== '');
  return {
    label,
    vSwitchCidr,
    securityGroupId: link.securityGroupId,
    addresses: detected.length > 0 ? [...detected] : blockEnds(vSwitchCidr),
  };
}

function blockEnds(cidr: string | undefined): string[] {
  const parsed = cidr === undefined ? undefined : parseCidr(cidr);
  if (parsed === undefined) return [];
  const size = 2 ** (32 - parsed.prefix);
  if (size <= 2) return [formatIpv4(parsed.network)];
  return [formatIpv4(parsed.network + 1), formatIpv4(parsed.network + size - 2)];
}

const RANK: Record<AccessVerdict, number> = { allowed: 3, partial: 2, unknown: 1, blocked: 0 };

/** The best of several verdicts (a service is reachable when one link reaches it). */
export function bestVerdict(verdicts: readonly LinkAccess[]): LinkAccess | undefined {
  return verdicts.reduce<LinkAccess | undefined>((a, b) => (a === undefined || RANK[b.verdict] > RANK[a.verdict] ? b : a), undefined);
}
