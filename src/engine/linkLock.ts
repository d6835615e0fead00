/**
 * One run at a time per network link on this machine. Two applies of one spec at once would
 * each find no group and each create one (the API has no create-if-absent for names), so a run
 * holds a lock file per link from planning to the end of applying; a second process is told who
 * holds it instead of racing it. Across machines the engine converges instead (see
 * preflightActions.ensureLinkGroup). A lock left by a process that died is taken over.
 *
 * The machine may be shared: the locks live in a folder of the user's own (mode 0700, in the
 * temp folder under the user's id), and a folder of that name owned by anyone else is refused,
 * not used (another user could otherwise pre-create it and lock everyone out, or read and plant
 * locks). A lock naming another host cannot be checked for a live process, so it expires
 * FOREIGN_LOCK_EXPIRY_HOURS after it was taken, and both the refusal and the takeover say so.
 */
import { chmodSync, closeSync, lstatSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { hostname, tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { readBoundedTextSync } from '../cloud/boundedFile';
import { escapeForMessage } from '../core/displayText';

/** What identifies a link for locking: the same name in the same VPC and region is the same link. */
export interface LinkLockKey {
  regionId: string;
  vpcId: string;
  networkLinkName: string;
}

/** Another process holds the link. */
export class LinkLockedError extends Error {
  override readonly name = 'LinkLockedError';
}

/** The lock folder cannot be trusted (another user's, a link, not a folder): no lock is taken there. */
export class LockFolderError extends Error {
  override readonly name = 'LockFolderError';
}

/**
 * How long a lock taken on another host holds: the longest run (apply waiting up to 24 hours
 * for the console step, --wait-for-console) and an hour more.
 */
export const FOREIGN_LOCK_EXPIRY_HOURS = 25;
const FOREIGN_LOCK_EXPIRY_MS = FOREIGN_LOCK_EXPIRY_HOURS * 3600 * 1000;
/** Clock difference between hosts tolerated in a lock's `since`; a lock dated later than this never expired honestly. */
const CLOCK_SKEW_MS = 3600 * 1000;
/** Largest lock file read: a holder is a hundred bytes. */
const MAX_LOCK_FILE_BYTES = 64 * 1024;

/** Options of acquireLinkLock. */
export interface LinkLockOptions {
  /** Told when a lock of another host is taken over because it expired (the CLI prints it). */
  onTakeOver?: (message: string) => void;
}

interface Holder {
  pid: number;
  host: string;
  since: string;
  what: string;
}

/** The user's id for the folder name: the uid where there is one (POSIX), else the user name. */
function userTag(): string {
  const uid = process.getuid?.();
  if (uid !== undefined) return String(uid);
  try {
    return userInfo().username.replace(/[^A-Za-z0-9_.-]/g, '_');
  } catch {
    return 'user';
  }
}

/** Where the lock files live: a folder of the user's own in the temp folder; MCVPC_LOCK_DIR moves them (tests). */
export function lockDirectory(env: NodeJS.ProcessEnv = process.env): string {
  return env.MCVPC_LOCK_DIR ?? join(tmpdir(), `mcvpc-locks-${userTag()}`);
}

/** Creates the lock folder (0700) or checks the one there: a real folder, the user's own, closed to others. */
export function ensurePrivateFolder(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const info = lstatSync(dir);
  const shown = escapeForMessage(dir);
  if (info.isSymbolicLink() || !info.isDirectory())
    throw new LockFolderError(
      `The lock folder ${shown} is not a folder (a link or a file stands there); mcvpc keeps no locks in it. Remove it, or set MCVPC_LOCK_DIR to a folder of your own.`,
    );
  const uid = process.getuid?.();
  if (uid !== undefined && info.uid !== uid) {
    throw new LockFolderError(
      `The lock folder ${shown} belongs to another user (uid ${info.uid}); mcvpc keeps no locks in it. Remove it (as that user or root), or set MCVPC_LOCK_DIR to a folder of your own.`,
    );
  }
  // Ours but open to others (made by an older version, or by hand): close it.
  if (uid !== undefined && (info.mode & 0o077) !== 0) chmodSync(dir, 0o700);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The lock's holder, or undefined when the file cannot be read as one (then it is taken over). */
function readHolder(path: string): Holder | undefined {
  try {
    const data = JSON.parse(readBoundedTextSync(path, { limit: MAX_LOCK_FILE_BYTES, what: 'a lock file' })) as unknown;
    if (typeof data !== 'object' || data === null || typeof (data as Holder).pid !== 'number' || typeof (data as Holder).host !== 'string')
      return undefined;
    return data as Holder;
  } catch {
    return undefined;
  }
}

function lockPath(dir: string, key: LinkLockKey): string {
  const digest = createHash('sha256').update(`${key.regionId}\u0000${key.vpcId}\u0000${key.networkLinkName}`).digest('hex').slice(0, 24);
  return join(dir, `${digest}.lock`);
}

/** Takes the link's lock or throws LinkLockedError saying who holds it; returns the release function. */
export function acquireLinkLock(key: LinkLockKey, what: string, dir = lockDirectory(), options: LinkLockOptions = {}): () => void {
  ensurePrivateFolder(dir);
  const path = lockPath(dir, key);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      const holder: Holder = { pid: process.pid, host: hostname(), since: new Date().toISOString(), what };
      writeSync(fd, JSON.stringify(holder));
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        rmSync(path, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const holder = readHolder(path);
    // A lock of a process that is gone (or unreadable, e.g. cut short by a crash) is taken over once.
    if (holder === undefined || (holder.host === hostname() && !alive(holder.pid))) {
      rmSync(path, { force: true });
      continue;
    }
    // The holder's words come from a file: shown escaped (a planted lock could carry terminal escapes).
    const who = `${escapeForMessage(String(holder.what))}, process ${escapeForMessage(String(holder.pid))}`;
    const name = escapeForMessage(key.networkLinkName);
    if (holder.host !== hostname()) {
      const since = Date.parse(String(holder.since));
      const expires = since + FOREIGN_LOCK_EXPIRY_MS;
      if (Number.isNaN(since) || Date.now() > expires || since > Date.now() + CLOCK_SKEW_MS) {
        rmSync(path, { force: true });
        options.onTakeOver?.(
          `Took over the lock of network link "${name}" from ${who} on host ${escapeForMessage(String(holder.host))}, taken ${escapeForMessage(String(holder.since))}: a lock of another host expires after ${FOREIGN_LOCK_EXPIRY_HOURS} hours.`,
        );
        continue;
      }
      throw new LinkLockedError(
        `Another run is already working on network link "${name}" (${key.regionId}, ${key.vpcId}): ${who} on host ${escapeForMessage(String(holder.host))}, since ${new Date(since).toISOString()}. A lock of another host cannot be checked from here; it expires ${FOREIGN_LOCK_EXPIRY_HOURS} hours after it was taken, at ${new Date(expires).toISOString()}. Wait for that run to finish; if it is gone, delete ${escapeForMessage(path)}.`,
      );
    }
    throw new LinkLockedError(
      `Another run is already working on network link "${name}" (${key.regionId}, ${key.vpcId}): ${who}, since ${escapeForMessage(String(holder.since))}. Wait for it to finish, then run again; if that process is gone, delete ${escapeForMessage(path)}.`,
    );
  }
  throw new LinkLockedError(`Could not take the lock of network link "${key.networkLinkName}" at ${path}.`);
}
