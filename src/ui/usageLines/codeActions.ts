/**
 * Quick fixes of the link-usage diagnostics: each fix of the problem as a WorkspaceEdit ("Migrate
 * to ENI", "Use the network link …", "Change to …"), and for a VPC no known link reaches, the way
 * to get one: the Create Network Link form, or a new connection spec for that VPC.
 */
import * as vscode from 'vscode';
import { CommandId } from '../shell/model/ids';
import type { UsageDiagnostics } from './diagnostics';
import { toRange, USAGE_DOCUMENTS } from './documents';

/** Registers the code action provider over the diagnostics' problems. */
export function registerUsageCodeActions(diagnostics: UsageDiagnostics): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(
    USAGE_DOCUMENTS,
    {
      provideCodeActions(document, range) {
        const actions: vscode.CodeAction[] = [];
        // By line: a light bulb or Ctrl+. asks with the cursor's empty range, which may sit just past the marked text.
        const here = diagnostics
          .diagnostics(document.uri)
          .filter((d) => d.diagnostic.range.start.line <= range.end.line && range.start.line <= d.diagnostic.range.end.line);
        for (const { diagnostic, problem } of here) {
          for (const fix of problem.fixes) {
            const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
            action.diagnostics = [diagnostic];
            action.isPreferred = fix.preferred === true;
            action.edit = new vscode.WorkspaceEdit();
            for (const edit of fix.edits) action.edit.replace(document.uri, toRange(edit.range), edit.newText);
            actions.push(action);
          }
          const vpc = problem.vpc;
          if (vpc !== undefined && !vpc.linked) actions.push(...linkActions(diagnostic, vpc));
        }
        return actions;
      },
    },
    { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
  );
}

/** The two ways to a link for a VPC: the form (preferred), or a spec file to plan and apply. */
function linkActions(diagnostic: vscode.Diagnostic, vpc: { regionId: string; vpcId: string }): vscode.CodeAction[] {
  const place = { regionId: vpc.regionId, vpcId: vpc.vpcId };
  const form = new vscode.CodeAction(`Create Network Link to ${vpc.vpcId}…`, vscode.CodeActionKind.QuickFix);
  form.command = { command: CommandId.createNetworkLink, title: form.title, arguments: [place] };
  const spec = new vscode.CodeAction(`New Connection Spec for ${vpc.vpcId}…`, vscode.CodeActionKind.QuickFix);
  spec.command = { command: CommandId.newSpecForVpc, title: spec.title, arguments: [place] };
  for (const action of [form, spec]) action.diagnostics = [diagnostic];
  return [form, spec];
}
