/**
 * The network-link name rule, read from the schema's `networkLinkName` definition so it lives in
 * one place ([unverified]: see the `$comment` there). For forms and commands that ask for a name.
 */
import { specSchema } from './schema';

const rule = specSchema.definitions?.networkLinkName ?? {};
const pattern = new RegExp(String(rule.pattern ?? '^[A-Za-z][A-Za-z0-9_-]*$'));
const minLength = Number(rule.minLength ?? 3);
const maxLength = Number(rule.maxLength ?? 64);

/** Why a network link name is unacceptable, or undefined when it is fine. */
export function networkLinkNameProblem(name: string): string | undefined {
  if (name.length < minLength || name.length > maxLength)
    return `A link name has ${minLength}–${maxLength} characters; "${name}" has ${name.length}.`;
  if (!pattern.test(name))
    return `"${name}": ${String(rule.patternErrorMessage ?? 'letters, digits, _ and - only, starting with a letter')}`;
  return undefined;
}
