/** PolarDB 2017-08-01 through the real client (createCloud) against the emulator over HTTP. */

import { strict as assert } from 'node:assert';
import { CloudError, type Cloud } from '../../src/cloud';
import { toPolarDbCluster } from '../../src/cloud/products/polardb';
import type { Emulator } from '../../src/emulator';
import { emulatorWith, polarDbCluster } from './builders/extendedWorld';
import { cloudFor, DEFAULT_SEED, emulator, rejection, requestsFor } from './cloud.harness';

const M = DEFAULT_SEED.main;
const MISSING = 'pc-bp1nosuchcluster0000';

async function whitelist(
  cloud: Cloud,
  DBClusterId = M.polardbClusterId,
): Promise<{ groups: Record<string, string[]>; securityGroups: string[] }> {
  const r = await cloud.polardb.describeDBClusterAccessWhitelist({ DBClusterId });
  const groups = Object.fromEntries(
    (r.Items?.DBClusterIPArray ?? []).map((a) => [a.DBClusterIPArrayName, a.SecurityIps === '' ? [] : a.SecurityIps.split(',')]),
  );
  return { groups, securityGroups: (r.DBClusterSecurityGroups?.DBClusterSecurityGroup ?? []).map((g) => g.SecurityGroupId) };
}

async function codeOf(promise: Promise<unknown>): Promise<{ code: string; status?: number }> {
  const err = await rejection(promise);
  assert.ok(err instanceof CloudError, `expected a CloudError, got ${String(err)}`);
  return { code: err.code, status: err.status };
}

