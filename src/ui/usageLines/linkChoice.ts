/** The link an insert command writes for: the tree node it was run on, or one picked from the known links. */
import * as vscode from 'vscode';
import { eniInfoValue, namedLinks, type Dialect, type KnownLink, type KnownLinksSource } from '../../core/usage';
import { dialectOf } from './documents';
import type { ExplorerNode } from '../networkView/model/nodes';

/** The link of a tree node argument, else a Quick Pick of the known links (named ones only when `needName`). */
export async function chooseLink(arg: unknown, links: KnownLinksSource, needName: boolean, what: string): Promise<KnownLink | undefined> {
  const node = arg as Partial<ExplorerNode> | undefined;
  if (node !== undefined && typeof node === 'object' && node.kind === 'networkLink') {
    const { link } = node as Extract<ExplorerNode, { kind: 'networkLink' }>;
    if (needName && link.name === undefined)
      throw new Error(
        `"${what}" needs the link's name, and MaxCompute lists no link with these interfaces: pick a link MaxCompute lists, or declare this one in a *.mcvpc.yaml spec.`,
      );
    return { name: link.name, regionId: link.regionId, vpcId: link.vpcId, source: 'Network view' };
  }
  const known = await links.knownLinks();
  const choices = needName ? namedLinks(known) : known;
  if (choices.length === 0) {
    throw new Error(
      `No network link is known${needName ? ' by name' : ''}: declare one in a *.mcvpc.yaml spec of the workspace${needName ? '' : ', or expand a VPC in the Network view'}.`,
    );
  }
  if (choices.length === 1) return choices[0];
  const picked = await vscode.window.showQuickPick(
    choices.map((link) => ({
      label: link.name ?? eniInfoValue(link),
      description: link.name !== undefined ? eniInfoValue(link) : undefined,
      detail: link.source,
      link,
    })),
    { title: what, placeHolder: 'The network link to use' },
  );
  return picked?.link;
}

/** The active editor and the dialect of its document, or an error saying what to open. */
export function activeEditor(what: string): { editor: vscode.TextEditor; dialect: Dialect } {
  const editor = vscode.window.activeTextEditor;
  const dialect = editor === undefined ? undefined : dialectOf(editor.document);
  if (editor === undefined || dialect === undefined)
    throw new Error(`Open a .sql, spark-defaults.conf, shell, Python, Scala or Java file to "${what}" into.`);
  return { editor, dialect };
}

/**
 * Inserts lines at the cursor (replacing a selection), each on its own line in the document's line
 * ending; in code (`inline`) as one piece right at the cursor, where a call chain or argument list
 * continues. Resolves to the text inserted.
 */
export async function insertLines(editor: vscode.TextEditor, lines: readonly string[], inline = false): Promise<string> {
  if (inline) return replaceSelection(editor, lines.join(''));
  const eol = editor.document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  const at = editor.selection.active;
  const lineText = editor.document.lineAt(at.line).text;
  // Start on a line of its own when the cursor is after text, end with a break when text follows.
  const before = lineText.slice(0, at.character).trim() === '' ? '' : eol;
  const after = lineText.slice(at.character).trim() === '' ? '' : eol;
  const indent = before === '' ? '' : /^\s*/.exec(lineText)![0];
  return replaceSelection(editor, `${before}${lines.map((l, i) => (i === 0 ? l : indent + l)).join(eol)}${after}`);
}

async function replaceSelection(editor: vscode.TextEditor, text: string): Promise<string> {
  const done = await editor.edit((b) => b.replace(editor.selection, text));
  if (!done) throw new Error('The editor refused the edit (the document changed); try again.');
  return text;
}
