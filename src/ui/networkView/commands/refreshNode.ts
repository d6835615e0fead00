/** mcvpc.refreshNode: refetch one node's children (aborting its calls in flight); without a node, the whole view. */
import type { ExplorerNode } from '../model/nodes';
import type { CommandDeps, CommandHandler } from '../../shell/commandDeps';

/** The refresh-node command's handler. */
export function refreshNodeCommand(deps: CommandDeps): CommandHandler {
  return (node?: unknown) => {
    if (node === undefined) deps.session.reset();
    deps.explorer.refresh(node as ExplorerNode | undefined);
  };
}
