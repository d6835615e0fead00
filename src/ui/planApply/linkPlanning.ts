/**
 * Planning a declared link from the explorer: the engine reads the live state and plans it
 * (src/engine, src/core/plan), with progress and Cancel in a notification, and the plan is
 * shown first as a readable document, before anything can change.
 */
import * as vscode from 'vscode';
import type { Plan, PlanPurpose } from '../../core/plan';
import type { ConnectionSpec } from '../../connectionSpec/types';
import type { CloudSession } from '../shell/session';
import type { DeclaredLink } from '../networkView/model/links';

/** A plan and what it was made from. */
export interface PlannedLink {
  spec: ConnectionSpec;
  plan: Plan;
  /** The plan as the document shows it. */
  text: string;
}

/** Plans a declared link (or, for `destroy`, its teardown) with a cancellable notification; undefined when cancelled. */
export async function planDeclaredLink(
  session: CloudSession,
  declared: DeclaredLink,
  purpose: PlanPurpose = 'apply',
): Promise<PlannedLink | undefined> {
  const { spec } = declared;
  const { planSpec, planSpecTeardown } = await import('../../engine');
  const planner = purpose === 'destroy' ? planSpecTeardown : planSpec;
  const { renderPlan, formatSummary } = await import('../../core/plan');
  const cloud = (await session.open()).withRegion(spec.regionId);
  const endpoint = session.settings().endpoint;
  return vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: `Planning ${purpose === 'destroy' ? 'the removal of ' : ''}network link ${spec.networkLinkName}`,
      cancellable: true,
    },
    async (progress, token) => {
      const controller = new AbortController();
      const listener = token.onCancellationRequested(() => controller.abort(new Error('cancelled')));
      try {
        progress.report({ message: `reading ${spec.vpcId}, its groups and ${spec.targets.length} target(s)…` });
        const { plan } = await planner(cloud, spec, { emulatorEndpoint: endpoint, signal: controller.signal });
        const fileName = vscode.workspace.asRelativePath(vscode.Uri.parse(declared.file));
        const header = `${purpose === 'destroy' ? 'Removal plan' : 'Plan'} for ${fileName}, profile ${cloud.accountProfile}: nothing has been changed yet.`;
        const summary = plan.refused ? '' : `\n\n${formatSummary(plan.summary)}`;
        return { spec, plan, text: `${header}\n\n${renderPlan(plan, fileName)}${summary}\n` };
      } catch (error) {
        if (token.isCancellationRequested) return undefined;
        throw error;
      } finally {
        listener.dispose();
      }
    },
  );
}

/** Shows the plan beside the spec in the link's read-only plan document (reused: one tab per link, nothing to save). */
export async function showPlanDocument(planned: PlannedLink): Promise<vscode.TextEditor> {
  const { planDocuments } = await import('./planDocument');
  return planDocuments().show(planned.spec.networkLinkName, planned.text);
}
