/**
 * Parsing a spec again after an edit, document by document. A keystroke changes one YAML document
 * of a file; the others' outcomes (their specs and problems) are kept from the last parse, keyed
 * by their exact text, and only moved to where they now stand. The answer is the one
 * `parseSpecFile` gives for the whole text (the property test in spec.incremental.test.ts holds
 * them equal over thousands of random edits); whenever a file is not a plain run of `---`
 * documents, or a piece does not read as exactly one document, the whole text is parsed instead.
 *
 * Why here and not in the `yaml` package: it has no incremental parse, and a spec file is a list
 * of independent documents (YAML anchors and aliases do not cross `---`), so this is a cache,
 * not a second parser.
 */
import { BINARY_CHARACTER, loadYamlDocuments } from './yamlDocuments';
import { MAX_DOCUMENTS, MAX_SPEC_FILE_BYTES } from './limits';
import { finishFile, parseSpecFile, readDocument, type DocumentOutcome } from './parse';
import { LineIndex } from './positions';
import type { ConnectionSpec, SpecFileResult, SpecProblem } from './types';

/** A document start marker: `---` at the start of a line, then a space, a tab or the line's end. */
const DOCUMENT_START = /^---(?=[ \t\r\n]|$)/gm;
/**
 * A marker line with nothing after it but a comment. Content on the marker line (`--- ]`) can put
 * an error on the document before it, so a file with such a line is parsed whole.
 */
