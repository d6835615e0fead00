/**
 * No lost update, no duplicate group, when two runs act on the same cloud at once (issue 9,
 * defects 2 and 3). The runs are two sessions without a shared lock, as on two machines; on one
 * machine the CLI's link lock (src/engine/linkLock.ts) stops the second run before it plans.
 */
import { strict as assert } from 'node:assert';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import type { Emulator } from '../../src/emulator';
import { acquireLinkLock, FOREIGN_LOCK_EXPIRY_HOURS, LinkLockedError, LockFolderError, lockDirectory } from '../../src/engine';
import { emulator } from './cloud.harness';
import { raceOneSpec, raceTwoSpecs } from './builders/races';

describe('engine: two runs at once', function () {
  this.timeout(120_000);
  let emu: Emulator;

  beforeEach(async () => {
    emu = await emulator();
  });
  afterEach(async () => {
    await emu.close();
  });

  for (const latencyMs of [50, 200]) {
    it(`two applies of one spec at ${latencyMs} ms latency end with one link group and one link in it, and both runs finish`, async () => {
      const { groups, outcomes, links, groupIds } = await raceOneSpec(emu, latencyMs);
      assert.equal(groups, 1);
      assert.deepEqual(outcomes, ['done', 'done']);
      // The API has no ClientToken: the run that lost the create read the link back and adopted it.
      assert.deepEqual(links, [{ name: 'orders_link', securityGroupId: groupIds[0] }]);
    });

    it(`two specs opening one HBase whitelist group at ${latencyMs} ms latency lose no entry`, async () => {
      const { lost, outcomes } = await raceTwoSpecs(emu, latencyMs);
      assert.deepEqual(lost, []);
      assert.deepEqual(outcomes, ['done', 'done']);
    });
  }
});

