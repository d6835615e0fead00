/**
 * One run at a time per network link on this machine. Two applies of one spec at once would
 * each find no group and each create one (the API has no create-if-absent for names), so a run
 * holds a lock file per link from planning to the end of applying; a second process is told who
 * holds it instead of racing it. Across machines the engine converges instead (see
 * preflightActions.ensureLinkGroup). A lock left by a process that died is taken over.
 */
import { mkdirSync, openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';

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

interface Holder {
  pid: number;
  host: string;
  since: string;
  what: string;
}

/** Where the lock files live; MCVPC_LOCK_DIR moves them (tests). */
export function lockDirectory(env: NodeJS.ProcessEnv = process.env): string {
  return env.MCVPC_LOCK_DIR ?? join(tmpdir(), 'mcvpc-locks');
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function lockPath(dir: string, key: LinkLockKey): string {
  const digest = createHash('sha256').update(`${key.regionId}\u0000${key.vpcId}\u0000${key.networkLinkName}`).digest('hex').slice(0, 24);
  return join(dir, `${digest}.lock`);
}

/** Takes the link's lock or throws LinkLockedError saying who holds it; returns the release function. */
export function acquireLinkLock(key: LinkLockKey, what: string, dir = lockDirectory()): () => void {
  mkdirSync(dir, { recursive: true });
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
    let holder: Holder | undefined;
    try {
      holder = JSON.parse(readFileSync(path, 'utf8')) as Holder;
    } catch {
      holder = undefined;
    }
    // A lock of a process that is gone (or unreadable, e.g. cut short by a crash) is taken over once.
    if (holder === undefined || (holder.host === hostname() && !alive(holder.pid))) {
      rmSync(path, { force: true });
      continue;
    }
    throw new LinkLockedError(`Another run is already working on network link "${key.networkLinkName}" (${key.regionId}, ${key.vpcId}): ${holder.what}, process ${holder.pid}, since ${holder.since}. Wait for it to finish, then run again; if that process is gone, delete ${path}.`);
  }
  throw new LinkLockedError(`Could not take the lock of network link "${key.networkLinkName}" at ${path}.`);
}
