/**
 * `npm run bench:check`: `mcvpc check --live` (the bundled CLI, as CI runs it) over a generated
 * repository of 50 specs and 200 SQL/Spark files, against the emulator at 20 ms a call (10 of the
 * specs applied first, at no latency). Prints the wall time, the API calls (by action, and any
 * security group read twice although several specs name it), and the ratio to the round-trip
 * lower bound: the offline check of the same repository plus the one chain of dependent calls
 * a single spec needs (measured: one spec checked live, less the same spec offline).
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCloud } from '../../src/cloud';
import { startEmulator, type RequestRecord } from '../../src/emulator';
import { DEFAULT_SEED } from '../../src/emulator/seed';
import { applyPlan, planSpec } from '../../src/engine';
import { parseSpecFile } from '../../src/connectionSpec';
import { bundleCli } from '../unit/builders/cliBundle';

const M = DEFAULT_SEED.main;
const SPECS = 50;
const SQL_FILES = 150;
const CONF_FILES = 50;
const APPLIED = 10;
const LATENCY_MS = 20;

/** Targets by turns: the ECS instance and the EMR cluster (whose groups many specs name), RDS, a custom block. */
function targets(i: number): string[] {
  switch (i % 4) {
    case 0:
      return ['  - kind: ecs', `    name: kafka-${i}`, `    instance: ${M.ecsInstanceId}`, `    ports: [${9092 + (i % 3)}]`];
    case 1:
      return ['  - kind: emr', `    name: hadoop-${i}`, `    cluster: ${M.emrClusterId}`];
    case 2:
      return [
        '  - kind: rds',
        `    name: orders-${i}`,
        `    instance: ${M.rdsInstanceId}`,
        '    access: whitelist',
        '    whitelistGroup: maxcompute',
      ];
    default:
      return ['  - kind: custom', `    name: api-${i}`, `    cidr: 192.168.2.${i}/32`, '    ports: [8080]'];
  }
}

function specText(i: number): string {
  return [
    'version: mcvpc/v1',
    'kind: NetworkLink',
    'metadata:',
    `  name: bench_link_${i}`,
    'region: cn-hangzhou',
    `vpc: ${M.vpcId}`,
    `vSwitch: ${M.vSwitchIdH}`,
    'securityGroup:',
    '  create:',
    `    name: maxcompute-bench-${i}`,
    '    inboundSource: vswitch-cidr',
    'targets:',
    ...targets(i),
    '',
  ].join('\n');
}

interface Run {
  code: number;
  ms: number;
  stderr: string;
}

function mcvpc(cli: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Run> {
  const start = performance.now();
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, 'check', ...args], { cwd, env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      // An exit 1 says why: its error findings (JSON output) go with stderr.
      const errors = stdout.startsWith('{')
        ? (
            JSON.parse(stdout) as { findings: Array<{ severity: string; file: string; line?: number; ruleId: string; message: string }> }
          ).findings
            .filter((f) => f.severity === 'error')
            .map((f) => `${f.file}:${f.line ?? 0}: [${f.ruleId}] ${f.message}`)
        : [];
      resolve({
        code: error === null ? 0 : typeof error.code === 'number' ? error.code : 99,
        ms: performance.now() - start,
        stderr: [stderr, ...errors.slice(0, 5)].join('\n'),
      });
    });
  });
}

