/**
 * What the reporting commands (check, validate) found, in one shape for the text, JSON and SARIF
 * outputs: a rule id, a severity, a message and the place the editor's diagnostic points at.
 */
import { relative, sep } from 'node:path';
import type { PolicyFinding } from '../core/policy';
import type { UsageProblem } from '../core/usage';
import type { SpecProblem } from '../connectionSpec/types';

/** A span of text, 0-based (as the spec parser and the editor count: lines, UTF-16 columns); `end` exclusive. */
export interface FindingRange {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

export interface Finding {
  /** `MCVPC1xx` for a policy rule, `spec/<code>` for validate, `usage/<code>` for lint, `drift`, `unknown`. */
  ruleId: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  /** The file as given or walked (made relative to the working folder for output). */
  file: string;
  range?: FindingRange;
  /** The network link the finding is about, when it is about one. */
  link?: string;
  /** The field path in the spec (`targets[0].ports[1]`), when there is one. */
  path?: string;
}

function rangeOf(r: {
  start: { line: number; column?: number; character?: number };
  end: { line: number; column?: number; character?: number };
}): FindingRange {
  return {
    startLine: r.start.line,
    startColumn: r.start.column ?? r.start.character ?? 0,
    endLine: r.end.line,
    endColumn: r.end.column ?? r.end.character ?? 0,
  };
}

/** A validate problem. */
export function specFinding(file: string, p: SpecProblem, link?: string): Finding {
  return {
    ruleId: `spec/${p.code}`,
    severity: p.severity,
    message: p.message,
    file,
    range: rangeOf(p.range),
    ...(link !== undefined ? { link } : {}),
    ...(p.path !== undefined ? { path: p.path } : {}),
  };
}

/** A policy rule's finding. */
export function policyFinding(file: string, f: PolicyFinding): Finding {
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    message: `${f.path}: ${f.message}`,
    file,
    range: rangeOf(f.range),
    link: f.networkLinkName,
    path: f.path,
  };
}

/** A lint problem. */
export function usageFinding(file: string, p: UsageProblem): Finding {
  return { ruleId: `usage/${p.code}`, severity: p.severity, message: p.message, file, range: rangeOf(p.range) };
}

/** The file as shown: relative to the working folder when inside it, with forward slashes. */
export function shownFile(file: string, cwd = process.cwd()): string {
  const rel = relative(cwd, file);
  const shown = rel === '' || rel.startsWith('..') ? file : rel;
  return shown.split(sep).join('/');
}

/** `file:line:col: severity: [rule] message`, 1-based, the compilers' form. */
export function formatFinding(f: Finding): string {
  const at = f.range === undefined ? shownFile(f.file) : `${shownFile(f.file)}:${f.range.startLine + 1}:${f.range.startColumn + 1}`;
  return `${at}: ${f.severity}: [${f.ruleId}] ${f.message}`;
}

/** A finding as JSON, 1-based like the text. */
export function findingJson(f: Finding): Record<string, unknown> {
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    file: shownFile(f.file),
    ...(f.range !== undefined
      ? { line: f.range.startLine + 1, column: f.range.startColumn + 1, endLine: f.range.endLine + 1, endColumn: f.range.endColumn + 1 }
      : {}),
    ...(f.link !== undefined ? { link: f.link } : {}),
    ...(f.path !== undefined ? { path: f.path } : {}),
    message: f.message,
  };
}
