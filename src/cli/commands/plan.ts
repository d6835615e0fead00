/** `mcvpc plan FILE [--out PLAN]`: the steps apply would take; exit 0 no changes, 2 changes, 1 error. */
import { escapeForMessage, jsonForTerminal } from '../../core/displayText';
import { addSummaries, formatSummary, planHasChanges } from '../../core/plan';
import { savedPlanFile } from '../../engine';
import { writeSavedPlan } from './savedPlanOut';
import { CloudSessions } from '../cloudSessions';
import { EXIT, type LinkCommandArgs } from '../linkArgs';
import { planAll, renderPlans } from './planAll';

export async function runPlan(args: LinkCommandArgs): Promise<number> {
  const planned = await planAll(args, new CloudSessions(args));
  if (planned === undefined) return EXIT.error;
  const plans = planned.map((p) => p.plan);
  const refused = plans.some((p) => p.refused);
  const summary = formatSummary(addSummaries(plans.map((p) => p.summary)));
  if (args.json) {
    process.stdout.write(`${jsonForTerminal({ file: args.file, refused, summary, plans })}\n`);
  } else {
    process.stdout.write(`${renderPlans(args, planned)}\n\n${refused ? 'Plan refused: fix the errors above.' : summary}\n`);
  }
  if (refused) return EXIT.error;
  if (args.out !== undefined) {
    const refusal = await writeSavedPlan(args.out, args.file, `${JSON.stringify(savedPlanFile(args.file, plans), null, 2)}\n`, args.force);
    if (refusal !== undefined) {
      process.stderr.write(`mcvpc plan: ${refusal}\n`);
      return EXIT.error;
    }
    process.stderr.write(
      `Saved the plan to ${escapeForMessage(args.out)}; apply exactly this with: mcvpc apply ${escapeForMessage(args.file)} --plan ${escapeForMessage(args.out)}\n`,
    );
  }
  return plans.some(planHasChanges) ? EXIT.changes : EXIT.ok;
}
