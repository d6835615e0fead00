/**
 * Text from outside (a spec value, a flag, a server's message) shown back in a message: every
 * character that is invisible or changes how the rest of the line reads — C0/C1 controls (NUL,
 * ESC, CR…), DEL, and Unicode format characters such as the bidi overrides U+202A–U+202E and
 * U+2066–U+2069, the zero-width U+200B–U+200F and U+FEFF — and the line/paragraph separators is
 * written as a visible escape (`\u202E`), so a message cannot hide, reorder or forge what it shows.
 */

// Cc: controls; Cf: format characters (bidi marks, zero-width…); Zl/Zp: U+2028/U+2029.
const HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;
// eslint-disable-next-line no-control-regex -- matching controls is the point
const HIDDEN_EXCEPT_NEWLINE = /[\p{Cf}\p{Zl}\p{Zp}\u0000-\u0009\u000B-\u001F\u007F-\u009F]/gu;

function escaped(ch: string): string {
  const code = ch.codePointAt(0)!;
  return code > 0xffff ? `\\u{${code.toString(16).toUpperCase()}}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** `text` with every control, format and separator character escaped (newlines too). */
export function escapeForMessage(text: string): string {
  return text.replace(HIDDEN, escaped);
}

/** As escapeForMessage, but keeps line feeds: for messages that are several lines by design. */
export function escapeForMessageLines(text: string): string {
  return text.replace(HIDDEN_EXCEPT_NEWLINE, escaped);
}

/** A value in double quotes for a message, escaped. */
export function quoteForMessage(text: string): string {
  return `"${escapeForMessage(text).replace(/"/g, '\\"')}"`;
}

/**
 * A cloud or file string as the text of a YAML `#` comment: one line (a line break would end
 * the comment and let the rest be read as YAML: a whole injected document), every control,
 * format and separator character shown escaped. NEL, LS and PS are escaped too: YAML 1.1
 * readers take them as line breaks.
 */
export function yamlCommentText(text: string): string {
  return escapeForMessage(text);
}

/**
 * Characters that start Markdown (CommonMark, GFM) or HTML syntax inside a line: emphasis, code,
 * links and images, HTML and entities, tables, strikethrough, and `$(icon)`. Line-start syntax
 * (`#`, `-`, `1.`) cannot occur: the text is one line, put after words of ours.
 */
const MARKDOWN_SYNTAX = /[\\`*_{}[\]()!|<>~&$]/g;

/**
 * A cloud or file string shown as itself in Markdown (a hover, completion documentation): one
 * line, controls escaped, and every character that could start emphasis, a link, an image (a
 * remote image is a beacon), an autolink or HTML backslash-escaped.
 */
export function markdownText(text: string): string {
  return breakAutolinks(escapeForMessage(text).replace(MARKDOWN_SYNTAX, '\\$&'));
}

/** A cloud or file string as a Markdown code span: a fence longer than any backtick run inside, so it cannot close early. */
export function markdownCode(text: string): string {
  const shown = escapeForMessage(text);
  const longest = Math.max(0, ...(shown.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = shown.startsWith('`') || shown.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${shown}${pad}${fence}`;
}

/**
 * A Markdown line composed elsewhere with cloud values in it (a target kind's facts), made
 * inert: one line, controls escaped, and no image, link, autolink or HTML can start anywhere in
 * it (`!`, `[`, `]`, `<`, `>` and the backslash itself are escaped, inside code spans too, where
 * a value could have closed the span). Emphasis and code spans keep working.
 */
export function markdownInert(line: string): string {
  return breakAutolinks(escapeForMessage(line).replace(/[\\!<>[\]]/g, '\\$&'));
}

/** GFM makes bare URLs, `www.` names and e-mail addresses links: each pattern's anchor escaped. */
function breakAutolinks(markdown: string): string {
  return markdown
    .replace(/:(?=\/\/)/g, '\\:')
    .replace(/\b(www)\./gi, '$1\\.')
    .replace(/@/g, '\\@');
}

/**
 * A value as indented JSON for a terminal: JSON.stringify escapes C0 controls in strings but
 * leaves C1 controls (U+009B is a one-character CSI on some terminals), bidi overrides and line
 * separators raw; here they are written as `\\uXXXX` escapes too, which JSON reads back as the
 * same strings.
 */
export function jsonForTerminal(value: unknown): string {
  return escapeForMessageLines(JSON.stringify(value, null, 2));
}
