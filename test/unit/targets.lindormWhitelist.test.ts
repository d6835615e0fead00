/**
 * Lindorm's whitelist writes can only touch the link's own entry in the link's own group:
 * the decision (what list is written, what counts as a change elsewhere), the planned call (never
 * Delete=true), the guard's refusal when anything else changed, and a destroy on an instance with
 * three groups of other people's entries, which must leave them byte-identical in the emulator.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Cloud } from '../../src/cloud';
import { ApplyRefusal, type WhitelistGroup } from '../../src/core/plan';
import type { Emulator } from '../../src/emulator';
import { applyPlan, planSpec, planSpecTeardown } from '../../src/engine';
import { hasErrors, parseSpecFile } from '../../src/connectionSpec';
import type { ConnectionSpec } from '../../src/connectionSpec/types';
import { lindormCalls } from '../../src/targets/lindorm';
import { changedList, guardedWhitelistWrite, unrelatedChanges } from '../../src/targets/lindorm/whitelistGuard';
import { cloudFor, requestsFor } from './cloud.harness';
import { DEFAULT_SEED } from './builders/engineHarness';
import { emulatorWith } from './builders/extendedWorld';

const M = DEFAULT_SEED.main;
const BLOCK = '192.168.1.0/24';
const FAST = { pollInitialMs: 20, pollMaxMs: 100, visibilityTimeoutMs: 3000 };
/** Three groups of other people's entries, in an order and spelling the API would not normalise. */
const OTHERS = [
  { groupName: 'user', ips: ['192.168.1.10', '10.0.0.0/8'] },
  { groupName: 'app', ips: ['172.16.5.0/24', '172.16.6.7'] },
  { groupName: 'ops_team', ips: ['100.64.0.1'] },
];

const g = (name: string, ...ips: string[]): WhitelistGroup => ({ name, ips });

describe('Lindorm whitelist: the decision', () => {
  it('writes the group merged with the block, or without it; a last entry becomes 127.0.0.1, never an empty or deleted group', () => {
    assert.deepEqual(changedList(['10.0.0.1'], { add: BLOCK }), ['10.0.0.1', BLOCK]);
    assert.deepEqual(changedList([BLOCK], { add: BLOCK }), [BLOCK]);
    assert.deepEqual(changedList(['127.0.0.1'], { add: BLOCK }), ['127.0.0.1', BLOCK]);
    assert.deepEqual(changedList(['10.0.0.1', BLOCK, '10.0.0.2'], { remove: BLOCK }), ['10.0.0.1', '10.0.0.2']);
    assert.deepEqual(changedList([BLOCK], { remove: BLOCK }), ['127.0.0.1']);
  });

  it("plans UpdateInstanceIpWhiteList with the one group's list and no Delete, also for the last entry", () => {
    const calls = lindormCalls(M.lindormInstanceId);
    const last = calls.whitelistRemove('maxcompute', g('maxcompute', BLOCK), BLOCK);
    assert.deepEqual(last.params, { InstanceId: M.lindormInstanceId, GroupName: 'maxcompute', SecurityIpList: '127.0.0.1' });
    const kept = calls.whitelistRemove('maxcompute', g('maxcompute', '10.0.0.1', BLOCK), BLOCK);
    assert.deepEqual(kept.params, { InstanceId: M.lindormInstanceId, GroupName: 'maxcompute', SecurityIpList: '10.0.0.1' });
    assert.match(calls.lastEntryNote!, /127\.0\.0\.1/);
  });

  it("sees nothing when only the link's entry changed, and names every other change", () => {
    const before = [g('user', '192.168.1.10'), g('app', '172.16.5.0/24'), g('maxcompute', '10.0.0.1', BLOCK)];
    assert.deepEqual(
      unrelatedChanges(before, [g('user', '192.168.1.10'), g('app', '172.16.5.0/24'), g('maxcompute', '10.0.0.1')], 'maxcompute', {
        remove: BLOCK,
      }),
      [],
    );
    assert.deepEqual(unrelatedChanges(before, [g('user', '192.168.1.10'), g('maxcompute', '10.0.0.1')], 'maxcompute', { remove: BLOCK }), [
      'group app: 172.16.5.0/24 → (no group)',
    ]);
    assert.deepEqual(
      unrelatedChanges(
        before,
        [g('user', '192.168.1.10'), g('app', '172.16.5.0/24', '1.2.3.4'), g('maxcompute', '10.0.0.1')],
        'maxcompute',
        { remove: BLOCK },
      ),
      ['group app: 172.16.5.0/24 → 172.16.5.0/24,1.2.3.4'],
    );
    assert.deepEqual(
      unrelatedChanges(before, [g('user', '192.168.1.10'), g('app', '172.16.5.0/24'), g('maxcompute')], 'maxcompute', { remove: BLOCK }),
      ['group maxcompute: expected 10.0.0.1, found (empty)'],
    );
    assert.deepEqual(
      unrelatedChanges(before, [...before.slice(0, 2), g('maxcompute', '10.0.0.1', BLOCK), g('new', '9.9.9.9')], 'maxcompute', {
        add: BLOCK,
      }),
      ['group new: (no group) → 9.9.9.9'],
    );
    // Order counts: the lists must be byte-identical, not merely the same set.
    assert.equal(unrelatedChanges([g('user', 'a', 'b')], [g('user', 'b', 'a')], 'maxcompute', { add: BLOCK }).length, 1);
  });
});

