/**
 * `npm run bench:explorer`: the Network view's data layer (src/ui/networkView/model/explorerData.ts, no
 * vscode) expanding a large region as a person would, against the emulator.
 *
 * World: the emulator's scale seed (one region, 500 VPCs × 5 vSwitches × 10 security groups)
 * with 20 ms latency per request, in a child process (its CPU must not count as the client's).
 * Each run starts with an empty cache (a new ExplorerData) and measures:
 *   - time to the first VPC page: region expanded → its children (one DescribeVpcs page);
 *   - time to expand one VPC fully: its four groups, every security group's rules, the links
 *     and the services with their access state;
 *   - the API calls made (the emulator's request log), and any call made twice;
 *   - a second expansion of everything, which must make no call at all (the cache is valid).
 * Targets: first page within 2 round trips of latency + 100 ms; no call repeated.
 * Prints plain lines; exits non-zero only when the run itself fails (not on missing a target).
 */
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { createCloud, type Cloud } from '../../src/cloud';
import { startEmulator, type RequestRecord } from '../../src/emulator';
import { DEFAULT_SEED } from '../../src/emulator/seed';
import { describeError } from '../../src/cloud/describeError';
import { ExplorerData } from '../../src/ui/networkView/model/explorerData';
import type { ExplorerNode } from '../../src/ui/networkView/model/nodes';

const REGION = 'cn-hangzhou';
const VPCS = 500;
const VSWITCHES_PER_VPC = 5;
const GROUPS_PER_VPC = 10;
const LATENCY_MS = 20;
const FIRST_PAGE_TARGET_MS = 2 * LATENCY_MS + 100;
const MEASURED_RUNS = 5;

async function runEmulatorChild(): Promise<void> {
  const emu = await startEmulator({
    port: 0,
    seed: { kind: 'scale', regionId: REGION, vpcs: VPCS, vSwitchesPerVpc: VSWITCHES_PER_VPC, securityGroupsPerVpc: GROUPS_PER_VPC },
    faults: { latencyMs: LATENCY_MS },
  });
  process.send?.({ endpoint: emu.endpoint });
  process.on('disconnect', () => void emu.close().then(() => process.exit(0)));
}

