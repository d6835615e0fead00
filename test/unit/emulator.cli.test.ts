import { strict as assert } from 'node:assert';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEFAULT_SEED, type Emulator } from '../../src/emulator';
import { parseEmulatorArgs } from '../../src/cli/emulatorCommand';
import { clientFor, ECS, VPC } from './emulator.support';

const root = resolve(__dirname, '../..');

function mcvpc(args: string[]): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: root, stdio: 'pipe' });
}

/** Resolves with the first stdout line (or rejects with stderr when the process ends first). */
function firstLine(child: ChildProcessWithoutNullStreams): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const newline = out.indexOf('\n');
      if (newline >= 0) resolvePromise(out.slice(0, newline));
    });
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString('utf8');
    });
    child.on('exit', (code) => reject(new Error(`mcvpc exited with ${code} before printing a line: ${err}`)));
  });
}

function exited(child: ChildProcessWithoutNullStreams): Promise<{ code: number | null; stderr: string; stdout: string }> {
  let stderr = '';
  let stdout = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  return new Promise((resolvePromise) => child.on('exit', (code) => resolvePromise({ code, stderr, stdout })));
}

describe('mcvpc emulator (command line)', function () {
  this.timeout(30_000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mcvpc-cli-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('prints one JSON line with endpoint and credentials, serves the API, and exits 0 on SIGTERM', async () => {
    const state = join(dir, 'state.json');
    const child = mcvpc(['emulator', '--port', '0', '--state', state, '--latency', '5']);
    const done = exited(child);
    try {
      const announcement = JSON.parse(await firstLine(child)) as {
        endpoint: string;
        accounts: Array<{ name: string; accountId: string; accessKeyId: string; accessKeySecret: string }>;
      };
      assert.match(announcement.endpoint, /^http:\/\/127\.0\.0\.1:\d+$/);
      const main = announcement.accounts.find((a) => a.accountId === DEFAULT_SEED.main.accountId);
      assert.ok(main);
      assert.equal(main.accessKeySecret, DEFAULT_SEED.main.accessKeySecret);
      const client = clientFor({ endpoint: announcement.endpoint } as Emulator, main);
      const vpcs = await client.call('DescribeVpcs', VPC, { RegionId: 'cn-hangzhou' });
      assert.equal(vpcs.TotalCount, 2);
      const created = await client.call('CreateSecurityGroup', ECS, { RegionId: 'cn-hangzhou', VpcId: DEFAULT_SEED.main.vpcId });
      child.kill('SIGTERM');
      const result = await done;
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, /SIGTERM/);
      assert.ok(readFileSync(state, 'utf8').includes(created.SecurityGroupId));
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('exits 0 on SIGINT too', async () => {
    const child = mcvpc(['emulator', '--seed', 'empty']);
    const done = exited(child);
    const announcement = JSON.parse(await firstLine(child)) as { endpoint: string };
    assert.ok(announcement.endpoint);
    child.kill('SIGINT');
    assert.equal((await done).code, 0);
  });

  it('refuses a corrupted state file naming it, with exit code 1', async () => {
    const state = join(dir, 'broken.json');
    writeFileSync(state, 'not json');
    const result = await exited(mcvpc(['emulator', '--state', state]));
    assert.equal(result.code, 1);
    assert.ok(result.stderr.includes(state), result.stderr);
    assert.equal(readFileSync(state, 'utf8'), 'not json');
  });

  it('refuses unknown options with exit code 1 like every usage error (--help is 0), and unknown commands with 1', async () => {
    const bad = await exited(mcvpc(['emulator', '--colour', 'blue']));
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /unknown option "--colour"/);
    assert.match(bad.stderr, /usage: mcvpc emulator/);
    const help = await exited(mcvpc(['emulator', '--help']));
    assert.equal(help.code, 0);
    assert.match(help.stdout, /usage: mcvpc emulator/);
    const unknown = await exited(mcvpc(['frobnicate']));
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /unknown command "frobnicate"/);
    // Names every object has through its prototype are not commands either.
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      const inherited = await exited(mcvpc([name]));
      assert.equal(inherited.code, 1, name);
      assert.match(inherited.stderr, new RegExp(`^mcvpc: unknown command "${name}"\\n\\nusage: mcvpc <command>`), name);
    }
  });

  it('parses its options', () => {
    assert.deepEqual(parseEmulatorArgs(['--port=8787', '--seed', 'empty', '--latency', '20', '--state', 's.json']), {
      port: 8787,
      seed: 'empty',
      latencyMs: 20,
      stateFile: 's.json',
    });
    assert.throws(() => parseEmulatorArgs(['--port', 'x']), /--port needs a whole number, got "x"/);
    assert.throws(() => parseEmulatorArgs(['--seed', 'big']), /--seed must be/);
    assert.throws(() => parseEmulatorArgs(['--port', '70000']), /at most 65535/);
    assert.throws(() => parseEmulatorArgs(['--port']), /--port needs a value: --port N/);
    assert.throws(() => parseEmulatorArgs(['--state', '--seed', 'empty']), /--state needs a value/);
  });
});
