/**
 * `npm run bench:cloud`: list a whole large region through src/cloud against the emulator.
 *
 * World: the emulator's scale seed (one region, 500 VPCs × 5 vSwitches × 10 security groups)
 * with 20 ms latency per request. Plan: every listing is paged by page number, so the first
 * page of each reveals its total and all remaining pages then go out together under the
 * session's concurrency cap:
 *   - DescribeVpcs, PageSize 50 (the maximum);
 *   - DescribeVSwitches region-wide (not per VPC), PageSize 50;
 *   - DescribeSecurityGroups region-wide with the deprecated-but-accepted PageNumber/PageSize
 *     (max 50): its recommended NextToken paging (MaxResults 100) would force 50 round trips one
 *     after another, twice the bound of this plan.
 * Lower bound: latency × the fewest sequential round trips the cap allows for this world: one
 * round for the three first pages, then ceil(remaining pages / cap) rounds, the pages counted
 * from the world's size and each API's page limit (not from the calls made).
 *
 * The emulator runs in a child process: in the same process its CPU work (building 160
 * answers from a 8,000-resource world) would share one thread with the client and be
 * measured as client time, which the real cloud never is.
 *
 * Prints plain lines; exits non-zero only when the run itself fails (not on missing the target).
 */

import { fork, type ChildProcess } from 'node:child_process';
import * as os from 'node:os';
import { createCloud, type Cloud } from '../../src/cloud';
import { startEmulator, type RequestRecord } from '../../src/emulator';
import { DEFAULT_SEED } from '../../src/emulator/seed';

const REGION = 'cn-hangzhou';
const VPCS = 500;
const VSWITCHES_PER_VPC = 5;
const GROUPS_PER_VPC = 10;
const LATENCY_MS = 20;
const MAX_CONCURRENCY = 8;
const TARGET_RATIO = 1.5;
/** The largest page each listing's API allows (DescribeVpcs, DescribeVSwitches, DescribeSecurityGroups by page number). */
const PAGE_LIMITS = { vpcs: 50, vSwitches: 50, groups: 50 } as const;

/**
 * The fewest sequential round trips that can list this world: the first page of each listing
 * together, then the pages still needed, `cap` at a time. Derived from the world's size and the
 * page limits alone, so a client that asks for more pages than needed cannot raise its own bar.
 */
function lowerBoundRounds(world: { vpcs: number; vSwitches: number; groups: number }, cap: number): number {
  const listings = Object.keys(PAGE_LIMITS) as Array<keyof typeof PAGE_LIMITS>;
  const pages = listings.reduce((n, l) => n + Math.max(1, Math.ceil(world[l] / PAGE_LIMITS[l])), 0);
  return 1 + Math.ceil((pages - listings.length) / cap);
}
/** Runs after the cold one; the median is reported (the machine is shared, single runs are noisy). */
const MEASURED_RUNS = 5;

/** Messages between the bench and its emulator child. */
type ToChild = { kind: 'requests' } | { kind: 'clear' } | { kind: 'close' };
type FromChild =
  | { kind: 'ready'; endpoint: string }
  | { kind: 'requests'; records: RequestRecord[]; cpuMs: number }
  | { kind: 'cleared' }
  | { kind: 'failed'; message: string };

/** The child side: run the emulator and answer the parent's questions about its request log. */
async function runEmulatorChild(): Promise<void> {
  const send = (m: FromChild): void => void process.send?.(m);
  try {
    const emu = await startEmulator({
      port: 0,
      seed: { kind: 'scale', regionId: REGION, vpcs: VPCS, vSwitchesPerVpc: VSWITCHES_PER_VPC, securityGroupsPerVpc: GROUPS_PER_VPC },
      faults: { latencyMs: LATENCY_MS },
    });
    let cpuBaseline = process.cpuUsage();
    process.on('message', (m: ToChild) => {
      if (m.kind === 'requests') {
        const cpu = process.cpuUsage(cpuBaseline);
        send({ kind: 'requests', records: emu.requests(), cpuMs: (cpu.user + cpu.system) / 1000 });
      }
      if (m.kind === 'clear') {
        emu.clearRequests();
        cpuBaseline = process.cpuUsage();
        send({ kind: 'cleared' });
      }
      if (m.kind === 'close') void emu.close().then(() => process.exit(0));
    });
    send({ kind: 'ready', endpoint: emu.endpoint });
  } catch (err) {
    send({ kind: 'failed', message: err instanceof Error ? err.message : String(err) });
    process.exit(1);
  }
}

