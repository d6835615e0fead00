/** Quick fixes for live warnings in spec files (the closest existing id, a supported vSwitch…). */
import * as vscode from 'vscode';
import { toRange } from './specDiagnostics';
import type { SpecLiveRunner } from './specLiveRunner';

/** The CodeActionProvider of spec files. */
export class SpecCodeActionProvider implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly live: SpecLiveRunner) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    return context.diagnostics.flatMap((diagnostic) => {
      const fix = this.live.fixOf(document.uri, diagnostic);
      if (fix === undefined) return [];
      const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
      action.edit = new vscode.WorkspaceEdit();
      action.edit.replace(document.uri, toRange(fix.range), fix.newText);
      action.diagnostics = [diagnostic];
      action.isPreferred = true;
      return [action];
    });
  }
}
