/**
 * Command-line options by Node's own `util.parseArgs`, plus the strictness it leaves to us:
 * a boolean flag given a value (`--auto-approve=false`) is an error rather than "on", a string
 * option swallowing the next flag (`--profile --json`) is an error rather than a profile named
 * "--json", and each value is checked by its option's own rule. Every mistake is a UsageError.
 */
import { parseArgs } from 'node:util';
import { escapeForMessage } from '../core/displayText';

/** A command-line mistake: printed with the command's usage, exit 1. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A flag that is on when given and takes no value. */
export interface FlagOption {
  type: 'boolean';
}

/** An option with a value, checked (and converted) by `parse`, which throws UsageError. */
export interface ValueOption<T = string> {
  type: 'string';
  /** The value's placeholder in messages, e.g. SECONDS. */
  placeholder: string;
  parse?: (text: string, flag: string) => T;
  /** Given any number of times (`--spec a --spec b`): the value is the list, in order. */
  multiple?: boolean;
}

export type OptionSpec = FlagOption | ValueOption<unknown>;

/** What `parseCommandLine` returns: option values by name, and the positionals. */
export interface ParsedCommandLine {
  values: Record<string, unknown>;
  positionals: string[];
}

/** Parses `args` against `options` (names without `--`); throws UsageError on any mistake. */
export function parseCommandLine(
  command: string,
  args: readonly string[],
  options: Readonly<Record<string, OptionSpec>>,
): ParsedCommandLine {
  const config = Object.fromEntries(Object.entries(options).map(([name, o]) => [name, { type: o.type }]));
  // strict: false so that we see every token and word the message ourselves.
  const { tokens } = parseArgs({ args: [...args], options: config, allowPositionals: true, strict: false, tokens: true });
  const values: Record<string, unknown> = {};
  const positionals: string[] = [];
  const known = Object.keys(options)
    .map((n) => `--${n}`)
    .join(', ');
  for (const token of tokens) {
    if (token.kind === 'positional') {
      positionals.push(token.value);
      continue;
    }
    if (token.kind !== 'option') continue;
    const flag = token.rawName;
    const spec = Object.hasOwn(options, token.name) && token.rawName.startsWith('--') ? options[token.name] : undefined;
    if (spec === undefined) throw new UsageError(`unknown option "${escapeForMessage(flag)}" for mcvpc ${command} (known: ${known}).`);
    if (Object.hasOwn(values, token.name) && !(spec.type === 'string' && spec.multiple === true))
      throw new UsageError(`${flag} is given more than once.`);
    if (spec.type === 'boolean') {
      if (token.value !== undefined) {
        throw new UsageError(
          `${flag} takes no value (got "${escapeForMessage(token.value)}"): give ${flag} to turn it on, leave it out to keep it off.`,
        );
      }
      values[token.name] = true;
      continue;
    }
    const text = token.value;
    if (text === undefined || text === '' || (!token.inlineValue && text.startsWith('-'))) {
      throw new UsageError(`${flag} needs a value: ${flag} ${spec.placeholder}.`);
    }
    const value = spec.parse === undefined ? text : spec.parse(text, flag);
    if (spec.multiple === true) values[token.name] = [...((values[token.name] as unknown[] | undefined) ?? []), value];
    else values[token.name] = value;
  }
  return { values, positionals };
}

/** Value rule: a whole number of at most `max`. */
export function wholeNumber(max = Number.MAX_SAFE_INTEGER): (text: string, flag: string) => number {
  return (text, flag) => {
    if (!/^\d{1,15}$/.test(text)) throw new UsageError(`${flag} needs a whole number, got "${escapeForMessage(text)}".`);
    const n = Number(text);
    if (n > max) throw new UsageError(`${flag} must be at most ${max}, got ${n}.`);
    return n;
  };
}

/** Value rule: one of the listed words. */
export function oneOf<T extends string>(choices: readonly T[]): (text: string, flag: string) => T {
  return (text, flag) => {
    if (!(choices as readonly string[]).includes(text))
      throw new UsageError(`${flag} must be ${choices.map((c) => `"${c}"`).join(' or ')}, got "${escapeForMessage(text)}".`);
    return text as T;
  };
}
