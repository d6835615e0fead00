/** mcvpc.revealInSpec: open the spec that declares a link or names a resource, with the text selected. */
import * as vscode from 'vscode';
import { resourceIdOf } from '../model/nodes';
import { specReferences, type SpecReference } from '../model/specReferences';
import type { CommandDeps, CommandHandler } from '../../shell/commandDeps';
import { nodeArgument } from '../model/nodeArgument';

/** The reveal-in-spec command's handler; resolves to the reference shown, or undefined when none. */
export function revealInSpecCommand(deps: CommandDeps): CommandHandler {
  return async (arg?: unknown): Promise<SpecReference | undefined> => {
    const node = nodeArgument(arg, ['networkLink', 'vpc', 'vSwitch', 'securityGroup', 'service'], 'Reveal in Spec');
    const refs = specReferences(node, await deps.explorer.specs.declared());
    if (refs.length === 0) {
      void vscode.window.showInformationMessage(`No *.mcvpc.yaml spec in this workspace names ${resourceIdOf(node) ?? 'this item'}.`);
      return undefined;
    }
    const chosen =
      refs.length === 1
        ? refs[0]
        : (
            await vscode.window.showQuickPick(
              refs.map((ref) => ({
                label: ref.networkLinkName,
                description: `${vscode.workspace.asRelativePath(vscode.Uri.parse(ref.file))} · ${ref.field}`,
                ref,
              })),
              { title: 'Specs that name this resource' },
            )
          )?.ref;
    if (chosen === undefined) return undefined;
    const { start, end } = chosen.range;
    const selection = new vscode.Range(start.line, start.column, end.line, end.column);
    await vscode.window.showTextDocument(vscode.Uri.parse(chosen.file), { selection, preview: true });
    return chosen;
  };
}
