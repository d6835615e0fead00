/**
 * `npm run bench:doctor`: the link doctor on a VPC with 1,000 security-group rules over its
 * groups and 50 targets (ECS instances, each behind its own group), against the emulator.
 * Prints: the API calls to fetch what the doctor judges (and any group fetched twice), those
 * besides the per-group rule reads against a target of 15 (instances and groups are looked up in
 * batches of 100, src/cloud/batchReads.ts); the CPU
 * time of the analysis alone (src/core/doctor on data already fetched), median and worst of 50
 * runs; and the calls of a re-check with warm shared reads (the Network view hands in its cache
 * the same way), which must make no group call. Target: analysis under 20 ms.
 */
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCloud } from '../../src/cloud';
import { diagnoseLink } from '../../src/core/doctor';
import { startEmulator, type RequestRecord } from '../../src/emulator';
import { buildSeed, DEFAULT_SEED } from '../../src/emulator/seed';
import type { RuleRecord } from '../../src/emulator/products/ecsRecords';
import { applyPlan, onceReads, planSpec, readDoctorState } from '../../src/engine';
import { parseSpecFile } from '../../src/connectionSpec';
import { targetKind } from '../../src/targets';

const M = DEFAULT_SEED.main;
const TARGETS = 50;
const RULES_PER_TARGET_GROUP = 17;
const LINK_GROUP_EGRESS_RULES = 100;
const RUNS = 50;

function rule(
  n: string,
  direction: 'ingress' | 'egress',
  port: number,
  peerCidr: string,
  policy: 'Accept' | 'Drop',
  priority: number,
): RuleRecord {
  return {
    ruleId: `sgr-bench${n}`,
    direction,
    ipProtocol: 'TCP',
    portRange: `${port}/${port}`,
    sourcePortRange: '',
    policy,
    priority,
    nicType: 'intranet',
    peerCidr,
    description: '',
    createTime: '2026-01-15T08:00:00Z',
  };
}

async function world(): Promise<string> {
  const state = buildSeed('default');
  const main = state.accounts[0]!;
  for (let t = 0; t < TARGETS; t++) {
    const groupId = `sg-bench${String(t).padStart(4, '0')}`;
    const rules = Array.from({ length: RULES_PER_TARGET_GROUP }, (_, r) =>
      rule(`${t}x${r}`, 'ingress', 10_000 + r, `10.${t}.${r}.0/24`, r % 5 === 4 ? 'Drop' : 'Accept', 2 + (r % 90)),
    );
    main.securityGroups.push({
      securityGroupId: groupId,
      regionId: 'cn-hangzhou',
      vpcId: M.vpcId,
      name: `bench-${t}`,
      description: '',
      type: 'normal',
      innerAccessPolicy: 'Accept',
      serviceManaged: false,
      creationTime: '2026-01-15T08:00:00Z',
      visibleAt: 0,
      rules,
    });
    main.ecsInstances.push({
      instanceId: `i-bench${String(t).padStart(4, '0')}`,
      regionId: 'cn-hangzhou',
      zoneId: 'cn-hangzhou-h',
      vpcId: M.vpcId,
      vSwitchId: M.vSwitchIdH,
      name: `bench-${t}`,
      description: '',
      status: 'Running',
      instanceType: 'ecs.g7.large',
      privateIpAddresses: [`192.168.1.${100 + t}`],
      securityGroupIds: [groupId],
      creationTime: '2026-01-15T08:00:00Z',
      tags: [],
    });
  }
  const dir = await fs.mkdtemp(join(tmpdir(), 'mcvpc-bench-doctor-'));
  const file = join(dir, 'state.json');
  await fs.writeFile(file, JSON.stringify(state));
  return file;
}

function specText(): string {
  const targets = Array.from(
    { length: TARGETS },
    (_, t) => `  - kind: ecs\n    instance: i-bench${String(t).padStart(4, '0')}\n    ports: [9092]`,
  );
  return [
    'version: mcvpc/v1',
    'kind: NetworkLink',
    'metadata:',
    '  name: bench_link',
    'region: cn-hangzhou',
    `vpc: ${M.vpcId}`,
    `vSwitch: ${M.vSwitchIdH}`,
    'securityGroup:',
    '  create:',
    '    name: maxcompute-link',
    '    inboundSource: vswitch-cidr',
    'targets:',
    ...targets,
    '',
  ].join('\n');
}

