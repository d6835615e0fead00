/**
 * Bounds on what the spec parser accepts, so hostile or accidental input (a log file opened by
 * mistake, an alias bomb, `[[[[…` a million deep) ends in a clear problem instead of a crash or
 * unbounded work. A real spec is a few kilobytes, a few levels deep and a handful of documents.
 */

/** Largest spec file, in UTF-8 bytes (1 MiB). */
export const MAX_SPEC_FILE_BYTES = 1024 * 1024;

/**
 * Deepest nesting of mappings and lists. A spec needs 5 (`targets[0].ports[0]`); the `yaml`
 * composer recurses per level and overflows the stack near 1,000, so we stop long before.
 */
export const MAX_NESTING_DEPTH = 64;

/**
 * Widest indentation (in columns, plus compact `- - ` indicators on the line) the parser is
 * given. Each block level needs at least one more column, so this bounds the parser's own
 * recursion before MAX_NESTING_DEPTH is checked on its result; no sane spec comes close.
 */
export const MAX_BLOCK_INDENT = 512;

/** Most YAML documents (`---`) in one file. */
export const MAX_DOCUMENTS = 200;

/** Most alias expansions per document (the `yaml` package's `maxAliasCount`; its default, too). */
export const MAX_ALIAS_COUNT = 100;

/**
 * Most problems listed per document; the rest are counted in one "… and N more" problem. A
 * document of 10,000 unknown keys printed 10,000 lines and drew as many squiggles; the first
 * hundred say all there is to say.
 */
export const MAX_PROBLEMS_PER_DOCUMENT = 100;
