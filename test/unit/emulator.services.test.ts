import { strict as assert } from 'node:assert';
import { DEFAULT_SEED, startEmulator, type Emulator } from '../../src/emulator';
import { clientFor, ECS, EMR, failure, HBASE, RAM, RDS, type ApiClient, type WireBody } from './emulator.support';

const m = DEFAULT_SEED.main;
const R = 'cn-hangzhou';

describe('emulator: RDS, HBase, EMR and RAM', () => {
  let emulator: Emulator;
  let main: ApiClient;
  let second: ApiClient;
  beforeEach(async () => {
    emulator = await startEmulator();
    main = clientFor(emulator, m);
    second = clientFor(emulator, DEFAULT_SEED.second);
  });
  afterEach(() => emulator.close());

  describe('RDS 2014-08-15', () => {
    async function whitelist(): Promise<Record<string, string[]>> {
      const body = await main.call('DescribeDBInstanceIPArrayList', RDS, { DBInstanceId: m.rdsInstanceId });
      return Object.fromEntries(
        body.Items.DBInstanceIPArray.map((a: WireBody) => [
          a.DBInstanceIPArrayName,
          a.SecurityIPList === '' ? [] : a.SecurityIPList.split(','),
        ]),
      );
    }
    const modify = (params: Record<string, unknown>): Promise<WireBody> =>
      main.call('ModifySecurityIps', RDS, { DBInstanceId: m.rdsInstanceId, ...params });

    it('DescribeDBInstances uses Items.DBInstance[] with PageRecordCount/TotalRecordCount', async () => {
      const body = await main.call('DescribeDBInstances', RDS, { RegionId: R, VpcId: m.vpcId });
      assert.equal(body.TotalRecordCount, 1);
      assert.equal(body.PageRecordCount, 1);
      assert.equal(body.PageSize, undefined);
      const i = body.Items.DBInstance[0];
      assert.deepEqual(
        [i.DBInstanceId, i.Engine, i.VpcId, i.VSwitchId, i.InstanceNetworkType],
        [m.rdsInstanceId, 'MySQL', m.vpcId, m.vSwitchIdH, 'VPC'],
      );
      const none = await second.call('DescribeDBInstances', RDS, { RegionId: R });
      assert.equal(none.TotalRecordCount, 0);
    });

    it('DescribeDBInstanceNetInfo gives the private address and the port as a string', async () => {
      const body = await main.call('DescribeDBInstanceNetInfo', RDS, { DBInstanceId: m.rdsInstanceId });
      const [info] = body.DBInstanceNetInfos.DBInstanceNetInfo;
      assert.equal(info.Port, String(m.rdsPort));
      assert.equal(info.IPType, 'Private');
      assert.match(info.IPAddress, /^192\.168\.1\.\d+$/);
      assert.deepEqual([info.VPCId, info.VSwitchId], [m.vpcId, m.vSwitchIdH]);
    });

    it('DescribeDBInstanceIPArrayList shows the default group holding 127.0.0.1', async () => {
      const groups = await whitelist();
      assert.ok(groups.default?.includes('127.0.0.1'));
    });

    it('ModifySecurityIps Cover (the default) replaces a group and creates new group names', async () => {
      await modify({ SecurityIps: '192.168.1.0/24,10.0.0.1', DBInstanceIPArrayName: 'maxcompute' });
      await modify({ SecurityIps: '192.168.2.0/24', DBInstanceIPArrayName: 'maxcompute' });
      const groups = await whitelist();
      assert.deepEqual(groups.maxcompute, ['192.168.2.0/24']);
      assert.ok(groups.default?.includes('127.0.0.1'), 'other groups are untouched');
    });

    it('ModifySecurityIps Append adds without duplicates; Delete removes', async () => {
      await modify({ SecurityIps: '192.168.1.0/24', DBInstanceIPArrayName: 'mc', ModifyMode: 'Append' });
      await modify({ SecurityIps: '192.168.1.0/24,192.168.2.0/24', DBInstanceIPArrayName: 'mc', ModifyMode: 'Append' });
      assert.deepEqual((await whitelist()).mc, ['192.168.1.0/24', '192.168.2.0/24']);
      await modify({ SecurityIps: '192.168.1.0/24', DBInstanceIPArrayName: 'mc', ModifyMode: 'Delete' });
      assert.deepEqual((await whitelist()).mc, ['192.168.2.0/24']);
    });

    it('ModifySecurityIps Delete must leave at least one entry', async () => {
      const before = await whitelist();
      const err = await failure(modify({ SecurityIps: before.default!.join(','), DBInstanceIPArrayName: 'default', ModifyMode: 'Delete' }));
      assert.equal(err.statusCode, 400);
      assert.match(err.data.Message, /at least one entry/);
      assert.deepEqual(await whitelist(), before);
    });

    it('ModifySecurityIps refuses malformed entries, more than 1000 entries and unknown modes', async () => {
      assert.equal((await failure(modify({ SecurityIps: '192.168.1.300' }))).statusCode, 400);
      const many = Array.from({ length: 1001 }, (_, i) => `10.${(i >> 8) & 255}.${i & 255}.1`).join(',');
      const quota = await failure(modify({ SecurityIps: many, DBInstanceIPArrayName: 'big' }));
      assert.match(quota.data.Message, /at most 1000/);
      assert.equal((await failure(modify({ SecurityIps: '10.0.0.1', ModifyMode: 'Replace' }))).code, 'InvalidParameter');
    });

    it("acting on another account's instance is InvalidDBInstanceId.NotFound", async () => {
      const err = await failure(second.call('ModifySecurityIps', RDS, { DBInstanceId: m.rdsInstanceId, SecurityIps: '0.0.0.0/0' }));
      assert.equal(err.code, 'InvalidDBInstanceId.NotFound');
      assert.equal(err.statusCode, 404);
      assert.ok(!(await whitelist()).default?.includes('0.0.0.0/0'));
    });

    it('ModifySecurityGroupConfiguration binds up to 10 groups, not 11; Describe shows them with names', async () => {
      await main.call('ModifySecurityGroupConfiguration', RDS, { DBInstanceId: m.rdsInstanceId, SecurityGroupId: m.basicGroupId });
      const body = await main.call('DescribeSecurityGroupConfiguration', RDS, { DBInstanceId: m.rdsInstanceId });
      assert.deepEqual(body.Items.EcsSecurityGroupRelation, [
        { SecurityGroupId: m.basicGroupId, SecurityGroupName: 'app-basic', RegionId: R, NetworkType: 'VPC' },
      ]);
      const groups: string[] = [];
      for (let i = 0; i < 11; i++) {
        groups.push((await main.call('CreateSecurityGroup', ECS, { RegionId: R, VpcId: m.vpcId })).SecurityGroupId);
      }
      await main.call('ModifySecurityGroupConfiguration', RDS, {
        DBInstanceId: m.rdsInstanceId,
        SecurityGroupId: groups.slice(0, 10).join(','),
      });
      const bound = await main.call('DescribeSecurityGroupConfiguration', RDS, { DBInstanceId: m.rdsInstanceId });
      assert.equal(bound.Items.EcsSecurityGroupRelation.length, 10);
      const err = await failure(
        main.call('ModifySecurityGroupConfiguration', RDS, { DBInstanceId: m.rdsInstanceId, SecurityGroupId: groups.join(',') }),
      );
      assert.equal(err.statusCode, 400);
      const unknown = await failure(
        main.call('ModifySecurityGroupConfiguration', RDS, {
          DBInstanceId: m.rdsInstanceId,
          SecurityGroupId: DEFAULT_SEED.second.basicGroupId,
        }),
      );
      assert.equal(unknown.code, 'InvalidSecurityGroupId.NotFound');
      await main.call('ModifySecurityGroupConfiguration', RDS, { DBInstanceId: m.rdsInstanceId, SecurityGroupId: '' });
      const cleared = await main.call('DescribeSecurityGroupConfiguration', RDS, { DBInstanceId: m.rdsInstanceId });
      assert.deepEqual(cleared.Items.EcsSecurityGroupRelation, []);
    });
  });

  describe('HBase 2019-01-01', () => {
    it('DescribeInstances spells the vSwitch field VswitchId', async () => {
      const body = await main.call('DescribeInstances', HBASE, { RegionId: R });
      assert.equal(body.TotalCount, 1);
      const c = body.Instances.Instance[0];
      assert.deepEqual([c.ClusterId, c.VpcId, c.VswitchId, c.VSwitchId], [m.hbaseClusterId, m.vpcId, m.vSwitchIdJ, undefined]);
    });

    it('DescribeClusterConnection lists the ZooKeeper quorum on port 2181', async () => {
      const body = await main.call('DescribeClusterConnection', HBASE, { ClusterId: m.hbaseClusterId, RegionId: R });
      assert.equal(body.VpcId, m.vpcId);
      assert.equal(body.ZkConnAddrs.ZkConnAddr.length, 3);
      assert.ok(body.ZkConnAddrs.ZkConnAddr.every((z: WireBody) => z.ConnAddrPort === '2181' && z.ConnAddr.startsWith(m.hbaseClusterId)));
    });

    it('DescribeIpWhitelist/ModifyIpWhitelist use Groups.Group[].IpList.Ip[]', async () => {
      const before = await main.call('DescribeIpWhitelist', HBASE, { ClusterId: m.hbaseClusterId });
      assert.deepEqual(before.Groups.Group, [{ GroupName: 'default', IpVersion: 4, IpList: { Ip: ['127.0.0.1'] } }]);
      await main.call('ModifyIpWhitelist', HBASE, {
        ClusterId: m.hbaseClusterId,
        GroupName: 'maxcompute',
        IpVersion: '4',
        IpList: '192.168.2.0/24',
      });
      const after = await main.call('DescribeIpWhitelist', HBASE, { ClusterId: m.hbaseClusterId });
      assert.deepEqual(after.Groups.Group[1], { GroupName: 'maxcompute', IpVersion: 4, IpList: { Ip: ['192.168.2.0/24'] } });
      const missing = await failure(
        main.call('ModifyIpWhitelist', HBASE, { ClusterId: m.hbaseClusterId, GroupName: 'x', IpList: '1.2.3.4' }),
      );
      assert.equal(missing.code, 'MissingParameter');
    });

    it("DescribeSecurityGroups/ModifySecurityGroups replace the cluster's groups", async () => {
      const before = await main.call('DescribeSecurityGroups', HBASE, { ClusterId: m.hbaseClusterId });
      assert.deepEqual(before.SecurityGroupIds.SecurityGroupId, [m.hbaseGroupId]);
      await main.call('ModifySecurityGroups', HBASE, {
        ClusterId: m.hbaseClusterId,
        SecurityGroupIds: `${m.hbaseGroupId},${m.basicGroupId}`,
      });
      const after = await main.call('DescribeSecurityGroups', HBASE, { ClusterId: m.hbaseClusterId });
      assert.deepEqual(after.SecurityGroupIds.SecurityGroupId, [m.hbaseGroupId, m.basicGroupId]);
      const other = await failure(second.call('DescribeSecurityGroups', HBASE, { ClusterId: m.hbaseClusterId }));
      assert.equal(other.statusCode, 404);
    });
  });

  describe('EMR 2021-03-20', () => {
    it('ListClusters returns a bare Clusters array with NextToken/MaxResults/TotalCount', async () => {
      const body = await main.call('ListClusters', EMR, { RegionId: R, MaxResults: 1 });
      assert.ok(Array.isArray(body.Clusters));
      assert.deepEqual([body.TotalCount, body.MaxResults, body.NextToken], [1, 1, '']);
      assert.deepEqual(
        [body.Clusters[0].ClusterId, body.Clusters[0].ClusterType, body.Clusters[0].ClusterState],
        [m.emrClusterId, 'HADOOP', 'RUNNING'],
      );
      assert.equal(body.Clusters[0].NodeAttributes, undefined, 'the list carries no network info');
      const filtered = await main.call('ListClusters', EMR, { RegionId: R, ClusterTypes: ['DATALAKE'] });
      assert.equal(filtered.TotalCount, 0);
    });

    it('GetCluster has Cluster.NodeAttributes.{VpcId,ZoneId,SecurityGroupId}', async () => {
      const body = await main.call('GetCluster', EMR, { RegionId: R, ClusterId: m.emrClusterId });
      assert.deepEqual(
        {
          vpc: body.Cluster.NodeAttributes.VpcId,
          zone: body.Cluster.NodeAttributes.ZoneId,
          sg: body.Cluster.NodeAttributes.SecurityGroupId,
        },
        { vpc: m.vpcId, zone: 'cn-hangzhou-h', sg: m.emrGroupId },
      );
      const err = await failure(second.call('GetCluster', EMR, { RegionId: R, ClusterId: m.emrClusterId }));
      assert.equal(err.statusCode, 404);
    });
  });

  describe('RAM 2015-05-01', () => {
    it('GetRole finds AliyunODPSRoleForENI for the main account and not for the second', async () => {
      const body = await main.call('GetRole', RAM, { RoleName: 'AliyunODPSRoleForENI' });
      assert.equal(body.Role.RoleName, 'AliyunODPSRoleForENI');
      assert.equal(body.Role.Arn, `acs:ram::${m.accountId}:role/aliyunodpsroleforeni`);
      const err = await failure(second.call('GetRole', RAM, { RoleName: 'AliyunODPSRoleForENI' }));
      assert.equal(err.code, 'EntityNotExist.Role');
      assert.equal(err.statusCode, 404);
    });
  });
});