const PLAIN_MARKER_LINE = /---[ \t]*(?:#[^\r\n]*)?(?:\r\n|\r|\n|$)/y;
/** Directives (`%YAML`) and document end markers (`...`) bind documents together: parse whole. */
const BINDS_DOCUMENTS = /^(?:%|\.\.\.(?:[ \t\r\n]|$))/m;
/** Before the first `---`: only blank and comment lines, which belong to the first document. */
const NOTHING_WRITTEN = /^(?:[ \t]*(?:#[^\r\n]*)?(?:\r\n|\r|\n|$))*$/;
/** How many document outcomes are kept, across every file this parser sees. */
const DEFAULT_CAPACITY = 2_000;

/** One document's outcome with positions relative to the start of its own text. */
interface Piece {
  outcome: DocumentOutcome;
  /** How many lines the piece spans (its text's line count minus one). */
  lineBreaks: number;
}

/** Where each document of the text starts, or undefined when the text must be parsed whole. */
function documentStarts(text: string): number[] | undefined {
  if (BINDS_DOCUMENTS.test(text)) return undefined;
  const starts = [0];
  DOCUMENT_START.lastIndex = 0;
  for (let match = DOCUMENT_START.exec(text); match !== null; match = DOCUMENT_START.exec(text)) {
    if (match.index === 0) continue;
    PLAIN_MARKER_LINE.lastIndex = match.index;
    if (!PLAIN_MARKER_LINE.test(text)) return undefined;
    if (starts.length === 1 && NOTHING_WRITTEN.test(text.slice(0, match.index))) continue;
    starts.push(match.index);
    if (starts.length > MAX_DOCUMENTS) return undefined;
  }
  return starts;
}

/** A copy of a value with every source position moved down by `lines` lines and on by `offset` characters. */
function shifted<T>(value: T, lines: number, offset: number): T {
  if (Array.isArray(value)) return value.map((item: unknown) => shifted(item, lines, offset)) as T;
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  if (typeof record.line === 'number' && typeof record.column === 'number' && typeof record.offset === 'number') {
    return { ...record, line: record.line + lines, offset: record.offset + offset } as T;
  }
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(record)) copy[key] = shifted(record[key], lines, offset);
  return copy as T;
}

/** The `---` line that starts at `offset` (with its line break), or '' at the end of the text. */
function markerLine(text: string, offset: number): string {
  if (offset >= text.length) return '';
  const match = /\r\n|\r|\n/g;
  match.lastIndex = offset;
  const found = match.exec(text);
  return text.slice(offset, found === null ? text.length : found.index + found[0].length);
}

/** The outcome placed at a document index and a text position. */
function placed(piece: Piece, documentIndex: number, lines: number, offset: number): DocumentOutcome {
  const moved = lines === 0 && offset === 0 ? piece.outcome : shifted(piece.outcome, lines, offset);
  const problems = moved.problems.map((p): SpecProblem => (p.documentIndex === undefined ? p : { ...p, documentIndex }));
  const spec: ConnectionSpec | undefined = moved.spec === undefined ? undefined : { ...moved.spec, documentIndex };
  const partial: ConnectionSpec | undefined = moved.partial === undefined ? undefined : { ...moved.partial, documentIndex };
  return { problems, hasContent: moved.hasContent, ...(spec === undefined ? {} : { spec }), ...(partial === undefined ? {} : { partial }) };
}

/** A parser that remembers document outcomes between calls. Not shared between threads; cheap to keep one per editor session. */
export class IncrementalSpecParser {
  private readonly pieces = new Map<string, Piece>();
  /** Documents parsed and documents reused since this parser was made (the tests hold it to its promise). */
  readonly counts = { parsed: 0, reused: 0, wholeFiles: 0 };

  constructor(private readonly capacity = DEFAULT_CAPACITY) {}

  /** The same result as `parseSpecFile(text, fileName)`, reusing the documents that did not change. */
  parse(text: string, fileName?: string): SpecFileResult {
    if (typeof text !== 'string' || text.length * 3 > MAX_SPEC_FILE_BYTES || BINARY_CHARACTER.test(text)) return this.whole(text, fileName);
    const starts = documentStarts(text);
    if (starts === undefined || starts.length === 1) return this.whole(text, fileName);
    const specs: ConnectionSpec[] = [];
    const partials: ConnectionSpec[] = [];
    const problems: SpecProblem[] = [];
    let hasContent = false;
    let line = 0;
    for (let i = 0; i < starts.length; i++) {
      const start = starts[i]!;
      const end = starts[i + 1] ?? text.length;
      const piece = this.piece(text.slice(start, end), markerLine(text, end), i > 0);
      if (piece === undefined) return this.whole(text, fileName);
      const outcome = placed(piece, i, line, start);
      problems.push(...outcome.problems);
      if (outcome.spec) specs.push(outcome.spec);
      if (outcome.partial) partials.push(outcome.partial);
      hasContent ||= outcome.hasContent;
      line += piece.lineBreaks;
    }
    return finishFile(specs, problems, hasContent, new LineIndex(text), fileName, partials);
  }

  private whole(text: string, fileName: string | undefined): SpecFileResult {
    this.counts.wholeFiles++;
    return parseSpecFile(text, fileName);
  }

  /**
   * The outcome of one document's text, from the cache or parsed now; undefined when it is not
   * exactly one ordinary document. The next document's `---` line is parsed with it: where the
   * `yaml` package puts an error at a document's end ("Missing closing quote") depends on it.
   */
  private piece(text: string, following: string, hasPrevious: boolean): Piece | undefined {
    // NUL never reaches here (binary text is parsed whole), so it cannot make two keys meet.
    const key = `${hasPrevious ? 'p' : 'f'}${text}\u0000${following}`;
    const known = this.pieces.get(key);
    if (known !== undefined) {
      // Most recently used last, so the oldest is dropped first.
      this.pieces.delete(key);
      this.pieces.set(key, known);
      this.counts.reused++;
      return known;
    }
    const withFollowing = text + following;
    const index = new LineIndex(withFollowing);
    const loaded = loadYamlDocuments(withFollowing, index);
    if (loaded.problems.length > 0 || loaded.documents.length !== (following === '' ? 1 : 2) || loaded.unread.size > 0) return undefined;
    // In its file, that error would belong to the document before this one.
    if (hasPrevious && loaded.errorBeforeFirstDocument === true) return undefined;
    const piece: Piece = { outcome: readDocument(loaded.documents[0]!, 0, index), lineBreaks: index.position(text.length).line };
    this.pieces.set(key, piece);
    this.counts.parsed++;
    if (this.pieces.size > this.capacity) this.pieces.delete(this.pieces.keys().next().value!);
    return piece;
  }
}
