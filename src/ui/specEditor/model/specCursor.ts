/**
 * Where a cursor is in a spec being typed: the path of keys above it, whether it is on a key or
 * a value, and the sibling fields of its mapping. Read from the lines' indentation rather than
 * from a parsed tree, because text being typed (`vSw`, `vpc:` with nothing after) is seldom
 * valid YAML. Block style only, which is what specs are written in. No vscode.
 */

export type CursorPath = Array<string | number>;

/** What a cursor stands on. */
export interface CursorContext {
  /** `key`: typing a key (or an empty line); `value`: after `key:` on its line. */
  mode: 'key' | 'value';
  /** For `key`: the mapping's path; for `value`: the path of the key's value. */
  path: CursorPath;
  /** The word typed so far (key or value), up to the cursor. */
  prefix: string;
  /** Offsets of the text a completion replaces (the whole word or value under the cursor). */
  replaceStart: number;
  replaceEnd: number;
  /** Scalar values of the keys of the cursor's mapping (e.g. a target's `kind`). */
  siblings: Record<string, string>;
  /** Every key of the cursor's mapping (to leave out of key completion). */
  keys: string[];
  /** The top-level fields of the cursor's document (`region`, `vpc`…), as written. */
  root: Record<string, string>;
  /** True when the cursor's line already ends with a comment. */
  hasComment: boolean;
  /** Where the cursor's line's key starts (for `value`: the column of its key). */
  keyColumn: number;
}

interface Line {
  start: number;
  text: string;
  /** Column of `- ` when the line is a list item. */
  dash?: number;
  /** Column of the key, when the line holds `key:`. */
  keyColumn?: number;
  key?: string;
  /** The value after `key:` (without comment), trimmed. */
  value?: string;
  blank: boolean;
  documentMarker: boolean;
}

const KEY_LINE = /^(\s*)(-\s+)?([A-Za-z_][\w.-]*)\s*:(?:\s+(.*?))?\s*$/;
const ITEM_LINE = /^(\s*)-(?:\s+(.*?))?\s*$/;

