/**
 * Lindorm's whitelist call is coarse: UpdateInstanceIpWhiteList sets one group's whole list, and
 * its `Delete=true` is documented only as "clear all IP addresses and CIDR blocks in the
 * whitelist" — not which group (src/cloud/products/lindorm.ts). So a change here is made as the
 * smallest write we can state (the one group, merged from a fresh read; never Delete), and every
 * group is read before and after: anything else that changed is reported, not passed over.
 */
import { ApplyRefusal, type WhitelistGroup } from '../../core/plan';

/**
 * The entry that admits no one: "If you add 127.0.0.1 to the whitelist, all IP addresses cannot be
 * used to access the Lindorm instance" (SDK model, UpdateInstanceIpWhiteListRequest.SecurityIpList).
 * A group whose last entry is the link's is set to it, as RDS keeps its default group.
 */
export const LINDORM_NO_ACCESS_ENTRY = '127.0.0.1';

/** The change to one group: the link's block added or removed. */
export type WhitelistChange = { add: string } | { remove: string };

/** The group's whole list after the change, from the list read just before (what UpdateInstanceIpWhiteList is sent). */
export function changedList(current: readonly string[], change: WhitelistChange): string[] {
  if ('add' in change) {
    // The deny-all entry stays with the block: it admits no one, and it may be someone's marker.
    return current.includes(change.add) ? [...current] : [...current, change.add];
  }
  const kept = current.filter((ip) => ip !== change.remove);
  // An empty SecurityIpList is refused, and Delete may clear more than the group: deny-all instead.
  return kept.length > 0 ? kept : [LINDORM_NO_ACCESS_ENTRY];
}

/**
 * What changed between two reads of every group beyond `change` in `groupName`: one sentence per
 * group, empty when the other groups are byte-identical and ours differs only by the change.
 */
export function unrelatedChanges(
  before: readonly WhitelistGroup[],
  after: readonly WhitelistGroup[],
  groupName: string,
  change: WhitelistChange,
): string[] {
  const found: string[] = [];
  const list = (g: WhitelistGroup | undefined): string => (g === undefined ? '(no group)' : g.ips.join(',') || '(empty)');
  const names = [...new Set([...before.map((g) => g.name), ...after.map((g) => g.name)])];
  for (const name of names) {
    const was = before.find((g) => g.name === name);
    const now = after.find((g) => g.name === name);
    if (name !== groupName) {
      if (list(was) !== list(now)) found.push(`group ${name}: ${list(was)} → ${list(now)}`);
      continue;
    }
    // Ours: exactly the list the change makes from what was there.
    const expected = changedList(was?.ips ?? [], change);
    if (list(now) !== expected.join(',')) found.push(`group ${name}: expected ${expected.join(',')}, found ${list(now)}`);
  }
  return found;
}

/** Reads every group, makes the change to the one group, reads every group again; refuses what it cannot account for. */
export async function guardedWhitelistWrite(
  label: string,
  readAll: () => Promise<WhitelistGroup[]>,
  groupName: string,
  change: WhitelistChange,
  write: (groupName: string, ips: string[]) => Promise<void>,
): Promise<void> {
  const before = await readAll();
  const current = before.find((g) => g.name === groupName)?.ips ?? [];
  if ('remove' in change && !current.includes(change.remove)) return;
  if ('add' in change && current.includes(change.add)) return;
  await write(groupName, changedList(current, change));
  const after = await readAll();
  const changes = unrelatedChanges(before, after, groupName, change);
  if (changes.length > 0) {
    throw new ApplyRefusal(
      'WhitelistChangedElsewhere',
      `The whitelist of ${label} changed beyond the link's entry in group ${groupName} while it was written: ${changes.join('; ')}. Another writer (or the service) changed it; check these groups in the Lindorm console before running apply again.`,
    );
  }
}
