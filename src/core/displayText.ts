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
