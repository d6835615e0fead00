/**
 * `mcvpc apply FILE`: plan, show, confirm, carry out. Exit 0 done, 4 stopped at the MaxCompute
 * console step (run again once the link exists), 1 error. With --plan, the saved plan is applied
 * only if the spec and the cloud are as they were when it was made (Terraform's stale-plan rule).
 */
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline/promises';
import { escapeForMessage } from '../../core/displayText';
import { addSummaries, formatSummary, planHasChanges } from '../../core/plan';
import { applyPlan, parseSavedPlanFile, stalePlanReason, type ApplyReport } from '../../engine';
import { CloudSessions } from '../cloudSessions';
import { EXIT, type LinkCommandArgs } from '../linkArgs';
import { closingLine, progressLine, renderReport } from './applyOutput';
import { planAll, renderPlans, type PlannedLink } from './planAll';

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

async function confirmed(): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question('\nDo you want to perform these actions? Only "yes" will be accepted: ');
    return answer.trim() === 'yes';
  } finally {
    rl.close();
  }
}

/** The saved plan's text, read before anything else so that a wrong path costs no cloud read. */
async function readSavedPlan(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : `cannot be read (${code ?? String(err)})`;
    process.stderr.write(`mcvpc apply: --plan ${escapeForMessage(file)}: ${why}; save a plan with: mcvpc plan FILE --out ${escapeForMessage(file)}\n`);
    return undefined;
  }
}

export async function runApply(args: LinkCommandArgs): Promise<number> {
  const savedPlanText = args.plan === undefined ? undefined : await readSavedPlan(args.plan);
  if (args.plan !== undefined && savedPlanText === undefined) return EXIT.error;
  const sessions = new CloudSessions(args);
  const planned = await planAll(args, sessions);
  if (planned === undefined) return EXIT.error;
  const plans = planned.map((p) => p.plan);
  // With --json, stdout carries only the JSON; the plan is shown on stderr.
  const show = (text: string): boolean => (args.json ? process.stderr : process.stdout).write(`${text}\n`);
  show(renderPlans(args, planned));
  if (plans.some((p) => p.refused)) {
    show('\nPlan refused: fix the errors above; nothing was changed.');
    return EXIT.error;
  }
  show(`\n${formatSummary(addSummaries(plans.map((p) => p.summary)))}`);
  if (args.plan !== undefined && savedPlanText !== undefined) {
    const problem = savedPlanProblem(args.plan, savedPlanText, planned);
    if (problem !== undefined) {
      process.stderr.write(`mcvpc apply: refusing the saved plan: ${problem}\n`);
      return EXIT.error;
    }
  } else if (plans.some(planHasChanges) && !args.autoApprove) {
    if (!process.stdin.isTTY) {
      process.stderr.write('mcvpc apply: not applying without confirmation. Run it in a terminal to answer "yes", or pass --auto-approve (e.g. in CI).\n');
      return EXIT.error;
    }
    if (!(await confirmed())) {
      process.stderr.write('Apply cancelled; nothing was changed.\n');
      return EXIT.error;
    }
  }

  const controller = new AbortController();
  const onInterrupt = (): void => {
    process.stderr.write('\nCancelling after the call in flight… (press Ctrl-C again to quit at once)\n');
    process.off('SIGINT', onInterrupt);
    controller.abort();
  };
  process.on('SIGINT', onInterrupt);
  const reports: ApplyReport[] = [];
  try {
    for (const { spec, plan } of planned) {
      if (controller.signal.aborted) break;
      const cloud = await sessions.forSpec(spec);
      reports.push(await applyPlan(cloud, spec, plan, {
        signal: controller.signal,
        waitForConsoleMs: (args.waitForConsoleSeconds ?? 0) * 1000,
        onEvent: (event) => {
          const line = progressLine(spec.networkLinkName, event);
          if (line !== undefined) process.stderr.write(`${line}\n`);
        },
      }));
    }
  } finally {
    process.off('SIGINT', onInterrupt);
  }

  const outcome = reports.some((r) => r.outcome === 'cancelled') || reports.length < planned.length ? 'cancelled'
    : reports.some((r) => r.outcome === 'failed') ? 'failed'
      : reports.some((r) => r.outcome === 'waiting-for-console') ? 'waiting-for-console' : 'done';
  if (args.json) {
    process.stdout.write(`${JSON.stringify({ file: args.file, outcome, reports }, null, 2)}\n`);
  } else {
    const text = reports.map((r) => renderReport(r, planned.find((p) => p.plan.networkLinkName === r.networkLinkName)!.plan.steps)).join('\n\n');
    process.stdout.write(`\n${text}\n\n${closingLine(args.file, reports)}\n`);
  }
  if (outcome === 'done') return EXIT.ok;
  return outcome === 'waiting-for-console' ? EXIT.waitingForConsole : EXIT.error;
}
