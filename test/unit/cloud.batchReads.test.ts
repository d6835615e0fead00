/**
 * Lookups by id batched (src/cloud/batchReads.ts): the emulator takes DescribeInstances'
 * `InstanceIds` and DescribeSecurityGroups' `SecurityGroupIds` as the reference says (a JSON
 * array string, at most 100 ids), the client sends the ids asked together in one call, and the
 * doctor's reads no longer grow with its targets (bench:doctor measures the same at 50 targets).
 */
import { strict as assert } from 'node:assert';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Cloud } from '../../src/cloud';
import { batchedGroups, batchedInstances } from '../../src/cloud/batchReads';
import { CloudError } from '../../src/cloud';
import { startEmulator, type Emulator } from '../../src/emulator';
import { buildSeed } from '../../src/emulator/seed';
import { doctorSpec } from '../../src/engine';
import { cloudFor, DEFAULT_SEED, emulatorForTests, rejection, requestsFor, tempDir } from './cloud.harness';
import { parseOne, specText } from './builders/engineHarness';

const M = DEFAULT_SEED.main;
const REGION = DEFAULT_SEED.regionId;

describe('batched lookups by id', () => {
  let emu: Emulator;
  let cloud: Cloud;
  emulatorForTests((e, c) => {
    emu = e;
    cloud = c;
  });

  describe('the emulator takes the id lists as documented', () => {
    it('DescribeInstances InstanceIds: a JSON array of ids; unknown ids are left out, not refused', async () => {
      const r = await cloud.ecs.describeInstances({
        RegionId: REGION,
        InstanceIds: JSON.stringify([M.ecsInstanceId, 'i-bp1nosuchinstance00']),
      });
      assert.deepEqual(
        (r.Instances?.Instance ?? []).map((i) => i.InstanceId),
        [M.ecsInstanceId],
      );
    });

    it('DescribeSecurityGroups SecurityGroupIds: a JSON array of ids', async () => {
      const r = await cloud.ecs.describeSecurityGroups({
        RegionId: REGION,
        SecurityGroupIds: JSON.stringify([M.ecsGroupId, M.hbaseGroupId]),
        MaxResults: 100,
      });
      assert.deepEqual((r.SecurityGroups?.SecurityGroup ?? []).map((g) => g.SecurityGroupId).sort(), [M.ecsGroupId, M.hbaseGroupId].sort());
    });

    it('refuses more than 100 ids, and a list that is not a JSON array, naming the parameter', async () => {
      const many = JSON.stringify(Array.from({ length: 101 }, (_, i) => `i-bp1x${String(i).padStart(16, '0')}`));
      for (const [call, parameter] of [
        [() => cloud.ecs.describeInstances({ RegionId: REGION, InstanceIds: many }), 'InstanceIds'],
        [() => cloud.ecs.describeInstances({ RegionId: REGION, InstanceIds: `${M.ecsInstanceId},i-2` }), 'InstanceIds'],
        [() => cloud.ecs.describeSecurityGroups({ RegionId: REGION, SecurityGroupIds: many.replace(/i-/g, 'sg-') }), 'SecurityGroupIds'],
        [() => cloud.ecs.describeSecurityGroups({ RegionId: REGION, SecurityGroupIds: M.ecsGroupId }), 'SecurityGroupIds'],
      ] as const) {
        const err = await rejection(call());
        assert.ok(err instanceof CloudError, String(err));
        assert.match(`${err.code} ${err.detail}`, new RegExp(parameter));
      }
    });
  });

  it('lookups asked together go out in one call; each gets its own answer, undefined when absent', async () => {
    const instance = batchedInstances(cloud, REGION);
    const group = batchedGroups(cloud, REGION);
    emu.clearRequests();
    const [a, missing, again, g1, g2] = await Promise.all([
      instance(M.ecsInstanceId),
      instance('i-bp1nosuchinstance00'),
      instance(M.ecsInstanceId),
      group(M.ecsGroupId),
      group(M.hbaseGroupId),
    ]);
    assert.equal(a?.instanceId, M.ecsInstanceId);
    assert.equal(again?.instanceId, M.ecsInstanceId);
    assert.equal(missing, undefined);
    assert.deepEqual([g1?.securityGroupId, g2?.securityGroupId], [M.ecsGroupId, M.hbaseGroupId]);
    const sent = requestsFor(emu, 'DescribeInstances');
    assert.equal(sent.length, 1);
    assert.deepEqual(JSON.parse(String(sent[0]!.params.InstanceIds)), [M.ecsInstanceId, 'i-bp1nosuchinstance00']);
    assert.equal(requestsFor(emu, 'DescribeSecurityGroups').length, 1);
  });

  it('asks each id alone when a batch is refused, so one refusal fails only its own lookup', async () => {
    const instance = batchedInstances(cloud, REGION);
    emu.setFaults({ failNext: [{ action: 'DescribeInstances', code: 'InvalidParameter', times: 1 }] });
    emu.clearRequests();
    const found = await Promise.all([instance(M.ecsInstanceId), instance('i-bp1nosuchinstance00')]);
    assert.deepEqual(
      found.map((i) => i?.instanceId),
      [M.ecsInstanceId, undefined],
    );
    assert.deepEqual(
      requestsFor(emu, 'DescribeInstances').map((r) => JSON.parse(String(r.params.InstanceIds)).length),
      [2, 1, 1],
    );

    emu.setFaults({ failNext: [{ action: 'DescribeInstances', code: 'InvalidParameter', times: 3 }] });
    const refused = await Promise.allSettled([instance(M.ecsInstanceId), instance('i-bp1nosuchinstance00')]);
    assert.deepEqual(
      refused.map((r) => r.status),
      ['rejected', 'rejected'],
    );
    emu.setFaults({});
  });

  it('more than 100 ids at once go out in calls of 100', async () => {
    const group = batchedGroups(cloud, REGION);
    emu.clearRequests();
    const ids = Array.from({ length: 150 }, (_, i) => `sg-bp1none${String(i).padStart(12, '0')}`);
    assert.deepEqual(
      await Promise.all(ids.map(group)),
      ids.map(() => undefined),
    );
    assert.deepEqual(
      requestsFor(emu, 'DescribeSecurityGroups').map((r) => JSON.parse(String(r.params.SecurityGroupIds)).length),
      [100, 50],
    );
  });
});

