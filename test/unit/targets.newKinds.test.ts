/**
 * The three kinds added as plugins (PolarDB, Lindorm, services on ECS), end to end through the
 * engine against the emulator: each sample applies (console step through the emulator's console),
 * re-plans to no change, and tears down to exactly the target's starting state — other whitelist
 * entries and rules untouched, the link's group gone.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Cloud } from '../../src/cloud';
import { planHasChanges } from '../../src/core/plan';
import type { Emulator } from '../../src/emulator';
import { applyPlan, planSpec, planSpecTeardown, type ApplyReport } from '../../src/engine';
import { hasErrors, parseSpecFile } from '../../src/connectionSpec';
import type { ConnectionSpec } from '../../src/connectionSpec/types';
import { cloudFor, emulator } from './cloud.harness';
import { DEFAULT_SEED } from './builders/engineHarness';

const M = DEFAULT_SEED.main;
const FAST = { pollInitialMs: 20, pollMaxMs: 100, visibilityTimeoutMs: 3000 };

function sample(name: string): ConnectionSpec {
  const result = parseSpecFile(readFileSync(join(__dirname, '..', '..', 'samples', `${name}.mcvpc.yaml`), 'utf8'));
  assert.ok(!hasErrors(result.problems), result.problems.map((p) => p.message).join('\n'));
  return result.specs[0]!;
}

/** What a link can change in the emulator's world, per target kind's own records. */
async function footprint(emu: Emulator): Promise<unknown> {
  const response = await fetch(`${emu.endpoint}/__emulator/state`);
  const state = (await response.json()) as { accounts: Array<Record<string, unknown> & { accountId: string }> };
  const main = state.accounts.find((a) => a.accountId === M.accountId)!;
  // MaxCompute's own return-traffic groups come with the console step and are never touched by us.
  const ours = (main.securityGroups as Array<{ securityGroupId: string; name: string; rules: Array<Record<string, unknown>> }>).filter(
    (g) => !g.name.startsWith('MaxCompute-'),
  );
  const groups = ours.map((g) => ({
    id: g.securityGroupId,
    name: g.name,
    rules: g.rules
      .map(
        (r) =>
          `${String(r.direction)} ${String(r.ipProtocol)} ${String(r.portRange)} ${String(r.policy)} ${String(r.peerCidr ?? r.peerGroupId ?? '')}`,
      )
      .sort(),
  }));
  return {
    groups: groups.sort((a, b) => a.id.localeCompare(b.id)),
    polardb: main.polardbClusters,
    lindorm: main.lindormInstances,
    ecs: main.ecsInstances,
  };
}

/**
 * The world a teardown leaves: as found, except that a Lindorm group the link's entry was the last of
 * stays, holding 127.0.0.1 (admits no one): Lindorm has no call that removes one group.
 */
function afterTeardown(name: string, before: unknown): unknown {
  if (name !== 'lindorm') return before;
  const world = structuredClone(before) as { lindorm: Array<{ whitelist: Array<{ groupName: string; ips: string[] }> }> };
  world.lindorm[0]!.whitelist.push({ groupName: 'maxcompute', ips: ['127.0.0.1'] });
  return world;
}

async function run(cloud: Cloud, spec: ConnectionSpec, teardown: boolean): Promise<ApplyReport> {
  const { plan } = teardown ? await planSpecTeardown(cloud, spec) : await planSpec(cloud, spec);
  assert.equal(plan.refused, false, plan.checks.map((c) => c.message).join('\n'));
  return applyPlan(cloud, spec, plan, FAST);
}

describe('new target kinds: apply, then destroy back to the start', function () {
  this.timeout(60_000);
  let emu: Emulator;
  let cloud: Cloud;

  beforeEach(async () => {
    emu = await emulator();
    cloud = await cloudFor(emu);
  });
  afterEach(async () => {
    await emu.close();
  });

  for (const [name, groupName, check] of [
    [
      'polardb',
      'maxcompute-billing-polardb',
      (fp: { polardb: Array<{ ipArrays: Array<{ name: string; ips: string[] }> }> }) => {
        const arrays = Object.fromEntries(fp.polardb[0]!.ipArrays.map((a) => [a.name, a.ips]));
        assert.deepEqual(arrays.maxcompute, ['192.168.1.0/24']);
        assert.deepEqual(arrays.app, ['10.0.0.0/24'], 'the other group keeps its entries');
      },
    ],
    [
      'lindorm',
      'maxcompute-metrics-lindorm',
      (fp: { lindorm: Array<{ whitelist: Array<{ groupName: string; ips: string[] }> }> }) => {
        const groups = Object.fromEntries(fp.lindorm[0]!.whitelist.map((g) => [g.groupName, g.ips]));
        assert.deepEqual(groups.maxcompute, ['192.168.1.0/24']);
        assert.deepEqual(groups.user, ['192.168.1.10'], 'the other group keeps its entries');
      },
    ],
    [
      'ecs',
      'maxcompute-events-kafka',
      (fp: { groups: Array<{ id: string; rules: string[] }> }) => {
        const kafkaGroup = fp.groups.find((g) => g.id === M.ecsGroupId)!;
        assert.ok(
          kafkaGroup.rules.some((r) => r.startsWith('ingress TCP 9092/9092 Accept sg-')),
          kafkaGroup.rules.join('\n'),
        );
      },
    ],
  ] as const) {
    it(`${name}: grants access, re-plans to no change, and tears down to the starting state`, async () => {
      const spec = sample(name);
      const before = await footprint(emu);
      const second = await run(cloud, spec, false);
      assert.equal(second.outcome, 'done', JSON.stringify(second.steps, null, 1));
      assert.equal(second.steps.find((s) => s.stepId === 'network-link')?.status, 'done', `${groupName}: the link created in the same run`);
      (check as (fp: unknown) => void)(await footprint(emu));
      const { plan: again } = await planSpec(cloud, spec);
      assert.equal(planHasChanges(again), false, again.steps.map((s) => `${s.action} ${s.title}`).join('\n'));

      const removed = await run(cloud, spec, true);
      assert.equal(removed.outcome, 'done', JSON.stringify(removed.steps, null, 1));
      assert.equal(removed.steps.find((s) => s.stepId.startsWith('target.'))?.status, 'done');
      assert.equal(removed.steps.find((s) => s.stepId === 'network-link.remove')?.status, 'done');
      assert.deepEqual(await footprint(emu), afterTeardown(name, before), 'teardown leaves the world as it found it');
      const rerun = await run(cloud, spec, true);
      assert.ok(
        rerun.steps.every((s) => s.status === 'already' || s.status === 'info'),
        JSON.stringify(rerun.steps, null, 1),
      );
    });
  }
});
