/**
 * The second-fastest path (the first is plainReader.ts, which skips the `yaml` lexer too and is
 * tried before this): from the `yaml` CST to nodes and plain data, for the plain YAML specs are written in:
 * block mappings and sequences, one-line flow collections of scalars, plain/quoted/block scalars
 * and comments. It skips the `yaml` Composer and `toJS`, which cost more than half of validating a
 * large spec. Anything outside that subset (anchors, aliases, tags, directives, explicit keys,
 * multi-line plain scalars or flow collections, tabs, duplicate keys, any error token, numbers
 * other than plain decimals…) makes it give up, and the caller composes the file with the real
 * Composer. A differential fuzz test (spec.fuzz.test.ts) checks that whenever it accepts a text,
 * the Composer accepts it too, with the same data and node ranges.
 */
import { CST, Pair, Scalar, YAMLMap, YAMLSeq, type Node } from 'yaml';

/** One document read by the fast path: its nodes (for ranges) and its data (for the schema). */
export interface FastDocument {
  contents: Node;
  data: unknown;
  range: [number, number, number];
}

/** Thrown inside the reader to leave the fast path; never escapes `readFast`. */
class NotInSubset extends Error {}
const giveUp = (): never => {
  throw new NotInSubset();
};

type SourceToken = CST.SourceToken;
type Token = CST.Token;

/** Spaces (no tabs), newlines and comments that follow white space: the only filler the fast path accepts. */
function checkFiller(tokens: readonly SourceToken[] | undefined, allowed: readonly string[], spaceBefore: boolean): void {
  if (!tokens) return;
  let hasSpace = spaceBefore;
  for (const token of tokens) {
    switch (token.type) {
      case 'space':
        if (token.source.includes('\t')) giveUp();
        hasSpace = true;
        break;
      case 'newline':
        hasSpace = true;
        break;
      case 'comment':
        if (!hasSpace) giveUp();
        break;
      default:
        if (!allowed.includes(token.type)) giveUp();
        hasSpace = false;
    }
  }
}

function count(tokens: readonly SourceToken[] | undefined, type: string): number {
  let n = 0;
  for (const token of tokens ?? []) if (token.type === type) n++;
  return n;
}

/** Where a token list ends (the Composer's `props.end`), or `offset` when it is empty. */
function endOf(tokens: readonly SourceToken[], offset: number): number {
  const last = tokens[tokens.length - 1];
  return last ? last.offset + last.source.length : offset;
}

function hasNewline(tokens: readonly SourceToken[] | undefined): boolean {
  return (tokens ?? []).some((t) => t.type === 'newline');
}

/** Where the Composer places an empty value (see yaml's emptyScalarPosition). */
function emptyPosition(offset: number, before: readonly SourceToken[]): number {
  for (let i = before.length - 1; i >= 0; --i) {
    const token = before[i]!;
    if (token.type === 'space' || token.type === 'comment' || token.type === 'newline') {
      offset -= token.source.length;
      continue;
    }
    for (let j = i + 1; before[j]?.type === 'space'; j++) offset += before[j]!.source.length;
    break;
  }
  return offset;
}

/** An empty value as the Composer makes it: placed by emptyPosition, its range extended over a comment in `before`. */
function emptyScalar(end: number, before: readonly SourceToken[]): { node: Node; data: null } {
  const offset = emptyPosition(end, before);
  const node = new Scalar(null);
  node.range = [offset, offset, before.some((t) => t.type === 'comment') ? end : offset];
  return { node, data: null };
}

const DECIMAL = /^[-+]?[0-9]{1,15}$/;
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const TRUE = /^(?:[Tt]rue|TRUE)$/;
const FALSE = /^(?:[Ff]alse|FALSE)$/;
/** The core schema's other number forms (yaml/dist/schema/core): octal, hex, floats, infinity, NaN; left to the Composer. */
const OTHER_NUMBER = [
  /^0o[0-7]+$/,
  /^0x[0-9a-fA-F]+$/,
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
  // Integers too long for an exact double: whatever the Composer makes of them.
  /^[-+]?[0-9]+$/,
];

