/**
 * Carrying out a grant or revoke on a whitelist/security-group service: the same decisions as
 * the plan, re-made on a fresh read, then the change, then a read-back (convergeList).
 */
import { entriesCovering, ApplyRefusal, type StepOutcome, type WhitelistGroup } from '../../core/plan';
import type { TargetAccess } from '../../core/specModel';
import type { TargetApplyContext } from '../kind';
import { convergeList } from './convergeList';

/** The calls one kind makes to change access. */
export interface ServiceAccessOps {
  /** `RDS instance rm-…`. */
  label: string;
  readWhitelist(): Promise<WhitelistGroup[]>;
  /** Writes the group's list from `current` plus the block (an atomic append where the API has one). */
  addToWhitelist(groupName: string, current: WhitelistGroup | undefined, cidr: string): Promise<void>;
  /** Removes exactly `entry` (an atomic delete where the API has one, else the list minus it). */
  removeFromWhitelist(groupName: string, current: WhitelistGroup, entry: string): Promise<void>;
  readSecurityGroups?(): Promise<string[]>;
  writeSecurityGroups?(groupIds: string[]): Promise<void>;
  /** The most security groups the service accepts. */
  maxSecurityGroups?: number;
}

/** Grant or revoke, verified by reading back. */
export function applyServiceAccess(
  access: TargetAccess,
  change: 'grant' | 'revoke',
  ops: ServiceAccessOps,
  ctx: TargetApplyContext,
): Promise<StepOutcome> {
  const options = { throwIfCancelled: () => ctx.throwIfCancelled() };
  if (access.mode === 'whitelist') {
    const groupName = access.whitelistGroup;
    const cidr = ctx.vSwitchCidr;
    let group: WhitelistGroup | undefined;
    const read = async (): Promise<string[] | undefined> => {
      group = (await ops.readWhitelist()).find((g) => g.name === groupName);
      return group?.ips;
    };
    if (change === 'grant') {
      return convergeList(
        {
          read,
          satisfied: (ips) => ips !== undefined && entriesCovering(ips, cidr).length > 0,
          write: () => ops.addToWhitelist(groupName, group, cidr),
          doneText: `${cidr} added to whitelist group ${groupName} of ${ops.label}`,
          alreadyText: `whitelist group ${groupName} of ${ops.label} already allows ${cidr}`,
        },
        options,
      );
    }
    return convergeList(
      {
        read,
        // Only the exact entry apply added: a containing block may be someone else's.
        satisfied: (ips) => cidr === '' || ips === undefined || !ips.includes(cidr),
        write: () => ops.removeFromWhitelist(groupName, group!, cidr),
        doneText: `${cidr} removed from whitelist group ${groupName} of ${ops.label}`,
        alreadyText: `whitelist group ${groupName} of ${ops.label} holds no ${cidr || 'entry of the link'}`,
      },
      options,
    );
  }
  const linkGroupId = ctx.linkGroupId;
  if (ops.readSecurityGroups === undefined || ops.writeSecurityGroups === undefined)
    throw new Error(`${ops.label} has no security-group access.`);
  if (linkGroupId === undefined) {
    if (change === 'revoke')
      return Promise.resolve({ status: 'already', detail: `the link's security group is gone: nothing bound to ${ops.label}` });
    throw new Error('The link group is not known yet; the link-group step must run first.');
  }
  const readGroups = ops.readSecurityGroups;
  const writeGroups = ops.writeSecurityGroups;
  if (change === 'grant') {
    return convergeList(
      {
        read: readGroups,
        satisfied: (ids) => ids !== undefined && ids.includes(linkGroupId),
        write: async (current) => {
          const ids = current ?? [];
          if (ops.maxSecurityGroups !== undefined && ids.length >= ops.maxSecurityGroups) {
            throw new ApplyRefusal(
              'TooManySecurityGroups',
              `${ops.label} already has ${ids.length} security groups (${ids.join(', ')}); at most ${ops.maxSecurityGroups} are allowed.`,
            );
          }
          await writeGroups([...ids, linkGroupId]);
        },
        doneText: `${linkGroupId} added to the security groups of ${ops.label}`,
        alreadyText: `${ops.label} already has security group ${linkGroupId}`,
      },
      options,
    );
  }
  return convergeList(
    {
      read: readGroups,
      satisfied: (ids) => ids === undefined || !ids.includes(linkGroupId),
      write: (current) => writeGroups((current ?? []).filter((id) => id !== linkGroupId)),
      doneText: `${linkGroupId} removed from the security groups of ${ops.label}`,
      alreadyText: `${linkGroupId} is not bound to ${ops.label}`,
    },
    options,
  );
}
