/** Reading a spec file for a command, and printing its problems the way compilers do. */
import { readBoundedText } from '../cloud/boundedFile';
import { escapeForMessage } from '../core/displayText';
import { hasErrors, MAX_SPEC_FILE_BYTES, parseSpecFile } from '../connectionSpec';
import type { ConnectionSpec, SpecProblem } from '../connectionSpec/types';

export interface SpecInput {
  specs: ConnectionSpec[];
  problems: SpecProblem[];
  valid: boolean;
}

/** `file:line:col: severity: message`, 1-based. */
export function formatProblem(file: string, problem: SpecProblem): string {
  // The file's name may come from a repository (a glob, a find): shown escaped like the message.
  return `${escapeForMessage(file)}:${problem.range.start.line + 1}:${problem.range.start.column + 1}: ${problem.severity}: ${problem.message}`;
}

/** A problem as JSON, 1-based like the text form. */
export function problemJson(file: string, problem: SpecProblem): Record<string, unknown> {
  return {
    file,
    line: problem.range.start.line + 1,
    column: problem.range.start.column + 1,
    severity: problem.severity,
    code: problem.code,
    message: problem.message,
  };
}

/**
 * The file's text, refused before it is read when it is not a regular file (a FIFO, /dev/zero)
 * or larger than a spec may be (see cloud/boundedFile.ts): a log file opened by mistake costs a
 * moment and a megabyte, not the machine's memory.
 */
export function readSpecText(file: string, limit = MAX_SPEC_FILE_BYTES): Promise<string> {
  return readBoundedText(file, { limit, what: 'a spec file' });
}

/** Reads and parses the file; a file that cannot be read (or is too large) is an Error with the reason. */
export async function readSpecInput(file: string): Promise<SpecInput> {
  const text = await readSpecText(file);
  const { specs, problems } = parseSpecFile(text, file);
  return { specs, problems, valid: !hasErrors(problems) };
}
