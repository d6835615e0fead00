/** mcvpc.clearRegionFilter: list all the VPCs of a region again. */
import type { CommandDeps, CommandHandler } from '../../shell/commandDeps';
import { nodeArgument } from '../model/nodeArgument';

/** The clear-filter command's handler. */
export function clearRegionFilterCommand(deps: CommandDeps): CommandHandler {
  return async (arg?: unknown) => {
    const node = nodeArgument(arg, ['region'], 'Clear Filter');
    await deps.explorer.filters.set(node.profile, node.regionId, undefined);
    deps.explorer.redraw();
  };
}
