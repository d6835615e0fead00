/**
 * Turns spec text into `yaml` documents safely: refuses oversized and binary input, bounds the
 * number of documents and the nesting depth on the concrete syntax tree (the `yaml` parser is
 * iterative, its composer is recursive), and only then composes.
 */
import {
  Composer,
  isScalar,
  Lexer,
  Parser,
  visit,
  YAMLParseError,
  type Alias,
  type CST,
  type Document,
  type Node,
  type YAMLError,
} from 'yaml';
import { MAX_BLOCK_INDENT, MAX_DOCUMENTS, MAX_NESTING_DEPTH, MAX_SPEC_FILE_BYTES } from './limits';
import type { LineIndex } from './positions';
import type { SpecProblem } from './types';

/** One YAML document as the `yaml` Composer made it; what the rest of src/spec reads. */
export interface SpecDocument {
  contents: Node | null;
  errors: readonly YAMLError[];
  warnings: readonly YAMLError[];
  range: readonly [number, number, number] | undefined;
  /** Plain data for the schema; throws on an alias bomb. */
  toData(maxAliasCount: number): unknown;
  /** The node an alias stands for. */
  resolveAlias(alias: Alias): Node | undefined;
}

export interface LoadedDocuments {
  documents: SpecDocument[];
  /** File-level problems (size, binary content, depth, document count). */
  problems: SpecProblem[];
  /** Indexes of documents whose content was dropped (too deep); they must not be read further. */
  unread: Set<number>;
  /**
   * True when the parser reported an error before the first document was complete (`---` then
   * `]`): the composer gives such an error to the document before, if there is one, so a document
   * parsed on its own would not read as it does in its file (see incremental.ts).
   */
  errorBeforeFirstDocument?: boolean;
}

/** Characters that never occur in a text spec: C0 controls other than tab/LF/CR, DEL, and non-characters. */
// eslint-disable-next-line no-control-regex
export const BINARY_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/;

function utf8Length(text: string): number {
  // Cheap bound first: a UTF-16 unit is at most 3 UTF-8 bytes.
  if (text.length * 3 <= MAX_SPEC_FILE_BYTES) return text.length;
  return Buffer.byteLength(text, 'utf8');
}

function fileProblem(index: LineIndex, code: SpecProblem['code'], message: string, start: number, end: number): SpecProblem {
  return { message, severity: 'error', range: index.range(start, end), code };
}

/** Deepest nesting of collections in one CST document, walked with an explicit stack. */
function nestingDepth(root: CST.Token | undefined, limit: number): { depth: number; offset: number } {
  if (!root) return { depth: 0, offset: 0 };
  const stack: Array<{ token: CST.Token; depth: number }> = [{ token: root, depth: 0 }];
  let deepest = { depth: 0, offset: 0 };
  while (stack.length > 0) {
    const { token, depth } = stack.pop()!;
    if (token.type !== 'block-map' && token.type !== 'block-seq' && token.type !== 'flow-collection') continue;
    const level = depth + 1;
    if (level > deepest.depth) deepest = { depth: level, offset: token.offset };
    if (level > limit) return deepest;
    for (const item of token.items) {
      if (item.key) stack.push({ token: item.key, depth: level });
      if (item.value) stack.push({ token: item.value, depth: level });
    }
  }
  return deepest;
}

export interface LexingOptions {
  /** Check every lexeme even where the text cannot nest too deep (for the test that holds both paths equal). */
  checkEveryLexeme?: boolean;
}

/** What reading a text's documents one by one ends with (see eachYamlDocument). */
export interface DocumentsRead {
  /** File-level problems (size, binary content, depth, document count). */
  problems: SpecProblem[];
  /** Indexes of documents whose content was dropped (too deep); they must not be read further. */
  unread: Set<number>;
  /** As in LoadedDocuments. */
  errorBeforeFirstDocument?: boolean;
  /**
   * True when the text was refused part-way (nesting too deep while lexing): the documents
   * already handed over must be forgotten, and `problems` holds the one refusal.
   */
  refused: boolean;
}