/** A plain scalar's value under the YAML 1.2 core schema, for the forms this fast path decides itself. */
function plainValue(text: string): unknown {
  if (NULL.test(text)) return null;
  if (TRUE.test(text)) return true;
  if (FALSE.test(text)) return false;
  if (DECIMAL.test(text)) return Number(text);
  if (OTHER_NUMBER.some((form) => form.test(text))) giveUp();
  return text;
}

/** First characters a plain scalar may not start with (yaml's resolve-flow-scalar `plainValue`). */
const BAD_PLAIN_START = '\t,%|>@`';

/**
 * A one-line plain scalar without `resolveAsScalar`, whose line folding compiles two regular
 * expressions per call: on one line the value is the source itself.
 */
function plainScalar(token: CST.FlowScalar): { node: Node; data: unknown } {
  if (token.source.length > 0 && BAD_PLAIN_START.includes(token.source[0]!)) giveUp();
  checkFiller(token.end, [], false);
  const data = plainValue(token.source);
  const node = new Scalar(data);
  const valueEnd = token.offset + token.source.length;
  node.range = [token.offset, valueEnd, endOf(token.end ?? [], valueEnd)];
  return { node, data };
}

function scalar(token: Token, inFlow: boolean): { node: Node; data: unknown } {
  if (token.type === 'block-scalar') {
    if (inFlow) giveUp();
  } else if (token.type === 'scalar' || token.type === 'single-quoted-scalar' || token.type === 'double-quoted-scalar') {
    if (token.source.includes('\n')) giveUp();
  } else return giveUp();
  if (token.type === 'scalar') return plainScalar(token);
  const resolved = CST.resolveAsScalar(token, true, giveUp);
  if (!resolved) return giveUp();
  // Quoted and block scalars are always strings.
  const data = resolved.value;
  const node = new Scalar(data);
  node.range = resolved.range;
  return { node, data };
}

function flowSequence(token: CST.FlowCollection): { node: Node; data: unknown[] } {
  if (token.start.source !== '[') giveUp();
  const node = new YAMLSeq();
  node.flow = true;
  const data: unknown[] = [];
  token.items.forEach((item, i) => {
    if (item.key || item.sep || !item.value) giveUp();
    checkFiller(item.start, ['comma'], true);
    if (count(item.start, 'comma') !== (i === 0 ? 0 : 1) || hasNewline(item.start)) giveUp();
    const value = scalar(item.value!, true);
    node.items.push(value.node);
    data.push(value.data);
  });
  const [close, ...after] = token.end;
  if (!close || close.source !== ']') giveUp();
  checkFiller(after, [], false);
  const closeEnd = close!.offset + 1;
  node.range = [token.offset, closeEnd, after.reduce((end, t) => end + t.source.length, closeEnd)];
  return { node, data };
}

function value(token: Token, depth: number): { node: Node; data: unknown } {
  if (depth > 64) giveUp();
  switch (token.type) {
    case 'block-map':
      return blockMap(token, depth);
    case 'block-seq':
      return blockSequence(token, depth);
    case 'flow-collection':
      return flowSequence(token);
    default:
      return scalar(token, false);
  }
}