function byAction(records: readonly RequestRecord[]): string {
  const counts = new Map<string, number>();
  for (const r of records) counts.set(r.action, (counts.get(r.action) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([a, n]) => `${a} ${n}`)
    .join(', ');
}

function groupsReadTwice(records: readonly RequestRecord[]): string[] {
  const seen = new Map<string, number>();
  for (const r of records) {
    if (r.action !== 'DescribeSecurityGroupAttribute' || r.params.SecurityGroupId === undefined) continue;
    const key = `${r.params.SecurityGroupId} ${r.params.Direction ?? ''}${r.params.NextToken ? ` page ${r.params.NextToken}` : ''}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  return [...seen].filter(([, n]) => n > 1).map(([k, n]) => `${k} ×${n}`);
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'mcvpc-bench-check-'));
  const emu = await startEmulator({ port: 0 });
  try {
    const cli = join(dir, 'cli.js');
    await bundleCli(cli);
    const repo = join(dir, 'repo');
    await mkdir(join(repo, '.git'), { recursive: true });
    for (let i = 0; i < SPECS; i++) {
      await mkdir(join(repo, `team${i % 5}`), { recursive: true });
      await writeFile(join(repo, `team${i % 5}`, `link${i}.mcvpc.yaml`), specText(i));
    }
    for (let f = 0; f < SQL_FILES; f++) {
      await mkdir(join(repo, 'jobs', `p${f % 10}`), { recursive: true });
      await writeFile(
        join(repo, 'jobs', `p${f % 10}`, `load${f}.sql`),
        `SET odps.session.networklink=bench_link_${f % SPECS};\nSELECT * FROM t${f};\n`,
      );
    }
    for (let f = 0; f < CONF_FILES; f++) {
      await mkdir(join(repo, 'spark', `job${f}`), { recursive: true });
      await writeFile(
        join(repo, 'spark', `job${f}`, 'spark-defaults.conf'),
        `spark.hadoop.odps.cupid.eni.enable=true\nspark.hadoop.odps.cupid.eni.info=cn-hangzhou:${M.vpcId}\n`,
      );
    }
    const single = join(dir, 'single');
    await mkdir(join(single, '.git'), { recursive: true });
    await writeFile(join(single, 'link0.mcvpc.yaml'), specText(0));

    const keep = Object.fromEntries(
      Object.entries(process.env).filter(([k]) => !/^(ALIBABA_CLOUD_|ALIBABACLOUD_|ALICLOUD_|MCVPC_)/.test(k)),
    );
    const env = {
      ...keep,
      HOME: dir,
      ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true',
      ALIBABA_CLOUD_ACCESS_KEY_ID: M.accessKeyId,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: M.accessKeySecret,
      MCVPC_ENDPOINT: emu.endpoint,
      MCVPC_LOCK_DIR: join(dir, 'locks'),
    };
    const cloud = await createCloud({
      endpoint: emu.endpoint,
      configFile: join(dir, 'no-config.json'),
      regionId: 'cn-hangzhou',
      env: {
        ALIBABA_CLOUD_ACCESS_KEY_ID: M.accessKeyId,
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: M.accessKeySecret,
        ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true',
      },
    });
    const fast = { pollInitialMs: 20, pollMaxMs: 100, visibilityTimeoutMs: 3000 };
    for (let i = 0; i < APPLIED; i++) {
      const spec = parseSpecFile(specText(i), `link${i}.mcvpc.yaml`).specs[0]!;
      const report = await applyPlan(cloud, spec, (await planSpec(cloud, spec)).plan, fast);
      if (report.outcome !== 'done') throw new Error(`apply of bench_link_${i}: ${report.outcome}`);
    }

    const offline = await mcvpc(cli, ['--json', '.'], repo, env);
    const singleOffline = await mcvpc(cli, ['--json', '.'], single, env);
    await fetch(`${emu.endpoint}/__emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ latencyMs: LATENCY_MS }),
    });
    emu.clearRequests();
    const singleLive = await mcvpc(cli, ['--json', '--live', '.'], single, env);
    const singleCalls = emu.requests().length;
    emu.clearRequests();
    const live = await mcvpc(cli, ['--json', '--live', '.'], repo, env);
    const calls = emu.requests();
    for (const run of [offline, singleOffline, singleLive, live])
      if (run.code !== 0 && run.code !== 2) throw new Error(`check exited ${run.code}: ${run.stderr}`);

    const chainMs = singleLive.ms - singleOffline.ms;
    const lowerBound = offline.ms + chainMs;
    console.log(
      `repository: ${SPECS} specs (${APPLIED} applied), ${SQL_FILES} .sql and ${CONF_FILES} spark-defaults.conf files; emulator at ${LATENCY_MS} ms a call`,
    );
    console.log(`offline check: ${offline.ms.toFixed(0)} ms (exit ${offline.code})`);
    console.log(
      `one spec live: ${singleLive.ms.toFixed(0)} ms, ${singleCalls} calls; its chain of round trips: ${chainMs.toFixed(0)} ms (~${Math.round(chainMs / LATENCY_MS)} × ${LATENCY_MS} ms)`,
    );
    console.log(
      `check --live: ${live.ms.toFixed(0)} ms (exit ${live.code}), ${calls.length} API calls (${(calls.length / SPECS).toFixed(1)} a spec; ${byAction(calls)})`,
    );
    const twice = groupsReadTwice(calls);
    console.log(`security groups read twice: ${twice.length === 0 ? 'none' : twice.join('; ')}`);
    console.log(
      `ratio to the round-trip lower bound (offline + one chain = ${lowerBound.toFixed(0)} ms): ${(live.ms / lowerBound).toFixed(2)}`,
    );
  } finally {
    await emu.close();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
