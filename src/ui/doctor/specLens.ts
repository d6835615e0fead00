/** "Check Reachability" above each link of a *.mcvpc.yaml spec (its own provider, beside any other spec lenses). */
import * as vscode from 'vscode';
import { parseSpecFile } from '../../spec';
import { CommandId } from '../ids';
import type { SpecLensArgument } from './linkSpec';

class ReachabilityLens implements vscode.CodeLensProvider {
  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const { specs } = parseSpecFile(document.getText(), document.uri.fsPath);
    return specs.map((spec) => {
      const start = new vscode.Position(spec.range.start.line, spec.range.start.column);
      const argument: SpecLensArgument = { uri: document.uri.toString(), documentIndex: spec.documentIndex };
      return new vscode.CodeLens(new vscode.Range(start, start), { title: 'Check Reachability', command: CommandId.checkReachability, arguments: [argument] });
    });
  }
}

/** Registers the lens for spec files. */
export function registerReachabilityLens(): vscode.Disposable {
  return vscode.languages.registerCodeLensProvider([{ pattern: '**/*.mcvpc.yaml' }, { pattern: '**/*.mcvpc.yml' }], new ReachabilityLens());
}
