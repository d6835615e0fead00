/**
 * No lost update, no duplicate group, when two runs act on the same cloud at once (issue 9,
 * defects 2 and 3). The runs are two sessions without a shared lock, as on two machines; on one
 * machine the CLI's link lock (src/engine/linkLock.ts) stops the second run before it plans.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Emulator } from '../../src/emulator';
import { acquireLinkLock, LinkLockedError, lockDirectory } from '../../src/engine';
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
    it(`two applies of one spec at ${latencyMs} ms latency end with one link group, and both runs finish`, async () => {
      const { groups, outcomes } = await raceOneSpec(emu, latencyMs);
      assert.equal(groups, 1);
      assert.deepEqual(outcomes, ['waiting-for-console', 'waiting-for-console']);
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
    assert.throws(() => acquireLinkLock(key, 'mcvpc apply', dir), (err: unknown) => err instanceof LinkLockedError && /already working on network link "orders".*mcvpc apply, process \d+/.test(err.message));
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

  it('never takes over the lock of another host, whose processes it cannot see', () => {
    acquireLinkLock(key, 'x', dir);
    const [lockFile] = readdirSync(dir);
    writeFileSync(join(dir, lockFile!), JSON.stringify({ pid: 2 ** 22 + 12345, host: `not-${hostname()}`, since: 'then', what: 'mcvpc apply in CI' }));
    assert.throws(() => acquireLinkLock(key, 'x', dir), (err: unknown) => err instanceof LinkLockedError && err.name === 'LinkLockedError' && /mcvpc apply in CI/.test(err.message));
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

  it('keeps its files in MCVPC_LOCK_DIR, else in the temporary folder', () => {
    assert.equal(lockDirectory({ MCVPC_LOCK_DIR: dir }), dir);
    assert.equal(lockDirectory({}), join(tmpdir(), 'mcvpc-locks'));
  });
});
