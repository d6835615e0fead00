/** mcvpc.insertSqlNetworkLink: `SET odps.session.networklink=<name>;` in SQL, PyODPS hints in Python. */
import { sqlNetworkLinkText } from '../../../core/usage';
import type { CommandDeps, CommandHandler } from '../../shell/commandDeps';
import { activeEditor, chooseLink, insertLines } from '../linkChoice';

const WHAT = 'Insert SQL Network Link Statement';

/** Resolves to the text inserted, or undefined when the pick was dismissed. */
export function insertSqlNetworkLinkCommand(deps: CommandDeps): CommandHandler {
  return async (arg?: unknown): Promise<string | undefined> => {
    const { editor, dialect } = activeEditor(WHAT);
    sqlNetworkLinkText(dialect, 'x'); // throws early for a file that cannot hold it, before any pick
    const link = await chooseLink(arg, deps.links, true, WHAT);
    if (link?.name === undefined) return undefined;
    return insertLines(editor, [sqlNetworkLinkText(dialect, link.name)], dialect === 'python');
  };
}
