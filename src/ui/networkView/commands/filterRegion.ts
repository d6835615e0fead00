/** mcvpc.filterRegion: show only the VPCs of a region whose name or ID contains some text (kept per workspace). */
import * as vscode from 'vscode';
import type { CommandDeps, CommandHandler } from '../../shell/commandDeps';
import { nodeArgument } from '../model/nodeArgument';

/** The filter command's handler; a second argument sets the filter without asking (tests, keybindings). */
export function filterRegionCommand(deps: CommandDeps): CommandHandler {
  return async (arg?: unknown, text?: unknown) => {
    const node = nodeArgument(arg, ['region'], 'Filter VPCs');
    const filter =
      typeof text === 'string'
        ? text
        : await vscode.window.showInputBox({
            title: `Filter the VPCs of ${node.regionId}`,
            prompt: 'Part of a VPC name or ID; empty shows all',
            value: deps.explorer.filters.get(node.profile, node.regionId) ?? '',
          });
    if (filter === undefined) return;
    await deps.explorer.filters.set(node.profile, node.regionId, filter);
    // The region node itself changes (its description and menu): redraw from the cache, no call.
    deps.explorer.redraw();
  };
}