function stripComment(value: string): string {
  // A `#` starts a comment only after a blank; quoted values in specs carry no `#`.
  const hash = value.search(/(^|\s)#/);
  return (hash < 0 ? value : value.slice(0, hash)).trim();
}

function readLine(text: string, start: number): Line {
  const line: Line = { start, text, blank: false, documentMarker: /^(---|\.\.\.)\s*(#.*)?$/.test(text) };
  const hash = text.search(/(^|\s)#/);
  const code = (hash < 0 ? text : text.slice(0, hash)).trimEnd();
  if (code.trim() === '') return { ...line, blank: true };
  const key = KEY_LINE.exec(code);
  if (key) {
    const indent = key[1]!.length;
    const dash = key[2] !== undefined ? indent : undefined;
    return { ...line, dash, keyColumn: indent + (key[2]?.length ?? 0), key: key[3], value: stripComment(key[4] ?? '') };
  }
  const item = ITEM_LINE.exec(code);
  if (item)
    return {
      ...line,
      dash: item[1]!.length,
      keyColumn: item[2] !== undefined ? item[1]!.length + code.slice(item[1]!.length).search(/[^-\s]/) : undefined,
    };
  return line;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const raw of text.split('\n')) {
    lines.push(readLine(raw.replace(/\r$/, ''), start));
    start += raw.length + 1;
  }
  return lines;
}

/** The line index of an offset. */
function lineAt(lines: Line[], offset: number): number {
  let i = 0;
  while (i + 1 < lines.length && lines[i + 1]!.start <= offset) i++;
  return i;
}

/** The key's mapping: the lines from the item/mapping start whose key sits at `column`, within the document. */
function siblingsOf(lines: Line[], index: number, column: number, keys: string[] = []): Record<string, string> {
  const siblings: Record<string, string> = {};
  const take = (line: Line): void => {
    if (line.key === undefined || line.keyColumn !== column) return;
    keys.push(line.key);
    if (line.value !== undefined && line.value !== '') siblings[line.key] = line.value.replace(/^["']|["']$/g, '');
  };
  // Up to the mapping's start (a line less indented, or the `- ` that opens this item).
  for (let i = index; i >= 0; i--) {
    const line = lines[i]!;
    if (line.documentMarker) break;
    if (line.blank) continue;
    const col = line.keyColumn ?? line.dash ?? 0;
    if (col < column && line.dash !== column - 2) break;
    take(line);
    if (line.dash !== undefined && line.keyColumn === column) break;
    if (col < column) break;
  }
  for (let i = index + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.documentMarker) break;
    if (line.blank) continue;
    if ((line.dash !== undefined && line.dash < column) || (line.keyColumn ?? line.dash ?? 0) < column) break;
    take(line);
  }
  return siblings;
}

/** The path of the mapping whose keys sit at `column`, looking up from line `index`. */
function mappingPath(lines: Line[], index: number, column: number): CursorPath {
  const path: CursorPath = [];
  let col = column;
  for (let i = index; i >= 0 && col > 0; i--) {
    const line = lines[i]!;
    if (line.documentMarker) break;
    if (line.blank) continue;
    if (line.dash !== undefined && line.keyColumn === col) {
      // An item of a list: count the items above at the same dash column, then find the list's key.
      const dash = line.dash;
      let item = 0;
      let j = i - 1;
      for (; j >= 0; j--) {
        const above = lines[j]!;
        if (above.documentMarker) break;
        if (above.blank) continue;
        if (above.dash === dash) item++;
        else if ((above.keyColumn ?? 0) < dash || (above.keyColumn === dash && above.dash === undefined && above.value === '')) break;
      }
      path.unshift(item);
      col = dash;
      i = j + 1;
      // The list's own key sits left of the dash (or at its column when not indented).
      for (let k = j; k >= 0; k--) {
        const owner = lines[k]!;
        if (owner.blank) continue;
        if (owner.key !== undefined && owner.keyColumn !== undefined && owner.keyColumn <= dash && owner.value === '') {
          path.unshift(owner.key);
          col = owner.keyColumn;
          i = k;
        }
        break;
      }
      continue;
    }
    const lineColumn = line.keyColumn ?? line.dash;
    if (line.key !== undefined && lineColumn !== undefined && lineColumn < col && line.value === '') {
      path.unshift(line.key);
      col = lineColumn;
    } else if (lineColumn !== undefined && lineColumn < col) {
      break;
    }
  }
  return path;
}

/** The top-level fields of the document holding line `index`. */
function rootFields(lines: Line[], index: number): Record<string, string> {
  let first = index;
  while (first > 0 && !lines[first]!.documentMarker) first--;
  let i = lines[first]!.documentMarker ? first + 1 : first;
  const fields: Record<string, string> = {};
  for (; i < lines.length && !lines[i]!.documentMarker; i++) {
    const line = lines[i]!;
    if (line.keyColumn === 0 && line.dash === undefined && line.key !== undefined && line.value)
      fields[line.key] = line.value.replace(/^["']|["']$/g, '');
  }
  return fields;
}

/** The cursor's context in the text, or undefined inside a comment. */
export function cursorContext(text: string, offset: number): CursorContext | undefined {
  const lines = splitLines(text);
  const index = lineAt(lines, offset);
  const line = lines[index]!;
  const column = offset - line.start;
  const before = line.text.slice(0, column);
  if (/(^|\s)#/.test(before)) return undefined;
  const keyValue = /^(\s*)(-\s+)?([A-Za-z_][\w.-]*)\s*:\s*/.exec(before);
  if (keyValue) {
    const keyColumn = keyValue[1]!.length + (keyValue[2]?.length ?? 0);
    const valueStart = line.start + keyValue[0].length;
    const rest = line.text.slice(keyValue[0].length);
    const valueLength = stripComment(rest).length;
    const keys: string[] = [];
    const siblings = siblingsOf(lines, index, keyColumn, keys);
    return {
      mode: 'value',
      path: [...mappingPath(lines, index, keyColumn), keyValue[3]!],
      prefix: text.slice(valueStart, offset),
      replaceStart: valueStart,
      replaceEnd: Math.max(offset, valueStart + valueLength),
      siblings,
      keys,
      root: rootFields(lines, index),
      hasComment: /(^|\s)#/.test(rest),
      keyColumn,
    };
  }
  const word = /^(\s*)(-\s+)?([\w.-]*)$/.exec(before);
  if (!word) return undefined;
  const keyColumn = word[1]!.length + (word[2]?.length ?? 0);
  const wordStart = line.start + keyColumn;
  const after = /^[\w.-]*/.exec(line.text.slice(column))![0];
  const keys: string[] = [];
  const siblings = siblingsOf(lines, index, keyColumn, keys);
  return {
    mode: 'key',
    path: mappingPath(lines, index, keyColumn),
    prefix: word[3]!,
    replaceStart: wordStart,
    replaceEnd: offset + after.length,
    siblings,
    keys: keys.filter((k) => k !== word[3]),
    root: rootFields(lines, index),
    hasComment: /(^|\s)#/.test(line.text),
    keyColumn,
  };
}
