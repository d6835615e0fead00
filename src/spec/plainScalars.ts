/**
 * One-line scalars for the plain-YAML reader (plainReader.ts): plain scalars typed by the YAML 1.2
 * core schema as the `yaml` package resolves them, and single- and double-quoted scalars with
 * their escapes. Each function returns undefined for anything it is not sure about, and the
 * reader then hands the whole file to the `yaml` package.
 */

const DECIMAL = /^[-+]?[0-9]{1,15}$/;
const NULL = /^(?:~|[Nn]ull|NULL)$/;
const TRUE = /^(?:[Tt]rue|TRUE)$/;
const FALSE = /^(?:[Ff]alse|FALSE)$/;
/**
 * The core schema's other number forms (yaml/dist/schema/core): octal, hex, floats, infinity,
 * NaN, and integers too long for an exact double. Specs never need them, so they are left to the
 * `yaml` package rather than re-implemented here.
 */
const OTHER_NUMBER = /^(?:0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)$/;

/** Marks a scalar this reader does not decide. */
export const UNSURE: unique symbol = Symbol('unsure');

/** A non-empty plain scalar's value under the YAML 1.2 core schema, or UNSURE. */
export function plainValue(text: string): unknown {
  const first = text.charCodeAt(0);
  // Most values start with a letter other than n/t/f/N/T/F: a string, whatever follows.
  if (first >= 0x61 && first <= 0x7a && first !== 0x6e && first !== 0x74 && first !== 0x66) return text;
  if (NULL.test(text)) return null;
  if (TRUE.test(text)) return true;
  if (FALSE.test(text)) return false;
  if (DECIMAL.test(text)) return Number(text);
  if (OTHER_NUMBER.test(text)) return UNSURE;
  return text;
}

/** Characters a plain scalar may not start with here (indicators, or forms left to the `yaml` package). */
const AWKWARD_START = new Set('[]{},#&*!|>\'"%@`?:');

/** True when a plain scalar may start with the character at `at` of `line` (a `-` only before a non-space on its line). */
export function plainMayStartAt(line: string, at: number): boolean {
  const c = line[at];
  if (c === undefined || c === '\n' || c === '\r' || AWKWARD_START.has(c)) return false;
  if (c === '-') {
    const next = line[at + 1];
    return next !== undefined && !' \r\n,[]{}'.includes(next);
  }
  return true;
}

/** A scanned quoted scalar: its value and the offset just after its closing quote. */
export interface Quoted {
  value: string;
  end: number;
}

/** A single-quoted scalar starting at `at` (the quote), closed on the same line; `''` is a quote. */
export function singleQuoted(text: string, at: number, lineEnd: number): Quoted | undefined {
  let value = '';
  let from = at + 1;
  for (;;) {
    const close = text.indexOf("'", from);
    if (close < 0 || close >= lineEnd) return undefined;
    value += text.slice(from, close);
    if (text.charCodeAt(close + 1) === 0x27 && close + 1 < lineEnd) {
      value += "'";
      from = close + 2;
      continue;
    }
    return { value, end: close + 1 };
  }
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
};
const HEX_LENGTH: Record<string, number> = { x: 2, u: 4, U: 8 };

/** A double-quoted scalar starting at `at` (the quote), closed on the same line, with YAML's escapes. */
export function doubleQuoted(text: string, at: number, lineEnd: number): Quoted | undefined {
  let value = '';
  let from = at + 1;
  for (let i = from; i < lineEnd; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return { value: value + text.slice(from, i), end: i + 1 };
    if (c !== 0x5c) continue;
    value += text.slice(from, i);
    const kind = text[i + 1];
    if (kind === undefined || i + 1 >= lineEnd) return undefined;
    const simple = SIMPLE_ESCAPES[kind];
    if (simple !== undefined) {
      value += simple;
      i += 1;
    } else {
      const length = HEX_LENGTH[kind];
      if (length === undefined || i + 2 + length > lineEnd) return undefined;
      const hex = text.slice(i + 2, i + 2 + length);
      if (!/^[0-9a-fA-F]+$/.test(hex)) return undefined;
      const code = parseInt(hex, 16);
      // Lone surrogates and out-of-range code points: whatever the `yaml` package makes of them.
      if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return undefined;
      value += String.fromCodePoint(code);
      i += 1 + length;
    }
    from = i + 1;
  }
  return undefined;
}
