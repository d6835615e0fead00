/** IP whitelist arithmetic shared by every kind that admits the link by address block. */
import { cidrContains, parseCidr } from '../cidr';
import type { WhitelistGroup } from './liveState';

/** The whitelist entry that already admits the block (itself or a containing block), if any. */
export function whitelistEntryCovering(group: WhitelistGroup | undefined, cidr: string): string | undefined {
  return group === undefined ? undefined : entriesCovering(group.ips, cidr)[0];
}

/** The entries of a list that admit the whole block (the block itself or a containing block). */
export function entriesCovering(ips: readonly string[], cidr: string): string[] {
  const wanted = parseCidr(cidr);
  if (wanted === undefined) return [];
  return ips.filter((ip) => {
    const entry = parseCidr(ip);
    return entry !== undefined && cidrContains(entry, wanted);
  });
}
