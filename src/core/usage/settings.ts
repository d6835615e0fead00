/**
 * Finds the settings a file makes, in each way MaxCompute and Spark accept them: SQL `SET k=v;`
 * and `'networklink'='…'` table properties, Spark properties lines (`k=v`, `k: v`, `k v`),
 * spark-submit `--conf k=v`, PySpark/Scala/Java `.config("k", "v")` / `.set("k", "v")`, and
 * PyODPS `hints={'k': 'v'}` / `options.sql.settings`. Line by line: every form is one line.
 */
import type { Dialect } from './dialect';
import { TABLE_NETWORK_LINK_PROPERTY } from './facts';
import { lineRange, splitLines, type DocumentLines, type TextRange } from './text';

/** How a setting is written, which decides how a fix rewrites it. */
export type SettingForm = 'sqlSet' | 'tableProperty' | 'confLine' | 'submitConf' | 'codeCall' | 'hint';

export interface Setting {
  form: SettingForm;
  key: string;
  /** The value without its quotes and surrounding blanks. */
  value: string;
  line: number;
  keyRange: TextRange;
  valueRange: TextRange;
  /** The whole setting (`SET k=v;`, `--conf "k=v"`, `.config("k", "v")`, the properties line). */
  statementRange: TextRange;
  /** A `--` comment after a SQL SET on the same line. */
  trailingComment?: TextRange;
}

/** The settings of a document, in order. */
export interface ParsedDocument {
  doc: DocumentLines;
  dialect: Dialect;
  settings: Setting[];
}

/** Parses the settings of `text` written in `dialect`. */
export function parseSettings(text: string, dialect: Dialect): ParsedDocument {
  const doc = splitLines(text);
  const settings: Setting[] = [];
  doc.lines.forEach((line, index) => settings.push(...lineSettings(line, index, dialect)));
  return { doc, dialect, settings };
}

function lineSettings(line: string, index: number, dialect: Dialect): Setting[] {
  switch (dialect) {
    case 'sql':
      return sqlSettings(line, index);
    case 'sparkConf':
      return confLine(line, index);
    case 'shell':
      return /^\s*#/.test(line) ? [] : submitConfs(line, index);
    case 'python':
      return /^\s*#/.test(line) ? [] : [...codeCalls(line, index, `["']`), ...hints(line, index), ...embeddedSqlSets(line, index)];
    case 'scala':
    case 'java':
      return /^\s*(\/\/|\*|\/\*)/.test(line) ? [] : [...codeCalls(line, index, '"'), ...embeddedSqlSets(line, index)];
  }
}

/** The column where a `--` comment starts outside quotes, or -1. */
function sqlCommentStart(line: string): number {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote !== undefined) {
      if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"' || c === '`') quote = c;
    else if (c === '-' && line[i + 1] === '-') return i;
  }
  return -1;
}

function sqlSettings(line: string, index: number): Setting[] {
  const commentAt = sqlCommentStart(line);
  const code = commentAt < 0 ? line : line.slice(0, commentAt);
  const found: Setting[] = [];
  for (const m of code.matchAll(/\bset\s+([A-Za-z_][\w.-]*)\s*=\s*([^;]*?)\s*(;|$)/gi)) {
    const keyStart = m.index + m[0].indexOf(m[1]!);
    const rawValue = m[2]!;
    const valueStart = m.index + m[0].lastIndexOf(rawValue, m[0].length - m[3]!.length);
    found.push({
      form: 'sqlSet',
      key: m[1]!,
      ...unquoted(rawValue, valueStart, index),
      line: index,
      keyRange: lineRange(index, keyStart, keyStart + m[1]!.length),
      statementRange: lineRange(index, m.index, m.index + m[0].length),
    });
  }
  for (const m of code.matchAll(/(['"])([\w.]+)\1\s*=\s*(['"])([^'"]*)\3/g)) {
    if (m[2]!.toLowerCase() !== TABLE_NETWORK_LINK_PROPERTY) continue;
    const keyStart = m.index + 1;
    const valueStart = m.index + m[0].length - 1 - m[4]!.length;
    found.push({
      form: 'tableProperty',
      key: m[2]!,
      value: m[4]!,
      line: index,
      keyRange: lineRange(index, keyStart, keyStart + m[2]!.length),
      valueRange: lineRange(index, valueStart, valueStart + m[4]!.length),
      statementRange: lineRange(index, m.index, m.index + m[0].length),
    });
  }
  const last = found.filter((s) => s.form === 'sqlSet').pop();
  if (last !== undefined && commentAt >= 0) last.trailingComment = lineRange(index, commentAt, line.length);
  return found;
}

