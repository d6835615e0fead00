/** Reading a spec file for a command, and printing its problems the way compilers do. */
import { readFile } from 'node:fs/promises';
import { hasErrors, parseSpecFile } from '../spec';
import type { ConnectionSpec, SpecProblem } from '../spec/types';

export interface SpecInput {
  specs: ConnectionSpec[];
  problems: SpecProblem[];
  valid: boolean;
}

/** `file:line:col: severity: message`, 1-based. */
export function formatProblem(file: string, problem: SpecProblem): string {
  return `${file}:${problem.range.start.line + 1}:${problem.range.start.column + 1}: ${problem.severity}: ${problem.message}`;
}

/** A problem as JSON, 1-based like the text form. */
export function problemJson(file: string, problem: SpecProblem): Record<string, unknown> {
  return { file, line: problem.range.start.line + 1, column: problem.range.start.column + 1, severity: problem.severity, code: problem.code, message: problem.message };
}

/** Reads and parses the file; a file that cannot be read is an Error with the reason. */
export async function readSpecInput(file: string): Promise<SpecInput> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new Error(code === 'ENOENT' ? `${file}: no such file` : `${file}: cannot be read (${code ?? (err as Error).message})`);
  }
  const { specs, problems } = parseSpecFile(text, file);
  return { specs, problems, valid: !hasErrors(problems) };
}
