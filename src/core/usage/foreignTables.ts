/**
 * The checks of foreign tables in SQL: a CREATE EXTERNAL TABLE over RDS/PolarDB (JDBC), HBase or
 * Lindorm held against its documented template (facts.ts): the handler class, the SETs it needs,
 * the JDBC LOCATION's required parameters and the 'networklink' property. Statements span lines,
 * so this reads the whole text, with comments blanked out (offsets kept).
 * No message quotes a LOCATION: it may hold a database password.
 */
import {
  HBASE_STORAGE_HANDLER,
  HBASE_VERSION_FLAG,
  HIVE_COMPATIBLE_FLAG,
  JDBC_LOCATION_REQUIRED,
  JDBC_OBSOLETE_PROPERTIES,
  OLD_HBASE_STORAGE_HANDLER,
  RDS_MYSQL_STORAGE_HANDLER,
  TABLE_NETWORK_LINK_PROPERTY,
} from './facts';
import { namedLinks, type KnownLink } from './knownLinks';
import { sqlSessionSet } from './lines';
import { type DocumentLines, type TextEdit, type TextPosition, type TextRange } from './text';

export type ForeignTableProblemCode =
  'foreign-table-link-missing' | 'foreign-table-handler' | 'jdbc-location' | 'foreign-table-sets-missing' | 'jdbc-obsolete-property';

/** The same shape as checks.ts's UsageProblem (kept structural so this file needs nothing from it). */
export interface ForeignTableProblem {
  code: ForeignTableProblemCode;
  severity: 'error' | 'warning' | 'info';
  message: string;
  range: TextRange;
  fixes: { title: string; edits: TextEdit[]; preferred?: boolean }[];
}

type Family = 'jdbc' | 'hbase';

interface Quoted {
  value: string;
  /** Offset of the first character inside the quotes. */
  at: number;
  /** A property's key, inside its quotes. */
  keyAt?: number;
}

interface ForeignTable {
  /** Offsets of `CREATE EXTERNAL TABLE` and of the statement's end (its `;`, or the text's end). */
  start: number;
  keywordEnd: number;
  end: number;
  handler?: Quoted;
  family?: Family;
  location?: Quoted;
  properties: Map<string, Quoted>;
  /** Offset just inside `TBLPROPERTIES (`, when the statement has one. */
  propertiesOpen?: number;
}

/** The text with `--` and block comments replaced by blanks, quotes respected, offsets unchanged. */
function blankComments(text: string): string {
  const out = text.split('');
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote !== undefined) {
      if (c === quote) quote = undefined;
      continue;
    }
    if (c === "'" || c === '"' || c === '`') quote = c;
    else if (c === '-' && text[i + 1] === '-') {
      while (i < text.length && text[i] !== '\n') out[i++] = ' ';
      i--;
    } else if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      const stop = close < 0 ? text.length : close + 2;
      for (; i < stop; i++) if (text[i] !== '\n') out[i] = ' ';
      i--;
    }
  }
  return out.join('');
}

function familyOf(handler: string): Family | undefined {
  if (/JdbcStorageHandler$/.test(handler)) return 'jdbc';
  if (/HBaseStorageHandler$/.test(handler)) return 'hbase';
  return undefined;
}

