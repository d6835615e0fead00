/**
 * `mcvpc doctor` as a user runs it (the bundled CLI in its own process, against an emulator):
 * every exit code, --json, and --fix with and without confirmation.
 */
import { strict as assert } from 'node:assert';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Cloud } from '../../src/cloud';
import type { Emulator } from '../../src/emulator';
import { applyPlan, planSpec } from '../../src/engine';
import type { ConnectionSpec } from '../../src/connectionSpec/types';
import { bundledCliForSuite } from './builders/cliBundle';
import { cleanEnv, runMcvpc, type Run } from './builders/cliProcess';
import { cloudFor, emulator } from './cloud.harness';
import { DEFAULT_SEED, parseOne, specText, TARGETS, replaceRdsBlockByHand } from './builders/engineHarness';

const ROOT = join(__dirname, '..', '..');
const M = DEFAULT_SEED.main;
const FAST = { pollInitialMs: 20, pollMaxMs: 100, visibilityTimeoutMs: 3000 };

async function healthyLink(_emu: Emulator, cloud: Cloud, spec: ConnectionSpec): Promise<void> {
  const done = await applyPlan(cloud, spec, (await planSpec(cloud, spec)).plan, FAST);
  assert.equal(done.outcome, 'done');
}

describe('mcvpc doctor', function () {
  this.timeout(120_000);
  let emu: Emulator;
  let cloud: Cloud;
  let dir: string;
  let env: NodeJS.ProcessEnv;

  const bundle = bundledCliForSuite('doctor');
  beforeEach(async () => {
    emu = await emulator();
    cloud = await cloudFor(emu);
    dir = await mkdtemp(join(tmpdir(), 'mcvpc-doctor-'));
    env = cleanEnv({
      HOME: dir,
      ALIBABA_CLOUD_ACCESS_KEY_ID: M.accessKeyId,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: M.accessKeySecret,
      MCVPC_ENDPOINT: emu.endpoint,
    });
  });
  afterEach(async () => {
    await emu.close();
    await rm(dir, { recursive: true, force: true });
  });

  // stdin closed: not a terminal, so --fix without --auto-approve must refuse.
  const mcvpc = (args: string[]): Promise<Run> => runMcvpc(bundle.path, args, { cwd: ROOT, env });

  async function file(text: string): Promise<string> {
    const path = join(dir, 'link.mcvpc.yaml');
    await writeFile(path, text, 'utf8');
    return path;
  }

  function noSecret(run: Run): void {
    assert.ok(!`${run.stdout}${run.stderr}`.includes(M.accessKeySecret), 'the secret never reaches the output');
  }

  it('exit 0 when every hop passes, with a line per hop', async () => {
    const spec = parseOne(specText({ targets: [TARGETS.rdsWhitelist] }));
    await healthyLink(emu, cloud, spec);
    const run = await mcvpc(['doctor', await file(specText({ targets: [TARGETS.rdsWhitelist] }))]);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /^\[PASS\] target 0 "rds rm-[^"]+": .*admits the link/m);
    assert.match(run.stdout, /: PASS$/m);
    noSecret(run);
  });

  it('exit 2 when a hop fails; --fix without a terminal refuses (1); --fix --auto-approve repairs (0), and again finds nothing to fix', async () => {
    const text = specText({ targets: [TARGETS.rdsWhitelist] });
    const spec = parseOne(text);
    await healthyLink(emu, cloud, spec);
    await replaceRdsBlockByHand(cloud);
    const path = await file(text);
    const failing = await mcvpc(['doctor', path]);
    assert.equal(failing.code, 2, failing.stdout + failing.stderr);
    assert.match(failing.stdout, /^\[FAIL\] target 0 .*No whitelist group covers 192\.168\.1\.0\/24/m);
    const json = await mcvpc(['doctor', path, '--json']);
    assert.equal(json.code, 2);
    const parsed = JSON.parse(json.stdout) as { reports: Array<{ verdict: string; hops: Array<{ id: string; verdict: string }> }> };
    assert.equal(parsed.reports[0]!.verdict, 'fail');
    assert.equal(parsed.reports[0]!.hops.find((h) => h.id === 'target.0.access')?.verdict, 'fail');
    const refused = await mcvpc(['doctor', path, '--fix']);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /not fixing without confirmation/);
    assert.match(refused.stdout, /~ \[orders_link\] RDS rm-[^:]+: add 192\.168\.1\.0\/24 to whitelist group maxcompute/);
    const fixed = await mcvpc(['doctor', path, '--fix', '--auto-approve']);
    assert.equal(fixed.code, 0, fixed.stdout + fixed.stderr);
    assert.match(fixed.stderr, /done +RDS rm-/);
    const again = await mcvpc(['doctor', path, '--fix', '--auto-approve']);
    assert.equal(again.code, 0);
    assert.match(again.stdout, /Nothing the doctor can fix automatically\./);
    noSecret(fixed);
  });

  it('exit 3 when nothing fails but something is unknown (a custom target)', async () => {
    const spec = parseOne(specText({ targets: [TARGETS.rdsWhitelist] }));
    await healthyLink(emu, cloud, spec);
    const run = await mcvpc(['doctor', await file(specText({ targets: [TARGETS.rdsWhitelist, TARGETS.custom] }))]);
    assert.equal(run.code, 3, run.stdout + run.stderr);
    assert.match(run.stdout, /^\[\?\?\?\?\] target 1 "metrics-api": .*cannot be read from the cloud API/m);
  });

  it('exit 1 when the doctor cannot run: an invalid file, a bad option, a cloud it cannot reach', async () => {
    const bad = await mcvpc(['doctor', await file(specText().replace('vpc: vpc-', 'vpc: vxc-'))]);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /fix the errors above first/);
    const option = await mcvpc(['doctor', '--auto-approve', await file(specText())]);
    assert.equal(option.code, 1);
    assert.match(option.stderr, /--auto-approve only goes with --fix/);
    env.MCVPC_ENDPOINT = 'http://127.0.0.1:9';
    const unreachable = await mcvpc(['doctor', await file(specText())]);
    assert.equal(unreachable.code, 1, unreachable.stdout + unreachable.stderr);
    assert.doesNotMatch(unreachable.stderr, /^\s+at .+:\d+:\d+\)?$/m);
  });
});