describe('engine: the link lock (one machine)', () => {
  const key = { regionId: 'cn-hangzhou', vpcId: 'vpc-1', networkLinkName: 'orders' };
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mcvpc-lock-test-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a second holder with who holds it, and frees on release', () => {
    const release = acquireLinkLock(key, 'mcvpc apply', dir);
    assert.throws(
      () => acquireLinkLock(key, 'mcvpc apply', dir),
      (err: unknown) =>
        err instanceof LinkLockedError && /already working on network link "orders".*mcvpc apply, process \d+/.test(err.message),
    );
    assert.doesNotThrow(() => acquireLinkLock({ ...key, networkLinkName: 'other' }, 'x', dir)());
    release();
    acquireLinkLock(key, 'again', dir)();
  });

  it('takes over the lock of a process that is gone, and an unreadable one', () => {
    acquireLinkLock(key, 'x', dir)();
    acquireLinkLock(key, 'x', dir);
    const [lockFile] = readdirSync(dir);
    assert.ok(lockFile !== undefined);
    // A holder on this host whose pid cannot exist (above Linux's pid_max).
    writeFileSync(join(dir, lockFile), JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname(), since: 'then', what: 'dead' }));
    acquireLinkLock(key, 'x', dir)();
    writeFileSync(join(dir, lockFile), '{not json');
    acquireLinkLock(key, 'x', dir)();
  });

  /** The one lock file of the folder, after a lock was taken and released once. */
  function lockFileOf(): string {
    acquireLinkLock(key, 'x', dir)();
    acquireLinkLock(key, 'x', dir);
    const [lockFile] = readdirSync(dir);
    assert.ok(lockFile !== undefined);
    return join(dir, lockFile);
  }

  it(`refuses a live lock of another host, saying when it expires, and takes it over after ${FOREIGN_LOCK_EXPIRY_HOURS} hours, saying so`, () => {
    const file = lockFileOf();
    const hours = (h: number): string => new Date(Date.now() - h * 3600 * 1000).toISOString();
    writeFileSync(file, JSON.stringify({ pid: 1, host: 'build-7', since: hours(FOREIGN_LOCK_EXPIRY_HOURS - 1), what: 'mcvpc apply' }));
    assert.throws(
      () => acquireLinkLock(key, 'x', dir),
      (err: unknown) =>
        err instanceof LinkLockedError &&
        /on host build-7, since .*; it expires 25 hours after it was taken, at \d{4}-\d\d-\d\dT/.test(err.message),
    );
    const notices: string[] = [];
    for (const since of [hours(FOREIGN_LOCK_EXPIRY_HOURS + 1), 'not a date', new Date(Date.now() + 48 * 3600 * 1000).toISOString()]) {
      writeFileSync(file, JSON.stringify({ pid: 1, host: 'build-7', since, what: 'mcvpc apply' }));
      acquireLinkLock(key, 'x', dir, { onTakeOver: (message) => notices.push(message) })();
    }
    assert.equal(notices.length, 3);
    assert.match(
      notices[0]!,
      /^Took over the lock of network link "orders" from mcvpc apply, process 1 on host build-7, .*a lock of another host expires after 25 hours\.$/,
    );
  });

  it("shows the holder's words escaped", () => {
    const file = lockFileOf();
    writeFileSync(file, JSON.stringify({ pid: process.pid, host: hostname(), since: '\u001b[2J', what: 'x\u001b]0;owned\u0007\u202e' }));
    assert.throws(
      () => acquireLinkLock(key, 'x', dir),
      (err: unknown) =>
        err instanceof LinkLockedError &&
        err.message.includes('x\\u001B]0;owned\\u0007\\u202E, process') &&
        err.message.includes('since \\u001B[2J') &&
        // eslint-disable-next-line no-control-regex -- finding controls is the point
        !/[\u001b\u0007\u202e]/.test(err.message),
    );
  });

  it("keeps its locks in a folder of the user's own: made 0700, refused when another user's or a link", () => {
    const uid = process.getuid!();
    assert.match(lockDirectory({}), new RegExp(`mcvpc-locks-${uid}$`));
    const made = join(dir, 'made');
    acquireLinkLock(key, 'x', made)();
    assert.equal(statSync(made).mode & 0o777, 0o700);
    const open = join(dir, 'open');
    mkdirSync(open);
    chmodSync(open, 0o777);
    acquireLinkLock(key, 'x', open)();
    assert.equal(statSync(open).mode & 0o777, 0o700, 'an open folder of ours is closed');
    symlinkSync(made, join(dir, 'link'));
    assert.throws(
      () => acquireLinkLock(key, 'x', join(dir, 'link')),
      (err: unknown) =>
        err instanceof LockFolderError &&
        err.name === 'LockFolderError' &&
        /is not a folder \(a link or a file stands there\)/.test(err.message),
    );
    // Root gives a folder of its own away; anyone else finds one of root's.
    let theirs = '/usr';
    if (uid === 0) {
      theirs = join(dir, 'theirs');
      mkdirSync(theirs);
      chmodSync(theirs, 0o777);
      chownSync(theirs, 4242, 4242);
    }
    const owner = statSync(theirs).uid;
    assert.throws(
      () => acquireLinkLock(key, 'x', theirs),
      (err: unknown) =>
        err instanceof LockFolderError && err.message.includes(`belongs to another user (uid ${owner}); mcvpc keeps no locks in it`),
    );
    if (uid === 0) assert.deepEqual(readdirSync(theirs), [], 'no lock was written there');
  });

  it('does not take over a recent lock of another host, whose processes it cannot see', () => {
    acquireLinkLock(key, 'x', dir);
    const [lockFile] = readdirSync(dir);
    writeFileSync(
      join(dir, lockFile!),
      JSON.stringify({ pid: 2 ** 22 + 12345, host: `not-${hostname()}`, since: new Date().toISOString(), what: 'mcvpc apply in CI' }),
    );
    assert.throws(
      () => acquireLinkLock(key, 'x', dir),
      (err: unknown) => err instanceof LinkLockedError && err.name === 'LinkLockedError' && /mcvpc apply in CI/.test(err.message),
    );
  });

  it('a release runs once: a second call does not free the lock of the next holder, nor fail when the file is gone', () => {
    const first = acquireLinkLock(key, 'first', dir);
    first();
    const second = acquireLinkLock(key, 'second', dir);
    first();
    assert.throws(() => acquireLinkLock(key, 'third', dir), /second/, 'the second holder still has the link');
    rmSync(join(dir, readdirSync(dir)[0]!));
    assert.doesNotThrow(second, 'the lock file was deleted by hand');
  });

  it('names a lock file by a digest of region, VPC and name: one file per link, nothing of the name in clear', () => {
    const release = acquireLinkLock(key, 'x', dir);
    const other = acquireLinkLock({ ...key, vpcId: 'vpc-2' }, 'x', dir);
    const files = readdirSync(dir).sort();
    assert.equal(files.length, 2);
    for (const file of files) assert.match(file, /^[0-9a-f]{24}\.lock$/);
    release();
    other();
  });

  it('takes over, without a notice, a lock file that is JSON but names no holder', () => {
    const file = lockFileOf();
    const notices: string[] = [];
    for (const text of [
      'null',
      '5',
      '[]',
      '{}',
      JSON.stringify({ host: 'build-7', since: 'then' }),
      JSON.stringify({ pid: '1', host: 'build-7' }),
      JSON.stringify({ pid: 1, since: 'then' }),
      JSON.stringify({ pid: 1, host: 7 }),
    ]) {
      writeFileSync(file, text);
      acquireLinkLock(key, 'x', dir, { onTakeOver: (message) => notices.push(message) })();
    }
    assert.deepEqual(notices, [], "an unreadable lock is not another host's");
  });

  it("refuses a lock of this host whose process lives, also when it is another user's (signal 0 answers EPERM)", () => {
    const file = lockFileOf();
    // pid 1 always lives; for anyone but root, asking about it is refused (EPERM), which still means alive.
    writeFileSync(file, JSON.stringify({ pid: 1, host: hostname(), since: 'then', what: 'mcvpc apply as root' }));
    assert.throws(
      () => acquireLinkLock(key, 'x', dir),
      (err: unknown) => err instanceof LinkLockedError && /mcvpc apply as root, process 1/.test(err.message),
    );
  });

  it('takes over an expired lock of another host also when nobody listens for the notice', () => {
    const file = lockFileOf();
    writeFileSync(
      file,
      JSON.stringify({ pid: 1, host: 'build-7', since: new Date(Date.now() - 48 * 3600 * 1000).toISOString(), what: 'mcvpc apply' }),
    );
    acquireLinkLock(key, 'x', dir)();
  });

  it('where the system has no user ids (Windows), names the folder by the user name and checks neither owner nor mode', () => {
    const getuid = Object.getOwnPropertyDescriptor(process, 'getuid');
    const open = join(dir, 'open');
    mkdirSync(open);
    chmodSync(open, 0o777);
    Object.defineProperty(process, 'getuid', { value: undefined, configurable: true, writable: true });
    try {
      const folder = lockDirectory({});
      assert.match(folder, /mcvpc-locks-[A-Za-z0-9_.-]+$/);
      // A plain user name (root in CI) is the folder's name as it is; others have their odd characters made _.
      if (/^[A-Za-z0-9_.-]+$/.test(userInfo().username)) assert.equal(folder, join(tmpdir(), `mcvpc-locks-${userInfo().username}`));
      acquireLinkLock(key, 'x', open)();
    } finally {
      Object.defineProperty(process, 'getuid', getuid!);
    }
    assert.equal(statSync(open).mode & 0o777, 0o777, 'modes are left alone where there are no uids');
  });

  it("keeps its files in MCVPC_LOCK_DIR, else in the user's own folder of the temporary folder", () => {
    assert.equal(lockDirectory({ MCVPC_LOCK_DIR: dir }), dir);
    assert.equal(lockDirectory({}), join(tmpdir(), `mcvpc-locks-${process.getuid!()}`));
  });
});
