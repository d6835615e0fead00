/**
 * Which of `parseSpecFile`'s problems the editor shows. No vscode: unit-tested in plain Node.
 * Red Hat YAML validates the same files against the same schema (it reads our `yamlValidation`
 * contribution); while it is active, schema problems are left to it so none is shown twice.
 */
import { ruleAnchor, RULES_DOC_URL, type PolicySettings } from '../../../core/policy';
import { policyFindings } from '../../../connectionSpec/policyLinks';
import type { ProblemSeverity, SourceRange, SpecFileResult, SpecProblem, SpecProblemCode } from '../../../connectionSpec/types';

/** Problems that come from the JSON Schema, which Red Hat YAML also reports. */
export const SCHEMA_PROBLEM_CODES: ReadonlySet<SpecProblemCode> = new Set<SpecProblemCode>([
  'missing-property',
  'unknown-property',
  'wrong-type',
  'invalid-value',
  'wrong-id-kind',
  'invalid-port',
  'duplicate-port',
]);

/** The problems to show: all of them, or all but the schema's while Red Hat YAML shows those. */
export function editorProblems(problems: readonly SpecProblem[], redHatYamlActive: boolean): SpecProblem[] {
  return redHatYamlActive ? problems.filter((p) => !SCHEMA_PROBLEM_CODES.has(p.code)) : [...problems];
}

/** Text up to this size is parsed on every keystroke (a few ms even for a thousand lines). */
const PARSE_AT_ONCE_CHARACTERS = 100_000;

/**
 * How long to wait after a keystroke before parsing again: not at all for a spec of ordinary
 * size (problems answer the keystroke), a short debounce for a very large one so fast typing is
 * not parsed key by key. By size, not by the last parse's time, which a busy machine stretches.
 */
export function parseDelayMs(textLength: number): number {
  return textLength <= PARSE_AT_ONCE_CHARACTERS ? 0 : 150;
}

/** A policy rule's finding as the editor shows it: the rule id is the diagnostic's code, linked to its documentation. */
export interface PolicyProblem {
  ruleId: string;
  docUrl: string;
  severity: ProblemSeverity;
  message: string;
  range: SourceRange;
}

/** The policy rules' findings on a parsed spec file, with the repository's settings. */
export function policyProblems(result: SpecFileResult, settings: PolicySettings): PolicyProblem[] {
  return policyFindings(result.specs, settings).map((f) => ({
    ruleId: f.ruleId,
    docUrl: `${RULES_DOC_URL}#${ruleAnchor(f.ruleId)}`,
    severity: f.severity,
    message: `${f.path}: ${f.message}`,
    range: f.range,
  }));
}
