/**
 * Offsets ↔ 0-based line/column in a text: the `yaml` package's LineCounter (line starts, binary
 * search) fed with the text's line breaks as VS Code counts them.
 */
import { LineCounter } from 'yaml';
import type { SourcePosition, SourceRange } from './types';

/** `\s` as a character code test: the common ASCII blanks first, the regex only for the rare rest. */
function isBlank(code: number): boolean {
  if (code === 32 || (code >= 9 && code <= 13)) return true;
  return code > 127 && /\s/.test(String.fromCharCode(code));
}

/**
 * \r\n, \n and a lone \r each end a line, as in VS Code. The yaml lexer takes a lone \r for part
 * of the line, so the LineCounter its parser feeds would put a diagnostic on the wrong line;
 * and a file is indexed before it is parsed (a refused file is never parsed).
 */
const LINE_BREAK = /\r\n?|\n/g;

export class LineIndex {
  /** Line starts (line 0 at 0) and the search over them; `lineStarts` is the package's public field. */
  private readonly lines = new LineCounter();

  constructor(private readonly text: string) {
    this.lines.addNewLine(0);
    for (const lineBreak of text.matchAll(LINE_BREAK)) this.lines.addNewLine(lineBreak.index + lineBreak[0].length);
  }

  private get lineStarts(): readonly number[] {
    return this.lines.lineStarts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  get length(): number {
    return this.text.length;
  }

  /** The position of an offset, clamped into the text. */
  position(offset: number): SourcePosition {
    const clamped = Math.max(0, Math.min(Number.isFinite(offset) ? Math.floor(offset) : 0, this.text.length));
    // 1-based; line 0 ("before the first line start") cannot occur, as line 0 starts at offset 0.
    const { line, col } = this.lines.linePos(clamped);
    return { line: line - 1, column: col - 1, offset: clamped };
  }

  /** The offset of a line/column, clamped into the line and the text. */
  offset(line: number, column: number): number {
    if (line < 0) return 0;
    if (line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[line]!;
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1]! : this.text.length;
    return Math.min(start + Math.max(0, column), next);
  }

  /** The range between two offsets (swapped if given backwards), clamped into the text. */
  range(startOffset: number, endOffset: number): SourceRange {
    const a = this.position(startOffset);
    const b = this.position(endOffset);
    return a.offset <= b.offset ? { start: a, end: b } : { start: b, end: a };
  }

  /** The range between two offsets without trailing blanks and line breaks (block nodes end on the next line). */
  trimmedRange(startOffset: number, endOffset: number): SourceRange {
    let end = Math.min(endOffset, this.text.length);
    while (end > startOffset && isBlank(this.text.charCodeAt(end - 1))) end--;
    return this.range(startOffset, end);
  }

  /** The range of one whole line without its line break. */
  lineRange(line: number): SourceRange {
    const start = this.offset(line, 0);
    let end = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1]! : this.text.length;
    while (end > start && (this.text.charCodeAt(end - 1) === 10 || this.text.charCodeAt(end - 1) === 13)) end--;
    return this.range(start, end);
  }
}
