/**
 * mcvpc.removeLink ("Remove Network Link…" on a declared link): the reverse of Apply. Plans the
 * teardown, shows it (read-only, as Plan does), asks with the exact list of what will be removed,
 * removes it with progress and Cancel — the link through MaxCompute's API, waited for until its
 * interfaces are gone, then the link's group; the console deletion is handed over only when the
 * link API cannot be used.
 */
import * as vscode from 'vscode';
import { formatSummary, planHasChanges, removalLines } from '../../../core/plan';
import { planDeclaredLink, showPlanDocument } from '../linkPlanning';
import { reportOutcome, runPlanWithProgress } from '../planRun';
import type { CommandDeps, CommandHandler } from '../../shell/commandDeps';
import { nodeArgument } from '../../networkView/model/nodeArgument';

/** The command's handler; `{ confirmed: true }` as second argument skips the question (tests). Resolves to the outcome. */
export function removeLinkCommand(deps: CommandDeps): CommandHandler {
  return async (arg?: unknown, options?: unknown): Promise<string | undefined> => {
    const node = nodeArgument(arg, ['networkLink'], 'Remove Network Link');
    const declared = node.link.declared;
    if (declared === undefined)
      throw new Error('Only a link declared in a *.mcvpc.yaml spec can be removed: the spec says what apply added.');
    const planned = await planDeclaredLink(deps.session, declared, 'destroy');
    if (planned === undefined) return undefined;
    await showPlanDocument(planned);
    const { plan, spec } = planned;
    if (plan.refused) {
      void vscode.window.showErrorMessage(`The removal plan for ${spec.networkLinkName} refuses: fix the errors it lists, then try again.`);
      return 'refused';
    }
    if (!planHasChanges(plan)) {
      void vscode.window.showInformationMessage(`Nothing of ${spec.networkLinkName} is left to remove.`);
      return 'done';
    }
    const confirmed = (options as { confirmed?: boolean } | undefined)?.confirmed === true;
    if (!confirmed) {
      const removeLabel = 'Remove';
      const detail = [
        ...removalLines(plan),
        '',
        `${formatSummary(plan.summary)} Region ${spec.regionId}, VPC ${spec.vpcId}. Nothing else is touched.`,
      ].join('\n');
      const answer = await vscode.window.showWarningMessage(
        `Remove network link ${spec.networkLinkName}?`,
        { modal: true, detail },
        removeLabel,
      );
      if (answer !== removeLabel) return undefined;
    }
    const report = await runPlanWithProgress(deps, spec, plan);
    deps.explorer.refresh(deps.explorer.nodeById(node.id.slice(0, node.id.lastIndexOf('/networkLinks/'))));
    reportOutcome(
      deps,
      spec,
      report,
      'destroy',
      `${spec.networkLinkName} is removed: its access on the targets and its security group are gone.`,
    );
    return report.outcome;
  };
}
