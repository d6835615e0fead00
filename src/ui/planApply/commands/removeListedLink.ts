/**
 * mcvpc.removeListedLink ("Remove Network Link…" on a link MaxCompute lists that no spec
 * declares): asks with a modal naming the link, then RemoveNetworkLink and a wait until its
 * network interfaces are gone, with progress and Cancel (engine/removeListedLink). A declared
 * link is removed by mcvpc.removeLink (the spec's destroy); a REVERSEACCESS link is read-only.
 */
import * as vscode from 'vscode';
import { PASSTHROUGH } from '../../../core/networkLinkApi';
import { removeListedLink, type RemoveLinkReport } from '../../../engine/removeListedLink';
import type { CommandDeps, CommandHandler } from '../../shell/commandDeps';
import { nodeArgument } from '../../networkView/model/nodeArgument';

/** The command's handler; `{ confirmed: true }` as second argument skips the question (tests). Resolves to the outcome. */
export function removeListedLinkCommand(deps: CommandDeps): CommandHandler {
  return async (arg?: unknown, options?: unknown): Promise<RemoveLinkReport['outcome'] | undefined> => {
    const node = nodeArgument(arg, ['networkLink'], 'Remove Network Link');
    const link = node.link.listed;
    if (link === undefined)
      throw new Error(
        'MaxCompute lists no link here: only a listed link can be removed this way (interfaces alone name no link to remove).',
      );
    if (link.type !== PASSTHROUGH) throw new Error(`${link.name} is a ${link.type} link: it is listed read-only.`);
    if (node.link.declared !== undefined)
      throw new Error(
        `${link.name} is declared in a spec: remove it with the spec's Remove Network Link (it also takes back what Apply added).`,
      );
    const confirmed = (options as { confirmed?: boolean } | undefined)?.confirmed === true;
    if (!confirmed) {
      const removeLabel = 'Remove';
      const detail = [
        `RemoveNetworkLink ${link.name} in ${link.regionId} (VPC ${link.vpcId}, vSwitch ${link.vSwitchId ?? '?'}, security group ${link.securityGroupId ?? '?'}).`,
        'SQL and Spark jobs using this name stop reaching the VPC. MaxCompute releases its network interfaces; the security group, its rules and any access on targets stay.',
      ].join('\n\n');
      const answer = await vscode.window.showWarningMessage(`Remove network link ${link.name}?`, { modal: true, detail }, removeLabel);
      if (answer !== removeLabel) return undefined;
    }
    const cloud = (await deps.session.open()).withRegion(link.regionId);
    const report = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Removing ${link.name}`, cancellable: true },
      async (progress, token) => {
        const controller = new AbortController();
        const listener = token.onCancellationRequested(() => controller.abort(new Error('cancelled')));
        try {
          return await removeListedLink(cloud, link, { signal: controller.signal, onProgress: (message) => progress.report({ message }) });
        } finally {
          listener.dispose();
        }
      },
    );
    deps.explorer.refresh(deps.explorer.nodeById(node.id.slice(0, node.id.lastIndexOf('/'))));
    if (report.outcome === 'removed')
      void vscode.window.showInformationMessage(`${link.name} is removed: MaxCompute's network interfaces are gone.`);
    else
      void vscode.window.showWarningMessage(
        `${link.name} is removed, but ${report.remaining.length} of its network interfaces were still there when the wait ran out: refresh the view later.`,
      );
    deps.log.info(`Remove Network Link: ${link.name} (${link.regionId}): ${report.outcome}`);
    return report.outcome;
  };
}
