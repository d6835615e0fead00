/**
 * A line-based reader for the plain YAML that specs are written in, which skips the `yaml`
 * package's lexer, parser and composer (together most of the cost of validating a large spec).
 *
 * It reads: block mappings and sequences by indentation (a sequence may sit at its key's
 * indentation, `key:\n- a`), `- key: value` mappings in sequences, one-line plain, single- and
 * double-quoted scalars, one-line flow sequences of scalars (`ports: [80, 443]`), empty values,
 * comments, blank lines, `---` and `...`, CRLF line ends and a byte-order mark. Anything else
 * (flow mappings, anchors, aliases, tags, block scalars, multi-line scalars, tabs, explicit keys,
 * directives, duplicate keys, a document that is not a mapping, empty documents, numbers other
 * than plain decimals, comments in places where the `yaml` package's attachment rules are
 * intricate…) makes it give up, and the caller reads the file with the `yaml` package, which
 * stays the source of truth for errors and exotic YAML.
 *
 * It builds the same `yaml` nodes, with the same ranges, as the Composer; the differential fuzz
 * test (spec.fuzz.test.ts) checks that on every text it accepts.
 */
import type { Node, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { mapNode, pairNode, scalarNode, seqNode } from './plainNodes';
import { MAX_BLOCK_INDENT, MAX_DOCUMENTS, MAX_NESTING_DEPTH } from './limits';
import { doubleQuoted, plainMayStartAt, plainValue, singleQuoted, UNSURE, type Quoted } from './plainScalars';
import type { FastDocument } from './fastCompose';

/** Thrown inside the reader to hand the file to the `yaml` package; never escapes `readPlainYaml`. */
class NotPlain extends Error {}
const giveUp = (): never => {
  throw new NotPlain();
};

/** The `yaml` package's limit on an implicit key's length (with a margin). */
const MAX_KEY_LENGTH = 1000;

interface Frame {
  kind: 'map' | 'seq';
  /** Column of the keys, or of the `-` indicators. */
  indent: number;
  /** A mapping that starts on a `- ` line. */
  compact: boolean;
  /** A sequence at its parent key's indentation. */
  atParentIndent: boolean;
  map?: YAMLMap;
  seq?: YAMLSeq;
  data: Record<string, unknown> | unknown[];
  start: number;
  /** End (range[2]) of the last item so far, or of the last comment that trails it. */
  itemEnd: number;
  /** The last item, when a scalar or flow sequence written on its own line: comments below may extend it. */
  lastValue?: Node;
  /** A key whose value has not been seen yet. */
  pending?: { key: Scalar; name: string; at: number; commented?: boolean };
  /** Where this collection's range ends when comments of its own trail its last item (the next content's offset). */
  trailing?: number;
  seen?: Set<string>;
}

/** A comment-only line not yet settled: whom it belongs to depends on the next content line. */
interface LooseComment {
  indent: number;
  /** The frame whose items it sits between (`trailing` when it closes); undefined: must be followed by an item of `frame`. */
  trailingOf?: Frame;
  frame: Frame;
}

class Reader {
  private readonly text: string;
  private pos: number;
  /** Current line: [start, end of content (before the line break), start of the next line). */
  private lineStart = 0;
  private lineEnd = 0;
  private next = 0;
  private frames: Frame[] = [];
  private loose: LooseComment[] = [];
  private blankSinceContent = false;
  private docStart = 0;
  private root: Frame | undefined;
  readonly documents: FastDocument[] = [];

  constructor(text: string) {
    this.text = text;
    this.pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  }

  read(): void {
    const text = this.text;
    // Tabs (even in comments or quotes) and lone carriage returns are left to the `yaml` package.
    if (text.includes('\t') || /\r(?!\n)/.test(text)) giveUp();
    let afterDocEnd = false;
    let sawMarker = false;
    this.docStart = this.pos;
    while (this.pos < text.length) {
      this.nextLine();
      const start = this.lineStart;
      const end = this.lineEnd;
      let indent = start;
      while (indent < end && text.charCodeAt(indent) === 0x20) indent++;
      if (indent === end) {
        this.blankSinceContent = true;
        continue;
      }
      const column = indent - start;
      if (text.charCodeAt(indent) === 0x23) {
        this.comment(column);
        continue;
      }
      if (column === 0 && (text.startsWith('---', start) || text.startsWith('...', start))) {
        if (text.slice(start + 3, end).trim() !== '') giveUp();
        const isStart = text.charCodeAt(start) === 0x2d;
        if (this.root) this.endDocument(start);
        else if (sawMarker || afterDocEnd || !isStart) giveUp(); // an empty document, or `...` before any content
        afterDocEnd = !isStart;
        sawMarker = isStart;
        this.docStart = start;
        continue;
      }
      if (afterDocEnd) giveUp();
      sawMarker = false;
      if (column > MAX_BLOCK_INDENT) giveUp();
      this.content(indent, column);
      this.blankSinceContent = false;
    }
    if (this.root) this.endDocument(text.length);
    else if (sawMarker || this.documents.length === 0) giveUp();
  }

  private nextLine(): void {
    const text = this.text;
    const start = this.pos;
    let end = text.indexOf('\n', start);
    let next: number;
    if (end === -1) {
      end = text.length;
      next = end;
    } else next = end + 1;
    if (end > start && text.charCodeAt(end - 1) === 0x0d) end--;
    this.lineStart = start;
    this.lineEnd = end;
    this.next = next;
    this.pos = next;
  }

  // ---- comments ----

  private comment(column: number): void {
    const top = this.frames[this.frames.length - 1];
    if (!top) return; // before the document's content: nothing to attach to
    const end = this.next;
    const previous = this.loose[this.loose.length - 1];
    if (previous && column > previous.indent) giveUp();
    if (this.loose.length === 0 && !this.blankSinceContent) {
      if (top.lastValue && column > top.indent) {
        // Indented more than the collection, below a one-line value: it extends that value.
        top.lastValue.range![2] = end;
        top.itemEnd = end;
        return;
      }
    }
    if (top.pending) {
      // Between `key:` and the collection under it a comment changes no range; were the value
      // empty, it would become part of it, in ways not worth following here (see settlePending).
      if (column < top.indent) giveUp();
      top.pending.commented = true;
      return;
    }
    if (column === top.indent && top !== this.root && !top.compact && !top.atParentIndent) {
      this.loose.push({ indent: column, trailingOf: top, frame: top });
      return;
    }
    // Otherwise only a comment right before the next item of an enclosing collection is followed.
    const frame = this.frames.find((f) => f.indent === column && !f.atParentIndent);
    if (!frame) giveUp();
    this.loose.push({ indent: column, frame: frame! });
  }

  /** Settles loose comments once the next content line is known to continue `continued` (undefined: document end). */
  private settleComments(continued: Frame | undefined, contentAt: number): void {
    for (const comment of this.loose) {
      if (comment.trailingOf) {
        // A collection that ends after a comment of its own runs up to the next content.
        if (comment.trailingOf !== continued) comment.trailingOf.trailing = contentAt;
      } else if (comment.frame !== continued) {
        // At the document's end a comment at column 0 is the document's, unless the `yaml`
        // package moves it into a `- key:` mapping; anywhere else, not followed here.
        if (continued !== undefined || comment.indent !== 0 || this.frames.some((f) => f.compact)) giveUp();
      }
    }
    this.loose = [];
  }

  // ---- content lines ----

  private content(at: number, column: number): void {
    const text = this.text;
    const isItem = text.charCodeAt(at) === 0x2d && (at + 1 === this.lineEnd || text.charCodeAt(at + 1) === 0x20);
    if (!this.root) {
      if (column !== 0 || isItem) giveUp();
      this.root = this.openMap(at, column, false);
      this.settleComments(undefined, at);
      this.entry(this.root, at);
      return;
    }
    let top = this.frames[this.frames.length - 1]!;
    if (top.pending) {
      const opensChild = column > top.indent || (column === top.indent && isItem && top.kind === 'map' && !top.compact);
      if (opensChild) {
        if (this.loose.length > 0) giveUp();
        const pending = top.pending;
        top.pending = undefined;
        const child = isItem ? this.openSeq(at, column, column === top.indent) : this.openMap(at, column, false);
        this.attach(top, pending.key, pending.name, child);
        if (isItem) this.item(child, at);
        else this.entry(child, at);
        return;
      }
      this.settlePending(top);
    }
    // Close what this line is outside of; a sequence at its key's indentation ends at the next key.
    let keep = this.frames.length - 1;
    for (let f = this.frames[keep]!; f.indent > column || (f.atParentIndent && f.indent === column && !isItem); f = this.frames[keep]!) keep--;
    this.settleComments(this.frames[keep]!, at);
    while (this.frames.length - 1 > keep) this.close();
    top = this.frames[keep]!;
    if (top.indent !== column) giveUp();
    if (top.kind === 'map') {
      if (isItem) giveUp();
      this.entry(top, at);
    } else {
      if (!isItem) giveUp();
      this.item(top, at);
    }
  }

  private openMap(at: number, column: number, compact: boolean): Frame {
    if (this.frames.length >= MAX_NESTING_DEPTH) giveUp();
    const frame: Frame = { kind: 'map', indent: column, compact, atParentIndent: false, map: mapNode(), data: {}, start: at, itemEnd: at, seen: new Set() };
    this.frames.push(frame);
    return frame;
  }

  private openSeq(at: number, column: number, atParentIndent: boolean): Frame {
    if (this.frames.length >= MAX_NESTING_DEPTH) giveUp();
    const frame: Frame = { kind: 'seq', indent: column, compact: false, atParentIndent, seq: seqNode(), data: [], start: at, itemEnd: at };
    this.frames.push(frame);
    return frame;
  }

  /** Adds a finished value to a collection frame (for a mapping, under `key`). */
  private attach(frame: Frame, key: Scalar | undefined, name: string, node: Node | Frame, data?: unknown): void {
    if ('kind' in node) {
      // A child collection: its node and data are filled in as it is read; its range when it closes.
      const child = node.map ?? node.seq!;
      if (frame.map) {
        frame.map.items.push(pairNode(key!, child));
        (frame.data as Record<string, unknown>)[name] = node.data;
      } else {
        frame.seq!.items.push(child);
        (frame.data as unknown[]).push(node.data);
      }
      frame.lastValue = undefined;
      return;
    }
    if (frame.map) {
      frame.map.items.push(pairNode(key!, node));
      (frame.data as Record<string, unknown>)[name] = data;
    } else {
      frame.seq!.items.push(node);
      (frame.data as unknown[]).push(data);
    }
    frame.itemEnd = node.range![2];
    frame.lastValue = node;
  }

  /** An empty value (`key:` and nothing under it) as the Composer places it. */
  private settlePending(frame: Frame): void {
    const pending = frame.pending!;
    if (pending.commented) giveUp();
    frame.pending = undefined;
    const node = scalarNode(null, [pending.at, pending.at, pending.at]);
    this.attach(frame, pending.key, pending.name, node, null);
    frame.lastValue = undefined;
  }

  /** Ends the innermost collection: its range, and its place in the parent's range. */
  private close(): void {
    const frame = this.frames.pop()!;
    if (frame.pending) this.settlePending(frame);
    const end = frame.itemEnd;
    const node = frame.map ?? frame.seq!;
    node.range = [frame.start, end, frame.trailing ?? end];
    const parent = this.frames[this.frames.length - 1];
    if (parent) {
      parent.itemEnd = node.range[2];
      parent.lastValue = undefined;
    }
  }

  private endDocument(at: number): void {
    const top = this.frames[this.frames.length - 1]!;
    if (top.pending) {
      if (this.loose.length > 0) giveUp();
      this.settlePending(top);
    }
    this.settleComments(undefined, at);
    while (this.frames.length > 0) this.close();
    const root = this.root!;
    const contents = root.map!;
    const end = contents.range![2];
    this.documents.push({ contents, data: root.data, range: [this.docStart, end, Math.max(end, at)] });
    if (this.documents.length > MAX_DOCUMENTS) giveUp();
    this.root = undefined;
  }

  // ---- one line's content ----

  /** A `- …` line in a sequence: a scalar, a flow sequence, or the first entry of a mapping. */
  private item(frame: Frame, at: number): void {
    const text = this.text;
    let valueAt = at + 1;
    while (valueAt < this.lineEnd && text.charCodeAt(valueAt) === 0x20) valueAt++;
    // `-` alone, `- # comment` and `- - nested` are left to the `yaml` package.
    if (valueAt === this.lineEnd || text.charCodeAt(valueAt) === 0x23 || (text.charCodeAt(valueAt) === 0x2d && (valueAt + 1 === this.lineEnd || text.charCodeAt(valueAt + 1) === 0x20))) giveUp();
    frame.lastValue = undefined;
    const key = this.keyAt(valueAt);
    if (key) {
      const map = this.openMap(valueAt, valueAt - this.lineStart, true);
      this.attach(frame, undefined, '', map);
      this.entryAfterKey(map, key);
      return;
    }
    const value = this.value(valueAt);
    this.attach(frame, undefined, '', value.node, value.data);
  }

  /** A `key: value` line in a mapping. */
  private entry(frame: Frame, at: number): void {
    const key = this.keyAt(at);
    if (!key) return giveUp();
    this.entryAfterKey(frame, key);
  }

  private entryAfterKey(frame: Frame, key: { node: Scalar; name: string; colon: number }): void {
    const text = this.text;
    if (frame.seen!.has(key.name)) giveUp();
    frame.seen!.add(key.name);
    let at = key.colon + 1;
    while (at < this.lineEnd && text.charCodeAt(at) === 0x20) at++;
    if (at === this.lineEnd) {
      // `key:` and a line break: the value is empty unless the next lines hold it. Trailing
      // spaces or a comment change where the Composer places it; left to the `yaml` package.
      if (at !== key.colon + 1) giveUp();
      frame.pending = { key: key.node, name: key.name, at };
      frame.lastValue = undefined;
      return;
    }
    if (text.charCodeAt(at) === 0x23) giveUp();
    const value = this.value(at);
    this.attach(frame, key.node, key.name, value.node, value.data);
  }

  /**
   * The key at `at` when the line is `key: …` (plain or quoted key, then `:` and a space or
   * the line's end); undefined when it is not a key line.
   */
  private keyAt(at: number): { node: Scalar; name: string; colon: number } | undefined {
    const text = this.text;
    const lineEnd = this.lineEnd;
    const c = text.charCodeAt(at);
    let name: string;
    let keyEnd: number;
    if (c === 0x22 || c === 0x27) {
      const quoted = c === 0x22 ? doubleQuoted(text, at, lineEnd) : singleQuoted(text, at, lineEnd);
      if (!quoted) return giveUp();
      if (text.charCodeAt(quoted.end) !== 0x3a) return undefined;
      name = quoted.value;
      keyEnd = quoted.end;
    } else {
      // The first `:` followed by a space or the line's end (searched within the line only, so
      // that a file of colon-less lines stays linear).
      let colon = at;
      while (colon < lineEnd && !(text.charCodeAt(colon) === 0x3a && (colon + 1 === lineEnd || text.charCodeAt(colon + 1) === 0x20))) colon++;
      if (colon === lineEnd) return undefined;
      if (!plainMayStartAt(text, at)) giveUp();
      keyEnd = colon;
      name = text.slice(at, colon);
      if (name.endsWith(' ') || name.includes(' #')) giveUp();
      if (plainValue(name) !== name) giveUp();
    }
    const colon = keyEnd;
    if (colon + 1 < lineEnd && text.charCodeAt(colon + 1) !== 0x20) giveUp();
    if (colon - at > MAX_KEY_LENGTH || name === '__proto__') giveUp();
    const node = scalarNode(name, [at, keyEnd, keyEnd]);
    return { node, name, colon };
  }

  /** A value that starts at `at` and fills the rest of the line (but for a comment). */
  private value(at: number): { node: Node; data: unknown } {
    const text = this.text;
    const lineEnd = this.lineEnd;
    const c = text.charCodeAt(at);
    if (c === 0x5b) return this.flowSequence(at);
    let valueEnd: number;
    let data: unknown;
    if (c === 0x22 || c === 0x27) {
      const quoted = c === 0x22 ? doubleQuoted(text, at, lineEnd) : singleQuoted(text, at, lineEnd);
      if (!quoted) return giveUp();
      this.restIsComment(quoted.end);
      valueEnd = quoted.end;
      data = quoted.value;
    } else {
      if (!plainMayStartAt(text, at)) giveUp();
      let end = at;
      while (end < lineEnd && !(text.charCodeAt(end) === 0x23 && text.charCodeAt(end - 1) === 0x20)) end++;
      while (text.charCodeAt(end - 1) === 0x20) end--;
      const source = text.slice(at, end);
      // `a: b: c`, and a trailing `:`, are errors for the `yaml` package to word.
      if (source.includes(': ') || source.endsWith(':')) giveUp();
      data = plainValue(source);
      if (data === UNSURE) giveUp();
      valueEnd = end;
    }
    const node = scalarNode(data, [at, valueEnd, this.next]);
    return { node, data };
  }

  /** The first offset from `at` on this line that is not a space. */
  private spacesFrom(at: number): number {
    let i = at;
    while (i < this.lineEnd && this.text.charCodeAt(i) === 0x20) i++;
    return i;
  }

  /** After a value, only spaces and a comment (after a space) may follow on its line. */
  private restIsComment(at: number): void {
    const text = this.text;
    let i = at;
    while (i < this.lineEnd && text.charCodeAt(i) === 0x20) i++;
    if (i < this.lineEnd && (text.charCodeAt(i) !== 0x23 || i === at)) giveUp();
  }

  /** `[a, "b", 3]` on one line, of scalars only. */
  private flowSequence(at: number): { node: Node; data: unknown[] } {
    const text = this.text;
    const lineEnd = this.lineEnd;
    const seq = seqNode();
    const data: unknown[] = [];
    let i = this.spacesFrom(at + 1);
    if (text.charCodeAt(i) !== 0x5d) {
      for (;;) {
        const start = i;
        const c = text.charCodeAt(i);
        let valueEnd: number;
        let value: unknown;
        if (c === 0x22 || c === 0x27) {
          const quoted: Quoted | undefined = c === 0x22 ? doubleQuoted(text, i, lineEnd) : singleQuoted(text, i, lineEnd);
          if (!quoted) return giveUp();
          value = quoted.value;
          valueEnd = quoted.end;
          i = valueEnd;
        } else {
          if (!plainMayStartAt(text, i)) giveUp();
          while (i < lineEnd && !',[]{}#: '.includes(text[i]!)) i++;
          valueEnd = i;
          value = plainValue(text.slice(start, valueEnd));
          if (value === UNSURE) giveUp();
        }
        i = this.spacesFrom(i);
        seq.items.push(scalarNode(value, [start, valueEnd, i]));
        data.push(value);
        const separator = text.charCodeAt(i);
        if (separator === 0x5d) break;
        if (separator !== 0x2c || i >= lineEnd) giveUp();
        i = this.spacesFrom(i + 1);
        if (i >= lineEnd || text.charCodeAt(i) === 0x5d) giveUp(); // `[a,]` or an unclosed `[`
      }
    }
    if (i >= lineEnd) giveUp();
    const close = i + 1;
    this.restIsComment(close);
    seq.range = [at, close, this.next];
    return { node: seq, data };
  }
}

/**
 * The documents of a spec text written in plain YAML, or undefined when any part of it is
 * outside what this reader follows (the caller then reads the file with the `yaml` package).
 */
export function readPlainYaml(text: string): FastDocument[] | undefined {
  try {
    const reader = new Reader(text);
    reader.read();
    return reader.documents;
  } catch (error) {
    if (error instanceof NotPlain) return undefined;
    throw error;
  }
}
