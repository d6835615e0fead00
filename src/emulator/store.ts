/**
 * Keeps the state, in memory or in one JSON file. Writes are atomic (a temp file of a random
 * name, created exclusively, then renamed) and
 * coalesced: mutations that arrive while a write is running are covered by one follow-up write,
 * and each mutating request waits for a write that includes it before it is answered.
 * A file that cannot be read as emulator state (its schema is checked: stateSchema.ts) is refused
 * and left exactly as it is; temporary files a crash left behind are removed at start. A file
 * that is read gets the collections it lacks (empty) and each product's derived records (an
 * instance's primary interface) filled in.
 */
import { closeSync, constants, existsSync, fstatSync, openSync, readdirSync, readFileSync, unlinkSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { reconcile } from './seed';
import type { EmulatorState } from './state';
import { jsonProblem, stateProblem } from './stateSchema';

/** Thrown when the state file exists but is not usable; the message names the file. */
export class StateFileError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`Emulator state file ${file} is not usable (${reason}). It was left untouched; move it away or pass another --state file.`);
    this.name = 'StateFileError';
  }
}

/** Reads a state file (first removing a crashed run's temporary files); undefined when it does not exist, StateFileError when it is unusable. */
export function readStateFile(file: string): EmulatorState | undefined {
  removeStaleTempFiles(file);
  if (!existsSync(file)) return undefined;
  let text: string;
  try {
    text = readRegularFile(file);
  } catch (err) {
    if (err instanceof StateFileError) throw err;
    throw new StateFileError(file, `cannot be read: ${(err as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new StateFileError(file, jsonProblem(err));
  }
  const problem = stateProblem(parsed);
  if (problem) throw new StateFileError(file, problem);
  // A file from before primary interfaces existed (or with instances a test added) gets them here.
  return reconcile(parsed as EmulatorState);
}

/** Largest state file read: a scale seed of thousands of resources is tens of megabytes. */
const MAX_STATE_FILE_BYTES = 512 * 1024 * 1024;

/**
 * The state file's text: a regular file only (opened without blocking, so a FIFO at the path
 * cannot hang the start; a device is refused), of at most MAX_STATE_FILE_BYTES. The emulator
 * keeps its own copy of this rule (it takes nothing from the product).
 */
function readRegularFile(file: string): string {
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) throw new StateFileError(file, 'not a regular file');
    if (info.size > MAX_STATE_FILE_BYTES) throw new StateFileError(file, `larger than ${MAX_STATE_FILE_BYTES / (1024 * 1024)} MiB`);
    return readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
}

/** The temporary files of `file`'s atomic writes: `<file>.<pid>.<random>.tmp` (older versions: a counter). */
function tempFilePattern(file: string): RegExp {
  const base = basename(file).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${base}\\.(\\d+)\\.[0-9a-f]+\\.tmp$`);
}

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes temporary files a crashed emulator left next to `file` (a kill during a write leaves
 * `<file>.<pid>.<random>.tmp`). Files of a process that still runs are left alone. Returns the names removed.
 */
export function removeStaleTempFiles(file: string): string[] {
  const dir = dirname(file);
  const pattern = tempFilePattern(file);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = pattern.exec(name);
    if (m === null || processAlive(Number(m[1]))) continue;
    try {
      unlinkSync(join(dir, name));
      removed.push(name);
    } catch {
      // Gone already, or not ours to remove: either way nothing to do.
    }
  }
  return removed;
}

/** The state plus (optionally) its file. */
export class StateStore {
  private writing: Promise<void> | undefined;
  private dirty = false;

  constructor(
    readonly state: EmulatorState,
    readonly file?: string,
  ) {}

  /** Resolves once a write that includes every mutation made so far has finished. */
  persist(): Promise<void> {
    if (!this.file) return Promise.resolve();
    this.dirty = true;
    if (!this.writing) this.writing = this.writeLoop();
    return this.writing;
  }

  private async writeLoop(): Promise<void> {
    try {
      while (this.dirty) {
        this.dirty = false;
        await this.writeOnce();
      }
    } finally {
      this.writing = undefined;
    }
  }

  private async writeOnce(): Promise<void> {
    const file = this.file!;
    // A random name, created exclusively (O_EXCL: never an existing file, never through a link):
    // in a shared folder another user could plant a link at a name they can predict.
    const temp = `${file}.${process.pid}.${randomBytes(8).toString('hex')}.tmp`;
    let created = false;
    try {
      const handle = await open(temp, 'wx', 0o600);
      created = true;
      try {
        await handle.writeFile(JSON.stringify(this.state));
      } finally {
        await handle.close();
      }
      await rename(temp, file);
    } catch (err) {
      if (created) await unlink(temp).catch(() => undefined);
      throw err;
    }
  }

  /** Replaces the whole world (e.g. with a fresh seed) in place and persists it. */
  replace(next: EmulatorState): Promise<void> {
    this.state.accounts = next.accounts;
    this.state.clientTokens = next.clientTokens;
    return this.persist();
  }

  /** Waits for any write in flight. */
  async flush(): Promise<void> {
    while (this.writing) await this.writing.catch(() => undefined);
  }
}
