/** Lindorm (hitsdb 2020-06-15) through the real client (createCloud) against the emulator over HTTP. */

import { strict as assert } from 'node:assert';
import { CloudError, type Cloud } from '../../src/cloud';
import { toLindormInstance } from '../../src/cloud/products/lindorm';
import type { Emulator } from '../../src/emulator';
import { emulatorWith, lindormInstance } from './builders/extendedWorld';
import { cloudFor, DEFAULT_SEED, emulator, rejection, requestsFor } from './cloud.harness';
import { parseOne, specText } from './builders/engineHarness';
import { targetKind, type TargetApplyContext } from '../../src/targets';
import type { StepOutcome } from '../../src/core/plan';

const M = DEFAULT_SEED.main;
const MISSING = 'ld-bp1nosuchinstance000';

async function groups(cloud: Cloud, InstanceId = M.lindormInstanceId): Promise<Record<string, string[]>> {
  const r = await cloud.lindorm.getInstanceIpWhiteList({ InstanceId });
  return Object.fromEntries((r.GroupList ?? []).map((g) => [g.GroupName, g.SecurityIpList === '' ? [] : g.SecurityIpList.split(',')]));
}

/** The Lindorm kind's own grant or revoke (read, merge, write, read back) of the vSwitch block into a group. */
function access(cloud: Cloud, change: 'grant' | 'revoke', vSwitchCidr: string, whitelistGroup: string): Promise<StepOutcome> {
  const spec = parseOne(
    specText({
      targets: [[`  - kind: lindorm`, `    instance: ${M.lindormInstanceId}`, `    whitelistGroup: ${whitelistGroup}`].join('\n')],
    }),
  );
  return targetKind('lindorm').apply(spec.targets[0]!, change, {
    cloud,
    regionId: DEFAULT_SEED.regionId,
    vpcId: M.vpcId,
    vSwitchCidr,
    reads: undefined as unknown as TargetApplyContext['reads'],
    throwIfCancelled: () => undefined,
  });
}

async function codeOf(promise: Promise<unknown>): Promise<{ code: string; status?: number }> {
  const err = await rejection(promise);
  assert.ok(err instanceof CloudError, `expected a CloudError, got ${String(err)}`);
  return { code: err.code, status: err.status };
}