describe('Lindorm whitelist against the emulator', function () {
  this.timeout(60_000);
  let emu: Emulator;
  let cloud: Cloud;
  const state = async (): Promise<Array<{ groupName: string; ips: string[] }>> => {
    const world = (await (await fetch(`${emu.endpoint}/__emulator/state`)).json()) as {
      accounts: Array<{
        accountId: string;
        lindormInstances: Array<{ instanceId: string; whitelist: Array<{ groupName: string; ips: string[] }> }>;
      }>;
    };
    return world.accounts.find((a) => a.accountId === M.accountId)!.lindormInstances.find((i) => i.instanceId === M.lindormInstanceId)!
      .whitelist;
  };
  const othersText = async (): Promise<string> => JSON.stringify((await state()).filter((w) => w.groupName !== 'maxcompute'));

  beforeEach(async () => {
    emu = await emulatorWith((main) => {
      main.lindormInstances.find((i) => i.instanceId === M.lindormInstanceId)!.whitelist = structuredClone(OTHERS);
    });
    cloud = await cloudFor(emu);
  });
  afterEach(async () => {
    await emu.close();
  });

  it('a destroy leaves three groups of other entries byte-identical, and sends no Delete', async () => {
    const spec = sample();
    const before = await othersText();
    const run = async (teardown: boolean) => {
      const { plan } = teardown ? await planSpecTeardown(cloud, spec) : await planSpec(cloud, spec);
      assert.equal(plan.refused, false, plan.checks.map((c) => c.message).join('\n'));
      return applyPlan(cloud, spec, plan, FAST);
    };
    assert.equal((await run(false)).outcome, 'done');
    assert.deepEqual((await state()).find((w) => w.groupName === 'maxcompute')?.ips, [BLOCK]);
    assert.equal(await othersText(), before, 'the grant left the other groups as they were');

    const removing = await run(true);
    assert.equal(removing.steps.find((s) => s.stepId.startsWith('target.'))?.status, 'done', JSON.stringify(removing.steps, null, 1));
    assert.equal(removing.outcome, 'done');
    assert.equal(await othersText(), before, 'the destroy left the other groups byte-identical');
    assert.deepEqual((await state()).find((w) => w.groupName === 'maxcompute')?.ips, ['127.0.0.1'], "the link's group admits no one");
    assert.ok(
      requestsFor(emu, 'UpdateInstanceIpWhiteList').every((r) => r.params.Delete === undefined),
      'Delete=true is never sent',
    );
  });

  it("refuses, naming the groups, when a write changed more than the link's entry", async () => {
    const readAll = async () => (await state()).map((w) => ({ name: w.groupName, ips: w.ips }));
    await cloud.lindorm.updateInstanceIpWhiteList({ InstanceId: M.lindormInstanceId, GroupName: 'maxcompute', SecurityIpList: BLOCK });
    // The very call this guard exists for: Delete=true, whose scope the reference does not give.
    const clearing = async (groupName: string, ips: string[]) =>
      void (await cloud.lindorm.updateInstanceIpWhiteList({
        InstanceId: M.lindormInstanceId,
        GroupName: groupName,
        SecurityIpList: ips.join(','),
        Delete: true,
      }));
    await assert.rejects(guardedWhitelistWrite('Lindorm instance x', readAll, 'maxcompute', { remove: BLOCK }, clearing), (e: unknown) => {
      assert.ok(e instanceof ApplyRefusal && e.code === 'WhitelistChangedElsewhere');
      for (const name of ['user', 'app', 'ops_team']) assert.match(e.message, new RegExp(`group ${name}: `));
      return true;
    });
  });
});

function sample(): ConnectionSpec {
  const result = parseSpecFile(readFileSync(join(__dirname, '..', '..', 'samples', 'lindorm.mcvpc.yaml'), 'utf8'));
  assert.ok(!hasErrors(result.problems), result.problems.map((p) => p.message).join('\n'));
  return result.specs[0]!;
}
