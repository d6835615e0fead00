/**
 * `mcvpc apply FILE`: plan, show, confirm, carry out — the network link included (created through
 * MaxCompute's API and waited for). Exit 0 done, 1 error, 4 stopped at the MaxCompute console
 * step, the fallback when the link API cannot be used (run again once the link exists). With --plan, the saved plan is applied
 * only if the spec and the cloud are as they were when it was made (Terraform's stale-plan rule),
 * and only if it is an apply plan.
 */
import { readBoundedText, UnreadableFileError } from '../../cloud/boundedFile';
import { escapeForMessage } from '../../core/displayText';
import { parseSavedPlanFile, stalePlanReason } from '../../engine';
import { CloudSessions } from '../cloudSessions';
import { EXIT, type LinkCommandArgs } from '../linkArgs';
import { approved, carryOut, showPlans } from './carryOut';
import { MAX_SAVED_PLAN_BYTES } from './savedPlanOut';
import { planAll, releaseLocks, type LinkLocks, type PlannedLink } from './planAll';

/** Why the saved plan file does not fit the fresh plans, or undefined when it does. */
function savedPlanProblem(file: string, text: string, planned: readonly PlannedLink[]): string | undefined {
  const saved = parseSavedPlanFile(text, file);
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

/** The saved plan's text, read before anything else so that a wrong path costs no cloud read. */
async function readSavedPlan(file: string): Promise<string | undefined> {
  try {
    return await readBoundedText(file, { limit: MAX_SAVED_PLAN_BYTES, what: 'a saved plan' });
  } catch (err) {
    if (!(err instanceof UnreadableFileError)) throw err;
    process.stderr.write(`mcvpc apply: --plan ${err.message}; save a plan with: mcvpc plan FILE --out ${escapeForMessage(file)}\n`);
    return undefined;
  }
}

export async function runApply(args: LinkCommandArgs): Promise<number> {
  const savedPlanText = args.plan === undefined ? undefined : await readSavedPlan(args.plan);
  if (args.plan !== undefined && savedPlanText === undefined) return EXIT.error;
  const sessions = new CloudSessions(args);
  const locks: LinkLocks = { what: 'mcvpc apply', held: [] };
  try {
    return await planAndApply(args, sessions, savedPlanText, locks);
  } finally {
    releaseLocks(locks);
  }
}

async function planAndApply(
  args: LinkCommandArgs,
  sessions: CloudSessions,
  savedPlanText: string | undefined,
  locks: LinkLocks,
): Promise<number> {
  const planned = await planAll(args, sessions, 'apply', locks);
  if (planned === undefined) return EXIT.error;
  const refused = showPlans(args, planned);
  if (refused !== undefined) return refused;
  if (args.plan !== undefined && savedPlanText !== undefined) {
    const problem = savedPlanProblem(args.plan, savedPlanText, planned);
    if (problem !== undefined) {
      // The reason quotes the saved file's fields (a link name, a fingerprint): shown escaped, on one line.
      process.stderr.write(`mcvpc apply: refusing the saved plan: ${escapeForMessage(problem)}\n`);
      return EXIT.error;
    }
  } else if (!(await approved(args, planned, 'apply'))) {
    return EXIT.error;
  }
  return carryOut(args, sessions, planned, 'apply');
}
