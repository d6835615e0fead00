/** mcvpc.showLog: bring the extension's log into view. */
import type { CommandDeps, CommandHandler } from '../commandDeps';

/** The show-log command's handler. */
export function showLogCommand(deps: CommandDeps): CommandHandler {
  return () => deps.log.show(true);
}