/** The parent's handle on the emulator child. */
class EmulatorChild {
  private constructor(
    private readonly child: ChildProcess,
    readonly endpoint: string,
  ) {}

  static start(): Promise<EmulatorChild> {
    const child = fork(__filename, ['--emulator-child'], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    return new Promise((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`the emulator process exited with code ${code} before it was ready`)));
      child.once('message', (m: FromChild) => {
        if (m.kind === 'ready') resolve(new EmulatorChild(child, m.endpoint));
        else reject(new Error(m.kind === 'failed' ? `the emulator failed to start: ${m.message}` : `unexpected message ${m.kind}`));
      });
    });
  }

  private ask<K extends FromChild['kind']>(message: ToChild, reply: K): Promise<Extract<FromChild, { kind: K }>> {
    return new Promise((resolve, reject) => {
      const onExit = (code: number | null): void => {
        this.child.off('message', onMessage);
        reject(new Error(`the emulator process exited (code ${code}) while asked for ${message.kind}`));
      };
      const onMessage = (m: FromChild): void => {
        if (m.kind !== reply) return;
        this.child.off('message', onMessage);
        this.child.off('exit', onExit);
        resolve(m as Extract<FromChild, { kind: K }>);
      };
      this.child.on('message', onMessage);
      this.child.once('exit', onExit);
      this.child.send(message);
    });
  }

  /** The request log since the last clear, and the CPU the emulator spent since then. */
  async requests(): Promise<{ records: RequestRecord[]; cpuMs: number }> {
    const { records, cpuMs } = await this.ask({ kind: 'requests' }, 'requests');
    return { records, cpuMs };
  }

  async clearRequests(): Promise<void> {
    await this.ask({ kind: 'clear' }, 'cleared');
  }

  close(): Promise<void> {
    if (this.child.exitCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      this.child.once('exit', () => resolve());
      this.child.send({ kind: 'close' } satisfies ToChild);
    });
  }
}

interface RunResult {
  wallMs: number;
  /** CPU the client process spent (signing, HTTP, JSON, mapping), for telling client cost from emulator cost. */
  clientCpuMs: number;
  /** CPU the emulator process spent answering (one thread: it caps how fast answers can come). */
  emulatorCpuMs: number;
  calls: number;
  perAction: string;
  failed: number;
  duplicates: number;
  lowerBoundMs: number;
}

/** One full listing of the region, checked for completeness and measured against the request log. */
async function listRegion(
  cloud: Cloud,
  expected: { vpcs: number; vSwitches: number; groups: number },
  emu: EmulatorChild,
): Promise<RunResult> {
  const cpuBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  const [vpcs, vSwitches, groups] = await Promise.all([
    cloud.fetchAll(cloud.lists.vpcs()),
    cloud.fetchAll(cloud.lists.vSwitches()),
    cloud.fetchAll(cloud.lists.securityGroups({}, 'page-number')),
  ]);
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const cpu = process.cpuUsage(cpuBefore);
  const clientCpuMs = (cpu.user + cpu.system) / 1000;

  const got = { vpcs: vpcs.length, vSwitches: vSwitches.length, groups: groups.length };
  const unique = {
    vpcs: new Set(vpcs.map((v) => v.vpcId)).size,
    vSwitches: new Set(vSwitches.map((s) => s.vSwitchId)).size,
    groups: new Set(groups.map((g) => g.securityGroupId)).size,
  };
  if (JSON.stringify(got) !== JSON.stringify(expected) || JSON.stringify(unique) !== JSON.stringify(expected)) {
    throw new Error(`Listed ${JSON.stringify(got)} (unique ${JSON.stringify(unique)}), expected ${JSON.stringify(expected)}.`);
  }

  const { records: requests, cpuMs: emulatorCpuMs } = await emu.requests();
  const keys = requests.map((r) => `${r.action} ${JSON.stringify(Object.entries(r.params).sort(([a], [b]) => a.localeCompare(b)))}`);
  const perAction = new Map<string, number>();
  for (const r of requests) perAction.set(r.action, (perAction.get(r.action) ?? 0) + 1);
  const rounds = lowerBoundRounds(expected, MAX_CONCURRENCY);
  return {
    wallMs,
    clientCpuMs,
    emulatorCpuMs,
    calls: requests.length,
    perAction: [...perAction].map(([a, n]) => `${a} ${n}`).join(', '),
    failed: requests.filter((r) => r.status !== 200).length,
    duplicates: keys.length - new Set(keys).size,
    lowerBoundMs: rounds * LATENCY_MS,
  };
}