function byAction(records: readonly RequestRecord[]): string {
  const counts = new Map<string, number>();
  for (const r of records) counts.set(r.action, (counts.get(r.action) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([a, n]) => `${a} ${n}`)
    .join(', ');
}

/** Group ids read more than once (rules or the group itself). */
function groupsFetchedTwice(records: readonly RequestRecord[]): string[] {
  const seen = new Map<string, number>();
  for (const r of records) {
    if ((r.action !== 'DescribeSecurityGroupAttribute' && r.action !== 'DescribeSecurityGroups') || r.params.SecurityGroupId === undefined)
      continue;
    const key = `${r.action} ${r.params.SecurityGroupId}${r.params.NextToken ? ` page ${r.params.NextToken}` : ''}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  return [...seen].filter(([, n]) => n > 1).map(([k, n]) => `${k} ×${n}`);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function main(): Promise<void> {
  const emu = await startEmulator({ port: 0, stateFile: await world() });
  try {
    const cloud = await createCloud({
      endpoint: emu.endpoint,
      configFile: join(tmpdir(), 'mcvpc-no-such-dir', 'config.json'),
      regionId: 'cn-hangzhou',
      env: {
        ALIBABA_CLOUD_ACCESS_KEY_ID: M.accessKeyId,
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: M.accessKeySecret,
        ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true',
      },
    });
    const parsed = parseSpecFile(specText(), 'bench.mcvpc.yaml');
    const spec = parsed.specs[0];
    if (spec === undefined) throw new Error(parsed.problems.map((p) => p.message).join('\n'));
    const fast = { pollInitialMs: 20, pollMaxMs: 100, visibilityTimeoutMs: 3000 };
    await applyPlan(cloud, spec, (await planSpec(cloud, spec)).plan, fast);
    const state0 = await readDoctorState(cloud, spec);
    const linkGroupId = state0.live.linkGroup!.group.securityGroupId;
    await fetch(`${emu.endpoint}/__emulator/console/network-links`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        accountId: M.accountId,
        regionId: 'cn-hangzhou',
        name: 'bench_link',
        vpcId: M.vpcId,
        vSwitchId: M.vSwitchIdH,
        securityGroupId: linkGroupId,
      }),
    });
    await applyPlan(cloud, spec, (await planSpec(cloud, spec)).plan, fast);
    for (let i = 0; i < LINK_GROUP_EGRESS_RULES; i += 50) {
      await cloud.ecs.authorizeSecurityGroupEgress({
        RegionId: 'cn-hangzhou',
        SecurityGroupId: linkGroupId,
        Permissions: Array.from({ length: 50 }, (_, k) => ({
          IpProtocol: 'TCP',
          PortRange: `${20_000 + i + k}/${20_000 + i + k}`,
          DestCidrIp: `172.16.${i + k}.0/24`,
          Policy: 'accept' as const,
          Priority: String(1 + ((i + k) % 100)),
        })),
      });
    }

    emu.clearRequests();
    const reads = onceReads(cloud, 'cn-hangzhou');
    const state = await readDoctorState(cloud, spec, { reads });
    const cold = emu.requests();
    const ruleCount =
      (state.extras.linkGroupRules?.length ?? 0) +
      state.extras.managedGroups.reduce((n, g) => n + g.rules.length, 0) +
      state.live.targets.reduce((n, t) => n + ((t as { group?: { ingress: unknown[] } }).group?.ingress.length ?? 0), 0);
    console.log(
      `world: VPC ${M.vpcId}, ${TARGETS} targets (ECS instances, one group each), ${ruleCount} rules over the groups the doctor reads`,
    );
    console.log(`fetch: ${cold.length} API calls (${byAction(cold)})`);
    // DescribeSecurityGroupAttribute takes one SecurityGroupId (no batch form): one call per group read.
    const ruleReads = cold.filter((r) => r.action === 'DescribeSecurityGroupAttribute').length;
    const lookups = cold.length - ruleReads;
    console.log(
      `fetch without rule reads: ${lookups} API calls (target ≤ 15 for ${TARGETS} targets: ${lookups <= 15 ? 'met' : 'MISSED'}); rule reads: ${ruleReads}, one per group`,
    );
    const twice = groupsFetchedTwice(cold);
    console.log(`groups fetched twice: ${twice.length === 0 ? 'none' : twice.join('; ')}`);

    const sample = diagnoseLink(spec, state.live, state.extras, targetKind);
    console.log(
      `report: ${sample.verdict}, ${sample.counts.pass} pass, ${sample.counts.warn} warn, ${sample.counts.fail} fail, ${sample.counts.unknown} unknown`,
    );
    for (let i = 0; i < 5; i++) diagnoseLink(spec, state.live, state.extras, targetKind);
    const cpuMs: number[] = [];
    let hops = 0;
    for (let i = 0; i < RUNS; i++) {
      // Fresh copies each run (outside the measure): no cache keyed on the data can help.
      const { live, extras } = structuredClone({ live: state.live, extras: state.extras });
      const start = process.cpuUsage();
      hops = diagnoseLink(spec, live, extras, targetKind).hops.length;
      const used = process.cpuUsage(start);
      cpuMs.push((used.user + used.system) / 1000);
    }
    const med = median(cpuMs);
    console.log(
      `analysis (CPU, data fetched): median ${med.toFixed(2)} ms, worst ${Math.max(...cpuMs).toFixed(2)} ms over ${RUNS} runs; ${hops} hops; target < 20 ms: ${med < 20 ? 'met' : 'MISSED'}`,
    );

    emu.clearRequests();
    await readDoctorState(cloud, spec, { reads });
    const warm = emu.requests();
    const groupCalls = warm.filter(
      (r) =>
        r.action === 'DescribeSecurityGroupAttribute' || (r.action === 'DescribeSecurityGroups' && r.params.SecurityGroupId !== undefined),
    );
    console.log(
      `re-check with warm reads: ${warm.length} API calls (${byAction(warm) || 'none'}); group calls: ${groupCalls.length} (target 0: ${groupCalls.length === 0 ? 'met' : 'MISSED'})`,
    );
  } finally {
    await emu.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
