/**
 * Which of `parseSpecFile`'s problems the editor shows. No vscode: unit-tested in plain Node.
 * Red Hat YAML validates the same files against the same schema (it reads our `yamlValidation`
 * contribution); while it is active, schema problems are left to it so none is shown twice.
 */
import type { SpecProblem, SpecProblemCode } from '../../spec/types';

/** Problems that come from the JSON Schema, which Red Hat YAML also reports. */
export const SCHEMA_PROBLEM_CODES: ReadonlySet<SpecProblemCode> = new Set<SpecProblemCode>(['missing-property', 'unknown-property', 'wrong-type', 'invalid-value', 'wrong-id-kind', 'invalid-port', 'duplicate-port']);

/** The problems to show: all of them, or all but the schema's while Red Hat YAML shows those. */
export function editorProblems(problems: readonly SpecProblem[], redHatYamlActive: boolean): SpecProblem[] {
  return redHatYamlActive ? problems.filter((p) => !SCHEMA_PROBLEM_CODES.has(p.code)) : [...problems];
}

/** How long to wait after a keystroke before parsing again: none for a spec that parses fast, longer for a big one. */
export function parseDelayMs(lastParseMs: number | undefined): number {
  if (lastParseMs === undefined || lastParseMs < 8) return 0;
  return Math.min(300, Math.ceil(lastParseMs * 3));
}
