/** Small helpers that put values, types and ids in the user's words for problem messages. */
import { escapeForMessage } from '../core/displayText';

/** Known Alibaba Cloud id prefixes and what they name, to explain an id of the wrong kind. */
const ID_KINDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^vpc-/, 'a VPC id'],
  [/^vsw-/, 'a vSwitch id'],
  [/^sg-/, 'a security group id'],
  [/^(rm|pgm|rr)-/, 'an RDS instance id'],
  [/^hb-/, 'an HBase cluster id'],
  [/^ld-/, 'a Lindorm instance id'],
  [/^c-/, 'an EMR cluster id'],
  [/^eni-/, 'a network interface id'],
  [/^i-/, 'an ECS instance id'],
];

/** What kind of resource an id names by its prefix, e.g. "a vSwitch id"; undefined when unknown. */
export function idKindOf(value: string): string | undefined {
  return ID_KINDS.find(([prefix]) => prefix.test(value))?.[1];
}

const MAX_QUOTED = 60;

/** A value as a short quoted snippet: `"vsw-123"`, `70000`, `a list`. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') {
    const shown = value.length > MAX_QUOTED ? `${value.slice(0, MAX_QUOTED)}…` : value;
    return escapeForMessage(JSON.stringify(shown));
  }
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Uint8Array) return 'binary data';
  return 'a mapping';
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping (key: value lines)',
  null: 'nothing',
};

/** JSON Schema type names in words: `array` → "a list". */
export function typeWords(type: unknown): string {
  const names = Array.isArray(type) ? type : [type];
  return names.map((t) => TYPE_WORDS[String(t)] ?? String(t)).join(' or ');
}

/** Levenshtein distance, capped: enough to suggest `vSwitch` for `vswitch` or `vSwtich`. */
export function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 4;
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

/** The closest candidate to a misspelt word (ignoring case), if one is close enough. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Math.min(3, Math.max(1, Math.floor(word.length / 3)) + 1);
  for (const candidate of candidates) {
    const distance = candidate.toLowerCase() === lower ? 0 : editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** `a, b or c`. */
export function listWords(items: readonly unknown[]): string {
  const texts = items.map(String);
  if (texts.length <= 1) return texts.join('');
  return `${texts.slice(0, -1).join(', ')} or ${texts[texts.length - 1]}`;
}

/** The first sentence of a schema description, for "missing `vpc`: …" hints. */
export function firstSentence(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const m = /^(.*?\.)(\s|$)/.exec(text);
  return (m ? m[1] : text)!.trim();
}
