/** Positions, ranges and edits over a document's text, counted as VS Code counts (0-based line, UTF-16 column). */

export interface TextPosition {
  line: number;
  character: number;
}

/** A span of text; `end` is exclusive. */
export interface TextRange {
  start: TextPosition;
  end: TextPosition;
}

/** Replace `range` by `newText` (an insertion has an empty range). */
export interface TextEdit {
  range: TextRange;
  newText: string;
}

/** A document split into lines, remembering its line ending so inserted lines match it. */
export interface DocumentLines {
  lines: string[];
  eol: '\n' | '\r\n';
}

/** Splits text into lines (LF or CRLF); the line ending is the first one found, LF if none. */
export function splitLines(text: string): DocumentLines {
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  return { lines: text.split(/\r?\n/), eol };
}

/** A range within one line. */
export function lineRange(line: number, start: number, end: number): TextRange {
  return { start: { line, character: start }, end: { line, character: end } };
}

/** The whole line including its line break: what deleting a line removes. */
export function wholeLineRange(doc: DocumentLines, line: number): TextRange {
  if (line + 1 < doc.lines.length) return { start: { line, character: 0 }, end: { line: line + 1, character: 0 } };
  // The last line has no break after it: take the one before it instead.
  if (line > 0)
    return { start: { line: line - 1, character: doc.lines[line - 1]!.length }, end: { line, character: doc.lines[line]!.length } };
  return lineRange(line, 0, doc.lines[line]!.length);
}

/** Applies non-overlapping edits to text (any order); used by `mcvpc lint --fix` and the tests. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const starts: number[] = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const offset = (p: TextPosition): number => Math.min((starts[p.line] ?? text.length) + p.character, text.length);
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start) || offset(b.range.end) - offset(a.range.end));
  let out = text;
  for (const edit of sorted) out = out.slice(0, offset(edit.range.start)) + edit.newText + out.slice(offset(edit.range.end));
  return out;
}
