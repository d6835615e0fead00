/**
 * mcvpc.saveLinkAsSpec ("Save as Spec…" on a link MaxCompute lists): the same spec `mcvpc import`
 * writes (engine/importLink, spec/importText) — its group and the targets that already admit it —
 * opened in an untitled editor to be saved as a `*.mcvpc.yaml` where the person wants.
 */
import * as vscode from 'vscode';
import { PASSTHROUGH } from '../../../core/networkLinkApi';
import { importNetworkLink } from '../../../engine/importLink';
import { parseSingleSpec } from '../../../connectionSpec/parseSingle';
import type { CommandDeps, CommandHandler } from '../../shell/commandDeps';
import { nodeArgument } from '../../networkView/model/nodeArgument';

/** The command's handler; resolves to the spec text opened. */
export function saveLinkAsSpecCommand(deps: CommandDeps): CommandHandler {
  return async (arg?: unknown): Promise<string> => {
    const node = nodeArgument(arg, ['networkLink'], 'Save as Spec');
    const link = node.link.listed;
    if (link === undefined)
      throw new Error('MaxCompute lists no link here: only a listed link can be saved as a spec (its name is needed).');
    if (link.type !== PASSTHROUGH)
      throw new Error(`${link.name} is a ${link.type} link: only ${PASSTHROUGH} links can be written as a spec.`);
    const cloud = await deps.session.open();
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Reading ${link.name} and the targets that admit it…`, cancellable: true },
      async (_progress, token) => {
        const controller = new AbortController();
        const listener = token.onCancellationRequested(() => controller.abort(new Error('cancelled')));
        try {
          return await importNetworkLink(cloud, link.name, (text) => parseSingleSpec(text, `${link.name}.mcvpc.yaml`), {
            regionId: link.regionId,
            signal: controller.signal,
          });
        } finally {
          listener.dispose();
        }
      },
    );
    const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: result.text });
    await vscode.window.showTextDocument(document);
    deps.log.info(
      `Save as Spec: ${link.name}: ${result.included.length} target(s) included; left out: ${result.skipped.join('; ') || 'none'}`,
    );
    void vscode.window.showInformationMessage(
      `The spec of ${link.name} (${result.included.length} target${result.included.length === 1 ? '' : 's'} that admit it): save it as a *.mcvpc.yaml file.`,
    );
    return result.text;
  };
}