function startChild(): Promise<{ endpoint: string; stop: () => void }> {
  const child = fork(__filename, ['--emulator-child'], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the emulator process exited with code ${code} before it was ready`)));
    child.once('message', (m: { endpoint: string }) => resolve({ endpoint: m.endpoint, stop: () => child.disconnect() }));
  });
}

/** The emulator's request log over its control route. */
async function requests(endpoint: string): Promise<RequestRecord[]> {
  const answer = (await (await fetch(`${endpoint}/__emulator/requests`)).json()) as { requests: RequestRecord[] };
  return answer.requests;
}

async function clearRequests(endpoint: string): Promise<void> {
  await fetch(`${endpoint}/__emulator/requests`, { method: 'DELETE' });
}

function dataLayer(cloud: Cloud): ExplorerData {
  return new ExplorerData({
    openCloud: async () => cloud,
    settings: () => ({ regions: [REGION], pageSize: 50 }),
    declaredLinks: async () => [],
    describeError,
  });
}

/** Expands every node under `node` (a person opening everything), in parallel per level. */
async function expandAll(data: ExplorerData, node: ExplorerNode): Promise<ExplorerNode[]> {
  const children = await data.children(node);
  const nested = await Promise.all(children.map((c) => expandAll(data, c)));
  return [...children, ...nested.flat()];
}

interface RunResult {
  firstPageMs: number;
  vpcMs: number;
  calls: RequestRecord[];
  repeatCalls: number;
  nodes: number;
  errors: string[];
}

async function run(cloud: Cloud, endpoint: string): Promise<RunResult> {
  await clearRequests(endpoint);
  const data = dataLayer(cloud);
  const [region] = await data.children();
  const t0 = performance.now();
  const page = await data.children(region);
  const firstPageMs = performance.now() - t0;
  const vpc = page.find((n) => n.kind === 'vpc');
  if (vpc === undefined) throw new Error(`no VPC on the first page: ${JSON.stringify(page.slice(0, 3))}`);
  const t1 = performance.now();
  const expanded = await expandAll(data, vpc);
  const vpcMs = performance.now() - t1;
  const calls = await requests(endpoint);
  // Everything again, as VS Code does on a redraw: all of it must come from the cache.
  await data.children(region);
  await expandAll(data, vpc);
  const repeatCalls = (await requests(endpoint)).length - calls.length;
  const errors = expanded.filter((n) => n.kind === 'error').map((n) => (n.kind === 'error' ? `${n.label}: ${n.error.message}` : ''));
  return { firstPageMs, vpcMs, calls, repeatCalls, nodes: expanded.length, errors };
}

function duplicates(calls: RequestRecord[]): string[] {
  const seen = new Map<string, number>();
  for (const c of calls) {
    const key = `${c.action} ${JSON.stringify(
      Object.entries(c.params)
        .filter(([k]) => k !== 'ClientToken')
        .sort(),
    )}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  return [...seen].filter(([, n]) => n > 1).map(([k, n]) => `${n}× ${k}`);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function main(): Promise<void> {
  process.env.ALIBABA_CLOUD_ECS_METADATA_DISABLED = 'true';
  const child = await startChild();
  try {
    const cloud = await createCloud({
      endpoint: child.endpoint,
      regionId: REGION,
      configFile: join(tmpdir(), 'mcvpc-no-such-dir', 'config.json'),
      env: {
        ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true',
        ALIBABA_CLOUD_ACCESS_KEY_ID: DEFAULT_SEED.main.accessKeyId,
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: DEFAULT_SEED.main.accessKeySecret,
      },
    });
    console.log(
      `bench:explorer — ${VPCS} VPCs × ${VSWITCHES_PER_VPC} vSwitches × ${GROUPS_PER_VPC} security groups in ${REGION}, ${LATENCY_MS} ms latency, emulator in a child process`,
    );
    const cold = await run(cloud, child.endpoint);
    console.log(
      `cold run: first VPC page ${cold.firstPageMs.toFixed(0)} ms, one VPC fully expanded ${cold.vpcMs.toFixed(0)} ms (${cold.nodes} nodes)`,
    );
    const runs: RunResult[] = [];
    for (let i = 0; i < MEASURED_RUNS; i++) runs.push(await run(cloud, child.endpoint));
    const last = runs[runs.length - 1]!;
    const byAction = new Map<string, number>();
    for (const c of last.calls) byAction.set(c.action, (byAction.get(c.action) ?? 0) + 1);
    const firstPage = median(runs.map((r) => r.firstPageMs));
    const vpc = median(runs.map((r) => r.vpcMs));
    const dupes = duplicates(last.calls);
    const repeats = Math.max(...runs.map((r) => r.repeatCalls));
    console.log(
      `time to the first VPC page: ${firstPage.toFixed(0)} ms (median of ${MEASURED_RUNS}; target ≤ ${FIRST_PAGE_TARGET_MS} ms = 2 × ${LATENCY_MS} ms + 100 ms) ${firstPage <= FIRST_PAGE_TARGET_MS ? 'MET' : 'MISSED'}`,
    );
    console.log(
      `time to expand one VPC fully: ${vpc.toFixed(0)} ms (median; ${last.nodes} nodes: 4 groups, vSwitches, security groups and their rules, links, services)`,
    );
    console.log(
      `API calls for the first page and one VPC: ${last.calls.length} — ${[...byAction].map(([a, n]) => `${a} ${n}`).join(', ')}`,
    );
    console.log(
      `calls made twice while cached: ${dupes.length === 0 ? 'none' : dupes.join('; ')}; calls on a second full expansion: ${repeats} ${dupes.length === 0 && repeats === 0 ? 'MET' : 'MISSED'}`,
    );
    if (last.errors.length > 0) console.log(`error nodes: ${last.errors.join('; ')}`);
  } finally {
    child.stop();
  }
}

if (process.argv.includes('--emulator-child')) {
  void runEmulatorChild();
} else {
  main().catch((error: unknown) => {
    console.error(`bench:explorer failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 1;
  });
}