async function main(): Promise<void> {
  const emu = await EmulatorChild.start();
  try {
    const cloud = await createCloud({
      endpoint: emu.endpoint,
      regionId: REGION,
      maxConcurrency: MAX_CONCURRENCY,
      configFile: '/nonexistent/mcvpc-bench/config.json',
      env: {
        ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true',
        ALIBABA_CLOUD_ACCESS_KEY_ID: DEFAULT_SEED.main.accessKeyId,
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: DEFAULT_SEED.main.accessKeySecret,
      },
    });
    const expected = { vpcs: VPCS, vSwitches: VPCS * VSWITCHES_PER_VPC, groups: VPCS * GROUPS_PER_VPC };
    console.log(`world: ${REGION}, ${VPCS} VPCs, ${expected.vSwitches} vSwitches, ${expected.groups} security groups`);
    console.log(`latency per request: ${LATENCY_MS} ms; concurrency cap: ${MAX_CONCURRENCY}; runs: 1 cold + ${MEASURED_RUNS} measured`);
    // Wall time on a shared machine depends on what else runs: say so next to the figures.
    console.log(`machine: ${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(2)}`);

    const runs: RunResult[] = [];
    for (let run = 0; run <= MEASURED_RUNS; run++) {
      await emu.clearRequests();
      const result = await listRegion(cloud, expected, emu);
      const label = run === 0 ? 'cold run' : `run ${run}`;
      console.log(
        `${label}: wall ${result.wallMs.toFixed(1)} ms, client CPU ${result.clientCpuMs.toFixed(0)} ms, emulator CPU ${result.emulatorCpuMs.toFixed(0)} ms, ${result.calls} calls, ${result.failed} failed, made twice: ${result.duplicates}, ratio ${(result.wallMs / result.lowerBoundMs).toFixed(2)}`,
      );
      if (run > 0) runs.push(result);
    }
    const median = [...runs].sort((a, b) => a.wallMs - b.wallMs)[Math.floor(runs.length / 2)];
    const ratio = median.wallMs / median.lowerBoundMs;
    const duplicates = runs.reduce((n, r) => n + r.duplicates, 0);
    console.log(`wall time (median of ${MEASURED_RUNS}): ${median.wallMs.toFixed(1)} ms`);
    console.log(`api calls: ${median.calls} (${median.perAction})`);
    console.log(`failed calls: ${median.failed}`);
    console.log(`calls made twice (same action + params): ${duplicates === 0 ? 'none' : duplicates}`);
    console.log(`lower bound: ${median.lowerBoundMs} ms (${median.lowerBoundMs / LATENCY_MS} sequential round trips × ${LATENCY_MS} ms)`);
    console.log(
      `ratio to lower bound: ${ratio.toFixed(2)} (target ≤ ${TARGET_RATIO}: ${ratio <= TARGET_RATIO && duplicates === 0 ? 'met' : 'missed'})`,
    );
  } finally {
    await emu.close();
  }
}

if (process.argv.includes('--emulator-child')) {
  void runEmulatorChild();
} else {
  main().catch((err: unknown) => {
    console.error(`bench:cloud failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  });
}
