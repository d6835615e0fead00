/**
 * The mcvpc command line as a user runs it: a separate node process running src/cli/main.ts
 * bundled by esbuild exactly as scripts/build.mjs bundles dist/cli.js (tsx would recompile on
 * every run), with an isolated HOME, the emulator's keys in the environment and MCVPC_ENDPOINT
 * pointing at an emulator started by the test.
 */
import { strict as assert } from 'node:assert';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Emulator } from '../../src/emulator';
import { emulator, cloudFor } from './cloud.harness';
import { bundledCliForSuite } from './builders/cliBundle';
import { cleanEnv, runMcvpc, type Run } from './builders/cliProcess';
import { acquireLinkLock, planSpecTeardown, savedPlanFile } from '../../src/engine';
import { createLinkInConsole, DEFAULT_SEED, groupIdByName, mainAccount, parseOne, specText, TARGETS } from './builders/engineHarness';

const ROOT = join(__dirname, '..', '..');
const M = DEFAULT_SEED.main;

/** A sparse 300 MB file: large by its size, cheap on disk. */
async function truncate300MB(file: string): Promise<void> {
  await writeFile(file, 'version: mcvpc/v1\n');
  await truncate(file, 300 * 1024 * 1024);
}

describe('mcvpc validate / plan / apply / destroy / usage', function () {
  this.timeout(120_000);
  let emu: Emulator;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const bundle = bundledCliForSuite('cli');

  /** Runs mcvpc asynchronously (the emulator lives in this process's event loop). */
  const mcvpc = (args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<Run> =>
    runMcvpc(bundle.path, args, { cwd: ROOT, env: { ...env, ...extraEnv } });

  async function specFile(name: string, text: string): Promise<string> {
    const file = join(dir, name);
    await writeFile(file, text, 'utf8');
    return file;
  }

  function noStackTrace(run: Run): void {
    assert.doesNotMatch(run.stderr, /^\s+at .+\(.*:\d+:\d+\)$/m, `no stack trace in:\n${run.stderr}`);
  }

  beforeEach(async () => {
    emu = await emulator();
    dir = await mkdtemp(join(tmpdir(), 'mcvpc-cli-'));
    env = cleanEnv({
      HOME: dir,
      ALIBABA_CLOUD_ACCESS_KEY_ID: M.accessKeyId,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: M.accessKeySecret,
      MCVPC_ENDPOINT: emu.endpoint,
      // Each test's own locks: a run of another checkout on this machine must not hold this one's link.
      MCVPC_LOCK_DIR: join(dir, 'locks'),
    });
  });
  afterEach(async () => {
    await emu.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('validate: exit 0 for a valid file, 1 with file:line:col for an invalid one', async () => {
    const good = await specFile('good.mcvpc.yaml', specText({ targets: [TARGETS.rdsWhitelist] }));
    const ok = await mcvpc(['validate', good]);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /good\.mcvpc\.yaml: valid \(1 link: "orders_link"\)/);
    const bad = await specFile('bad.mcvpc.yaml', specText().replace('vpc: vpc-', 'vpc: vxc-'));
    const run = await mcvpc(['validate', bad]);
    assert.equal(run.code, 1);
    assert.match(run.stderr, new RegExp(`bad\\.mcvpc\\.yaml:6:\\d+: error: `));
    noStackTrace(run);
    const json = await mcvpc(['validate', bad, '--json']);
    const parsed = JSON.parse(json.stdout) as { valid: boolean; problems: Array<{ line: number }> };
    assert.equal(parsed.valid, false);
    assert.equal(parsed.problems[0]!.line, 6);
  });

  it('usage prints the lines from core/usage', async () => {
    const run = await mcvpc(['usage', await specFile('u.mcvpc.yaml', specText())]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^SET odps\.session\.networklink=orders_link;$/m);
    assert.match(run.stdout, new RegExp(`^spark\\.hadoop\\.odps\\.cupid\\.eni\\.info=cn-hangzhou:${M.vpcId}$`, 'm'));
  });

  it('plan exits 2 with changes; apply goes from nothing to done in one run (0); then plan exits 0 with all =', async () => {
    const file = await specFile('rds.mcvpc.yaml', specText({ targets: [TARGETS.rdsWhitelist] }));
    const plan = await mcvpc(['plan', file]);
    assert.equal(plan.code, 2, plan.stderr);
    assert.match(plan.stdout, /^Plan: 4 to add, 0 to change, 3 unchanged, 0 manual\.$/m);
    assert.match(plan.stdout, /^ {2}\+ Create basic security group "maxcompute-link"/m);
    assert.match(
      plan.stdout,
      /^ {2}\+ Create network link "orders_link" in vsw-\S+ with "maxcompute-link" \(known after apply\), and wait until MaxCompute says SUCCESS$/m,
    );
    assert.match(plan.stdout, /call: MaxCompute\.CreateNetworkLink /);
    assert.match(plan.stderr, /Reading the live state of "orders_link"/, 'progress goes to stderr');

    const refused = await mcvpc(['apply', file]);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /not applying without confirmation.*--auto-approve/);

    const first = await mcvpc(['apply', file, '--auto-approve', '--json']);
    assert.equal(first.code, 0, first.stdout + first.stderr);
    const report = JSON.parse(first.stdout) as { outcome: string; reports: Array<{ steps: Array<{ stepId: string; status: string }> }> };
    assert.equal(report.outcome, 'done');
    assert.equal(report.reports[0]!.steps.find((s) => s.stepId === 'network-link')?.status, 'done');
    assert.equal(report.reports[0]!.steps.find((s) => s.stepId === 'target.0.rds')?.status, 'done');
    assert.match(
      first.stderr,
      /^\[orders_link\] Network link status: CREATING \(waiting up to \d+ s more\)…$/m,
      'the status, verbatim, on stderr',
    );
    assert.match(first.stderr, /^\[orders_link\] Network link status: SUCCESS/m);

    const after = await mcvpc(['plan', file, '--json']);
    assert.equal(after.code, 0, after.stderr);
    const json = JSON.parse(after.stdout) as { summary: string; plans: Array<{ steps: Array<{ action: string }> }> };
    assert.equal(json.summary, 'Plan: 0 to add, 0 to change, 7 unchanged, 0 manual.');
    assert.deepEqual([...new Set(json.plans[0]!.steps.map((s) => s.action))].sort(), ['info', 'unchanged']);
  });

  it('apply and destroy refuse while another run holds the link lock, say who, change nothing; and run once it is free', async () => {
    const file = await specFile('locked.mcvpc.yaml', specText({ targets: [TARGETS.rdsWhitelist] }));
    const lockDir = env.MCVPC_LOCK_DIR!;
    const release = acquireLinkLock(
      { regionId: DEFAULT_SEED.regionId, vpcId: M.vpcId, networkLinkName: 'orders_link' },
      'the Create Network Link form in VS Code',
      lockDir,
    );
    let released = false;
    try {
      for (const command of ['apply', 'destroy']) {
        const run = await mcvpc([command, file, '--auto-approve']);
        assert.equal(run.code, 1, `${command}: ${run.stdout}${run.stderr}`);
        assert.match(
          run.stderr,
          /Another run is already working on network link "orders_link".*the Create Network Link form in VS Code, process \d+/,
          command,
        );
        assert.doesNotMatch(run.stderr, /Reading the live state/, `${command} read nothing before it had the lock`);
      }
      assert.deepEqual(
        (await mainAccount(emu)).securityGroups.filter((g) => g.name === 'maxcompute-link'),
        [],
        'no group was created while the lock was held',
      );
      release();
      released = true;
      const free = await mcvpc(['apply', file, '--auto-approve']);
      assert.equal(free.code, 0, free.stdout + free.stderr);
      await groupIdByName(emu, 'maxcompute-link');
    } finally {
      if (!released) release();
    }
  });

  it('apply of samples/several.mcvpc.yaml outlasts throttling, saying when a call is retried', async () => {
    emu.setFaults({ throttleAbovePerSecond: 10 });
    const run = await mcvpc(['apply', join(ROOT, 'samples', 'several.mcvpc.yaml'), '--auto-approve']);
    assert.equal(run.code, 0, `goes through instead of failing:\n${run.stdout}${run.stderr}`);
    const throttled = emu.requests().filter((r) => r.code === 'Throttling.User').length;
    assert.ok(throttled > 0, 'the emulator throttled');
    const retries = run.stderr.split('\n').filter((l) => /^ {2}\w+ \w+: Throttling\.User; retrying in \d+\.\d s \(attempt \d+\)…$/.test(l));
    assert.equal(retries.length, throttled, run.stderr);
  });

  it("the links of one file wait for MaxCompute side by side, and are reported in the file's order", async () => {
    emu.setFaults({ networkLinkCreateMs: 3000 });
    const run = await mcvpc(['apply', join(ROOT, 'samples', 'several.mcvpc.yaml'), '--auto-approve']);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const lines = run.stderr.split('\n');
    const first = (link: string, status: string): number =>
      lines.findIndex((l) => l.startsWith(`[${link}] Network link status: ${status}`));
    assert.ok(first('reports_rds', 'CREATING') >= 0 && first('warehouse_link', 'SUCCESS') >= 0, run.stderr);
    assert.ok(
      first('reports_rds', 'CREATING') < first('warehouse_link', 'SUCCESS'),
      `the second link was created while the first was still CREATING:\n${run.stderr}`,
    );
    assert.equal(emu.requests().filter((r) => r.action === 'CreateNetworkLink').length, 2);
    assert.ok(run.stdout.indexOf('warehouse_link') < run.stdout.indexOf('reports_rds'), "reports in the file's order");
  });

  it('on a terminal, apply asks and acts only on "yes"', async () => {
    const file = await specFile('tty.mcvpc.yaml', specText({ targets: [TARGETS.emr] }));
    /** Runs apply under a pseudo-terminal (util-linux script) and types the answer at the prompt. */
    const onTerminal = (answer: string): Promise<Run> =>
      new Promise((resolve, reject) => {
        const child = spawn('script', ['-qec', `"${process.execPath}" "${bundle.path}" apply "${file}"`, '/dev/null'], {
          cwd: ROOT,
          env,
          stdio: 'pipe',
        });
        let stdout = '';
        let answered = false;
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString('utf8');
          if (!answered && stdout.includes('Only "yes" will be accepted')) {
            answered = true;
            child.stdin.write(`${answer}\r`);
          }
        });
        child.on('error', reject);
        child.on('close', (code) => resolve({ code: code ?? 99, stdout, stderr: '' }));
      });
    const declined = await onTerminal('no');
    assert.equal(declined.code, 1, declined.stdout);
    assert.match(declined.stdout, /Apply cancelled; nothing was changed\./);
    assert.equal((await mainAccount(emu)).securityGroups.filter((g) => g.name === 'maxcompute-link').length, 0);
    const accepted = await onTerminal('yes');
    assert.equal(accepted.code, 0, accepted.stdout);
    await groupIdByName(emu, 'maxcompute-link');
  });

  it('without the link API (no odps:CreateNetworkLink) apply exits 4 with the console values and why; --wait-for-console finishes once the link is made meanwhile', async () => {
    emu.setFaults({ deniedActions: ['CreateNetworkLink', 'RemoveNetworkLink'] });
    const file = await specFile('wait.mcvpc.yaml', specText({ targets: [TARGETS.rdsWhitelist] }));
    const paused = await mcvpc(['apply', file, '--auto-approve']);
    assert.equal(paused.code, 4, paused.stdout + paused.stderr);
    const groupId = await groupIdByName(emu, 'maxcompute-link');
    assert.match(paused.stdout, new RegExp(`Security Group: ${groupId}`), 'the hand-over names the group just created');
    assert.match(paused.stdout, /the link API cannot be used: NoPermission: .*CreateNetworkLink/);
    assert.match(paused.stdout, /Apply paused at the MaxCompute console step/);
    const run = await new Promise<Run>((resolve, reject) => {
      const child = spawn(process.execPath, [bundle.path, 'apply', file, '--auto-approve', '--wait-for-console', '60'], {
        cwd: ROOT,
        env,
        stdio: 'pipe',
      });
      let stdout = '';
      let stderr = '';
      let created: Promise<void> | undefined;
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString('utf8');
        // Create the link only once the CLI says it is waiting, as a person would.
        if (created === undefined && /Waiting up to \d+ s for the network link/.test(stderr)) {
          created = groupIdByName(emu, 'maxcompute-link').then((id) => createLinkInConsole(emu, parseOne(specText()), id));
          created.catch(reject);
        }
      });
      child.on('error', reject);
      child.on('close', (code) => resolve({ code: code ?? 99, stdout, stderr }));
    });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /^Apply complete: /m);
    assert.match(run.stdout, /done\s+RDS rm-\S+: add 192\.168\.1\.0\/24 to whitelist group maxcompute/);
  });

  it('a saved plan is applied only while the cloud is unchanged', async () => {
    const file = await specFile('hb.mcvpc.yaml', specText({ targets: [TARGETS.hbaseWhitelist] }));
    const planFile = join(dir, 'saved.plan.json');
    assert.equal((await mcvpc(['plan', file, '--out', planFile])).code, 2);
    const cloud = await cloudFor(emu);
    await cloud.hbase.modifyIpWhitelist({
      ClusterId: M.hbaseClusterId,
      GroupName: 'default',
      IpVersion: '4',
      IpList: '127.0.0.1,10.0.0.9',
    });
    const stale = await mcvpc(['apply', file, '--plan', planFile]);
    assert.equal(stale.code, 1);
    assert.match(stale.stderr, /refusing the saved plan: .*is stale: the cloud changed since it was made/);
    noStackTrace(stale);

    assert.equal((await mcvpc(['plan', file, '--out', planFile])).code, 2);
    const fresh = await mcvpc(['apply', file, '--plan', planFile]);
    assert.equal(fresh.code, 0, fresh.stderr);
  });

  it('refuses a plan with live-check errors as file:line:col (exit 1)', async () => {
    const file = await specFile('zone.mcvpc.yaml', specText({ vSwitchId: M.vSwitchIdB }));
    const run = await mcvpc(['plan', file]);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /zone\.mcvpc\.yaml:7:\d+: error: vSwitch .*cn-hangzhou-b does not support MaxCompute network links/);
    assert.match(run.stdout, /Plan refused/);
  });

  it('reports a cloud error with its code and RequestId, without a stack trace', async () => {
    const file = await specFile('e.mcvpc.yaml', specText());
    const run = await mcvpc(['plan', file], { ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'wrong-secret-0000000000000000000' });
    assert.equal(run.code, 1);
    assert.match(
      run.stderr,
      /e\.mcvpc\.yaml: "orders_link": \S+ \S+: .* \(SignatureDoesNotMatch, RequestId [\w-]+\) The AccessKey secret does not match its ID/,
    );
    assert.doesNotMatch(run.stderr + run.stdout, /wrong-secret/);
    noStackTrace(run);
  });

  it('refuses /dev/zero, a pipe and a 300 MB file at once, by their type and size, without reading them', async () => {
    const huge = join(dir, 'huge.mcvpc.yaml');
    await truncate300MB(huge);
    const pipe = join(dir, 'pipe.mcvpc.yaml');
    execFileSync('mkfifo', [pipe]);
    const cases: Array<[string, RegExp]> = [
      ['/dev/zero', /\/dev\/zero: is a device, not a regular file; only regular files are read/],
      [pipe, /pipe\.mcvpc\.yaml: is a named pipe, not a regular file/],
      [huge, /larger than 1 MiB, the most a spec file may be/],
    ];
    for (const [file, why] of cases) {
      const started = Date.now();
      const run = await mcvpc(['validate', file]);
      assert.equal(run.code, 1, run.stderr);
      assert.match(run.stderr, why);
      assert.ok(Date.now() - started < 5000, `${file} took ${Date.now() - started} ms`);
      noStackTrace(run);
    }
    const folder = await mcvpc(['validate', dir]);
    assert.match(folder.stderr, /is a directory, not a spec file/);
    // A saved plan and a doctor --usage file are read the same way.
    const file = await specFile('p.mcvpc.yaml', specText({ targets: [TARGETS.emr] }));
    const plan = await mcvpc(['apply', file, '--plan', '/dev/zero']);
    assert.match(plan.stderr, /--plan \/dev\/zero: is a device, not a regular file/);
    const usage = join(dir, 'usage.sql');
    execFileSync('mkfifo', [usage]);
    const doctor = await mcvpc(['doctor', file, '--usage', usage]);
    assert.equal(doctor.code, 1);
    assert.match(doctor.stderr, /usage\.sql: is a named pipe, not a regular file/);
  });

  it('plan --out writes a new file or its own plan, and refuses the spec, another file or a link unless --force', async () => {
    const file = await specFile('o.mcvpc.yaml', specText({ targets: [TARGETS.emr] }));
    const planFile = join(dir, 'o.plan.json');
    assert.equal((await mcvpc(['plan', file, '--out', planFile])).code, 2);
    assert.equal((await mcvpc(['plan', file, '--out', planFile])).code, 2, 'its own plan is overwritten');
    const spec = await readFile(file, 'utf8');
    const notes = await specFile('notes.txt', 'my notes\n');
    await symlink(notes, join(dir, 'link.json'));
    const refused: Array<[string, RegExp]> = [
      [file, /--out \S*o\.mcvpc\.yaml is a spec file; a saved plan goes to its own file/],
      [notes, /--out \S*notes\.txt exists and is not a plan mcvpc wrote; not overwritten/],
      [join(dir, 'link.json'), /--out \S*link\.json is a symbolic link; not written through it/],
    ];
    for (const [out, why] of refused) {
      const run = await mcvpc(['plan', file, '--out', out]);
      assert.equal(run.code, 1, run.stderr);
      assert.match(run.stderr, why);
    }
    assert.equal(await readFile(file, 'utf8'), spec, 'the spec is untouched');
    assert.equal(await readFile(notes, 'utf8'), 'my notes\n', 'the other file is untouched');
    const forced = await mcvpc(['plan', file, '--out', notes, '--force']);
    assert.equal(forced.code, 2, forced.stderr);
    assert.match(await readFile(notes, 'utf8'), /"kind": "mcvpc-plan"/);
  });

  it('shows a saved plan’s fields escaped when it refuses the plan', async () => {
    const file = await specFile('t.mcvpc.yaml', specText({ targets: [TARGETS.emr] }));
    const planFile = join(dir, 't.plan.json');
    assert.equal((await mcvpc(['plan', file, '--out', planFile])).code, 2);
    const saved = JSON.parse(await readFile(planFile, 'utf8')) as { plans: Array<{ networkLinkName: string }> };
    saved.plans[0]!.networkLinkName = 'x\u001b]0;owned\u0007\u001b[2J\u202e';
    await writeFile(planFile, JSON.stringify(saved));
    const run = await mcvpc(['apply', file, '--plan', planFile]);
    assert.equal(run.code, 1);
    // eslint-disable-next-line no-control-regex -- finding controls is the point
    assert.ok(!/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/.test(run.stderr), JSON.stringify(run.stderr));
    assert.match(run.stderr, /plans "x\\u001B\]0;owned\\u0007\\u001B\[2J\\u202E", which the spec no longer has/);
  });

  it('shows a file name with control or bidi characters escaped, in text and in JSON (which reads back the same)', async () => {
    const name = 'x\u202e\u001b[2J\u009b.mcvpc.yaml';
    const good = await specFile(name, specText({ targets: [TARGETS.emr] }));
    const bad = await specFile(`bad-${name}`, 'version: mcvpc/v1\nkind: NetworkLink\n');
    const runs = [
      await mcvpc(['validate', good]),
      await mcvpc(['validate', bad]),
      await mcvpc(['validate', bad, '--json']),
      await mcvpc(['plan', good, '--json']),
    ];
    for (const run of runs) {
      // eslint-disable-next-line no-control-regex -- finding controls is the point
      assert.doesNotMatch(run.stdout + run.stderr, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/, JSON.stringify(run));
    }
    assert.match(runs[0]!.stdout, /x\\u202E\\u001B\[2J\\u009B\.mcvpc\.yaml: valid/);
    assert.match(runs[1]!.stderr, /bad-x\\u202E\\u001B\[2J\\u009B\.mcvpc\.yaml:1:1: error: /);
    assert.equal((JSON.parse(runs[2]!.stdout) as { file: string }).file, bad);
    assert.equal((JSON.parse(runs[3]!.stdout) as { file: string }).file, good);
  });

  it('a missing --plan file is named before the cloud is read', async () => {
    const file = await specFile('p.mcvpc.yaml', specText({ targets: [TARGETS.emr] }));
    emu.clearRequests();
    const run = await mcvpc(['apply', file, '--plan', join(dir, 'nope.plan.json')]);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /--plan \S*nope\.plan\.json: no such file; save a plan with: mcvpc plan FILE --out /);
    assert.doesNotMatch(run.stderr, /ENOENT/);
    assert.equal(emu.requests().length, 0, 'no cloud call');
  });

  it('rejects unknown flags and a missing file with a usage line', async () => {
    const flag = await mcvpc(['plan', 'x.mcvpc.yaml', '--forse']);
    assert.equal(flag.code, 1);
    assert.match(flag.stderr, /unknown option "--forse" for mcvpc plan[\s\S]*usage: mcvpc plan/);
    const file = await specFile('no.mcvpc.yaml', specText({ targets: [TARGETS.emr] }));
    const falseApproval = await mcvpc(['apply', file, '--auto-approve=false']);
    assert.equal(falseApproval.code, 1);
    assert.match(falseApproval.stderr, /--auto-approve takes no value \(got "false"\)[\s\S]*usage: mcvpc apply/);
    assert.equal((await mainAccount(emu)).securityGroups.filter((g) => g.name === 'maxcompute-link').length, 0, 'nothing applied');
    const jsonNo = await mcvpc(['validate', file, '--json=no']);
    assert.equal(jsonNo.code, 1);
    assert.equal(jsonNo.stdout, '', 'no JSON printed');
    emu.clearRequests();
    const region = await mcvpc(['plan', file, '--region', 'cn-hangzhou.evil.example']);
    assert.equal(region.code, 1);
    assert.match(region.stderr, /--region "cn-hangzhou\.evil\.example" is not a region/);
    assert.equal(emu.requests().length, 0, 'a bad region reaches no host');
    const missing = await mcvpc(['validate', join(dir, 'nope.mcvpc.yaml')]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /nope\.mcvpc\.yaml: no such file/);
    noStackTrace(missing);
  });

  /** Applies a spec file to the end through the CLI, in one run. */
  async function appliedFile(name: string, targets: string[]): Promise<string> {
    const file = await specFile(name, specText({ targets }));
    const done = await mcvpc(['apply', file, '--auto-approve']);
    assert.equal(done.code, 0, done.stdout + done.stderr);
    return file;
  }

  it('kill -9 between CreateNetworkLink and SUCCESS, then apply again: one link, done (0)', async () => {
    emu.setFaults({ networkLinkCreateMs: 2000 });
    const file = await specFile('k.mcvpc.yaml', specText({ targets: [TARGETS.rdsWhitelist] }));
    const child = spawn(process.execPath, [bundle.path, 'apply', file, '--auto-approve'], { cwd: ROOT, env, stdio: 'pipe' });
    const closed = new Promise<void>((resolve) => child.on('close', () => resolve()));
    const deadline = Date.now() + 30_000;
    while (!emu.requests().some((r) => r.action === 'CreateNetworkLink' && r.status === 200) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 10));
    child.kill('SIGKILL');
    await closed;
    const links = ((await mainAccount(emu)) as unknown as { networkLinks: Array<{ name: string; status: string }> }).networkLinks.filter(
      (l) => l.name === 'orders_link',
    );
    assert.deepEqual(
      links.map((l) => l.status),
      ['CREATING'],
      'killed while the link was being created',
    );
    const again = await mcvpc(['apply', file, '--auto-approve']);
    assert.equal(again.code, 0, again.stdout + again.stderr);
    assert.match(again.stdout, /Wait for network link "orders_link" \(now CREATING\)/);
    assert.equal(emu.requests().filter((r) => r.action === 'CreateNetworkLink').length, 1, 'adopted, not created twice');
    assert.equal(
      (await mainAccount(emu)).rdsInstances[0]!.ipArrays.find((a) => a.name === 'maxcompute')?.ips.includes('192.168.1.0/24'),
      true,
    );
  });

  it('destroy asks, removes the link through the API and the rest in one run (0); then has nothing to do (0)', async () => {
    const file = await appliedFile('d.mcvpc.yaml', [TARGETS.rdsDefaultWhitelist, TARGETS.emr]);
    const groupId = await groupIdByName(emu, 'maxcompute-link');
    const unasked = await mcvpc(['destroy', file]);
    assert.equal(unasked.code, 1);
    assert.match(unasked.stderr, /mcvpc destroy: not destroying without confirmation.*--auto-approve/);
    assert.match(
      unasked.stdout,
      /^ {2}- RDS rm-\S+: remove 192\.168\.1\.0\/24 from whitelist group default$/m,
      'the plan is shown with - for what it removes',
    );
    assert.match(
      unasked.stdout,
      /^ {2}- Remove network link "orders_link" \(SUCCESS\) and wait until MaxCompute's interfaces are gone from vsw-\S+$/m,
    );
    assert.match(unasked.stdout, new RegExp(`^ {2}- Delete security group ${groupId} \\(maxcompute-link\\)$`, 'm'));
    assert.match(unasked.stdout, /^Plan: 0 to add, 0 to change, 4 to remove, 0 unchanged, 0 manual\.$/m);
    assert.equal(
      (await mainAccount(emu)).rdsInstances[0]!.ipArrays.find((a) => a.name === 'default')?.ips.includes('192.168.1.0/24'),
      true,
      'nothing changed',
    );

    const first = await mcvpc(['destroy', file, '--auto-approve', '--json']);
    assert.equal(first.code, 0, first.stdout + first.stderr);
    assert.match(first.stderr, /\[orders_link\] done: RDS rm-\S+: remove 192\.168\.1\.0\/24/, 'progress on stderr');
    const report = JSON.parse(first.stdout) as {
      command: string;
      outcome: string;
      reports: Array<{ steps: Array<{ stepId: string; status: string }> }>;
    };
    assert.equal(report.command, 'destroy');
    assert.equal(report.outcome, 'done');
    assert.deepEqual(
      report.reports[0]!.steps.map((s) => [s.stepId, s.status]),
      [
        ['target.0.rds', 'done'],
        ['target.1.emr', 'done'],
        ['network-link.remove', 'done'],
        ['link-group.delete', 'done'],
      ],
    );
    assert.equal(
      ((await mainAccount(emu)) as unknown as { networkLinks: Array<{ name: string }> }).networkLinks.some((l) => l.name === 'orders_link'),
      false,
      'the link is gone',
    );
    assert.equal(
      (await mainAccount(emu)).securityGroups.some((g) => g.securityGroupId === groupId),
      false,
      'the link group is deleted',
    );

    const again = await mcvpc(['destroy', file]);
    assert.equal(again.code, 0, 'no changes: no question, exit 0');
    assert.match(again.stdout, /^Destroy complete: 0 done/m);
  });

  it('destroy exits 1 with the API code and RequestId when a removal fails, and says to run it again', async () => {
    const file = await appliedFile('f.mcvpc.yaml', [TARGETS.hbaseWhitelist]);
    emu.setFaults({ failNext: [{ action: 'ModifyIpWhitelist', code: 'InvalidParameter', times: 1 }] });
    const failed = await mcvpc(['destroy', file, '--auto-approve']);
    assert.equal(failed.code, 1, failed.stdout);
    assert.match(failed.stdout, /FAILED\s+HBase hb-\S+: remove 192\.168\.1\.0\/24 from whitelist group maxcompute/);
    assert.match(failed.stdout, /HBase\.ModifyIpWhitelist: InvalidParameter: .*\(RequestId: [\w-]+\)/);
    assert.match(failed.stdout, /Destroy failed: .*run mcvpc destroy .*f\.mcvpc\.yaml again; nothing will be done twice\./);
    noStackTrace(failed);
    const json = await mcvpc(['destroy', file, '--auto-approve', '--json']);
    assert.equal(json.code, 0, json.stderr);
    assert.equal((JSON.parse(json.stdout) as { outcome: string }).outcome, 'done');
  });

  it('apply --plan refuses a destroy plan; destroy takes no --plan and checks its options', async () => {
    const file = await appliedFile('p.mcvpc.yaml', [TARGETS.rdsWhitelist]);
    const spec = parseOne(specText({ targets: [TARGETS.rdsWhitelist] }));
    const { plan } = await planSpecTeardown(await cloudFor(emu), spec);
    const planFile = join(dir, 'destroy.plan.json');
    await writeFile(planFile, JSON.stringify(savedPlanFile(file, [plan])), 'utf8');
    emu.clearRequests();
    const refused = await mcvpc(['apply', file, '--plan', planFile]);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /refusing the saved plan: .*is a destroy plan, and mcvpc apply carries out only apply plans/);
    assert.deepEqual(
      emu
        .requests()
        .filter((r) => !/^(Describe|Get|List)/.test(r.action))
        .map((r) => r.action),
      [],
      'nothing changed',
    );

    const withPlan = await mcvpc(['destroy', file, '--plan', planFile]);
    assert.equal(withPlan.code, 1);
    assert.match(withPlan.stderr, /unknown option "--plan" for mcvpc destroy[\s\S]*usage: mcvpc destroy FILE \[--auto-approve\]/);
    const badWait = await mcvpc(['destroy', file, '--wait-for-console', 'soon']);
    assert.equal(badWait.code, 1);
    assert.match(badWait.stderr, /--wait-for-console needs a whole number, got "soon"/);
    const help = await mcvpc(['help']);
    assert.match(help.stdout, /^ {2}destroy {4}remove what apply added/m);
  });

  it('every command listed by mcvpc help prints its usage for --help and -h, and exits 0', async () => {
    const listed = [...(await mcvpc(['help'])).stdout.matchAll(/^ {2}([a-z]+) /gm)].map((m) => m[1]!);
    assert.deepEqual([...listed].sort(), [
      'apply',
      'check',
      'destroy',
      'doctor',
      'emulator',
      'import',
      'lint',
      'plan',
      'usage',
      'validate',
    ]);
    for (const command of listed) {
      for (const flag of ['--help', '-h']) {
        const run = await mcvpc([command, flag]);
        assert.equal(run.code, 0, `mcvpc ${command} ${flag}: ${run.stderr}`);
        assert.match(run.stdout, new RegExp(`^usage: mcvpc ${command} \\S`), `mcvpc ${command} ${flag}`);
        assert.equal(run.stderr, '', `mcvpc ${command} ${flag}`);
      }
    }
    const withFile = await mcvpc(['doctor', 'some.mcvpc.yaml', '--json', '--help']);
    assert.equal(withFile.code, 0, 'help wins over the other arguments');
    assert.match(withFile.stdout, /^usage: mcvpc doctor FILE \[--json \| --format text\|json\|sarif\]/);
    assert.match(withFile.stdout, /^Exit: 0 pass, 2 some fail, 3 some unknown, 1 could not run\.$/m);
  });

  it('every command words an unknown option alike: the mistake, the usage line of its --help, where the rest is; exit 1', async () => {
    const listed = [...(await mcvpc(['help'])).stdout.matchAll(/^ {2}([a-z]+) /gm)].map((m) => m[1]!);
    for (const command of listed) {
      const usageLine = (await mcvpc([command, '--help'])).stdout.split('\n')[0]!;
      const run = await mcvpc([command, '--frobnicate']);
      assert.equal(run.code, 1, `mcvpc ${command} --frobnicate`);
      assert.equal(run.stdout, '', `mcvpc ${command} --frobnicate`);
      const lines = run.stderr.split('\n');
      assert.match(
        lines[0]!,
        new RegExp(`^mcvpc ${command}: unknown option "--frobnicate" for mcvpc ${command} \\(known: --[a-z]`),
        `mcvpc ${command} --frobnicate`,
      );
      assert.deepEqual(lines.slice(1), [usageLine, `Run "mcvpc ${command} --help" for more.`, ''], `mcvpc ${command} --frobnicate`);
    }
  });
});
