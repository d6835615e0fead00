/** Edits that add, remove and rewrite settings in the form they are written in. */
import { sparkSettingText } from './lines';
import type { ParsedDocument, Setting } from './settings';
import { lineRange, wholeLineRange, type TextEdit } from './text';

/** Removes a setting: its whole line when nothing else (but a shell `\`) is left on it. */
export function removeSetting(parsed: ParsedDocument, setting: Setting): TextEdit {
  const line = parsed.doc.lines[setting.line]!;
  const { start, end } = setting.statementRange;
  const rest = line.slice(0, start.character) + line.slice(end.character);
  if (/^\s*\\?\s*$/.test(rest)) return { range: wholeLineRange(parsed.doc, setting.line), newText: '' };
  // Take one blank next to it too, so `a --conf x=y b` becomes `a b`.
  const before = start.character > 0 && line[start.character - 1] === ' ' ? 1 : 0;
  return { range: lineRange(setting.line, start.character - before, end.character), newText: '' };
}

/** The text between a properties line's key and value (`=`, ` = `, `: `, blanks), to write new lines alike. */
export function separatorOf(parsed: ParsedDocument, setting: Setting): string {
  if (setting.form !== 'confLine') return '=';
  return parsed.doc.lines[setting.line]!.slice(setting.keyRange.end.character, setting.valueRange.start.character) || '=';
}

/** Adds settings next to `anchor`, written in its form: new lines after a properties line, otherwise on the same line after it. */
export function addSettingsAfter(parsed: ParsedDocument, anchor: Setting, settings: readonly (readonly [string, string])[]): TextEdit {
  const separator = separatorOf(parsed, anchor);
  if (anchor.form === 'confLine') {
    const indent = /^\s*/.exec(parsed.doc.lines[anchor.line]!)![0];
    const text = settings.map(([k, v]) => `${parsed.doc.eol}${indent}${sparkSettingText('sparkConf', k, v, separator)}`).join('');
    const end = parsed.doc.lines[anchor.line]!.length;
    return { range: lineRange(anchor.line, end, end), newText: text };
  }
  const at = anchor.statementRange.end;
  const text = settings.map(([k, v]) => inlineSetting(parsed.doc.lines[anchor.line]!, anchor, k, v)).join('');
  return { range: lineRange(anchor.line, at.character, at.character), newText: text };
}

/** One more setting right after `anchor` on its line, in its form. */
function inlineSetting(line: string, anchor: Setting, key: string, value: string): string {
  switch (anchor.form) {
    case 'submitConf':
      return ` --conf ${key}=${value}`;
    case 'codeCall': {
      // Keep the call's own method (SparkConf.set or builder.config) and quote style.
      const call = /^\.(set|config)\(\s*(["'])/.exec(line.slice(anchor.statementRange.start.character));
      const [method, q] = call === null ? ['config', '"'] : [call[1]!, call[2]!];
      return `.${method}(${q}${key}${q}, ${q}${value}${q})`;
    }
    default:
      return ` ${sparkSettingText('sparkConf', key, value)}`;
  }
}

/** Replaces a setting's value (inside its quotes). */
export function replaceValue(setting: Setting, value: string): TextEdit {
  return { range: setting.valueRange, newText: value };
}

/** Replaces the whole setting with others written in its form (the legacy → ENI rewrite). */
export function replaceSetting(parsed: ParsedDocument, setting: Setting, settings: readonly (readonly [string, string])[]): TextEdit {
  const separator = separatorOf(parsed, setting);
  const indent = /^\s*/.exec(parsed.doc.lines[setting.line]!)![0];
  if (setting.form === 'confLine') {
    return {
      range: setting.statementRange,
      newText: settings.map(([k, v]) => sparkSettingText('sparkConf', k, v, separator)).join(`${parsed.doc.eol}${indent}`),
    };
  }
  const parts = settings.map(([k, v]) => inlineSetting(parsed.doc.lines[setting.line]!, setting, k, v).replace(/^ /, ''));
  return { range: setting.statementRange, newText: parts.join(setting.form === 'codeCall' ? '' : ' ') };
}
