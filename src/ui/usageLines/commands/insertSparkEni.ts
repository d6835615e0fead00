/** mcvpc.insertSparkEni: the two ENI settings of a link, in the form the active file needs (spark-defaults.conf, --conf); refused in code, where they may not take effect. */
import { sparkEniLines } from '../../../core/usage';
import type { CommandDeps, CommandHandler } from '../../shell/commandDeps';
import { activeEditor, chooseLink, insertLines } from '../linkChoice';

const WHAT = 'Insert Spark ENI Configuration';

/** Resolves to the text inserted, or undefined when the pick was dismissed. */
export function insertSparkEniCommand(deps: CommandDeps): CommandHandler {
  return async (arg?: unknown): Promise<string | undefined> => {
    const { editor, dialect } = activeEditor(WHAT);
    sparkEniLines(dialect, { regionId: '', vpcId: '' }); // throws early for SQL and code, before any pick
    const link = await chooseLink(arg, deps.links, false, WHAT);
    if (link === undefined) return undefined;
    return insertLines(editor, sparkEniLines(dialect, link));
  };
}
