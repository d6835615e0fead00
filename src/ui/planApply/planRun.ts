/**
 * Carrying out a plan from the Network view (Apply, Remove Network Link): the engine runs it in
 * a notification with progress and Cancel (the call in flight completes), each step goes to the
 * log, and the outcome is told in one message — or as the console hand-over when the link still
 * has to be created or deleted in the MaxCompute console.
 */
import * as vscode from 'vscode';
import type { Plan, PlanPurpose } from '../../core/plan';
import type { ApplyReport } from '../../engine';
import type { ConnectionSpec } from '../../connectionSpec/types';
import type { CommandDeps } from '../shell/commandDeps';
import { showConsoleHandover } from './consoleHandover';

const WORDS: Record<PlanPurpose, { command: string; running: string; log: string }> = {
  apply: { command: 'Apply', running: 'Applying', log: 'apply' },
  destroy: { command: 'Remove Network Link', running: 'Removing', log: 'remove' },
};

/**
 * Runs the plan with progress and Cancel; resolves to the engine's report. Holds the link's lock
 * (the one `mcvpc apply`/`destroy` hold) while it runs: on this machine one run per link, and a
 * second is told who has it (LinkLockedError) instead of creating a second group.
 */
export async function runPlanWithProgress(deps: CommandDeps, spec: ConnectionSpec, plan: Plan): Promise<ApplyReport> {
  const words = WORDS[plan.purpose ?? 'apply'];
  const { applyPlan, acquireLinkLock } = await import('../../engine');
  const cloud = (await deps.session.open()).withRegion(spec.regionId);
  const release = acquireLinkLock(spec, `${words.command} in VS Code`);
  try {
    return await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `${words.running} ${spec.networkLinkName}`, cancellable: true },
      async (progress, token) => {
        const controller = new AbortController();
        const listener = token.onCancellationRequested(() => controller.abort(new Error('cancelled')));
        const total = plan.steps.length;
        try {
          return await applyPlan(cloud, spec, plan, {
            signal: controller.signal,
            onEvent: (event) => {
              if (event.type === 'step-started') progress.report({ message: event.step.title });
              if (event.type === 'step-finished') {
                deps.log.info(
                  `${words.log} ${spec.networkLinkName}: ${event.result.status} — ${event.result.title}${event.result.error !== undefined ? ` (${event.result.error.code}, RequestId ${event.result.error.requestId ?? 'none'})` : ''}`,
                );
                progress.report({ increment: 100 / Math.max(1, total) });
              }
            },
          });
        } finally {
          listener.dispose();
        }
      },
    );
  } finally {
    release();
  }
}

/** Tells how the run ended: an error with "Show Log", a warning, the console hand-over, or done. */
export function reportOutcome(deps: CommandDeps, spec: ConnectionSpec, report: ApplyReport, purpose: PlanPurpose, doneText: string): void {
  const { command } = WORDS[purpose];
  if (report.outcome === 'failed') {
    const failed = report.steps.find((s) => s.status === 'failed');
    const why =
      failed?.error !== undefined
        ? `${failed.title}: ${failed.error.message} (${failed.error.code}${failed.error.requestId !== undefined ? `, RequestId ${failed.error.requestId}` : ''})`
        : 'see the log';
    const showLog = 'Show Log';
    void vscode.window
      .showErrorMessage(`${command} ${spec.networkLinkName} failed — ${why}. Running ${command} again continues where it stopped.`, showLog)
      .then((c) => (c === showLog ? deps.log.show(true) : undefined));
  } else if (report.outcome === 'cancelled') {
    void vscode.window.showWarningMessage(
      `${command} ${spec.networkLinkName} was cancelled; the steps done so far are kept. Running ${command} again continues.`,
    );
  } else if (report.outcome === 'waiting-for-console' && report.handover !== undefined) {
    void showConsoleHandover(spec.networkLinkName, report.handover, purpose);
  } else {
    void vscode.window.showInformationMessage(doneText);
  }
}