/** An opening bracket or brace: flow nesting is never deeper than the text has these. */
const FLOW_OPENER = /[[{]/g;
/**
 * A line longer than MAX_BLOCK_INDENT: only such a line can be indented (with its indicators) that
 * deep. Anchored at line starts: unanchored, the engine would try every offset of every line.
 */
const LONG_LINE = new RegExp(`^[^\\n]{${MAX_BLOCK_INDENT + 1}}`, 'm');

/**
 * True when the lexing-time depth checks cannot fire, so they may be skipped: at most
 * MAX_NESTING_DEPTH brackets in the whole text, and no line longer than MAX_BLOCK_INDENT (a
 * line's indentation plus its indicators never exceed its length; a lone CR counts as part of
 * the line here, which only makes the test stricter). Two native scans instead of
 * a JavaScript step per lexeme; any other text takes the checked path.
 */
function cannotNestTooDeep(text: string): boolean {
  if (LONG_LINE.test(text)) return false;
  let openers = 0;
  FLOW_OPENER.lastIndex = 0;
  while (FLOW_OPENER.exec(text) !== null) if (++openers > MAX_NESTING_DEPTH) return false;
  return true;
}

/** Parses the text into at most MAX_DOCUMENTS documents, or refuses it with file-level problems. */
export function loadYamlDocuments(text: string, index: LineIndex, options: LexingOptions = {}): LoadedDocuments {
  const documents: SpecDocument[] = [];
  const read = eachYamlDocument(text, index, (doc) => documents.push(doc), options);
  if (read.refused) return { documents: [], problems: read.problems, unread: read.unread };
  return { documents, problems: read.problems, unread: read.unread, errorBeforeFirstDocument: read.errorBeforeFirstDocument };
}

/**
 * Hands each document of the text to `visit` as soon as the composer has finished it (its
 * errors included), in order, with its index and whether its content was dropped (too deep). A caller that reads each document and keeps only
 * what it learned lets the document's node tree go before the next one is built: on a
 * 2,000-line file that keeps the heap small and the garbage collector's work with it, where
 * holding every document first (as the `yaml` package's parseAllDocuments does) does not.
 */
export function eachYamlDocument(
  text: string,
  index: LineIndex,
  onDocument: (doc: SpecDocument, documentIndex: number, unread: boolean) => void,
  options: LexingOptions = {},
): DocumentsRead {
  const bytes = utf8Length(text);
  if (bytes > MAX_SPEC_FILE_BYTES) {
    const firstLine = index.lineRange(0);
    return {
      refused: false,
      unread: new Set(),
      problems: [
        fileProblem(
          index,
          'file-too-large',
          `This file is ${bytes} bytes; a MaxCompute VPC Connect spec may be at most ${MAX_SPEC_FILE_BYTES} bytes (1 MiB). Split it into several files.`,
          firstLine.start.offset,
          firstLine.end.offset,
        ),
      ],
    };
  }
  const binary = BINARY_CHARACTER.exec(text);
  if (binary) {
    const at = index.position(binary.index);
    const code = text.charCodeAt(binary.index).toString(16).toUpperCase().padStart(4, '0');
    return {
      refused: false,
      unread: new Set(),
      problems: [
        fileProblem(
          index,
          'binary-content',
          `This file holds binary data (character U+${code} at line ${at.line + 1}, column ${at.column + 1}), not a YAML spec.`,
          binary.index,
          binary.index + 1,
        ),
      ],
    };
  }

  const problems: SpecProblem[] = [];
  const unread = new Set<number>();
  let refusal: SpecProblem | undefined;
  let documentCount = 0;
  let errorBeforeFirstDocument = false;

  /**
   * The parser's tokens, checked on the way to the composer. Tokens stream straight into it (as
   * the `yaml` package's own parseAllDocuments does): holding the whole token list first kept a
   * 2,000-line file's syntax tree alive twice and cost about a quarter more in garbage collection.
   */
  function* checkedTokens(): Generator<CST.Token> {
    // Lex ourselves and feed the parser, so that `[[[[…` is refused while lexing: the parser's
    // work grows faster than linearly with flow depth (seconds at 200,000 levels).
    // Block nesting is bounded the same way: a line can be no deeper than its indentation plus
    // its `-`/`?`/`:` indicators, and the parser recurses per level (`- - - …` overflows the stack).
    const parser = new Parser();
    let flowDepth = 0;
    let lineIndent = 0;
    let lineIndicators = 0;
    let atLineStart = true;
    const refuse = (what: string): void => {
      const at = parser.offset;
      refusal = fileProblem(
        index,
        'too-deep',
        `${what} nested more than ${MAX_NESTING_DEPTH} levels deep; a spec needs about 5. This file is not read.`,
        at,
        at + 1,
      );
    };
    /** What to do with one token: pass it on, pass on an emptied copy (too deep), or stop reading (too many documents). */
    const check = (token: CST.Token): CST.Token | 'stop' => {
      if (token.type === 'error' && documentCount === 0) errorBeforeFirstDocument = true;
      if (token.type !== 'document') return token;
      documentCount++;
      if (documentCount > MAX_DOCUMENTS) {
        problems.push(
          fileProblem(
            index,
            'too-many-documents',
            `This file has more than ${MAX_DOCUMENTS} documents (---); the rest, from here on, is not read. Split it into several files.`,
            token.offset,
            index.lineRange(index.position(token.offset).line).end.offset,
          ),
        );
        return 'stop';
      }
      const { depth, offset } = nestingDepth(token.value, MAX_NESTING_DEPTH);
      if (depth <= MAX_NESTING_DEPTH) return token;
      problems.push(
        fileProblem(
          index,
          'too-deep',
          `Nesting here is more than ${MAX_NESTING_DEPTH} levels deep; a spec needs about 5. This document is not read.`,
          offset,
          offset + 1,
        ),
      );
      // Keep the document's place (so later documents keep their index) but not its content.
      unread.add(documentCount - 1);
      return { ...token, value: undefined };
    };
    for (const token of parserTokens()) {
      const checked = check(token);
      if (checked === 'stop') return;
      yield checked;
    }

    /** The parser's tokens, from lexemes that passed the depth checks (stops at a refusal). */
    function* parserTokens(): Generator<CST.Token> {
      if (options.checkEveryLexeme !== true && cannotNestTooDeep(text)) {
        // Nothing in this text can trip the checks below: let the parser lex it, as parseAllDocuments does.
        yield* parser.parse(text);
        return;
      }
      for (const lexeme of new Lexer().lex(text)) {
        if (lexeme === '\n' || lexeme === '\r\n' || lexeme === '\r') {
          atLineStart = true;
          lineIndent = 0;
          lineIndicators = 0;
        } else if (lexeme.length === 1 && lexeme < ' ') {
          // Lexer control markers (document start, scalar follows, flow end) take no room in the text.
        } else {
          if (atLineStart && lexeme.startsWith(' ') && lexeme.trim() === '') lineIndent = lexeme.length;
          atLineStart = false;
          if (lexeme === '[' || lexeme === '{') {
            if (++flowDepth > MAX_NESTING_DEPTH) return refuse('Brackets here are');
          } else if (lexeme === ']' || lexeme === '}') flowDepth = Math.max(0, flowDepth - 1);
          else if (lexeme === '-' || lexeme === '?' || lexeme === ':') {
            if (lineIndent + ++lineIndicators > MAX_BLOCK_INDENT) return refuse('Lines here are indented or');
          }
        }
        yield* parser.next(lexeme);
      }
      yield* parser.end();
    }
  }

  // Duplicate keys are found by duplicateKeyErrors below: the composer's own check compares each
  // key with every earlier one (70,000 keys took minutes).
  const composer = new Composer({ prettyErrors: false, uniqueKeys: false, strict: true, logLevel: 'error' });
  let documentIndex = 0;
  for (const doc of composer.compose(checkedTokens(), true, text.length) as Iterable<Document.Parsed>) {
    // Once refused, nothing more is read (the composer still hands over what it holds).
    if (refusal !== undefined) break;
    (doc.errors as YAMLError[]).push(...duplicateKeyErrors(doc));
    onDocument(specDocument(doc), documentIndex, unread.has(documentIndex));
    documentIndex++;
  }
  if (refusal !== undefined) return { refused: true, problems: [refusal], unread };
  return { refused: false, problems, unread, errorBeforeFirstDocument };
}

/**
 * The composer's `uniqueKeys` check, in linear time: one set of key values per mapping. Keys are
 * equal as the `yaml` package compares them (the same node, or scalars with `===` values), and
 * each later duplicate gets its error (code and message as the package's) at the key's start.
 */
export function duplicateKeyErrors(doc: Document.Parsed): YAMLParseError[] {
  const errors: YAMLParseError[] = [];
  visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        const key = pair.key;
        // NaN is never `===` itself, so never a duplicate; non-scalar keys are equal only to themselves.
        const value: unknown = isScalar(key) ? key.value : key;
        if (typeof value === 'number' && Number.isNaN(value)) continue;
        if (seen.has(value)) {
          const start = (key as Node | null)?.range?.[0] ?? 0;
          errors.push(new YAMLParseError([start, start + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
        } else seen.add(value);
      }
    },
  });
  return errors;
}

function specDocument(doc: Document.Parsed): SpecDocument {
  return {
    contents: (doc.contents ?? null) as Node | null,
    errors: doc.errors,
    warnings: doc.warnings,
    range: doc.range,
    toData: (maxAliasCount) => doc.toJS({ maxAliasCount }),
    resolveAlias: (alias) => (alias.resolve(doc) ?? undefined) as Node | undefined,
  };
}
