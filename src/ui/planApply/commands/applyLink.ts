/**
 * mcvpc.applyLink: plan, show the plan, ask, then apply it with the engine (progress and Cancel
 * in a notification; the call in flight completes). Ends with the console hand-over when the
 * link still has to be created there, and refreshes the VPC's links and services.
 */
import * as vscode from 'vscode';
import { formatSummary, planHasChanges } from '../../../core/plan';
import { planDeclaredLink, showPlanDocument } from '../linkPlanning';
import { reportOutcome, runPlanWithProgress } from '../planRun';
import type { CommandDeps, CommandHandler } from '../../shell/commandDeps';
import { nodeArgument } from '../../networkView/model/nodeArgument';

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
      const changes = planHasChanges(plan) ? formatSummary(plan.summary) : 'No changes';
      const answer = await vscode.window.showWarningMessage(
        `Apply the plan for ${spec.networkLinkName}?`,
        { modal: true, detail: `${changes}. Region ${spec.regionId}, VPC ${spec.vpcId}.` },
        applyLabel,
      );
      if (answer !== applyLabel) return undefined;
    }
    const report = await runPlanWithProgress(deps, spec, plan);
    deps.explorer.refresh(deps.explorer.nodeById(node.id.slice(0, node.id.lastIndexOf('/networkLinks/'))));
    reportOutcome(deps, spec, report, 'apply', `${spec.networkLinkName} is applied: every step is done.`);
    return report.outcome;
  };
}
