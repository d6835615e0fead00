/**
 * The emulator's own surface against a careless or hostile client: state files that are JSON but
 * wrong inside, temporary files a crash left, oversized and deeply nested bodies, and control
 * requests from another origin or for another host name (DNS rebinding).
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { request } from 'node:http';
import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, StateFileError, type Emulator } from '../../src/emulator';
import { buildSeed } from '../../src/emulator/seed';
import { jsonDepth } from '../../src/emulator/requestBody';

interface Answer {
  status: number;
  body: string;
}

/** A raw HTTP request, so that Host, Origin and Content-Type can be anything. */
function raw(emu: Emulator, method: string, path: string, headers: Record<string, string>, body?: string | Buffer): Promise<Answer> {
  const url = new URL(emu.endpoint);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, method, path, headers: { host: url.host, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const MARKER = 'FRAGMENT-OF-THE-FILE-4242';

/** The emulator's whole state as GET /__emulator/state shows it. */
async function stateOf(emu: Emulator): Promise<unknown> {
  const answer = await raw(emu, 'GET', '/__emulator/state', {});
  assert.equal(answer.status, 200);
  return JSON.parse(answer.body);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- state JSON broken on purpose, field by field
type Loose = Record<string, any>;

describe('emulator: its own surface', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mcvpc-surface-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  describe('state files', () => {
    /** The default seed, changed by `edit` (as loose JSON, to break it), written to a file. */
    function stateFile(edit: (state: Loose) => void): string {
      const state = JSON.parse(JSON.stringify(buildSeed('default'))) as Loose;
      edit(state);
      const file = join(dir, 'state.json');
      writeFileSync(file, JSON.stringify(state));
      return file;
    }

    const wrong: Array<[string, (s: Loose) => void, RegExp]> = [
      ['a collection that is null', (s) => (s.accounts[0].vpcs = null), /accounts\[0\]\.vpcs: must be array/],
      ['a record that is null', (s) => (s.accounts[0].securityGroups[1] = null), /accounts\[0\]\.securityGroups\[1\]: must be object/],
      [
        'a nested field of the wrong type',
        (s) =>
          (s.accounts[0].securityGroups[0].rules = [{ ...s.accounts[0].securityGroups[0].rules[0], portRange: 22, description: MARKER }]),
        /accounts\[0\]\.securityGroups\[0\]\.rules\[0\]\.portRange: must be string/,
      ],
      [
        'a missing field',
        (s) => delete s.accounts[0].rdsInstances[0].ipArrays,
        /accounts\[0\]\.rdsInstances\[0\]: must have required property 'ipArrays'/,
      ],
      [
        'an optional collection that is not a list',
        (s) => (s.accounts[0].polardbClusters = { name: MARKER }),
        /accounts\[0\]\.polardbClusters: must be array/,
      ],
      [
        'a client token without its body',
        (s) => (s.clientTokens = [{ key: MARKER, storedAt: 1 }]),
        /clientTokens\[0\]: must have required property 'body'/,
      ],
    ];
    for (const [what, edit, path] of wrong) {
      it(`refuses a state file with ${what}, naming the path and quoting nothing of the file`, async () => {
        const file = stateFile((s) => {
          s.accounts[0].name = MARKER;
          edit(s);
        });
        await assert.rejects(startEmulator({ stateFile: file }), (err: Error) => {
          assert.ok(err instanceof StateFileError, String(err));
          assert.match(err.message, path);
          assert.ok(!err.message.includes(MARKER), err.message);
          return true;
        });
      });
    }

    it('refuses a state file that is a pipe or a device at once, without reading it', async () => {
      const pipe = join(dir, 'pipe.json');
      execFileSync('mkfifo', [pipe]);
      for (const file of [pipe, '/dev/zero']) {
        await assert.rejects(
          startEmulator({ stateFile: file }),
          (err: Error) => err instanceof StateFileError && err.message.includes(`${file} is not usable (not a regular file)`),
        );
      }
    });

    it('quotes nothing of a file that is not JSON', async () => {
      const file = join(dir, 'state.json');
      writeFileSync(file, `{"formatVersion": 1, "${MARKER}": oops}`);
      await assert.rejects(
        startEmulator({ stateFile: file }),
        (err: Error) =>
          err instanceof StateFileError &&
          /not valid JSON/.test(err.message) &&
          !err.message.includes(MARKER) &&
          !err.message.includes('oops'),
      );
    });

    it('refuses a Lindorm instance without its fields at load, naming the collection, index and field', async () => {
      // Before, this file loaded and GetInstanceIpWhiteList then answered 500.
      const file = stateFile((s) => (s.accounts[0].lindormInstances = [{ instanceId: 'ld-x' }]));
      await assert.rejects(startEmulator({ stateFile: file }), (err: Error) => {
        assert.ok(err instanceof StateFileError, String(err));
        assert.match(err.message, /\(accounts\[0\]\.lindormInstances\[0\]: must have required property 'regionId'\)/);
        return true;
      });
    });

    it('reads the collections added later (PolarDB, Lindorm, ECS instances) as empty when a file lacks them, and accepts them as lists', async () => {
      const file = stateFile((s) => {
        delete s.accounts[0].polardbClusters;
        delete s.accounts[0].lindormInstances;
        delete s.accounts[1].ecsInstances;
        s.accounts[1].lindormInstances = [];
      });
      const emu = await startEmulator({ stateFile: file });
      try {
        const state = (await stateOf(emu)) as Loose;
        assert.deepEqual(
          [state.accounts[0].polardbClusters, state.accounts[0].lindormInstances, state.accounts[1].ecsInstances],
          [[], [], []],
        );
        assert.equal(state.accounts[0].ecsInstances.length, 1);
      } finally {
        await emu.close();
      }
    });

    it("removes the temporary files a crashed emulator left, and keeps a running one's", async () => {
      const file = join(dir, 'state.json');
      const stale = `${file}.999999.3.tmp`;
      const live = `${file}.${process.pid}.7.tmp`;
      writeFileSync(stale, '{"half": ');
      writeFileSync(live, '{}');
      const emu = await startEmulator({ stateFile: file });
      await emu.close();
      assert.equal(existsSync(stale), false, "the dead process's temporary file is gone");
      assert.equal(existsSync(live), true);
      rmSync(live);
      assert.deepEqual(readdirSync(dir), ['state.json']);
    });

    it('writes its state through temporary files of random names, created exclusively: a planted link is not followed', async () => {
      const file = join(dir, 'state.json');
      const victim = join(dir, 'victim.txt');
      writeFileSync(victim, 'precious');
      // The names an attacker could predict: pid and a counter.
      for (let n = 0; n <= 20; n++) symlinkSync(victim, `${file}.${process.pid}.${n}.tmp`);
      const emu = await startEmulator({ stateFile: file });
      await emu.reset('empty');
      await emu.reset('default');
      await emu.close();
      assert.equal(readFileSync(victim, 'utf8'), 'precious');
      assert.equal(lstatSync(file).isFile(), true);
      const temps = readdirSync(dir).filter((name) => name.endsWith('.tmp'));
      assert.equal(temps.length, 21, 'only the planted links remain; every temporary file was renamed');
    });
  });

  describe('requests', () => {
    let emu: Emulator;
    before(async () => {
      emu = await startEmulator({ port: 0 });
    });
    after(async () => {
      await emu.close();
    });

    it('answers 413 to an API body over 8 MiB and a control body over 64 KiB, and keeps serving', async () => {
      const api = await raw(
        emu,
        'POST',
        '/',
        { 'content-type': 'application/x-www-form-urlencoded', 'x-acs-action': 'DescribeVpcs', 'x-acs-version': '2016-04-28' },
        Buffer.alloc(9 * 1024 * 1024, 'a'),
      );
      assert.equal(api.status, 413);
      assert.match(api.body, /RequestEntityTooLarge/);
      const control = await raw(
        emu,
        'POST',
        '/__emulator/faults',
        { 'content-type': 'application/json' },
        `{"x": "${'a'.repeat(100_000)}"}`,
      );
      assert.equal(control.status, 413);
      assert.equal((await raw(emu, 'GET', '/__emulator/faults', {})).status, 200);
    });

    it('refuses deeply nested JSON with a 400, without a stack overflow or a 500', async () => {
      const deep = '['.repeat(3_000_000) + ']'.repeat(3_000_000);
      const api = await raw(
        emu,
        'POST',
        '/',
        { 'content-type': 'application/json', 'x-acs-action': 'DescribeVpcs', 'x-acs-version': '2016-04-28' },
        deep,
      );
      assert.equal(api.status, 400, api.body.slice(0, 200));
      assert.match(api.body, /nests objects and lists more than 32 levels deep/);
      const control = await raw(
        emu,
        'POST',
        '/__emulator/faults',
        { 'content-type': 'application/json' },
        '{"a":'.repeat(5000) + '1' + '}'.repeat(5000),
      );
      assert.equal(control.status, 400);
      assert.equal(jsonDepth('{"a": "[[[[[[", "b": [1, {"c": 2}]}'), 3, 'brackets inside strings do not count');
    });

    it('answers control requests only for 127.0.0.1 or localhost, from no other origin, writes only as JSON', async () => {
      const port = new URL(emu.endpoint).port;
      const write = (headers: Record<string, string>): Promise<Answer> =>
        raw(emu, 'POST', '/__emulator/faults', { 'content-type': 'application/json', ...headers }, '{"latencyMs": 0}');
      assert.equal((await write({})).status, 200);
      assert.equal((await write({ host: `localhost:${port}` })).status, 200);
      assert.equal((await write({ origin: emu.endpoint })).status, 200, 'the console page itself');
      const rebound = await write({ host: `attacker.example:${port}` });
      assert.equal(rebound.status, 403, "DNS rebinding: the page's own name arrives as Host");
      assert.equal((await raw(emu, 'GET', '/__emulator/requests', { host: `attacker.example:${port}` })).status, 403, 'reads too');
      assert.equal((await write({ origin: 'http://attacker.example' })).status, 403);
      assert.equal((await write({ origin: 'null' })).status, 403);
      const form = await raw(emu, 'POST', '/__emulator/faults', { 'content-type': 'text/plain' }, '{"latencyMs": 5000}');
      assert.equal(form.status, 415);
      assert.equal((await raw(emu, 'GET', '/__emulator/faults', {})).body.includes('5000'), false, 'nothing was changed');
    });

    it('answers API requests only for this machine or an aliyuncs.com host, and from no web page', async () => {
      const port = new URL(emu.endpoint).port;
      const call = (headers: Record<string, string>): Promise<Answer> =>
        raw(
          emu,
          'POST',
          '/?Action=DescribeRegions&Version=2016-04-28',
          { 'content-type': 'application/x-www-form-urlencoded', ...headers },
          'RegionId=cn-hangzhou',
        );
      // Unsigned: served as far as authentication, which refuses it (400/403 from the API, not from the Host check).
      for (const host of [
        `127.0.0.1:${port}`,
        `localhost:${port}`,
        'ecs.cn-hangzhou.aliyuncs.com',
        `maxcompute.cn-shanghai.aliyuncs.com:${port}`,
        `maxcompute.cn-shanghai.aliyuncs.com@127.0.0.1:${port}`,
      ]) {
        const answer = await call({ host });
        assert.doesNotMatch(answer.body, /Forbidden\.(Host|Origin)/, `${host}: ${answer.body}`);
      }
      emu.clearRequests();
      const refused: Array<[Record<string, string>, string]> = [
        [{ host: `attacker.example:${port}` }, 'Forbidden.Host'],
        [{ host: `aliyuncs.com.attacker.example:${port}` }, 'Forbidden.Host'],
        [{ host: `evil-aliyuncs.com:${port}` }, 'Forbidden.Host'],
        [{ host: `attacker.example@127.0.0.1:${port}` }, 'Forbidden.Host'],
        [{ host: `maxcompute.cn-shanghai.aliyuncs.com@attacker.example:${port}` }, 'Forbidden.Host'],
        [{ origin: 'http://attacker.example' }, 'Forbidden.Origin'],
        [{ origin: 'null' }, 'Forbidden.Origin'],
        [{ host: 'ecs.cn-hangzhou.aliyuncs.com', origin: 'https://ecs.cn-hangzhou.aliyuncs.com.attacker.example' }, 'Forbidden.Origin'],
      ];
      for (const [headers, code] of refused) {
        const answer = await call(headers);
        assert.equal(answer.status, 403, JSON.stringify(headers));
        assert.equal((JSON.parse(answer.body) as { Code: string }).Code, code);
      }
      assert.deepEqual(emu.requests(), [], 'a refused request is neither served nor logged');
    });
  });
});
