/** Reading a spec file for a command, and printing its problems the way compilers do. */
import { open, type FileHandle } from 'node:fs/promises';
import { escapeForMessage } from '../core/displayText';
import { hasErrors, MAX_SPEC_FILE_BYTES, parseSpecFile } from '../spec';
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

/** Why a file cannot be read, in words. */
function unreadable(file: string, err: unknown): Error {
  const code = (err as NodeJS.ErrnoException).code;
  const shown = escapeForMessage(file);
  if (code === 'ENOENT') return new Error(`${shown}: no such file`);
  if (code === 'EISDIR') return new Error(`${shown}: is a directory, not a spec file`);
  return new Error(`${shown}: cannot be read (${code ?? (err as Error).message})`);
}

/**
 * The file's text, refused before it is read when it is larger than a spec may be: the size is
 * checked first, and at most the limit plus one byte is ever read, so /dev/zero, a pipe or a
 * log file opened by mistake costs a moment and a megabyte, not the machine's memory.
 */
export async function readSpecText(file: string, limit = MAX_SPEC_FILE_BYTES): Promise<string> {
  let handle: FileHandle;
  try {
    handle = await open(file, 'r');
  } catch (err) {
    throw unreadable(file, err);
  }
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) throw unreadable(file, { code: 'EISDIR' });
    const tooLarge = (): Error => new Error(`${escapeForMessage(file)}: larger than ${limit / (1024 * 1024)} MiB, the most a spec file may be; is it the right file?`);
    if (stat.isFile() && stat.size > limit) throw tooLarge();
    const buffer = Buffer.alloc(limit + 1);
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, null);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    if (filled > limit) throw tooLarge();
    return buffer.subarray(0, filled).toString('utf8');
  } catch (err) {
    // Our own refusals carry no errno code; the system's get words.
    throw (err as NodeJS.ErrnoException).code === undefined ? err : unreadable(file, err);
  } finally {
    await handle.close();
  }
}

/** Reads and parses the file; a file that cannot be read (or is too large) is an Error with the reason. */
export async function readSpecInput(file: string): Promise<SpecInput> {
  const text = await readSpecText(file);
  const { specs, problems } = parseSpecFile(text, file);
  return { specs, problems, valid: !hasErrors(problems) };
}