/** A value's text and range with surrounding blanks and one pair of matching quotes removed. */
function unquoted(raw: string, start: number, line: number): { value: string; valueRange: TextRange } {
  const lead = raw.length - raw.trimStart().length;
  let value = raw.trim();
  let at = start + lead;
  const q = value[0];
  if ((q === "'" || q === '"') && value.length >= 2 && value.endsWith(q)) {
    value = value.slice(1, -1);
    at += 1;
  }
  return { value, valueRange: lineRange(line, at, at + value.length) };
}

/** One Java-properties line (what Spark reads spark-defaults.conf with): key, then `=`, `:` or blanks, then the value. */
function confLine(line: string, index: number): Setting[] {
  const m = /^(\s*)([^\s=:#!][^\s=:]*)(\s*[=:]\s*|\s+)(.*)$/.exec(line);
  if (m === null) return [];
  const keyStart = m[1]!.length;
  const valueStart = keyStart + m[2]!.length + m[3]!.length;
  return [
    {
      form: 'confLine',
      key: m[2]!,
      ...unquoted(m[4]!.trimEnd(), valueStart, index),
      line: index,
      keyRange: lineRange(index, keyStart, keyStart + m[2]!.length),
      statementRange: lineRange(index, keyStart, line.trimEnd().length),
    },
  ];
}

/** spark-submit `--conf k=v`, `--conf "k=v"`, `--conf 'k=v'`, `--conf=k=v`. */
function submitConfs(line: string, index: number): Setting[] {
  const found: Setting[] = [];
  for (const m of line.matchAll(/--conf(?:\s+|=)(?:"([^"]*)"|'([^']*)'|([^\s"']+))/g)) {
    const inner = m[1] ?? m[2] ?? m[3]!;
    const eq = inner.indexOf('=');
    if (eq <= 0) continue;
    const innerStart = m.index + m[0].length - inner.length - (m[3] === undefined ? 1 : 0);
    const key = inner.slice(0, eq).trim();
    const keyStart = innerStart + inner.indexOf(key);
    found.push({
      form: 'submitConf',
      key,
      ...unquoted(inner.slice(eq + 1), innerStart + eq + 1, index),
      line: index,
      keyRange: lineRange(index, keyStart, keyStart + key.length),
      statementRange: lineRange(index, m.index, m.index + m[0].length),
    });
  }
  return found;
}

/** `.config("k", "v")` / `.set("k", "v")` (SparkSession.builder, SparkConf). `quotes` is a regex class of the language's string quotes. */
function codeCalls(line: string, index: number, quotes: string): Setting[] {
  // The value may hold escaped quotes (a JSON vpc.domain.list in a Scala string).
  const re = new RegExp(
    `\\.(?:config|set)\\(\\s*(${quotes})([\\w.-]+)\\1\\s*,\\s*(${quotes})((?:\\\\.|(?!\\3)[^\\\\\\n])*)\\3\\s*\\)`,
    'g',
  );
  return [...line.matchAll(re)].map((m) => keyValueMatch('codeCall', m, index));
}

/** PyODPS hints / options.sql.settings dict entries: `'odps.…': 'v'`. A dict of Spark keys may be a SparkConf's (setAll): not read as hints. */
function hints(line: string, index: number): Setting[] {
  return [...line.matchAll(/(["'])(odps\.[\w.-]+)\1\s*:\s*(["'])([^"'\n]*?)\3/g)].map((m) => keyValueMatch('hint', m, index));
}

/** Builds a setting from a match of (quote)(key)\1 … (quote)(value)\3. */
function keyValueMatch(form: SettingForm, m: RegExpMatchArray, index: number): Setting {
  const start = m.index!;
  const keyStart = start + m[0].indexOf(m[2]!);
  const valueStart = start + m[0].lastIndexOf(`${m[3]}${m[4]}${m[3]}`) + 1;
  return {
    form,
    key: m[2]!,
    value: m[4]!.replace(/\\(.)/g, '$1'),
    line: index,
    keyRange: lineRange(index, keyStart, keyStart + m[2]!.length),
    valueRange: lineRange(index, valueStart, valueStart + m[4]!.length),
    statementRange: lineRange(index, start, start + m[0].length),
  };
}

/** `set odps.session.networklink=…` inside a string of code (PyODPS execute_sql, spark.sql): the value ends at a quote, `;` or blank. */
function embeddedSqlSets(line: string, index: number): Setting[] {
  return [...line.matchAll(/\bset\s+(odps\.session\.networklink)\s*=\s*([^;'"\s]*)/gi)].map((m) => {
    const keyStart = m.index + m[0].indexOf(m[1]!);
    const valueStart = m.index + m[0].length - m[2]!.length;
    return {
      form: 'sqlSet' as const,
      key: m[1]!,
      value: m[2]!,
      line: index,
      keyRange: lineRange(index, keyStart, keyStart + m[1]!.length),
      valueRange: lineRange(index, valueStart, valueStart + m[2]!.length),
      statementRange: lineRange(index, m.index, m.index + m[0].length),
    };
  });
}
