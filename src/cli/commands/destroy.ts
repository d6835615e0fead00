/**
 * `mcvpc destroy FILE`: the reverse of apply. Plans the teardown of each link (its own whitelist
 * entries and rules on the targets, the console hand-over to delete the link, then the link's
 * own group), shows it with `-` for what it removes, confirms as apply does and carries it out.
 * Exit 0 done, 4 waiting for the link to be deleted in the MaxCompute console, 1 error.
 */
import { CloudSessions } from '../cloudSessions';
import { EXIT, type LinkCommandArgs } from '../linkArgs';
import { approved, carryOut, showPlans } from './carryOut';
import { planAll, releaseLocks, type LinkLocks } from './planAll';

export async function runDestroy(args: LinkCommandArgs): Promise<number> {
  const sessions = new CloudSessions(args);
  // One run per link on this machine, from planning to the end (as apply).
  const locks: LinkLocks = { what: 'mcvpc destroy', held: [] };
  try {
    const planned = await planAll(args, sessions, 'destroy', locks);
    if (planned === undefined) return EXIT.error;
    const refused = showPlans(args, planned);
    if (refused !== undefined) return refused;
    if (!(await approved(args, planned, 'destroy'))) return EXIT.error;
    return await carryOut(args, sessions, planned, 'destroy');
  } finally {
    releaseLocks(locks);
  }
}
