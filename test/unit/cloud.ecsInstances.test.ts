/** ECS DescribeInstances and DeleteSecurityGroup through the real client (createCloud) against the emulator over HTTP. */

import { strict as assert } from 'node:assert';
import { CloudError, type Cloud } from '../../src/cloud';
import { toEcsInstance } from '../../src/cloud/products/ecsInstances';
import type { Emulator } from '../../src/emulator';
import { ecsInstance, emulatorWith } from './builders/extendedWorld';
import { cloudFor, DEFAULT_SEED, emulator, rejection, requestsFor } from './cloud.harness';

const M = DEFAULT_SEED.main;

async function codeOf(promise: Promise<unknown>): Promise<{ code: string; status?: number; detail: string }> {
  const err = await rejection(promise);
  assert.ok(err instanceof CloudError, `expected a CloudError, got ${String(err)}`);
  return { code: err.code, status: err.status, detail: err.detail };
}

describe('ECS instances and DeleteSecurityGroup against the emulator', () => {
  let emu: Emulator;
  let cloud: Cloud;
  beforeEach(async () => {
    emu = await emulator({ seed: 'default' });
    cloud = await cloudFor(emu);
  });
  afterEach(() => emu.close());

  describe('DescribeInstances', () => {
    it('answers Instances.Instance[] with VpcAttributes, SecurityGroupIds and TagKey/TagValue tags', async () => {
      const r = await cloud.ecs.describeInstances({ VpcId: M.vpcId });
      const [wire] = r.Instances.Instance;
      assert.equal(r.Instances.Instance.length, 1);
      assert.deepEqual(wire!.VpcAttributes, {
        VpcId: M.vpcId,
        VSwitchId: M.vSwitchIdH,
        NatIpAddress: '',
        PrivateIpAddress: { IpAddress: [M.ecsPrivateIp] },
      });
      assert.deepEqual(wire!.SecurityGroupIds, { SecurityGroupId: [M.ecsGroupId] });
      assert.deepEqual(wire!.Tags?.Tag, [
        { TagKey: 'service', TagValue: 'kafka' },
        { TagKey: 'ports', TagValue: '9092' },
      ]);
      assert.equal(r.NextToken, '');
      assert.equal(r.TotalCount, undefined, 'no TotalCount in NextToken mode');
    });

    it('maps an instance to the model', async () => {
      const r = await cloud.ecs.describeInstances({ InstanceIds: JSON.stringify([M.ecsInstanceId]) });
      assert.deepEqual(toEcsInstance(r.Instances.Instance[0]!, cloud.regionId), {
        kind: 'ecs',
        instanceId: M.ecsInstanceId,
        regionId: 'cn-hangzhou',
        name: 'kafka-broker-1',
        description: 'Self-managed Kafka broker, listening on 9092',
        vpcId: M.vpcId,
        vSwitchId: M.vSwitchIdH,
        zoneId: 'cn-hangzhou-h',
        privateIpAddresses: [M.ecsPrivateIp],
        securityGroupIds: [M.ecsGroupId],
        status: 'Running',
        tags: { service: 'kafka', ports: '9092' },
      });
    });

    it('filters by InstanceIds (a JSON array string), VpcId, SecurityGroupId, PrivateIpAddresses, InstanceName wildcards and Status', async () => {
      const ids = async (filter: Parameters<Cloud['ecs']['describeInstances']>[0]): Promise<string[]> =>
        (await cloud.ecs.describeInstances(filter)).Instances.Instance.map((i) => i.InstanceId);
      assert.deepEqual(await ids({ InstanceIds: JSON.stringify(['i-bp1nosuchinstance0000']) }), []);
      assert.deepEqual(await ids({ VpcId: M.linkedVpcId }), []);
      assert.deepEqual(await ids({ SecurityGroupId: M.ecsGroupId }), [M.ecsInstanceId]);
      assert.deepEqual(await ids({ SecurityGroupId: M.basicGroupId }), []);
      assert.deepEqual(await ids({ PrivateIpAddresses: JSON.stringify([M.ecsPrivateIp]) }), [M.ecsInstanceId]);
      assert.deepEqual(await ids({ InstanceName: 'kafka-*' }), [M.ecsInstanceId]);
      assert.deepEqual(await ids({ InstanceName: 'kafka' }), []);
      assert.deepEqual(await ids({ Status: 'Stopped' }), []);
      const err = await codeOf(cloud.ecs.describeInstances({ InstanceIds: M.ecsInstanceId }));
      assert.equal(err.code, 'InvalidParameter', 'a bare id is not a JSON array');
    });

    it('pages 23 instances by NextToken, bringing MaxResults into 10-100', async () => {
      const crowded = await emulatorWith((main) => {
        for (let i = 0; i < 22; i++) main.ecsInstances.push(ecsInstance(`i-bp1paging${String(i).padStart(10, '0')}`));
      });
      try {
        const c = await cloudFor(crowded);
        const first = await c.ecs.describeInstances({ VpcId: M.vpcId, MaxResults: 5 });
        assert.equal(first.Instances.Instance.length, 10, 'below 10 means 10');
        const rest = await c.ecs.describeInstances({ VpcId: M.vpcId, MaxResults: 500, NextToken: first.NextToken });
        assert.deepEqual([rest.Instances.Instance.length, rest.NextToken], [13, ''], 'above 100 means 100');
        crowded.clearRequests();
        const all = await c.fetchAll(c.lists.ecsInstances({ VpcId: M.vpcId }));
        assert.equal(new Set(all.map((i) => i.instanceId)).size, 23);
        assert.deepEqual(
          requestsFor(crowded, 'DescribeInstances').map((r) => r.params.MaxResults),
          ['100'],
        );
      } finally {
        await crowded.close();
      }
    });
  });

  describe('DeleteSecurityGroup', () => {
    const groupIds = async (c: Cloud): Promise<string[]> =>
      (await c.fetchAll(c.lists.securityGroups({ VpcId: M.vpcId }))).map((g) => g.securityGroupId);

    it('deletes an unused group, its rules with it, and sends no ClientToken; a second delete is InvalidSecurityGroupId.NotFound', async () => {
      const { SecurityGroupId } = await cloud.ecs.createSecurityGroup({ VpcId: M.vpcId, SecurityGroupName: 'mc-link-sg' });
      await cloud.ecs.authorizeSecurityGroup({
        SecurityGroupId,
        Permissions: [{ IpProtocol: 'TCP', PortRange: '3306/3306', SourceCidrIp: '192.168.1.0/24' }],
      });
      const r = await cloud.ecs.deleteSecurityGroup({ SecurityGroupId });
      assert.deepEqual(Object.keys(r), ['RequestId']);
      assert.equal(requestsFor(emu, 'DeleteSecurityGroup').at(-1)!.params.ClientToken, undefined);
      assert.ok(!(await groupIds(cloud)).includes(SecurityGroupId));
      assert.deepEqual(await codeOf(cloud.ecs.deleteSecurityGroup({ SecurityGroupId })).then(({ code, status }) => ({ code, status })), {
        code: 'InvalidSecurityGroupId.NotFound',
        status: 404,
      });
    });

    it('refuses while an instance is in the group: DependencyViolation (403)', async () => {
      const err = await codeOf(cloud.ecs.deleteSecurityGroup({ SecurityGroupId: M.ecsGroupId }));
      assert.deepEqual([err.code, err.status], ['DependencyViolation', 403]);
      assert.match(err.detail, /instance/);
      assert.ok((await groupIds(cloud)).includes(M.ecsGroupId));
    });

    it("refuses while a network interface uses the group (a network link's ENIs): DependencyViolation", async () => {
      const linked = await cloud.fetchAll(cloud.lists.securityGroups({ VpcId: M.linkedVpcId }));
      assert.ok(linked.some((g) => g.securityGroupId === M.linkedGroupId));
      const err = await codeOf(cloud.ecs.deleteSecurityGroup({ SecurityGroupId: M.linkedGroupId }));
      assert.deepEqual([err.code, err.status], ['DependencyViolation', 403]);
      assert.match(err.detail, /network interface/);
    });

    it("refuses while another group's rule authorizes it; deletes once the rule is revoked", async () => {
      const { SecurityGroupId } = await cloud.ecs.createSecurityGroup({ VpcId: M.vpcId, SecurityGroupName: 'mc-link-sg' });
      const rule = { IpProtocol: 'TCP', PortRange: '9092/9092', SourceGroupId: SecurityGroupId };
      await cloud.ecs.authorizeSecurityGroup({ SecurityGroupId: M.ecsGroupId, Permissions: [rule] });
      const err = await codeOf(cloud.ecs.deleteSecurityGroup({ SecurityGroupId }));
      assert.deepEqual([err.code, err.status], ['DependencyViolation', 403]);
      assert.match(err.detail, /authorized in another/);
      await cloud.ecs.revokeSecurityGroup({ SecurityGroupId: M.ecsGroupId, Permissions: [rule] });
      await cloud.ecs.deleteSecurityGroup({ SecurityGroupId });
      assert.ok(!(await groupIds(cloud)).includes(SecurityGroupId));
    });

    it('a group of another account is not found', async () => {
      const second = await cloudFor(emu, {}, DEFAULT_SEED.second as unknown as typeof M);
      assert.equal(
        (await codeOf(second.ecs.deleteSecurityGroup({ SecurityGroupId: M.basicGroupId }))).code,
        'InvalidSecurityGroupId.NotFound',
      );
    });

    it('DescribeSecurityGroups counts the instances in a group (EcsCount)', async () => {
      const r = await cloud.ecs.describeSecurityGroups({ SecurityGroupId: M.ecsGroupId });
      assert.equal(r.SecurityGroups.SecurityGroup[0]?.EcsCount, 1);
    });
  });

  describe("the default seed's new services in the main app VPC", () => {
    it('finds the PolarDB cluster, the Lindorm instance and the Kafka instance with its own basic group', async () => {
      const polardb = (await cloud.fetchAll(cloud.lists.polardbClusters())).filter((c) => c.vpcId === M.vpcId);
      assert.deepEqual(
        polardb.map((c) => [c.clusterId, c.engine]),
        [[M.polardbClusterId, 'MySQL']],
      );
      const lindorm = (await cloud.fetchAll(cloud.lists.lindormInstances())).filter((i) => i.vpcId === M.vpcId);
      assert.deepEqual(
        lindorm.map((i) => i.instanceId),
        [M.lindormInstanceId],
      );
      const ecs = await cloud.fetchAll(cloud.lists.ecsInstances({ VpcId: M.vpcId }));
      assert.deepEqual(
        ecs.map((i) => i.instanceId),
        [M.ecsInstanceId],
      );
      const group = (await cloud.fetchAll(cloud.lists.securityGroups({ VpcId: M.vpcId }))).find((g) => g.securityGroupId === M.ecsGroupId);
      assert.deepEqual([group?.type, group?.name, group?.managedByMaxCompute], ['normal', 'kafka-sg', false]);
      assert.match(M.polardbClusterId, /^pc-/);
      assert.match(M.lindormInstanceId, /^ld-/);
      assert.match(M.ecsInstanceId, /^i-/);
    });

    it('a state file written before these products (no polardbClusters, lindormInstances, ecsInstances) still answers, with empty lists', async () => {
      const old = await emulatorWith((main) => {
        const record = main as unknown as Record<string, unknown>;
        delete record.polardbClusters;
        delete record.lindormInstances;
        delete record.ecsInstances;
      });
      try {
        const c = await cloudFor(old);
        assert.equal((await c.polardb.describeDBClusters({})).TotalRecordCount, 0);
        assert.equal((await c.lindorm.getLindormInstanceList({})).Total, 0);
        assert.deepEqual((await c.ecs.describeInstances({})).Instances.Instance, []);
        await c.ecs.deleteSecurityGroup({ SecurityGroupId: M.advancedGroupId });
      } finally {
        await old.close();
      }
    });

    it('the scale seed still builds, with none of the new resources', async () => {
      await emu.reset({ kind: 'scale', regionId: 'cn-hangzhou', vpcs: 3, vSwitchesPerVpc: 2, securityGroupsPerVpc: 2 });
      assert.equal((await cloud.fetchAll(cloud.lists.vpcs())).length, 3);
      assert.equal((await cloud.fetchAll(cloud.lists.polardbClusters())).length, 0);
      assert.equal((await cloud.fetchAll(cloud.lists.ecsInstances())).length, 0);
    });
  });
});
