/**
 * `mcvpc apply FILE`: plan, show, confirm, carry out. Exit 0 done, 4 stopped at the MaxCompute
 * console step (run again once the link exists), 1 error. With --plan, the saved plan is applied
 * only if the spec and the cloud are as they were when it was made (Terraform's stale-plan rule),
 * and only if it is an apply plan.
 */
import { readFile } from 'node:fs/promises';
import { parseSavedPlanFile, stalePlanReason } from '../../engine';
import { CloudSessions } from '../cloudSessions';
import { EXIT, type LinkCommandArgs } from '../linkArgs';
import { approved, carryOut, showPlans } from './carryOut';
import { planAll, type PlannedLink } from './planAll';

/** Why the saved plan file does not fit the fresh plans, or undefined when it does. */
async function savedPlanProblem(file: string, planned: readonly PlannedLink[]): Promise<string | undefined> {
  const saved = parseSavedPlanFile(await readFile(file, 'utf8'), file);
  const names = new Set(planned.map((p) => p.plan.networkLinkName));
  const extra = saved.plans.find((p) => !names.has(p.networkLinkName));
  if (extra !== undefined) return `${file} plans "${extra.networkLinkName}", which the spec no longer has; run mcvpc plan again.`;
  for (const { plan } of planned) {
    const match = saved.plans.find((p) => p.networkLinkName === plan.networkLinkName);
    if (match === undefined) return `${file} has no plan for "${plan.networkLinkName}"; run mcvpc plan again.`;
    const reason = stalePlanReason(match, plan);
    if (reason !== undefined) return `${file}: ${reason}`;
  }
  return undefined;
}

export async function runApply(args: LinkCommandArgs): Promise<number> {
  const sessions = new CloudSessions(args);
  const planned = await planAll(args, sessions);
  if (planned === undefined) return EXIT.error;
  const refused = showPlans(args, planned);
  if (refused !== undefined) return refused;
  if (args.plan !== undefined) {
    const problem = await savedPlanProblem(args.plan, planned);
    if (problem !== undefined) {
      process.stderr.write(`mcvpc apply: refusing the saved plan: ${problem}\n`);
      return EXIT.error;
    }
  } else if (!(await approved(args, planned, 'apply'))) {
    return EXIT.error;
  }
  return carryOut(args, sessions, planned, 'apply');
}
