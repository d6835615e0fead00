/** mcvpc.switchRegion: make another region the first one (what the status bar shows), adding it if needed. */
import * as vscode from 'vscode';
import { CommandId } from '../model/ids';
import { currentRegions, writeRegions } from '../regionSettings';
import type { CommandDeps, CommandHandler } from '../commandDeps';

/** The switch-region command's handler; a region id argument switches without asking. */
export function switchRegionCommand(_deps: CommandDeps): CommandHandler {
  return async (regionId?: unknown): Promise<string | undefined> => {
    const regions = currentRegions();
    let chosen = typeof regionId === 'string' ? regionId : undefined;
    if (chosen === undefined) {
      const addLabel = '$(add) Add region…';
      const pick = await vscode.window.showQuickPick(
        [
          ...regions.map((r, i) => ({ label: r, description: i === 0 ? 'current' : undefined })),
          { label: addLabel, description: undefined },
        ],
        {
          title: 'Switch the MaxCompute VPC region',
        },
      );
      if (pick === undefined) return undefined;
      if (pick.label === addLabel) {
        const added = await vscode.commands.executeCommand<string[] | undefined>(CommandId.addRegion);
        chosen = added?.[0];
      } else chosen = pick.label;
    }
    if (chosen === undefined) return undefined;
    await writeRegions([chosen, ...currentRegions().filter((r) => r !== chosen)]);
    return chosen;
  };
}
