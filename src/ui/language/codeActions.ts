/**
 * Quick fixes of the link-usage diagnostics: each fix of the problem as a WorkspaceEdit ("Migrate
 * to ENI", "Use the network link …", "Change to …"), and for a VPC no known link reaches, the way
 * to get one: the Create Network Link form when it is installed, else a new connection spec.
 */
import * as vscode from 'vscode';
import { CommandId } from '../ids';
import type { UsageDiagnostics } from './diagnostics';
import { toRange, USAGE_DOCUMENTS } from './documents';

/** Registers the code action provider over the diagnostics' problems. */
export function registerUsageCodeActions(diagnostics: UsageDiagnostics): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(
    USAGE_DOCUMENTS,
    {
      async provideCodeActions(document, range) {
        const actions: vscode.CodeAction[] = [];
        // By line: a light bulb or Ctrl+. asks with the cursor's empty range, which may sit just past the marked text.
        const here = diagnostics.diagnostics(document.uri).filter((d) => d.diagnostic.range.start.line <= range.end.line && range.start.line <= d.diagnostic.range.end.line);
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
          if (vpc !== undefined && !vpc.linked) actions.push(await linkAction(diagnostic, vpc));
        }
        return actions;
      },
    },
    { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
  );
}

/** "Create Network Link…" when that form's command exists (checked now: another extension version may add it), else "New connection spec". */
async function linkAction(diagnostic: vscode.Diagnostic, vpc: { regionId: string; vpcId: string }): Promise<vscode.CodeAction> {
  const formExists = (await vscode.commands.getCommands(true)).includes(CommandId.createNetworkLink);
  const action = new vscode.CodeAction(formExists ? `Create Network Link to ${vpc.vpcId}…` : `New connection spec for ${vpc.vpcId}`, vscode.CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  const place = { regionId: vpc.regionId, vpcId: vpc.vpcId };
  action.command = { command: formExists ? CommandId.createNetworkLink : CommandId.newLinkSpec, title: action.title, arguments: [place] };
  return action;
}
