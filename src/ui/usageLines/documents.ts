/** Which documents the link-usage features read, and as which dialect. */
import * as vscode from 'vscode';
import { dialectOfLanguage, dialectOfPath, type Dialect, type TextRange } from '../../core/usage';

/** Languages (and Scala by pattern: VS Code has no built-in Scala language) the features apply to. */
export const USAGE_DOCUMENTS: vscode.DocumentSelector = [
  { language: 'sql' },
  { language: 'spark-properties' },
  { language: 'properties' },
  { language: 'python' },
  { language: 'scala' },
  { language: 'java' },
  { language: 'shellscript' },
  { pattern: '**/*.scala' },
];

/** The dialect of a document: its language, else its file name. */
export function dialectOf(document: vscode.TextDocument): Dialect | undefined {
  return dialectOfLanguage(document.languageId) ?? dialectOfPath(document.uri.path);
}

/** A core range as a VS Code range. */
export function toRange(range: TextRange): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}
