/**
 * What `mcvpc apply` and `mcvpc destroy` share once the plans are made: show them, ask (only
 * "yes" proceeds; --auto-approve in CI), carry them out with the engine (Ctrl-C cancels after
 * the call in flight), report, and exit 0 done, 1 error, 4 stopped at the console step (the fallback when the link API
 * cannot be used).
 */
import { createInterface } from 'node:readline/promises';
import { addSummaries, formatSummary, planHasChanges, type PlanPurpose } from '../../core/plan';
import { mapWithConcurrency } from '../../cloud/paging';
import { applyPlan, type ApplyReport } from '../../engine';
import type { CloudSessions } from '../cloudSessions';
import { EXIT, type LinkCommandArgs } from '../linkArgs';
import { closingLine, progressLine, renderReport } from './applyOutput';
import { renderPlans, type PlannedLink } from './planAll';
import { jsonForTerminal } from '../../core/displayText';

async function confirmed(): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question('\nDo you want to perform these actions? Only "yes" will be accepted: ');
    return answer.trim() === 'yes';
  } finally {
    rl.close();
  }
}

const VERBS: Record<PlanPurpose, { ing: string; noun: string }> = {
  apply: { ing: 'applying', noun: 'Apply' },
  destroy: { ing: 'destroying', noun: 'Destroy' },
};

/** Shows the plans and stops when they refuse; the exit code, or undefined to go on. */
export function showPlans(args: LinkCommandArgs, planned: readonly PlannedLink[]): number | undefined {
  const plans = planned.map((p) => p.plan);
  // With --json, stdout carries only the JSON; the plan is shown on stderr.
  const show = (text: string): boolean => (args.json ? process.stderr : process.stdout).write(`${text}\n`);
  show(renderPlans(args, planned));
  if (plans.some((p) => p.refused)) {
    show('\nPlan refused: fix the errors above; nothing was changed.');
    return EXIT.error;
  }
  show(`\n${formatSummary(addSummaries(plans.map((p) => p.summary)))}`);
  return undefined;
}

/** Asks before changing anything (unless --auto-approve or nothing changes); false after saying why not. */
export async function approved(args: LinkCommandArgs, planned: readonly PlannedLink[], purpose: PlanPurpose): Promise<boolean> {
  if (!planned.some((p) => planHasChanges(p.plan)) || args.autoApprove) return true;
  const { ing, noun } = VERBS[purpose];
  if (!process.stdin.isTTY) {
    process.stderr.write(
      `mcvpc ${purpose}: not ${ing} without confirmation. Run it in a terminal to answer "yes", or pass --auto-approve (e.g. in CI).\n`,
    );
    return false;
  }
  if (await confirmed()) return true;
  process.stderr.write(`${noun} cancelled; nothing was changed.\n`);
  return false;
}

/**
 * Links carried out at once. MaxCompute takes minutes to make a link; a file's links wait for
 * theirs side by side, each with its own link group and lock (the engine is safe against a
 * second run on the same cloud, so it is against a sibling). Calls stay under the session's cap.
 */
export const LINKS_AT_ONCE = 4;

/** Carries out the plans (up to LINKS_AT_ONCE links at a time) and reports; resolves to the exit code. */
export async function carryOut(
  args: LinkCommandArgs,
  sessions: CloudSessions,
  planned: readonly PlannedLink[],
  purpose: PlanPurpose,
): Promise<number> {
  const controller = new AbortController();
  const onInterrupt = (): void => {
    process.stderr.write('\nCancelling after the call in flight… (press Ctrl-C again to quit at once)\n');
    process.off('SIGINT', onInterrupt);
    controller.abort();
  };
  process.on('SIGINT', onInterrupt);
  let byLink: Array<ApplyReport | undefined> = [];
  try {
    // In the file's order, whatever order they finish in; a link not started (cancelled) has none.
    byLink = await mapWithConcurrency([...planned], LINKS_AT_ONCE, async ({ spec, plan }) => {
      if (controller.signal.aborted) return undefined;
      const cloud = await sessions.forSpec(spec);
      return applyPlan(cloud, spec, plan, {
        signal: controller.signal,
        waitForConsoleMs: (args.waitForConsoleSeconds ?? 0) * 1000,
        ...(args.linkTimeoutSeconds !== undefined ? { linkWaitMs: args.linkTimeoutSeconds * 1000 } : {}),
        onEvent: (event) => {
          const line = progressLine(spec.networkLinkName, event);
          if (line !== undefined) process.stderr.write(`${line}\n`);
        },
      });
    });
  } finally {
    process.off('SIGINT', onInterrupt);
  }
  const reports = byLink.filter((r): r is ApplyReport => r !== undefined);

  const outcome =
    reports.some((r) => r.outcome === 'cancelled') || reports.length < planned.length
      ? 'cancelled'
      : reports.some((r) => r.outcome === 'failed')
        ? 'failed'
        : reports.some((r) => r.outcome === 'waiting-for-console')
          ? 'waiting-for-console'
          : 'done';
  if (args.json) {
    process.stdout.write(`${jsonForTerminal({ file: args.file, command: purpose, outcome, reports })}\n`);
  } else {
    const text = reports
      .map((r) => renderReport(r, planned.find((p) => p.plan.networkLinkName === r.networkLinkName)!.plan.steps, purpose))
      .join('\n\n');
    process.stdout.write(`\n${text}\n\n${closingLine(args.file, reports, purpose)}\n`);
  }
  if (outcome === 'done') return EXIT.ok;
  return outcome === 'waiting-for-console' ? EXIT.waitingForConsole : EXIT.error;
}
