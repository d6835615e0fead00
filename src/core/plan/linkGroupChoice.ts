/**
 * Two applies of one spec on two machines can each create the link's group (names are not
 * unique in ECS). Both then converge on the same one: the oldest by creation time (then by id),
 * and the newer empty ones are deleted. Pure, so the planner and the executor decide alike.
 */
import type { SecurityGroup } from '../model';

/** The group to keep and the extra ones, among groups that share the link group's name. */
export function chooseLinkGroup<G extends Pick<SecurityGroup, 'securityGroupId' | 'creationTime'>>(
  groups: readonly G[],
): { keep?: G; extra: G[] } {
  // An unknown creation time sorts last: a group just created and not yet listed is the newest.
  const sorted = [...groups].sort(
    (a, b) => (a.creationTime ?? '\uffff').localeCompare(b.creationTime ?? '\uffff') || a.securityGroupId.localeCompare(b.securityGroupId),
  );
  const [keep, ...extra] = sorted;
  return { keep, extra };
}
