/**
 * Keeps the state, in memory or in one JSON file. Writes are atomic (temp file + rename) and
 * coalesced: mutations that arrive while a write is running are covered by one follow-up write,
 * and each mutating request waits for a write that includes it before it is answered.
 * A file that cannot be read as emulator state is refused and left exactly as it is.
 */
import { existsSync, readFileSync } from 'node:fs';
import { rename, writeFile, unlink } from 'node:fs/promises';
import type { AccountState, EmulatorState } from './state';

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

const ACCOUNT_LISTS: ReadonlyArray<keyof AccountState> = [
  'temporaryCredentials', 'regionIds', 'vpcs', 'vSwitches', 'securityGroups', 'networkInterfaces',
  'rdsInstances', 'hbaseClusters', 'emrClusters', 'ramRoles', 'networkLinks',
];

/** Checks the outline of parsed state; returns the problem or undefined. */
function stateProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return 'not a JSON object';
  const state = value as Partial<EmulatorState>;
  if (state.formatVersion !== 1) return `formatVersion is ${JSON.stringify(state.formatVersion)}, expected 1`;
  if (!Array.isArray(state.accounts)) return '"accounts" is not an array';
  if (!Array.isArray(state.clientTokens)) return '"clientTokens" is not an array';
  for (const [i, account] of state.accounts.entries()) {
    if (typeof account !== 'object' || account === null) return `accounts[${i}] is not an object`;
    for (const key of ['name', 'accountId', 'accessKeyId', 'accessKeySecret'] as const) {
      if (typeof account[key] !== 'string') return `accounts[${i}].${key} is not a string`;
    }
    for (const key of ACCOUNT_LISTS) {
      if (!Array.isArray(account[key])) return `accounts[${i}].${key} is not an array`;
    }
  }
  return undefined;
}

/** Reads a state file; undefined when it does not exist, StateFileError when it is unusable. */
export function readStateFile(file: string): EmulatorState | undefined {
  if (!existsSync(file)) return undefined;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new StateFileError(file, `cannot be read: ${(err as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new StateFileError(file, `not valid JSON: ${(err as Error).message}`);
  }
  const problem = stateProblem(parsed);
  if (problem) throw new StateFileError(file, problem);
  return parsed as EmulatorState;
}

/** The state plus (optionally) its file. */
export class StateStore {
  private writing: Promise<void> | undefined;
  private dirty = false;
  private tempCounter = 0;

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
    const temp = `${file}.${process.pid}.${++this.tempCounter}.tmp`;
    try {
      await writeFile(temp, JSON.stringify(this.state), { mode: 0o600 });
      await rename(temp, file);
    } catch (err) {
      await unlink(temp).catch(() => undefined);
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