describe('Lindorm (hitsdb 2020-06-15) against the emulator', () => {
  let emu: Emulator;
  let cloud: Cloud;
  beforeEach(async () => {
    emu = await emulator({ seed: 'default' });
    cloud = await cloudFor(emu);
  });
  afterEach(() => emu.close());

  describe('GetLindormInstanceList and GetLindormInstance', () => {
    it('answers a plain InstanceList array with Total, PageNumber and PageSize; EngineType is a string there', async () => {
      const r = await cloud.lindorm.getLindormInstanceList({});
      assert.deepEqual([r.Total, r.PageNumber, r.PageSize], [1, 1, 10]);
      assert.ok(Array.isArray(r.InstanceList));
      const [wire] = r.InstanceList!;
      assert.deepEqual(
        [wire!.InstanceId, wire!.InstanceAlias, wire!.InstanceStatus, wire!.VpcId, wire!.ZoneId, wire!.EngineType],
        [M.lindormInstanceId, 'metrics-lindorm', 'ACTIVATION', M.vpcId, 'cn-hangzhou-j', '6'],
      );
      assert.equal((wire as unknown as Record<string, unknown>).VswitchId, undefined, 'the list names no vSwitch');
      assert.equal(requestsFor(emu, 'GetLindormInstanceList').at(-1)?.params.RegionId, 'cn-hangzhou');
    });

    it('maps the list item without a vSwitch and the detail with one', async () => {
      const listed = toLindormInstance((await cloud.lindorm.getLindormInstanceList({})).InstanceList![0]!, cloud.regionId);
      assert.deepEqual(listed, {
        kind: 'lindorm',
        instanceId: M.lindormInstanceId,
        regionId: 'cn-hangzhou',
        name: 'metrics-lindorm',
        vpcId: M.vpcId,
        zoneId: 'cn-hangzhou-j',
        status: 'ACTIVATION',
        engineType: 6,
        serviceType: 'lindorm',
      });
      const detail = await cloud.lindorm.getLindormInstance({ InstanceId: M.lindormInstanceId });
      assert.equal(detail.EngineType, 6, 'a number in the detail');
      assert.deepEqual(toLindormInstance(detail, cloud.regionId), { ...listed, vSwitchId: M.vSwitchIdJ });
    });

    it('filters by QueryStr (fuzzy name), ServiceType and SupportEngine flags', async () => {
      assert.equal((await cloud.lindorm.getLindormInstanceList({ QueryStr: 'metrics' })).Total, 1);
      assert.equal((await cloud.lindorm.getLindormInstanceList({ QueryStr: 'orders' })).Total, 0);
      assert.equal((await cloud.lindorm.getLindormInstanceList({ ServiceType: 'lts' })).Total, 0);
      assert.equal((await cloud.lindorm.getLindormInstanceList({ SupportEngine: 4 })).Total, 1, 'runs LindormTable');
      assert.equal((await cloud.lindorm.getLindormInstanceList({ SupportEngine: 1 })).Total, 0, 'no search engine');
    });

    it('pages 25 instances by PageNumber/PageSize; the listing gathers them all', async () => {
      const crowded = await emulatorWith((main) => {
        for (let i = 0; i < 24; i++)
          main.lindormInstances.push(
            lindormInstance(`ld-bp1paging${String(i).padStart(9, '0')}`, i % 3 === 0 ? { vpcId: M.linkedVpcId } : {}),
          );
      });
      try {
        const c = await cloudFor(crowded);
        const third = await c.lindorm.getLindormInstanceList({ PageNumber: 3, PageSize: 10 });
        assert.deepEqual([third.Total, third.InstanceList!.length], [25, 5]);
        const all = await c.fetchAll(c.lists.lindormInstances());
        assert.equal(new Set(all.map((i) => i.instanceId)).size, 25);
        assert.equal(all.filter((i) => i.vpcId === M.vpcId).length, 17, 'the seed instance plus 16 of the added ones');
      } finally {
        await crowded.close();
      }
    });

    it("an unknown instance is Instance.IsNotValid (400), also for another account's instance", async () => {
      assert.deepEqual(await codeOf(cloud.lindorm.getLindormInstance({ InstanceId: MISSING })), {
        code: 'Instance.IsNotValid',
        status: 400,
      });
      assert.deepEqual(await codeOf(cloud.lindorm.getInstanceIpWhiteList({ InstanceId: MISSING })), {
        code: 'Instance.IsNotValid',
        status: 400,
      });
      const second = await cloudFor(emu, {}, DEFAULT_SEED.second as unknown as typeof M);
      assert.equal((await codeOf(second.lindorm.getInstanceIpWhiteList({ InstanceId: M.lindormInstanceId }))).code, 'Instance.IsNotValid');
    });
  });

  describe('GetInstanceIpWhiteList and UpdateInstanceIpWhiteList', () => {
    it('answers GroupList[{GroupName, SecurityIpList}] and the flat IpList', async () => {
      const r = await cloud.lindorm.getInstanceIpWhiteList({ InstanceId: M.lindormInstanceId });
      assert.equal(r.InstanceId, M.lindormInstanceId);
      assert.deepEqual(r.GroupList, [{ GroupName: 'user', SecurityIpList: '192.168.1.10' }]);
      assert.deepEqual(r.IpList, ['192.168.1.10']);
    });

    it("Update sets one group's whole list and sends no ClientToken", async () => {
      await cloud.lindorm.updateInstanceIpWhiteList({
        InstanceId: M.lindormInstanceId,
        GroupName: 'maxcompute',
        SecurityIpList: '192.168.1.0/24,192.168.2.0/24',
      });
      await cloud.lindorm.updateInstanceIpWhiteList({
        InstanceId: M.lindormInstanceId,
        GroupName: 'maxcompute',
        SecurityIpList: '192.168.2.0/24',
      });
      assert.deepEqual(
        await groups(cloud),
        { user: ['192.168.1.10'], maxcompute: ['192.168.2.0/24'] },
        'replaced, not appended; other groups untouched',
      );
      const sent = requestsFor(emu, 'UpdateInstanceIpWhiteList').at(-1)!.params;
      assert.equal(sent.ClientToken, undefined);
      const ipList = (await cloud.lindorm.getInstanceIpWhiteList({ InstanceId: M.lindormInstanceId })).IpList;
      assert.deepEqual(ipList, ['192.168.1.10', '192.168.2.0/24']);
    });

    it('without a GroupName it sets the group "user"', async () => {
      await cloud.lindorm.updateInstanceIpWhiteList({ InstanceId: M.lindormInstanceId, SecurityIpList: '10.0.0.1' });
      assert.deepEqual(await groups(cloud), { user: ['10.0.0.1'] });
    });

    it("the kind's grant merges into a group holding other entries and keeps them; a repeat changes nothing", async () => {
      assert.equal((await access(cloud, 'grant', '192.168.1.0/24', 'user')).status, 'done');
      assert.equal((await access(cloud, 'grant', '192.168.1.0/24', 'user')).status, 'already');
      assert.deepEqual(await groups(cloud), { user: ['192.168.1.10', '192.168.1.0/24'] });
      assert.equal(requestsFor(emu, 'UpdateInstanceIpWhiteList').length, 1, 'the second grant found the entry and wrote nothing');
    });

    it("the kind's revoke writes the group back without the entry; Delete=true clears the whole whitelist (the widest reading of its doc)", async () => {
      await access(cloud, 'grant', '192.168.1.0/24', 'user');
      assert.equal((await access(cloud, 'revoke', '192.168.1.0/24', 'user')).status, 'done');
      assert.deepEqual(await groups(cloud), { user: ['192.168.1.10'] });
      await cloud.lindorm.updateInstanceIpWhiteList({
        InstanceId: M.lindormInstanceId,
        GroupName: 'maxcompute',
        SecurityIpList: '192.168.1.0/24',
      });
      await cloud.lindorm.updateInstanceIpWhiteList({
        InstanceId: M.lindormInstanceId,
        GroupName: 'maxcompute',
        SecurityIpList: '192.168.1.0/24',
        Delete: true,
      });
      assert.deepEqual(await groups(cloud), {}, 'every group, not just the one named: why mcvpc never sends it');
    });

    it('refuses malformed entries and group names, an empty list, and an unknown instance', async () => {
      const update = (SecurityIpList: string, GroupName = 'maxcompute', InstanceId: string = M.lindormInstanceId) =>
        cloud.lindorm.updateInstanceIpWhiteList({ InstanceId, GroupName, SecurityIpList });
      assert.deepEqual(await codeOf(update('192.168.1.0/33')), { code: 'Lindorm.Errorcode.ParameterInvaild', status: 400 });
      assert.equal((await codeOf(update('192.168.1.0/24', 'max-compute'))).status, 400);
      assert.equal((await codeOf(update(''))).code, 'MissingParameter');
      assert.equal((await codeOf(update('192.168.1.0/24', 'maxcompute', MISSING))).code, 'Instance.IsNotValid');
      assert.deepEqual(await groups(cloud), { user: ['192.168.1.10'] }, 'nothing changed');
    });
  });
});
