/**
 * The one way a path named by a person, a repository or a config is read: regular files only (a
 * FIFO would block the read for ever, /dev/zero would fill memory, a socket or device is never a
 * spec, a config or a plan), and never more than a stated size. The file is opened without
 * blocking (O_NONBLOCK: opening a FIFO with no writer returns at once), its type checked on the
 * open handle (so it cannot be swapped between check and read), its size checked before reading,
 * and at most the limit plus one byte read, whatever the size said. Lives in cloud/ because the
 * credentials file is read here; the engine (lock files) and the CLI take it from this file.
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { escapeForMessage } from '../core/displayText';

/** Why a file was not read, for callers that word it their own way (`missing` may mean "use the default"). */
export type UnreadableReason = 'missing' | 'directory' | 'not-a-regular-file' | 'too-large' | 'unreadable';

/** A path that was not read, with its reason and a message that names the path (escaped). */
export class UnreadableFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: UnreadableReason,
    message: string,
    /** The system's error code, when the system refused. */
    readonly code?: string,
  ) {
    super(message);
    this.name = 'UnreadableFileError';
  }
}

/** How a bounded read is described in its refusals. */
export interface BoundedReadOptions {
  /** Most bytes the file may have. */
  limit: number;
  /** What the file should be, for the too-large message: "a spec file", "a saved plan". */
  what: string;
}

const OPEN_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK;

function sizeWords(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${+(bytes / (1024 * 1024)).toFixed(1)} MiB`
    : bytes >= 1024
      ? `${+(bytes / 1024).toFixed(1)} KiB`
      : `${bytes} bytes`;
}

function tooLarge(file: string, options: BoundedReadOptions): UnreadableFileError {
  return new UnreadableFileError(
    file,
    'too-large',
    `${escapeForMessage(file)}: larger than ${sizeWords(options.limit)}, the most ${options.what} may be; is it the right file?`,
  );
}

/** The system's refusal in words. */
export function systemRefusal(file: string, err: unknown, what = 'a file'): UnreadableFileError {
  const code = (err as NodeJS.ErrnoException).code;
  const shown = escapeForMessage(file);
  if (code === 'ENOENT' || code === 'ENOTDIR') return new UnreadableFileError(file, 'missing', `${shown}: no such file`, code);
  if (code === 'EISDIR') return new UnreadableFileError(file, 'directory', `${shown}: is a directory, not ${what}`, code);
  if (code === 'EACCES' || code === 'EPERM')
    return new UnreadableFileError(file, 'unreadable', `${shown}: cannot be read (permission denied)`, code);
  if (code === 'ELOOP') return new UnreadableFileError(file, 'unreadable', `${shown}: cannot be read (a loop of symbolic links)`, code);
  return new UnreadableFileError(file, 'unreadable', `${shown}: cannot be read (${code ?? (err as Error).message})`, code);
}

/** A refusal for anything but a regular file. */
function typeRefusal(file: string, stat: Stats, what: string): UnreadableFileError | undefined {
  if (stat.isFile()) return undefined;
  if (stat.isDirectory()) return new UnreadableFileError(file, 'directory', `${escapeForMessage(file)}: is a directory, not ${what}`);
  const kind = stat.isFIFO()
    ? 'a named pipe'
    : stat.isSocket()
      ? 'a socket'
      : stat.isCharacterDevice() || stat.isBlockDevice()
        ? 'a device'
        : 'not a regular file';
  return new UnreadableFileError(
    file,
    'not-a-regular-file',
    `${escapeForMessage(file)}: is ${kind}, not a regular file; only regular files are read`,
  );
}

/** The text of a regular file of at most `options.limit` bytes (UTF-8); throws UnreadableFileError otherwise. */
export async function readBoundedText(file: string, options: BoundedReadOptions): Promise<string> {
  let handle: FileHandle;
  try {
    handle = await open(file, OPEN_FLAGS);
  } catch (err) {
    throw systemRefusal(file, err, options.what);
  }
  try {
    const stat = await handle.stat();
    const refusal = typeRefusal(file, stat, options.what);
    if (refusal !== undefined) throw refusal;
    if (stat.size > options.limit) throw tooLarge(file, options);
    // A file that grows while it is read is still cut at the limit plus one byte.
    const buffer = Buffer.alloc(Math.min(options.limit, stat.size) + 1);
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, null);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    if (filled > options.limit) throw tooLarge(file, options);
    return buffer.subarray(0, filled).toString('utf8');
  } catch (err) {
    throw err instanceof UnreadableFileError ? err : systemRefusal(file, err, options.what);
  } finally {
    await handle.close();
  }
}

/** As readBoundedText, for the few synchronous readers (a lock file read while taking the lock). */
export function readBoundedTextSync(file: string, options: BoundedReadOptions): string {
  let fd: number;
  try {
    fd = openSync(file, OPEN_FLAGS);
  } catch (err) {
    throw systemRefusal(file, err, options.what);
  }
  try {
    const stat = fstatSync(fd);
    const refusal = typeRefusal(file, stat, options.what);
    if (refusal !== undefined) throw refusal;
    if (stat.size > options.limit) throw tooLarge(file, options);
    const buffer = Buffer.alloc(Math.min(options.limit, stat.size) + 1);
    let filled = 0;
    while (filled < buffer.length) {
      const bytesRead = readSync(fd, buffer, filled, buffer.length - filled, null);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    if (filled > options.limit) throw tooLarge(file, options);
    return buffer.subarray(0, filled).toString('utf8');
  } catch (err) {
    throw err instanceof UnreadableFileError ? err : systemRefusal(file, err, options.what);
  } finally {
    closeSync(fd);
  }
}
