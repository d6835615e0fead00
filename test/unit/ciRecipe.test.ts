/**
 * The CI recipe of docs/ci as a pipeline runs it: the workflow's own `run` line and environment
 * (secrets replaced by the emulator's keys), the shell script, the bundled CLI. Checks the exit
 * codes a pipeline gates on, the SARIF it uploads, and that the secret reaches no output or file.
 */
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import { parse } from 'yaml';
import type { Cloud } from '../../src/cloud';
import type { Emulator } from '../../src/emulator';
import { applyPlan, planSpec } from '../../src/engine';
import { bundledCliForSuite } from './builders/cliBundle';
import { cloudFor, emulator } from './cloud.harness';
import { DEFAULT_SEED, parseOne, specText, TARGETS, replaceRdsBlockByHand } from './builders/engineHarness';

const ROOT = join(__dirname, '..', '..');
const M = DEFAULT_SEED.main;
const FAST = { pollInitialMs: 20, pollMaxMs: 100, visibilityTimeoutMs: 3000 };
const validateSarif = new AjvDraft04({ allErrors: true, strict: false, logger: false }).compile(
  JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8')) as object,
);

interface Step {
  name?: string;
  run?: string;
  uses?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface Workflow {
  permissions: Record<string, string>;
  jobs: { check: { steps: Step[] } };
}

const workflow = parse(readFileSync(join(ROOT, 'docs', 'ci', 'github-actions.yml'), 'utf8')) as Workflow;
const steps = workflow.jobs.check.steps;
const checkStep = steps.find((s) => s.run?.includes('docs/ci/mcvpc-check.sh'))!;
const uploadStep = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'))!;

describe('the CI recipe (docs/ci)', function () {
  this.timeout(120_000);
  const bundle = bundledCliForSuite('ci');
  let emu: Emulator;
  let cloud: Cloud;
  let dir: string;

  beforeEach(async () => {
    emu = await emulator();
    cloud = await cloudFor(emu);
    dir = await mkdtemp(join(tmpdir(), 'mcvpc-ci-'));
    await mkdir(join(dir, '.git'));
    await mkdir(join(dir, 'docs', 'ci'), { recursive: true });
    await copyFile(join(ROOT, 'docs', 'ci', 'mcvpc-check.sh'), join(dir, 'docs', 'ci', 'mcvpc-check.sh'));
  });
  afterEach(async () => {
    await emu.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('the workflow takes the keys from secrets of the same name, uploads the file the script writes, whatever the exit code', () => {
    assert.ok(checkStep && uploadStep, 'the check and upload steps');
    const env = checkStep.env!;
    for (const key of ['ALIBABA_CLOUD_ACCESS_KEY_ID', 'ALIBABA_CLOUD_ACCESS_KEY_SECRET']) assert.equal(env[key], `\${{ secrets.${key} }}`);
    assert.equal(uploadStep.with!.sarif_file, env.MCVPC_SARIF);
    assert.equal(uploadStep.if, 'always()');
    assert.equal(workflow.permissions['security-events'], 'write');
  });

  /** The workflow's run line in the repository, its env with the secrets filled in from `secrets`. */
  function runStep(secrets: Record<string, string>): Promise<{ code: number; out: string }> {
    const keep = Object.fromEntries(
      Object.entries(process.env).filter(([k]) => !/^(ALIBABA_CLOUD_|ALIBABACLOUD_|ALICLOUD_|MCVPC_)/.test(k)),
    );
    const stepEnv = Object.fromEntries(
      Object.entries(checkStep.env!).map(([k, v]) => [
        k,
        v.replace(/^\$\{\{ secrets\.(\w+) \}\}$/, (_, name: string) => secrets[name] ?? ''),
      ]),
    );
    const env = {
      ...keep,
      ...stepEnv,
      HOME: dir,
      ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true',
      MCVPC_ENDPOINT: emu.endpoint,
      MCVPC_LOCK_DIR: join(dir, 'locks'),
      MCVPC: `${process.execPath} ${bundle.path}`,
    };
    return new Promise((resolve) => {
      execFile('sh', ['-c', checkStep.run!], { cwd: dir, env, timeout: 60_000 }, (error, stdout, stderr) => {
        resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : 99, out: stdout + stderr });
      });
    });
  }

  async function sarif(): Promise<{ runs: Array<{ results: Array<{ ruleId: string; level: string }> }> }> {
    const log = JSON.parse(await readFile(join(dir, checkStep.env!.MCVPC_SARIF!), 'utf8')) as {
      runs: Array<{ results: Array<{ ruleId: string; level: string }> }>;
    };
    assert.ok(validateSarif(log), JSON.stringify(validateSarif.errors));
    return log;
  }

  it('gates: 0 before and after apply, 2 on drift made by hand, 1 on a policy problem; the secret is in no output or file', async () => {
    const secrets = { ALIBABA_CLOUD_ACCESS_KEY_ID: M.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: M.accessKeySecret };
    const text = specText({ targets: [TARGETS.rdsWhitelist] });
    await writeFile(join(dir, 'orders.mcvpc.yaml'), text);
    const outputs: string[] = [];
    const step = async (): Promise<number> => {
      const run = await runStep(secrets);
      outputs.push(run.out);
      return run.code;
    };
    assert.equal(await step(), 0, outputs.at(-1));
    assert.deepEqual(
      (await sarif()).runs[0]!.results.map((r) => [r.ruleId, r.level]),
      [['not-applied', 'note']],
    );
    const spec = parseOne(text);
    assert.equal((await applyPlan(cloud, spec, (await planSpec(cloud, spec)).plan, FAST)).outcome, 'done');
    assert.equal(await step(), 0, outputs.at(-1));
    assert.deepEqual((await sarif()).runs[0]!.results, []);
    await replaceRdsBlockByHand(cloud);
    assert.equal(await step(), 2, outputs.at(-1));
    assert.deepEqual(
      (await sarif()).runs[0]!.results.map((r) => r.ruleId),
      ['drift'],
    );
    assert.match(outputs.at(-1)!, /^mcvpc check: drift \(exit 2\)$/m);
    await writeFile(
      join(dir, 'shell.mcvpc.yaml'),
      specText({
        name: 'shell_link',
        groupName: 'maxcompute-shell',
        targets: [[`  - kind: custom`, `    name: shell`, `    cidr: 192.168.2.0/24`, `    ports: [22]`].join('\n')],
      }),
    );
    assert.equal(await step(), 1, outputs.at(-1));
    assert.ok((await sarif()).runs[0]!.results.some((r) => r.ruleId === 'MCVPC103' && r.level === 'error'));
    for (const out of outputs) assert.ok(!out.includes(M.accessKeySecret), 'the secret is in no output');
    for (const name of await readdir(dir, { recursive: true })) {
      if (name.startsWith('.git') || name.startsWith('locks')) continue;
      const path = join(dir, name);
      const content = await readFile(path, 'utf8').catch(() => '');
      assert.ok(!content.includes(M.accessKeySecret), `the secret is in no file (${name})`);
    }
  });

  it('without the secrets, checks offline only: the unapplied spec is clean (0) and nothing reads the cloud', async () => {
    await writeFile(join(dir, 'orders.mcvpc.yaml'), specText({ targets: [TARGETS.rdsWhitelist] }));
    const before = emu.requests().length;
    const run = await runStep({});
    assert.equal(run.code, 0, run.out);
    assert.deepEqual((await sarif()).runs[0]!.results, []);
    assert.equal(emu.requests().length, before);
  });
});
