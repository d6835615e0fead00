/** Every operation of src/cloud through the real OpenAPI client against the real emulator. */

import { strict as assert } from 'node:assert';
import type { Cloud } from '../../src/cloud';
import { toNetworkInterface, toRule, toSecurityGroup } from '../../src/cloud/products/ecs';
import { toEmrCluster } from '../../src/cloud/products/emr';
import { toHBaseCluster } from '../../src/cloud/products/hbase';
import { toRdsInstance } from '../../src/cloud/products/rds';
import { toRegion, toVSwitch, toVpc, toZone } from '../../src/cloud/products/vpc';
import type { Emulator } from '../../src/emulator';
import { cloudFor, DEFAULT_SEED, emulator, rejection, requestsFor } from './cloud.harness';
import { CloudError } from '../../src/cloud';

const main = DEFAULT_SEED.main;

describe('cloud operations against the emulator', () => {
  let emu: Emulator;
  let cloud: Cloud;

  before(async () => {
    emu = await emulator({ seed: 'default' });
    cloud = await cloudFor(emu);
  });
  after(async () => {
    await emu.close();
  });

  describe('VPC', () => {
    it('DescribeRegions lists the regions', async () => {
      const r = await cloud.vpc.describeRegions({});
      const regions = r.Regions.Region.map(toRegion);
      assert.ok(regions.some((x) => x.regionId === 'cn-hangzhou'));
      assert.match(r.RequestId, /\S/);
    });

    it('DescribeZones lists the zones of the session region', async () => {
      const r = await cloud.vpc.describeZones({});
      const zones = r.Zones.Zone.map((z) => toZone(z, cloud.regionId));
      assert.ok(zones.some((z) => z.zoneId === 'cn-hangzhou-h'));
      assert.equal(requestsFor(emu, 'DescribeZones').at(-1)?.params.RegionId, 'cn-hangzhou', 'RegionId is sent explicitly');
    });

    it('DescribeVpcs finds the main VPC and maps it', async () => {
      const r = await cloud.vpc.describeVpcs({ VpcId: main.vpcId });
      assert.equal(r.TotalCount, 1);
      const vpc = toVpc(r.Vpcs.Vpc[0], cloud.regionId);
      assert.equal(vpc.vpcId, main.vpcId);
      assert.equal(vpc.cidrBlock, main.vpcCidr);
      assert.equal(vpc.ownerId, main.accountId);
      assert.ok(vpc.vSwitchIds.includes(main.vSwitchIdH));
    });

    it('DescribeVSwitches lists the vSwitches of a VPC', async () => {
      const r = await cloud.vpc.describeVSwitches({ VpcId: main.vpcId, PageSize: 50 });
      const ids = r.VSwitches.VSwitch.map(toVSwitch).map((s) => s.vSwitchId);
      assert.deepEqual([...ids].sort(), [main.vSwitchIdB, main.vSwitchIdH, main.vSwitchIdJ].sort());
    });

    it('a region-specific session sends its own RegionId', async () => {
      const shanghai = cloud.withRegion('cn-shanghai');
      const r = await shanghai.vpc.describeVpcs({});
      assert.deepEqual(
        r.Vpcs.Vpc.map((v) => v.VpcId),
        [main.shanghaiVpcId],
      );
    });
  });

  describe('ECS', () => {
    it('DescribeSecurityGroups lists groups, flagging MaxCompute-managed ones', async () => {
      const r = await cloud.ecs.describeSecurityGroups({ VpcId: main.linkedVpcId, MaxResults: 100 });
      const groups = r.SecurityGroups.SecurityGroup.map((g) => toSecurityGroup(g, cloud.regionId));
      const managed = groups
        .filter((g) => g.managedByMaxCompute)
        .map((g) => g.securityGroupId)
        .sort();
      assert.deepEqual(managed, [...main.managedGroupIds].sort());
      assert.ok(groups.some((g) => g.securityGroupId === main.linkedGroupId && !g.managedByMaxCompute));
    });

    it('CreateSecurityGroup, AuthorizeSecurityGroup(+Egress), DescribeSecurityGroupAttribute and RevokeSecurityGroup round-trip', async () => {
      const created = await cloud.ecs.createSecurityGroup({
        VpcId: main.vpcId,
        SecurityGroupName: 'mcvpc-test-roundtrip',
        SecurityGroupType: 'normal',
      });
      const groupId = created.SecurityGroupId;
      assert.match(groupId, /^sg-/);
      assert.match(
        requestsFor(emu, 'CreateSecurityGroup').at(-1)?.params.ClientToken ?? '',
        /^[0-9a-f-]{36}$/,
        'a UUID ClientToken is sent',
      );

      await cloud.ecs.authorizeSecurityGroup({
        SecurityGroupId: groupId,
        Permissions: [
          {
            IpProtocol: 'tcp',
            PortRange: '3306/3306',
            SourceCidrIp: '192.168.10.0/24',
            Policy: 'accept',
            Priority: '5',
            Description: 'rds',
          },
          { IpProtocol: 'TCP', PortRange: '2181/2181', SourceGroupId: main.basicGroupId },
        ],
      });
      const sent = requestsFor(emu, 'AuthorizeSecurityGroup').at(-1)?.params ?? {};
      assert.equal(sent['Permissions.1.IpProtocol'], 'tcp', 'nested params are flattened as Permissions.N.Field');
      assert.equal(sent['Permissions.2.SourceGroupId'], main.basicGroupId);

      await cloud.ecs.authorizeSecurityGroupEgress({
        SecurityGroupId: groupId,
        Permissions: [{ IpProtocol: 'TCP', PortRange: '443/443', DestCidrIp: '10.0.0.0/8', Policy: 'drop', Priority: '10' }],
      });

      const attr = await cloud.ecs.describeSecurityGroupAttribute({ SecurityGroupId: groupId, Direction: 'all' });
      const rules = attr.Permissions.Permission.map((p) => toRule(p));
      const mysql = rules.find((r) => r.portRange === '3306/3306');
      assert.deepEqual(
        { ...mysql, ruleId: undefined },
        {
          direction: 'ingress',
          policy: 'accept',
          protocol: 'TCP',
          portRange: '3306/3306',
          priority: 5,
          peerCidr: '192.168.10.0/24',
          description: 'rds',
          ruleId: undefined,
        },
      );
      assert.equal(rules.find((r) => r.portRange === '2181/2181')?.peerGroupId, main.basicGroupId);
      const egress = rules.find((r) => r.direction === 'egress' && r.portRange === '443/443');
      assert.deepEqual([egress?.policy, egress?.priority, egress?.peerCidr], ['drop', 10, '10.0.0.0/8']);

      await cloud.ecs.revokeSecurityGroup({ SecurityGroupId: groupId, SecurityGroupRuleId: [mysql!.ruleId!] });
      const after = await cloud.ecs.describeSecurityGroupAttribute({ SecurityGroupId: groupId, Direction: 'ingress' });
      assert.deepEqual(
        after.Permissions.Permission.map((p) => p.PortRange),
        ['2181/2181'],
      );
      await cloud.ecs.revokeSecurityGroup({
        SecurityGroupId: groupId,
        Permissions: [{ IpProtocol: 'TCP', PortRange: '2181/2181', SourceGroupId: main.basicGroupId }],
      });
      const empty = await cloud.ecs.describeSecurityGroupAttribute({ SecurityGroupId: groupId, Direction: 'ingress' });
      assert.equal(empty.Permissions.Permission.length, 0);
    });

    it('DescribeNetworkInterfaces shows the service-managed ENIs of the existing link', async () => {
      const r = await cloud.ecs.describeNetworkInterfaces({ VpcId: main.linkedVpcId, MaxResults: 100 });
      const enis = r.NetworkInterfaceSets.NetworkInterfaceSet.map(toNetworkInterface);
      const linkEnis = enis.filter((e) => main.linkedEniIds.includes(e.networkInterfaceId));
      assert.equal(linkEnis.length, main.linkedEniIds.length);
      for (const eni of linkEnis) {
        assert.equal(eni.serviceManaged, true);
        assert.equal(eni.vSwitchId, main.linkedVSwitchId);
      }
    });

    it('an unknown security group is a CloudError with the API code, not retried', async () => {
      emu.clearRequests();
      const err = await rejection(cloud.ecs.describeSecurityGroupAttribute({ SecurityGroupId: 'sg-doesnotexist' }));
      assert.ok(err instanceof CloudError);
      assert.equal(err.code, 'InvalidSecurityGroupId.NotFound');
      assert.equal(err.status, 404);
      assert.equal(err.product, 'Ecs');
      assert.equal(err.action, 'DescribeSecurityGroupAttribute');
      assert.match(err.requestId ?? '', /\S/);
      assert.equal(err.retryable, false);
      assert.equal(requestsFor(emu, 'DescribeSecurityGroupAttribute').length, 1);
    });
  });

  describe('RDS', () => {
    it('DescribeDBInstances maps the instance with its port', async () => {
      const r = await cloud.rds.describeDBInstances({ PageSize: 30 });
      const rds = r.Items.DBInstance.map((d) => toRdsInstance(d, cloud.regionId)).find((d) => d.instanceId === main.rdsInstanceId);
      assert.ok(rds);
      assert.equal(rds.port, main.rdsPort);
      assert.equal(rds.vpcId, main.vpcId);
      assert.equal(typeof r.TotalRecordCount, 'number');
    });

    it('ModifySecurityIps then DescribeDBInstanceIPArrayList shows the new group', async () => {
      await cloud.rds.modifySecurityIps({
        DBInstanceId: main.rdsInstanceId,
        DBInstanceIPArrayName: 'mcvpc',
        SecurityIps: '192.168.1.0/24,192.168.2.0/24',
        ModifyMode: 'Cover',
      });
      assert.equal(requestsFor(emu, 'ModifySecurityIps').at(-1)?.params.ClientToken, undefined, 'the API takes no ClientToken');
      const r = await cloud.rds.describeDBInstanceIPArrayList({ DBInstanceId: main.rdsInstanceId });
      const group = r.Items.DBInstanceIPArray.find((g) => g.DBInstanceIPArrayName === 'mcvpc');
      assert.deepEqual(group?.SecurityIPList.split(',').sort(), ['192.168.1.0/24', '192.168.2.0/24']);
    });

    it('ModifySecurityGroupConfiguration then DescribeSecurityGroupConfiguration shows the binding', async () => {
      await cloud.rds.modifySecurityGroupConfiguration({ DBInstanceId: main.rdsInstanceId, SecurityGroupId: main.basicGroupId });
      const r = await cloud.rds.describeSecurityGroupConfiguration({ DBInstanceId: main.rdsInstanceId });
      assert.deepEqual(
        r.Items.EcsSecurityGroupRelation.map((x) => x.SecurityGroupId),
        [main.basicGroupId],
      );
    });
  });

  describe('HBase', () => {
    it('DescribeInstances maps the cluster (VswitchId with a lower-case s)', async () => {
      const r = await cloud.hbase.describeInstances({});
      const hb = r.Instances.Instance.map((i) => toHBaseCluster(i, cloud.regionId)).find((c) => c.clusterId === main.hbaseClusterId);
      assert.ok(hb);
      assert.equal(hb.vpcId, main.vpcId);
      assert.notEqual(hb.vSwitchId, '');
    });

    it('ModifyIpWhitelist then DescribeIpWhitelist shows the group', async () => {
      await cloud.hbase.modifyIpWhitelist({ ClusterId: main.hbaseClusterId, GroupName: 'mcvpc', IpVersion: '4', IpList: '192.168.3.0/24' });
      const r = await cloud.hbase.describeIpWhitelist({ ClusterId: main.hbaseClusterId });
      const group = r.Groups.Group.find((g) => g.GroupName === 'mcvpc');
      assert.deepEqual(group?.IpList?.Ip, ['192.168.3.0/24']);
    });

    it('ModifySecurityGroups then DescribeSecurityGroups shows the set', async () => {
      await cloud.hbase.modifySecurityGroups({
        ClusterId: main.hbaseClusterId,
        SecurityGroupIds: `${main.hbaseGroupId},${main.basicGroupId}`,
      });
      const r = await cloud.hbase.describeSecurityGroups({ ClusterId: main.hbaseClusterId });
      assert.deepEqual([...r.SecurityGroupIds.SecurityGroupId].sort(), [main.basicGroupId, main.hbaseGroupId].sort());
    });
  });

  describe('EMR', () => {
    it('ListClusters and GetCluster give the cluster with its VPC and security group', async () => {
      const list = await cloud.emr.listClusters({ MaxResults: 100 });
      assert.ok(Array.isArray(list.Clusters), 'Clusters is a plain array');
      assert.ok(list.Clusters.some((c) => c.ClusterId === main.emrClusterId));
      const detail = await cloud.emr.getCluster({ ClusterId: main.emrClusterId });
      const emr = toEmrCluster(detail.Cluster, cloud.regionId);
      assert.equal(emr.vpcId, main.vpcId);
      assert.equal(emr.securityGroupId, main.emrGroupId);
    });
  });

  describe('RAM and STS', () => {
    it('GetRole finds the network-link role and reports a missing one as EntityNotExist.Role', async () => {
      const r = await cloud.ram.getRole({ RoleName: main.roleName });
      assert.equal(r.Role.RoleName, main.roleName);
      assert.equal(requestsFor(emu, 'GetRole').at(-1)?.params.RegionId, undefined, 'global products get no RegionId');
      const err = await rejection(cloud.ram.getRole({ RoleName: 'NoSuchRole' }));
      assert.ok(err instanceof CloudError);
      assert.equal(err.code, 'EntityNotExist.Role');
    });

    it('GetCallerIdentity names the account', async () => {
      const r = await cloud.sts.getCallerIdentity({});
      assert.equal(r.AccountId, main.accountId);
    });
  });
});
