/** mcvpc.removeRegion: stop listing a region (removes it from mcvpc.regions). */
import { currentRegions, writeRegions } from '../../shell/regionSettings';
import type { CommandDeps, CommandHandler } from '../../shell/commandDeps';
import { nodeArgument } from '../model/nodeArgument';

/** The remove-region command's handler. */
export function removeRegionCommand(_deps: CommandDeps): CommandHandler {
  return async (arg?: unknown) => {
    const node = nodeArgument(arg, ['region'], 'Remove Region');
    await writeRegions(currentRegions().filter((r) => r !== node.regionId));
  };
}
