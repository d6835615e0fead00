/**
 * mcvpc.applyLink: plan, show the plan, ask, then apply it with the engine (progress and Cancel
 * in a notification; the call in flight completes). Ends with the console hand-over when the
 * link still has to be created there, and refreshes the VPC's links and services.
 */
import * as vscode from 'vscode';
import { formatSummary, planHasChanges } from '../../core/plan';
import { showConsoleHandover } from '../consoleHandover';
import { planDeclaredLink, showPlanDocument } from '../linkPlanning';
import type { CommandDeps, CommandHandler } from './deps';
import { nodeArgument } from './nodeArgument';

/** The apply command's handler; `{ confirmed: true }` as second argument skips the question (tests). Resolves to the outcome. */
export function applyLinkCommand(deps: CommandDeps): CommandHandler {
  return async (arg?: unknown, options?: unknown): Promise<string | undefined> => {
    const node = nodeArgument(arg, ['networkLink'], 'Apply');
    const declared = node.link.declared;
    if (declared === undefined) throw new Error('Only a link declared in a *.mcvpc.yaml spec can be applied.');
    const planned = await planDeclaredLink(deps.session, declared);
    if (planned === undefined) return undefined;
    await showPlanDocument(planned);
    const { plan, spec } = planned;
    if (plan.refused) {
      void vscode.window.showErrorMessage(`The plan for ${spec.networkLinkName} refuses: fix the errors it lists, then plan again.`);
      return 'refused';
    }
    const confirmed = (options as { confirmed?: boolean } | undefined)?.confirmed === true;
    if (!confirmed) {
      const applyLabel = 'Apply';
      const changes = planHasChanges(plan) ? formatSummary(plan.summary) : 'No changes; checks the console step';
      const answer = await vscode.window.showWarningMessage(`Apply the plan for ${spec.networkLinkName}?`, { modal: true, detail: `${changes}. Region ${spec.regionId}, VPC ${spec.vpcId}.` }, applyLabel);
      if (answer !== applyLabel) return undefined;
    }
    const { applyPlan } = await import('../../engine');
    const cloud = (await deps.session.open()).withRegion(spec.regionId);
    const report = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Applying ${spec.networkLinkName}`, cancellable: true },
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
                deps.log.info(`apply ${spec.networkLinkName}: ${event.result.status} — ${event.result.title}${event.result.error !== undefined ? ` (${event.result.error.code}, RequestId ${event.result.error.requestId ?? 'none'})` : ''}`);
                progress.report({ increment: 100 / Math.max(1, total) });
              }
            },
          });
        } finally {
          listener.dispose();
        }
      },
    );
    const vpcNode = deps.explorer.nodeById(node.id.slice(0, node.id.lastIndexOf('/networkLinks/')));
    deps.explorer.refresh(vpcNode);
    if (report.outcome === 'failed') {
      const failed = report.steps.find((s) => s.status === 'failed');
      const why = failed?.error !== undefined ? `${failed.title}: ${failed.error.message} (${failed.error.code}${failed.error.requestId !== undefined ? `, RequestId ${failed.error.requestId}` : ''})` : 'see the log';
      const showLog = 'Show Log';
      void vscode.window.showErrorMessage(`Apply ${spec.networkLinkName} failed — ${why}. Running Apply again continues where it stopped.`, showLog).then((c) => (c === showLog ? deps.log.show(true) : undefined));
    } else if (report.outcome === 'cancelled') {
      void vscode.window.showWarningMessage(`Apply ${spec.networkLinkName} was cancelled; the steps done so far are kept. Running Apply again continues.`);
    } else if (report.outcome === 'waiting-for-console' && report.handover !== undefined) {
      void showConsoleHandover(spec.networkLinkName, report.handover);
    } else {
      void vscode.window.showInformationMessage(`${spec.networkLinkName} is applied: every step is done.`);
    }
    return report.outcome;
  };
}