describe('PolarDB 2017-08-01 against the emulator', () => {
  let emu: Emulator;
  let cloud: Cloud;
  beforeEach(async () => {
    emu = await emulator({ seed: 'default' });
    cloud = await cloudFor(emu);
  });
  afterEach(() => emu.close());

  describe('DescribeDBClusters', () => {
    it('answers Items.DBCluster[] with PageRecordCount/TotalRecordCount and the wire spelling VswitchId', async () => {
      const r = await cloud.polardb.describeDBClusters({ DBClusterIds: M.polardbClusterId });
      assert.equal(r.TotalRecordCount, 1);
      assert.equal(r.PageRecordCount, 1);
      assert.equal(r.PageNumber, 1);
      const [wire] = r.Items.DBCluster;
      assert.deepEqual(
        [wire!.DBClusterId, wire!.DBType, wire!.Engine, wire!.VpcId, wire!.VswitchId],
        [M.polardbClusterId, 'MySQL', 'POLARDB', M.vpcId, M.vSwitchIdH],
      );
      assert.equal((wire as unknown as Record<string, unknown>).VSwitchId, undefined, 'the list spells it VswitchId');
      assert.equal(requestsFor(emu, 'DescribeDBClusters').at(-1)?.params.RegionId, 'cn-hangzhou', 'RegionId is sent');
    });

    it('maps a cluster to the model', async () => {
      const r = await cloud.polardb.describeDBClusters({});
      const cluster = toPolarDbCluster(
        r.Items.DBCluster.find((c) => c.DBClusterId === M.polardbClusterId)!,
        cloud.regionId,
      );
      assert.deepEqual(cluster, {
        kind: 'polardb',
        clusterId: M.polardbClusterId,
        regionId: 'cn-hangzhou',
        description: 'billing-polardb',
        engine: 'MySQL',
        engineVersion: '8.0',
        vpcId: M.vpcId,
        vSwitchId: M.vSwitchIdH,
        zoneId: 'cn-hangzhou-h',
        status: 'Running',
      });
    });

    it("filters by DBClusterIds (comma-separated) and DBType, and only shows the caller's clusters", async () => {
      const none = await cloud.polardb.describeDBClusters({ DBClusterIds: MISSING });
      assert.equal(none.TotalRecordCount, 0);
      const postgres = await cloud.polardb.describeDBClusters({ DBType: 'PostgreSQL' });
      assert.equal(postgres.TotalRecordCount, 0);
      const second = await cloudFor(emu, {}, DEFAULT_SEED.second as unknown as typeof M);
      assert.equal((await second.polardb.describeDBClusters({})).TotalRecordCount, 0);
    });

    it('accepts only the PageSize values 30, 50 and 100', async () => {
      const refused = await codeOf(cloud.polardb.describeDBClusters({ PageSize: 10 }));
      assert.equal(refused.status, 400);
      assert.equal((await cloud.polardb.describeDBClusters({ PageSize: 50 })).TotalRecordCount, 1);
    });

    it('pages 65 clusters by PageNumber, and the listing gathers them all for a VPC filter applied by the caller', async () => {
      const crowded = await emulatorWith((main) => {
        for (let i = 0; i < 64; i++)
          main.polardbClusters.push(
            polarDbCluster(`pc-bp1paging${String(i).padStart(10, '0')}`, i % 2 === 0 ? { vpcId: M.linkedVpcId } : {}),
          );
      });
      try {
        const c = await cloudFor(crowded);
        const second = await c.polardb.describeDBClusters({ PageSize: 30, PageNumber: 3 });
        assert.deepEqual([second.PageRecordCount, second.TotalRecordCount, second.Items.DBCluster.length], [5, 65, 5]);
        crowded.clearRequests();
        const all = await c.fetchAll(c.lists.polardbClusters());
        assert.equal(new Set(all.map((x) => x.clusterId)).size, 65);
        assert.equal(all.filter((x) => x.vpcId === M.vpcId).length, 33, 'the seed cluster plus 32 of the added ones');
        assert.deepEqual(
          requestsFor(crowded, 'DescribeDBClusters').map((r) => r.params.PageSize),
          ['100'],
          'one page of 100',
        );
      } finally {
        await crowded.close();
      }
    });
  });

  describe('DescribeDBClusterAccessWhitelist', () => {
    it('answers Items.DBClusterIPArray[] (comma-separated SecurityIps) and DBClusterSecurityGroups', async () => {
      const r = await cloud.polardb.describeDBClusterAccessWhitelist({ DBClusterId: M.polardbClusterId });
      assert.deepEqual(
        r.Items?.DBClusterIPArray?.map((a) => [a.DBClusterIPArrayName, a.DBClusterIPArrayAttribute, a.SecurityIps]),
        [
          ['default', '', '127.0.0.1'],
          ['app', '', '10.0.0.0/24'],
        ],
      );
      assert.deepEqual(r.DBClusterSecurityGroups?.DBClusterSecurityGroup, []);
    });

    it("a missing cluster is InvalidDBClusterId.NotFound (404), also for another account's cluster", async () => {
      assert.deepEqual(await codeOf(cloud.polardb.describeDBClusterAccessWhitelist({ DBClusterId: MISSING })), {
        code: 'InvalidDBClusterId.NotFound',
        status: 404,
      });
      const second = await cloudFor(emu, {}, DEFAULT_SEED.second as unknown as typeof M);
      const err = await codeOf(second.polardb.describeDBClusterAccessWhitelist({ DBClusterId: M.polardbClusterId }));
      assert.equal(err.code, 'InvalidDBClusterId.NotFound');
    });
  });

  describe('ModifyDBClusterAccessWhitelist', () => {
    const append = (c: Cloud, SecurityIps: string, DBClusterIPArrayName = 'maxcompute') =>
      c.polardb.modifyDBClusterAccessWhitelist({
        DBClusterId: M.polardbClusterId,
        WhiteListType: 'IP',
        ModifyMode: 'Append',
        SecurityIps,
        DBClusterIPArrayName,
      });
    const remove = (c: Cloud, SecurityIps: string, DBClusterIPArrayName = 'maxcompute') =>
      c.polardb.modifyDBClusterAccessWhitelist({
        DBClusterId: M.polardbClusterId,
        WhiteListType: 'IP',
        ModifyMode: 'Delete',
        SecurityIps,
        DBClusterIPArrayName,
      });

    it('sends no ClientToken (the API takes none) and answers just a RequestId', async () => {
      const r = await append(cloud, '192.168.1.0/24');
      assert.deepEqual(Object.keys(r), ['RequestId']);
      const sent = requestsFor(emu, 'ModifyDBClusterAccessWhitelist').at(-1)!.params;
      assert.equal(sent.ClientToken, undefined);
      assert.deepEqual(
        [sent.WhiteListType, sent.ModifyMode, sent.DBClusterIPArrayName, sent.SecurityIps],
        ['IP', 'Append', 'maxcompute', '192.168.1.0/24'],
      );
    });

    it('Append creates the group, adds entries without duplicates and leaves other groups alone', async () => {
      await append(cloud, '192.168.1.0/24');
      await append(cloud, '192.168.1.0/24,192.168.2.0/24');
      await append(cloud, '192.168.3.0/24', 'app');
      const { groups } = await whitelist(cloud);
      assert.deepEqual(groups, {
        default: ['127.0.0.1'],
        app: ['10.0.0.0/24', '192.168.3.0/24'],
        maxcompute: ['192.168.1.0/24', '192.168.2.0/24'],
      });
    });

    it('Delete removes exactly the given entries, keeps the others, and drops a group it empties', async () => {
      await append(cloud, '192.168.3.0/24', 'app');
      await remove(cloud, '192.168.3.0/24,172.16.0.0/12', 'app');
      assert.deepEqual((await whitelist(cloud)).groups.app, ['10.0.0.0/24'], 'the other entry stays; an absent one is ignored');
      await append(cloud, '192.168.1.0/24');
      await remove(cloud, '192.168.1.0/24');
      assert.equal((await whitelist(cloud)).groups.maxcompute, undefined, 'an emptied group is gone');
      await remove(cloud, '127.0.0.1', 'default');
      assert.deepEqual((await whitelist(cloud)).groups.default, [], 'the default group stays, empty');
    });

    it('Delete from a group the cluster does not have is refused', async () => {
      const err = await codeOf(remove(cloud, '192.168.1.0/24', 'nosuchgroup'));
      assert.equal(err.status, 404);
    });

    it('Cover (never sent by the product) replaces a group; without a name it is the default group', async () => {
      await cloud.polardb.modifyDBClusterAccessWhitelist({
        DBClusterId: M.polardbClusterId,
        WhiteListType: 'IP',
        ModifyMode: 'Cover' as 'Append',
        SecurityIps: '10.9.0.0/16',
      });
      assert.deepEqual((await whitelist(cloud)).groups.default, ['10.9.0.0/16']);
    });

    it('refuses a group name outside 2-120 lowercase letters and digits, and malformed entries, without changing anything', async () => {
      for (const name of ['MaxCompute', 'mc_link', 'a', '1abc', 'abc-']) {
        const err = await codeOf(append(cloud, '192.168.1.0/24', name));
        assert.equal(err.status, 400, name);
      }
      for (const entry of ['192.168.1.0/33', 'not-an-ip', '0.0.0.0/0']) {
        assert.equal((await codeOf(append(cloud, entry))).status, 400, entry);
      }
      const err = await codeOf(
        cloud.polardb.modifyDBClusterAccessWhitelist({
          DBClusterId: M.polardbClusterId,
          WhiteListType: 'IP',
          ModifyMode: 'Append',
          SecurityIps: '',
        }),
      );
      assert.equal(err.code, 'MissingParameter');
      assert.deepEqual((await whitelist(cloud)).groups, { default: ['127.0.0.1'], app: ['10.0.0.0/24'] });
    });

    it('caps the whitelist at 1,000 entries over all groups', async () => {
      const many = Array.from({ length: 999 }, (_, i) => `10.${Math.floor(i / 250) + 10}.${i % 250}.1`).join(',');
      const err = await codeOf(append(cloud, many));
      assert.equal(err.status, 400, '999 + the 2 seeded entries is over 1,000');
      await append(cloud, many.split(',').slice(0, 998).join(','));
      assert.equal((await whitelist(cloud)).groups.maxcompute?.length, 998);
    });

    it('a missing cluster is InvalidDBClusterId.NotFound', async () => {
      const err = await codeOf(
        cloud.polardb.modifyDBClusterAccessWhitelist({
          DBClusterId: MISSING,
          WhiteListType: 'IP',
          ModifyMode: 'Append',
          SecurityIps: '192.168.1.0/24',
        }),
      );
      assert.deepEqual(err, { code: 'InvalidDBClusterId.NotFound', status: 404 });
    });

    it('WhiteListType=SecurityGroup sets the whole set of groups (at most 3; "" clears), named in the whitelist', async () => {
      const set = (SecurityGroupIds: string) =>
        cloud.polardb.modifyDBClusterAccessWhitelist({ DBClusterId: M.polardbClusterId, WhiteListType: 'SecurityGroup', SecurityGroupIds });
      await set(M.basicGroupId);
      await set(`${M.basicGroupId},${M.ecsGroupId}`);
      const r = await cloud.polardb.describeDBClusterAccessWhitelist({ DBClusterId: M.polardbClusterId });
      assert.deepEqual(
        r.DBClusterSecurityGroups?.DBClusterSecurityGroup?.map((g) => [g.SecurityGroupId, g.SecurityGroupName]),
        [
          [M.basicGroupId, 'app-basic'],
          [M.ecsGroupId, 'kafka-sg'],
        ],
      );
      await set(M.ecsGroupId);
      assert.deepEqual((await whitelist(cloud)).securityGroups, [M.ecsGroupId], 'the given set replaces the old one');
      assert.equal((await codeOf(set([M.basicGroupId, M.ecsGroupId, M.hbaseGroupId, M.emrGroupId].join(',')))).status, 400, 'four groups');
      assert.equal((await codeOf(set('sg-bp1nosuchgroup000000'))).code, 'InvalidSecurityGroupId.NotFound');
      await set('');
      assert.deepEqual((await whitelist(cloud)).securityGroups, []);
      assert.deepEqual((await whitelist(cloud)).groups, { default: ['127.0.0.1'], app: ['10.0.0.0/24'] }, 'IP groups untouched');
    });

    it('refuses an unknown WhiteListType or ModifyMode', async () => {
      const base = { DBClusterId: M.polardbClusterId, SecurityIps: '192.168.1.0/24' };
      assert.equal(
        (await codeOf(cloud.polardb.modifyDBClusterAccessWhitelist({ ...base, WhiteListType: 'Vpc' as 'IP', ModifyMode: 'Append' }))).code,
        'InvalidParameter',
      );
      assert.equal(
        (await codeOf(cloud.polardb.modifyDBClusterAccessWhitelist({ ...base, WhiteListType: 'IP', ModifyMode: 'Merge' as 'Append' })))
          .code,
        'InvalidParameter',
      );
    });
  });
});
