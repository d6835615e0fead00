/** mcvpc.refresh: reopen the cloud session (credentials may have changed on disk) and redraw the Network view. */
import type { CommandDeps, CommandHandler } from '../../shell/commandDeps';

/** The refresh command's handler. */
export function refreshCommand(deps: CommandDeps): CommandHandler {
  return () => {
    deps.session.reset();
    deps.explorer.refresh();
  };
}
