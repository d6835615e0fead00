/**
 * Finds the YAML node behind a data path (`/targets/1/ports/0` from ajv, or segments from the
 * builder) and the text ranges to underline for it: the value for wrong values, the key for
 * unknown or missing properties. Aliases are followed, but ranges stay where the user wrote them.
 */
import { isAlias, isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import type { SpecDocument } from './yamlDocuments';
import type { LineIndex } from './positions';
import type { SourceRange } from './types';

export type PathSegment = string | number;

/** Where a path landed: the node as written (maybe an alias), the node it stands for, and its key. */
export interface Located {
  /** The node at the path as written in the text (an alias stays an alias); undefined when absent or empty. */
  written?: Node;
  /** The node with aliases resolved. */
  node?: Node;
  /** The key node when the last step was a mapping key. */
  key?: Node;
  /** True when the whole path was found. */
  found: boolean;
}

/** The text of a mapping key, as ajv and `toJS` see it. */
export function keyText(key: unknown): string {
  if (isScalar(key)) return String(key.value);
  if (key === null || key === undefined) return '';
  return String(key);
}

function resolve(doc: SpecDocument, node: unknown): Node | undefined {
  let current = node;
  // An alias may point at another alias only through a chain the composer already bounded.
  for (let hops = 0; hops < 8 && isAlias(current); hops++) current = doc.resolveAlias(current);
  return (current ?? undefined) as Node | undefined;
}

type SpecPair = Pair<Node, Node | null>;

/**
 * Each mapping's pairs by key text, built on the first lookup: a problem per key of a mapping
 * with 70,000 keys looked each one up by scanning them all (minutes of CPU). Parsed documents are
 * not edited, but the item count is kept with the index so an edited mapping is indexed again.
 */
const pairIndexes = new WeakMap<object, { count: number; byKey: Map<string, SpecPair> }>();

/** The pair of a mapping with the given key (the last one, as `toJS` would keep). */
export function findPair(map: unknown, key: string): SpecPair | undefined {
  if (!isMap(map)) return undefined;
  const items = map.items as SpecPair[];
  let index = pairIndexes.get(map);
  if (index === undefined || index.count !== items.length) {
    const byKey = new Map<string, SpecPair>();
    // Later pairs overwrite earlier ones: the last one wins, as in `toJS`.
    for (const pair of items) byKey.set(keyText(pair.key), pair);
    index = { count: items.length, byKey };
    pairIndexes.set(map, index);
  }
  return index.byKey.get(key);
}

/** The document's root as a location. */
export function rootLocation(doc: SpecDocument): Located {
  const written = (doc.contents ?? undefined) as Node | undefined;
  return { written, node: resolve(doc, written), found: true };
}

/** One step down from a location: a key of a mapping or an index of a list. */
export function step(doc: SpecDocument, from: Located, segment: PathSegment): Located {
  const { node } = from;
  if (!from.found) return from;
  let written: Node | undefined;
  let key: Node | undefined;
  if (isMap(node)) {
    const pair = findPair(node, String(segment));
    if (!pair) return { ...from, found: false };
    key = pair.key;
    written = pair.value ?? undefined;
  } else if (isSeq(node)) {
    const item = node.items[Number(segment)] as Node | null | undefined;
    if (item === undefined) return { ...from, found: false };
    written = item ?? undefined;
  } else {
    return { ...from, found: false };
  }
  return { written, node: resolve(doc, written), key, found: true };
}

/** Follows a path of keys and indexes from the document's root. */
export function locate(doc: SpecDocument, path: readonly PathSegment[]): Located {
  let located = rootLocation(doc);
  for (const segment of path) located = step(doc, located, segment);
  return located;
}

/** Parses an ajv `instancePath` (JSON Pointer) into segments. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The path in the user's words: `targets[1].ports[0]`. */
export function formatPath(path: readonly PathSegment[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number' || /^\d+$/.test(segment)) text += `[${segment}]`;
    else text += text === '' ? segment : `.${segment}`;
  }
  return text;
}

function nodeSpan(node: Node | undefined): [number, number] | undefined {
  const range = node?.range;
  if (!range) return undefined;
  return [range[0], range[1]];
}

export class Ranger {
  constructor(
    private readonly doc: SpecDocument,
    private readonly index: LineIndex,
  ) {}

  /** Where the document itself starts (its first content), as a zero-width fallback. */
  documentStart(): SourceRange {
    const span = nodeSpan((this.doc.contents ?? undefined) as Node | undefined) ?? [this.doc.range?.[0] ?? 0, this.doc.range?.[0] ?? 0];
    return this.index.range(span[0], span[0]);
  }

  /** The whole document's content. */
  documentRange(): SourceRange {
    const span = nodeSpan((this.doc.contents ?? undefined) as Node | undefined) ?? [this.doc.range?.[0] ?? 0, this.doc.range?.[1] ?? 0];
    return this.index.trimmedRange(span[0], span[1]);
  }

  /** The value as written; an empty value (`vpc:`) falls back to its key, a missing one to the nearest parent. */
  valueRange(located: Located): SourceRange {
    const span = nodeSpan(located.written);
    if (span && span[1] > span[0]) return this.index.trimmedRange(span[0], span[1]);
    return this.keyRange(located);
  }

  /**
   * The key that names the node (`securityGroup:`); for a list item, its first `key: value`
   * line; for the root, its first key.
   */
  keyRange(located: Located): SourceRange {
    const keySpan = nodeSpan(located.key);
    if (keySpan) return this.index.range(keySpan[0], keySpan[1]);
    const node = located.node;
    if (isMap(node) && node.items.length > 0) {
      const first = node.items[0] as Pair<Node, Node | null>;
      const start = nodeSpan(first.key);
      if (start) {
        const valueEnd = nodeSpan(first.value ?? undefined);
        const end =
          valueEnd && valueEnd[1] > start[1] && this.index.position(valueEnd[1]).line === this.index.position(start[0]).line
            ? valueEnd[1]
            : start[1];
        return this.index.range(start[0], end);
      }
    }
    const span = nodeSpan(located.written);
    if (span) return this.index.range(span[0], span[1] > span[0] ? span[1] : span[0]);
    return this.documentStart();
  }

  /** The key range of a property that exists on the node at `path`. */
  propertyKeyRange(path: readonly PathSegment[], property: string): SourceRange {
    const parent = locate(this.doc, path);
    const pair = findPair(parent.node, property);
    const span = nodeSpan((pair?.key ?? undefined) as Node | undefined);
    if (span && span[1] > span[0]) return this.index.range(span[0], span[1]);
    return this.keyRange(parent);
  }

  /** Value range at a path, or the nearest existing parent's value when the path is absent. */
  at(path: readonly PathSegment[]): SourceRange {
    return this.valueRange(locate(this.doc, path));
  }
}
