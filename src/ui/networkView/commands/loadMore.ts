/** mcvpc.loadMore: the next page of a listing, into the same parent (a "Load more" node's click). */
import * as vscode from 'vscode';
import type { CommandDeps, CommandHandler } from '../../shell/commandDeps';
import { nodeArgument } from '../model/nodeArgument';

/** The load-more command's handler. */
export function loadMoreCommand(deps: CommandDeps): CommandHandler {
  return async (arg?: unknown) => {
    const node = nodeArgument(arg, ['loadMore'], 'Load More');
    await vscode.window.withProgress({ location: { viewId: 'mcvpc.explorer' } }, () => deps.explorer.loadMore(node));
  };
}
