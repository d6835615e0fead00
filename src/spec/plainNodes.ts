/**
 * Cheap `yaml` nodes for the plain reader. The `yaml` classes tag every instance in their
 * constructor with `Object.defineProperty` (its node-type symbol), which for a 2,000-line spec
 * cost more than reading the text. These nodes inherit from the real prototypes (so
 * `instanceof`, `isMap`, `isScalar`… and the methods all work) and carry the tag on a shared
 * prototype instead. Only src/spec reads them: `.value`, `.items`, `.key`/`.value` and `.range`.
 */
import { Pair, Scalar, YAMLMap, YAMLSeq, type Node } from 'yaml';

/** The `yaml` package's node-type key and tags (yaml/dist/nodes/identity.js); registry symbols, stable across copies. */
const NODE_TYPE = Symbol.for('yaml.node.type');

type Range = [number, number, number];

function tagged(base: object, tag: string): object {
  return Object.create(base, { [NODE_TYPE]: { value: Symbol.for(tag) } }) as object;
}

class ScalarNode {
  declare value: unknown;
  declare range: Range;
  constructor(value: unknown, range: Range) {
    this.value = value;
    this.range = range;
  }
}
Object.setPrototypeOf(ScalarNode.prototype, tagged(Scalar.prototype, 'yaml.scalar'));

/** A class of cheap collection nodes (items + range) posing as `base` (YAMLMap or YAMLSeq); one class each keeps V8's shapes apart. */
function collectionNodeClass(base: object, tag: string): new () => { items: unknown[]; range: Range | undefined } {
  class CollectionNode {
    declare items: unknown[];
    declare range: Range | undefined;
    constructor() {
      this.items = [];
      this.range = undefined;
    }
  }
  Object.setPrototypeOf(CollectionNode.prototype, tagged(base, tag));
  return CollectionNode;
}
const MapNode = collectionNodeClass(YAMLMap.prototype, 'yaml.map');
const SeqNode = collectionNodeClass(YAMLSeq.prototype, 'yaml.seq');

class PairNode {
  declare key: unknown;
  declare value: unknown;
  constructor(key: unknown, value: unknown) {
    this.key = key;
    this.value = value;
  }
}
Object.setPrototypeOf(PairNode.prototype, tagged(Pair.prototype, 'yaml.pair'));

/** A scalar node with its value and range. */
export function scalarNode(value: unknown, range: Range): Scalar {
  return new ScalarNode(value, range) as unknown as Scalar;
}

/** An empty mapping node; its range is set when it closes. */
export function mapNode(): YAMLMap {
  return new MapNode() as unknown as YAMLMap;
}

/** An empty sequence node; its range is set when it closes. */
export function seqNode(): YAMLSeq {
  return new SeqNode() as unknown as YAMLSeq;
}

/** A mapping entry. */
export function pairNode(key: Scalar, value: Node): Pair {
  return new PairNode(key, value) as unknown as Pair;
}
