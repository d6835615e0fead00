/** mcvpc.insertForeignTable: a CREATE EXTERNAL TABLE over RDS MySQL, HBase or Lindorm through a link (with the SETs it needs), as a snippet to fill in. */
import * as vscode from 'vscode';
import { FOREIGN_TABLE_KINDS, foreignTableStatement, type ForeignTableKind } from '../../../core/usage';
import type { CommandDeps, CommandHandler } from '../../shell/commandDeps';
import { activeEditor, chooseLink } from '../linkChoice';

const WHAT = 'Insert Foreign Table';

/** Arguments: the tree node (or none), then optionally the kind ('rds' | 'hbase' | 'lindorm') to skip the pick. Resolves to the snippet inserted. */
export function insertForeignTableCommand(deps: CommandDeps): CommandHandler {
  return async (arg?: unknown, kindArg?: unknown): Promise<string | undefined> => {
    const { editor, dialect } = activeEditor(WHAT);
    if (dialect !== 'sql') throw new Error('A foreign table is created in MaxCompute SQL: open a .sql file.');
    const link = await chooseLink(arg, deps.links, true, WHAT);
    if (link?.name === undefined) return undefined;
    const kind = FOREIGN_TABLE_KINDS.find((k) => k === kindArg) ?? (await pickKind());
    if (kind === undefined) return undefined;
    const snippet = foreignTableStatement(kind, { networkLinkName: link.name }, true);
    const done = await editor.insertSnippet(new vscode.SnippetString(snippet));
    if (!done) throw new Error('The editor refused the edit (the document changed); try again.');
    return snippet;
  };
}

async function pickKind(): Promise<ForeignTableKind | undefined> {
  const picked = await vscode.window.showQuickPick(
    [
      { label: 'ApsaraDB RDS for MySQL', description: 'JDBC storage handler', tableKind: 'rds' as const },
      { label: 'ApsaraDB for HBase', description: 'Hive HBase storage handler', tableKind: 'hbase' as const },
      {
        label: 'Lindorm (LindormTable, HBase API)',
        description: 'Hive HBase storage handler, odps.sql.hbase.version=lindorm',
        tableKind: 'lindorm' as const,
      },
    ],
    { title: WHAT, placeHolder: 'What the foreign table reads' },
  );
  return picked?.tableKind;
}
