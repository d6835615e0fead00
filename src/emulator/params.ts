/**
 * Request parameters as the client flattens them (`Name.N.Field`, `Name.N`; reference §7.5),
 * with typed readers that fail the way the API does (MissingParameter / InvalidParameter).
 */
import { invalidParameter, missingParameter } from './errors';

/** Decodes one `application/x-www-form-urlencoded` / query component ('+' is a space). */
function decodeComponent(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    throw invalidParameter('(query)', `"${text.slice(0, 40)}" is not valid percent-encoding.`);
  }
}

/** Parses `a=1&b=2` into ordered key/value pairs, keeping duplicates (the signature sees the last one). */
export function parseUrlEncoded(text: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  if (text === '') return pairs;
  for (const part of text.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    const value = eq < 0 ? '' : part.slice(eq + 1);
    pairs.push([decodeComponent(key), decodeComponent(value)]);
  }
  return pairs;
}

/** Flattens a JSON body the way `OpenApiUtil.query` does, for clients that send `reqBodyType: 'json'`. */
export function flattenObject(value: unknown, prefix = '', into: Record<string, string> = {}): Record<string, string> {
  if (value === null || value === undefined) return into;
  if (Array.isArray(value)) {
    value.forEach((item, i) => flattenObject(item, `${prefix}.${i + 1}`, into));
  } else if (typeof value === 'object') {
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      flattenObject(item, prefix ? `${prefix}.${key}` : key, into);
    }
  } else {
    into[prefix] = String(value);
  }
  return into;
}

/** Read access to one request's parameters. */
export class Params {
  constructor(readonly values: Readonly<Record<string, string>>) {}

  has(name: string): boolean {
    return this.values[name] !== undefined;
  }

  /** The value, or undefined when absent. An empty string counts as given. */
  optional(name: string): string | undefined {
    return this.values[name];
  }

  /** The value; MissingParameter when absent or empty. */
  required(name: string): string {
    const value = this.values[name];
    if (value === undefined || value === '') throw missingParameter(name);
    return value;
  }

  /** An integer within [min, max], or the default; InvalidParameter otherwise. */
  integer(name: string, defaultValue: number, min: number, max: number): number {
    const text = this.values[name];
    if (text === undefined || text === '') return defaultValue;
    if (!/^-?\d+$/.test(text)) throw invalidParameter(name, `"${text}" is not an integer.`);
    const value = Number(text);
    if (value < min || value > max) throw invalidParameter(name, `${value} is out of range; it must be between ${min} and ${max}.`);
    return value;
  }

  /** `true`/`false` (case-insensitive), or undefined when absent. */
  boolean(name: string): boolean | undefined {
    const text = this.values[name];
    if (text === undefined || text === '') return undefined;
    if (/^true$/i.test(text)) return true;
    if (/^false$/i.test(text)) return false;
    throw invalidParameter(name, `"${text}" is not true or false.`);
  }

  /** A comma-separated list, trimmed, empty items dropped. */
  commaList(name: string): string[] | undefined {
    const text = this.values[name];
    if (text === undefined) return undefined;
    return text
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
  }

  /** `Name.1`, `Name.2`, … in index order. */
  list(name: string): string[] {
    return this.indexed(name)
      .filter(([, rest]) => rest === '')
      .map(([, , value]) => value);
  }

  /** `Name.N.Field` grouped into one record per N, in index order. */
  objects(name: string): Array<Record<string, string>> {
    const byIndex = new Map<number, Record<string, string>>();
    for (const [index, rest, value] of this.indexed(name)) {
      if (!rest.startsWith('.')) continue;
      const entry = byIndex.get(index) ?? {};
      entry[rest.slice(1)] = value;
      byIndex.set(index, entry);
    }
    return [...byIndex.entries()].sort(([a], [b]) => a - b).map(([, entry]) => entry);
  }

  private indexed(name: string): Array<[number, string, string]> {
    const found: Array<[number, string, string]> = [];
    const prefix = `${name}.`;
    for (const [key, value] of Object.entries(this.values)) {
      if (!key.startsWith(prefix)) continue;
      const m = /^(\d+)(.*)$/.exec(key.slice(prefix.length));
      if (!m) continue;
      found.push([Number(m[1]), m[2]!, value]);
    }
    return found.sort(([a], [b]) => a - b);
  }
}
