/** Offsets ↔ 0-based line/column in a text, through an index of line starts (binary search, O(log lines)). */
import type { SourcePosition, SourceRange } from './types';

/** `\s` as a character code test: the common ASCII blanks first, the regex only for the rare rest. */
function isBlank(code: number): boolean {
  if (code === 32 || (code >= 9 && code <= 13)) return true;
  return code > 127 && /\s/.test(String.fromCharCode(code));
}

export class LineIndex {
  /** Offset of the first character of each line; line 0 starts at 0. */
  private readonly lineStarts: number[];

  constructor(private readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      // \r\n, \n and a lone \r all end a line, as in VS Code and the yaml package.
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
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
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid]! <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, column: clamped - this.lineStarts[low]!, offset: clamped };
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