function blockMap(token: CST.BlockMap, depth: number): { node: Node; data: Record<string, unknown> } {
  const node = new YAMLMap();
  const data: Record<string, unknown> = {};
  const seen = new Set<string>();
  let offset = token.offset;
  let commentEnd: number | undefined;
  token.items.forEach((item, i) => {
    checkFiller(item.start, [], true);
    if (!item.key && !item.sep) {
      // A trailing comment-only item; anywhere else the Composer objects. It extends the map's range.
      if (i !== token.items.length - 1 || item.value) giveUp();
      commentEnd = endOf(item.start, offset);
      return;
    }
    const key = item.key;
    if (!key || 'explicitKey' in item || (key.type !== 'scalar' && key.type !== 'single-quoted-scalar' && key.type !== 'double-quoted-scalar')) return giveUp();
    if (key.indent !== token.indent || key.source.includes('\n') || hasNewline(key.end)) giveUp();
    const keyScalar = scalar(key, false);
    if (typeof keyScalar.data !== 'string' || keyScalar.data === '__proto__' || seen.has(keyScalar.data)) giveUp();
    const name = keyScalar.data as string;
    seen.add(name);
    const sep = item.sep ?? [];
    checkFiller(sep, ['map-value-ind'], false);
    if (count(sep, 'map-value-ind') !== 1) giveUp();
    const last = sep[sep.length - 1];
    const sepEnd = last ? last.offset + last.source.length : keyScalar.node.range![2];
    if (item.value?.type === 'block-map' && !hasNewline(sep)) giveUp();
    if (sepEnd - keyScalar.node.range![0] > 1000) giveUp();
    const entry = item.value ? value(item.value, depth + 1) : emptyScalar(sepEnd, sep);
    node.items.push(new Pair(keyScalar.node, entry.node));
    data[name] = entry.data;
    offset = entry.node.range![2];
  });
  node.range = [token.offset, offset, commentEnd ?? offset];
  return { node, data };
}

function blockSequence(token: CST.BlockSequence, depth: number): { node: Node; data: unknown[] } {
  const node = new YAMLSeq();
  const data: unknown[] = [];
  let offset = token.offset;
  let commentEnd: number | undefined;
  token.items.forEach((item, i) => {
    checkFiller(item.start, ['seq-item-ind'], true);
    const indicators = count(item.start, 'seq-item-ind');
    if (indicators === 0) {
      if (i !== token.items.length - 1 || item.value) giveUp();
      commentEnd = endOf(item.start, offset);
      return;
    }
    if (indicators !== 1) giveUp();
    const last = item.start[item.start.length - 1]!;
    const entry = item.value ? value(item.value, depth + 1) : emptyScalar(last.offset + last.source.length, item.start);
    node.items.push(entry.node);
    data.push(entry.data);
    offset = entry.node.range![2];
  });
  node.range = [token.offset, offset, commentEnd ?? offset];
  return { node, data };
}

function document(token: CST.Document): FastDocument {
  checkFiller(token.start, ['doc-start'], true);
  const docStarts = count(token.start, 'doc-start');
  if (docStarts > 1 || !token.value) giveUp();
  if (docStarts === 1 && (token.value!.type === 'block-map' || token.value!.type === 'block-seq')) {
    // The Composer wants the block collection on a line of its own after `---`.
    const afterStart = token.start.slice(token.start.findIndex((t) => t.type === 'doc-start'));
    if (!hasNewline(afterStart)) giveUp();
  }
  if (token.value!.type !== 'block-map') giveUp();
  checkFiller(token.end, [], true);
  const { node, data } = value(token.value!, 0);
  const end = node.range![2];
  return { contents: node, data, range: [token.offset, end, end] };
}

/**
 * The documents of a parsed CST, or undefined when any part of the text is outside the fast
 * path's subset (the caller then uses the Composer for the whole file).
 */
export function readFast(tokens: readonly Token[]): FastDocument[] | undefined {
  try {
    const documents: FastDocument[] = [];
    for (const token of tokens) {
      if (token.type === 'document') documents.push(document(token));
      else if (token.type === 'comment' || token.type === 'newline' || token.type === 'byte-order-mark') continue;
      else if (token.type === 'space' && !token.source.includes('\t')) continue;
      else return undefined;
    }
    return documents.length > 0 ? documents : undefined;
  } catch (error) {
    if (error instanceof NotInSubset) return undefined;
    throw error;
  }
}