describe("the doctor's reads do not grow with its targets", function () {
  this.timeout(120_000);

  /** An emulator whose VPC has `count` more ECS instances, each behind a group of its own. */
  async function worldWith(count: number): Promise<{ emu: Emulator; remove: () => Promise<void> }> {
    const state = buildSeed('default');
    const main = state.accounts[0]!;
    for (let t = 0; t < count; t++) {
      const n = String(t).padStart(4, '0');
      main.securityGroups.push({
        securityGroupId: `sg-batch${n}`,
        regionId: REGION,
        vpcId: M.vpcId,
        name: `batch-${t}`,
        description: '',
        type: 'normal',
        innerAccessPolicy: 'Accept',
        serviceManaged: false,
        creationTime: '2026-01-15T08:00:00Z',
        visibleAt: 0,
        rules: [],
      });
      main.ecsInstances.push({
        instanceId: `i-batch${n}`,
        regionId: REGION,
        zoneId: 'cn-hangzhou-h',
        vpcId: M.vpcId,
        vSwitchId: M.vSwitchIdH,
        name: `batch-${t}`,
        description: '',
        status: 'Running',
        instanceType: 'ecs.g7.large',
        privateIpAddresses: [`192.168.1.${100 + t}`],
        securityGroupIds: [`sg-batch${n}`],
        creationTime: '2026-01-15T08:00:00Z',
        tags: [],
      });
    }
    const { dir, remove } = await tempDir();
    const file = path.join(dir, 'state.json');
    await fs.writeFile(file, JSON.stringify(state));
    const emu = await startEmulator({ port: 0, stateFile: file });
    return {
      emu,
      remove: async () => {
        await emu.close();
        await remove();
      },
    };
  }

  /** DescribeInstances and DescribeSecurityGroups calls of one doctor run over `targets` ECS targets. */
  async function lookups(targets: number): Promise<{ instances: number; groups: number; rules: number }> {
    const { emu, remove } = await worldWith(targets);
    try {
      const ecs = Array.from(
        { length: targets },
        (_, t) => `  - kind: ecs\n    instance: i-batch${String(t).padStart(4, '0')}\n    ports: [9092]`,
      );
      const spec = parseOne(specText({ targets: ecs }));
      const cloud = await cloudFor(emu);
      emu.clearRequests();
      const { report } = await doctorSpec(cloud, spec);
      assert.equal(report.hops.filter((h) => h.id.endsWith('.exists') && h.verdict === 'pass').length, targets, 'every instance was found');
      return {
        instances: requestsFor(emu, 'DescribeInstances').length,
        groups: requestsFor(emu, 'DescribeSecurityGroups').length,
        rules: requestsFor(emu, 'DescribeSecurityGroupAttribute').length,
      };
    } finally {
      await remove();
    }
  }

  it('the same DescribeInstances and DescribeSecurityGroups calls for 3 targets as for 40; rules stay one call per group', async () => {
    const few = await lookups(3);
    const many = await lookups(40);
    assert.deepEqual({ instances: many.instances, groups: many.groups }, { instances: few.instances, groups: few.groups });
    assert.ok(many.instances <= 2 && many.groups <= 6, JSON.stringify(many));
    // DescribeSecurityGroupAttribute takes one SecurityGroupId: no batch form exists.
    assert.equal(many.rules - few.rules, 37);
  });
});