/** The foreign tables of a SQL text. */
function findForeignTables(code: string): ForeignTable[] {
  const tables: ForeignTable[] = [];
  const creates = [...code.matchAll(/\bcreate\s+external\s+table\b/gi)];
  creates.forEach((m, i) => {
    const start = m.index;
    // A statement ends at its `;`, or at the next CREATE when one is missing (each text is read once).
    const semi = code.indexOf(';', start);
    const end = Math.min(semi < 0 ? code.length : semi, creates[i + 1]?.index ?? code.length);
    const body = code.slice(start, end);
    const quoted = (re: RegExp): Quoted | undefined => {
      const q = re.exec(body);
      return q === null ? undefined : { value: q[2]!, at: start + q.index + q[0].length - q[2]!.length - 1 };
    };
    const handler = quoted(/\bstored\s+by\s+(['"])([^'"]*)\1/i);
    const properties = new Map<string, Quoted>();
    for (const p of body.matchAll(/(['"])([\w.]+)\1\s*=\s*(['"])([^'"]*)\3/g)) {
      properties.set(p[2]!.toLowerCase(), {
        value: p[4]!,
        at: start + p.index + p[0].length - p[4]!.length - 1,
        keyAt: start + p.index + 1,
      });
    }
    const open = /\btblproperties\s*\(/i.exec(body);
    tables.push({
      start,
      keywordEnd: start + m[0].length,
      end,
      handler,
      family: handler === undefined ? undefined : familyOf(handler.value),
      location: quoted(/\blocation\s+(['"])([^'"]*)\1/i),
      properties,
      propertiesOpen: open === null ? undefined : start + open.index + open[0].length,
    });
  });
  return tables;
}

/** Offsets to positions, counted as the document's lines are. */
function positions(doc: DocumentLines): (offset: number) => TextPosition {
  const starts: number[] = [];
  let at = 0;
  for (const line of doc.lines) {
    starts.push(at);
    at += line.length + doc.eol.length;
  }
  // Binary search: a long file with many statements stays linear-ish.
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: offset - starts[low]! };
  };
}

/** Every SET of the text with where it ends, read once (a table's session is the SETs before it). */
function allSets(code: string): { end: number; flag: string; value: string }[] {
  return [...code.matchAll(/\bset\s+([\w.]+)\s*=\s*([^;\s]*)\s*;/gi)].map((m) => ({
    end: m.index + m[0].length,
    flag: m[1]!.toLowerCase(),
    value: m[2]!.toLowerCase(),
  }));
}

/** Every problem of the foreign tables in a SQL text (the text as the document holds it, line endings included). */
export function checkForeignTables(text: string, doc: DocumentLines, links: readonly KnownLink[]): ForeignTableProblem[] {
  const code = blankComments(text);
  const pos = positions(doc);
  const range = (from: number, to: number): TextRange => ({ start: pos(from), end: pos(to) });
  const insertAt = (offset: number, newText: string): TextEdit => ({ range: range(offset, offset), newText });
  const problems: ForeignTableProblem[] = [];
  const sessionSets = allSets(code);
  // The flags the SETs before each table give, the last one winning: tables come in order, so one pass.
  const sets = new Map<string, string>();
  let nextSet = 0;
  for (const table of findForeignTables(code)) {
    for (; nextSet < sessionSets.length && sessionSets[nextSet]!.end <= table.start; nextSet++)
      sets.set(sessionSets[nextSet]!.flag, sessionSets[nextSet]!.value);
    if (table.family === undefined || table.handler === undefined) continue;
    const what = range(table.start, table.keywordEnd);
    const { handler } = table;
    const expected = table.family === 'jdbc' ? RDS_MYSQL_STORAGE_HANDLER : HBASE_STORAGE_HANDLER;
    if (handler.value !== expected) {
      const older = handler.value === OLD_HBASE_STORAGE_HANDLER ? ' (an older mcvpc wrote it; it was never documented)' : '';
      problems.push({
        code: 'foreign-table-handler',
        severity: 'error',
        message: `MaxCompute's ${table.family === 'jdbc' ? 'ApsaraDB for MySQL' : 'HBase / Lindorm'} foreign tables are STORED BY '${expected}', not '${handler.value}'${older}.`,
        range: range(handler.at, handler.at + handler.value.length),
        fixes: [
          {
            title: `Use ${expected}`,
            edits: [{ range: range(handler.at, handler.at + handler.value.length), newText: expected }],
            preferred: true,
          },
        ],
      });
    }
    const missingSets = [HIVE_COMPATIBLE_FLAG, ...(table.family === 'hbase' && isLindorm(table) ? [HBASE_VERSION_FLAG] : [])].filter(
      (flag) => sets.get(flag) !== (flag === HBASE_VERSION_FLAG ? 'lindorm' : 'true'),
    );
    if (missingSets.length > 0) {
      const lines = missingSets.map((flag) => sqlSessionSet(flag, flag === HBASE_VERSION_FLAG ? 'lindorm' : 'true'));
      const lineStart = table.start - pos(table.start).character;
      problems.push({
        code: 'foreign-table-sets-missing',
        severity: 'warning',
        message: `This foreign table needs ${lines.join(' ')} before it, submitted with it (the external-table page's syntax).`,
        range: what,
        fixes: [
          { title: `Add ${lines.join(' ')}`, edits: [insertAt(lineStart, lines.map((l) => `${l}${doc.eol}`).join(''))], preferred: true },
        ],
      });
    }
    if (table.family === 'jdbc') problems.push(...checkJdbc(table, range, insertAt));
    if (!table.properties.has(TABLE_NETWORK_LINK_PROPERTY)) {
      const names = namedLinks(links)
        .map((l) => l.name)
        .slice(0, 5);
      const add = (name: string): TextEdit =>
        table.propertiesOpen !== undefined
          ? insertAt(table.propertiesOpen, `'${TABLE_NETWORK_LINK_PROPERTY}'='${name}'${table.properties.size > 0 ? ', ' : ''}`)
          : insertAt(table.end, ` TBLPROPERTIES ('${TABLE_NETWORK_LINK_PROPERTY}'='${name}')`);
      problems.push({
        code: 'foreign-table-link-missing',
        severity: 'warning',
        message: `This foreign table names no network link: it reaches a VPC only with '${TABLE_NETWORK_LINK_PROPERTY}'='<link name>' in TBLPROPERTIES.`,
        range: what,
        // Which link is the person's to say: offered, never applied by --fix.
        fixes: names.map((name) => ({ title: `Add '${TABLE_NETWORK_LINK_PROPERTY}'='${name}'`, edits: [add(name)] })),
      });
    }
  }
  return problems;
}

/** A Lindorm quorum (`ld-…-proxy-lindorm.lindorm.rds.aliyuncs.com:30020`) or a SET naming it already. */
function isLindorm(table: ForeignTable): boolean {
  const quorum = table.properties.get('hbase.zookeeper.quorum')?.value ?? '';
  return /(^|[.,])ld-|lindorm/i.test(quorum);
}

function checkJdbc(
  table: ForeignTable,
  range: (from: number, to: number) => TextRange,
  insertAt: (offset: number, text: string) => TextEdit,
): ForeignTableProblem[] {
  const problems: ForeignTableProblem[] = [];
  const location = table.location;
  if (location === undefined || !location.value.startsWith('jdbc:mysql://')) {
    problems.push({
      code: 'jdbc-location',
      severity: 'error',
      message: `An ApsaraDB for MySQL foreign table needs LOCATION 'jdbc:mysql://<host>:<port>/<db>?useSSL=false&user=<user>&password=<password>&table=<table>'.`,
      range:
        location === undefined
          ? range(table.start, table.keywordEnd)
          : range(location.at, location.at + Math.min(location.value.length, 13)),
      fixes: [],
    });
  } else {
    const query = location.value.includes('?') ? location.value.slice(location.value.indexOf('?') + 1) : '';
    const params = new Set(query.split('&').map((p) => p.split('=')[0]!));
    const missing = JDBC_LOCATION_REQUIRED.filter((p) => !params.has(p));
    if (missing.length > 0) {
      const question = location.value.indexOf('?');
      // useSSL=false is the template's own value: adding it is certain; the table is the person's to name.
      const fix = missing.includes('useSSL')
        ? [
            {
              title: 'Add useSSL=false',
              edits: [
                question < 0
                  ? insertAt(location.at + location.value.length, '?useSSL=false')
                  : insertAt(location.at + question + 1, 'useSSL=false&'),
              ],
              preferred: true,
            },
          ]
        : [];
      problems.push({
        code: 'jdbc-location',
        severity: 'error',
        message: `The JDBC LOCATION lacks ${missing.map((p) => `${p}=`).join(' and ')}: the documented form is jdbc:mysql://<host>:<port>/<db>?useSSL=false&user=<user>&password=<password>&table=<table>.`,
        range: range(location.at, location.at + 'jdbc:mysql://'.length),
        fixes: fix,
      });
    }
  }
  for (const key of JDBC_OBSOLETE_PROPERTIES) {
    const property = table.properties.get(key);
    if (property === undefined) continue;
    problems.push({
      code: 'jdbc-obsolete-property',
      severity: 'info',
      message: `'${key}' is not in the current ApsaraDB for MySQL external-table syntax; LOCATION and 'mcfed.mapreduce.jdbc.input.query' carry what it said.`,
      range: range(property.keyAt!, property.keyAt! + key.length),
      fixes: [],
    });
  }
  return problems;
}
