/**
 * The product's readers of network interfaces on a world where ECS instances have their primary
 * ENIs (the emulator's default seed: the Kafka instance in kafka-sg), through the real client
 * over HTTP. A group only an ECS instance uses is in use wherever the product says "in use"
 * (DescribeNetworkInterfaces' SecurityGroupId finds secondary ENIs only, so the instances come
 * from DescribeInstances), and an instance's primary ENI is never taken for a link's.
 */
import { strict as assert } from 'node:assert';
import type { Cloud } from '../../src/cloud';
import { readGroupInterfaces, readLinkInterfaces } from '../../src/cloud/reads';
import { detectRegionLinks } from '../../src/cloud/regionLinks';
import { applyPlan, doctorSpec, planSpec, planSpecTeardown } from '../../src/engine';
import type { Emulator } from '../../src/emulator';
import { contextFromTree } from '../../src/ui/linkForm/model/contextFromTree';
import { existingGroupProblem } from '../../src/ui/linkForm/model/formState';
import { DEFAULT_SEED, parseOne, specText, TARGETS } from './builders/engineHarness';
import { ecsInstance, emulatorWith } from './builders/extendedWorld';
import { cloudFor, emulatorForTests, requestsFor } from './cloud.harness';
import { explorerHarness } from './explorer.harness';

const M = DEFAULT_SEED.main;
const R = DEFAULT_SEED.regionId;

describe("readers of network interfaces, with ECS instances' primary ENIs", function () {
  this.timeout(60_000);
  let emu: Emulator;
  let cloud: Cloud;
  emulatorForTests((e, c) => ((emu = e), (cloud = c)));

  it('readGroupInterfaces finds the instance in a group only an ECS instance uses (DescribeInstances), as its primary ENI', async () => {
    const users = await readGroupInterfaces(cloud, R, M.ecsGroupId);
    assert.deepEqual(
      users.map((n) => ({
        id: n.networkInterfaceId,
        instance: n.instanceId,
        type: n.type,
        managed: n.serviceManaged,
        ip: n.privateIpAddress,
        vSwitch: n.vSwitchId,
      })),
      [{ id: M.ecsPrimaryEniId, instance: M.ecsInstanceId, type: 'Primary', managed: false, ip: M.ecsPrivateIp, vSwitch: M.vSwitchIdH }],
    );
    assert.deepEqual(
      requestsFor(emu, 'DescribeInstances').map((r) => r.params.SecurityGroupId),
      [M.ecsGroupId],
    );
    const link = await readGroupInterfaces(cloud, R, M.linkedGroupId);
    assert.deepEqual(link.map((n) => n.networkInterfaceId).sort(), [...M.linkedEniIds].sort(), "MaxCompute's ENIs, no instance");
    assert.ok(link.every((n) => n.instanceId === undefined && n.serviceManaged));
  });

  it('the doctor warns that the link group also guards an ECS instance, naming the instance', async () => {
    const spec = parseOne(specText({ groupId: M.ecsGroupId, targets: [TARGETS.rdsWhitelist] }));
    const { report } = await doctorSpec(cloud, spec);
    const shared = report.hops.find((h) => h.id === 'link-group.shared');
    assert.equal(shared?.verdict, 'warn', shared?.reason);
    assert.match(shared!.reason, new RegExp(`also guards instance ${M.ecsInstanceId}`));
    assert.ok(
      shared!.evidence.some((e) => e.text.includes(M.ecsPrimaryEniId) && e.text.includes(`of instance ${M.ecsInstanceId}`)),
      JSON.stringify(shared!.evidence),
    );
  });

  it('teardown refuses to delete a link group an ECS instance uses (GroupInUse, naming the instance), without calling DeleteSecurityGroup', async () => {
    // A spec whose group to create has the name of the Kafka instance's group: teardown plans to delete it.
    const spec = parseOne(specText({ groupName: 'kafka-sg', targets: [TARGETS.rdsWhitelist] }));
    const { plan } = await planSpecTeardown(cloud, spec);
    assert.equal(plan.steps.find((s) => s.id === 'link-group.delete')?.action, 'remove');
    const report = await applyPlan(cloud, spec, plan, { pollInitialMs: 20, pollMaxMs: 100, waitForConsoleMs: 200 });
    const step = report.steps.find((s) => s.stepId === 'link-group.delete')!;
    assert.deepEqual([step.status, step.error?.code], ['failed', 'GroupInUse'], JSON.stringify(step));
    assert.match(step.error!.message, new RegExp(`still used by instance ${M.ecsInstanceId}; move it to another security group`));
    assert.doesNotMatch(step.error!.message, /MaxCompute console/, 'no link uses it: the console is not the remedy');
    assert.equal(requestsFor(emu, 'DeleteSecurityGroup').length, 0);
  });

  it("plan refuses when a same-named extra link group is an ECS instance's, instead of deleting it", async () => {
    const extraGroupId = 'sg-bp1extralinkgroup00000';
    const world = await emulatorWith((main) => {
      const now = '2026-01-15T08:00:00Z';
      const base = {
        regionId: R,
        vpcId: M.vpcId,
        description: '',
        type: 'normal' as const,
        innerAccessPolicy: 'Accept' as const,
        serviceManaged: false,
        visibleAt: 0,
        rules: [],
      };
      main.securityGroups.push({ ...base, securityGroupId: 'sg-bp1aaaalinkgroup000000', name: 'maxcompute-link', creationTime: now });
      main.securityGroups.push({ ...base, securityGroupId: extraGroupId, name: 'maxcompute-link', creationTime: '2026-01-16T08:00:00Z' });
      main.ecsInstances.push(
        ecsInstance('i-bp1webserver0000000000', { privateIpAddresses: ['192.168.1.40'], securityGroupIds: [extraGroupId] }),
      );
    });
    try {
      const c = await cloudFor(world);
      const { plan } = await planSpec(c, parseOne(specText({ targets: [TARGETS.rdsWhitelist] })));
      const ambiguous = plan.checks.find((check) => check.code === 'group-name-ambiguous');
      assert.ok(ambiguous, plan.checks.map((check) => `${check.code}: ${check.message}`).join('\n'));
      assert.match(ambiguous.message, new RegExp(`${extraGroupId} is in use`));
      assert.equal(plan.refused, true);
    } finally {
      await world.close();
    }
  });

  it('plan refuses to take a group an ECS instance uses as the group to create (same name), and warns when the spec names it by id', async () => {
    const byName = await planSpec(cloud, parseOne(specText({ groupName: 'kafka-sg', targets: [TARGETS.rdsWhitelist] })));
    const inUse = byName.plan.checks.find((check) => check.code === 'group-in-use');
    assert.ok(inUse, byName.plan.checks.map((check) => `${check.code}: ${check.message}`).join('\n'));
    assert.equal(inUse.severity, 'error');
    assert.match(
      inUse.message,
      new RegExp(
        `named "kafka-sg" already exists in ${M.vpcId} \\(${M.ecsGroupId}\\) and guards instance ${M.ecsInstanceId}: Apply would take it as the link's group`,
      ),
    );
    assert.equal(byName.plan.refused, true);
    const byId = await planSpec(cloud, parseOne(specText({ groupId: M.ecsGroupId, targets: [TARGETS.rdsWhitelist] })));
    const shared = byId.plan.checks.find((check) => check.code === 'group-shared');
    assert.equal(shared?.severity, 'warning', byId.plan.checks.map((check) => `${check.code}: ${check.message}`).join('\n'));
    assert.match(shared!.message, new RegExp(`${M.ecsGroupId} also guards instance ${M.ecsInstanceId}`));
    assert.ok(!byId.plan.checks.some((check) => check.code === 'group-in-use'));
    // A group only MaxCompute's interfaces use (a link's own, on a re-run) is the link's, not someone else's.
    const linked = await planSpec(cloud, parseOne(specText({ groupId: M.linkedGroupId, targets: [TARGETS.rdsWhitelist] })));
    assert.ok(
      !linked.plan.checks.some((check) => check.code === 'group-shared' || check.code === 'group-in-use'),
      linked.plan.checks.map((check) => check.code).join(', '),
    );
  });

  it('apply refuses (GroupInUse) the group to create when an instance joined it after the plan, and adds no rule to it', async () => {
    const spec = parseOne(specText({ groupName: 'app-basic', targets: [TARGETS.rdsWhitelist] }));
    const { plan } = await planSpec(cloud, spec);
    assert.ok(!plan.checks.some((check) => check.code === 'group-in-use'), 'no instance uses app-basic when the plan is made');
    const joined = await emulatorWith((main) => {
      main.ecsInstances.push(ecsInstance('i-bp1joinedafterplan00000', { securityGroupIds: [M.basicGroupId] }));
    });
    try {
      const report = await applyPlan(await cloudFor(joined), spec, plan, { pollInitialMs: 20, pollMaxMs: 100, waitForConsoleMs: 200 });
      const step = report.steps.find((s) => s.stepId === 'link-group.create')!;
      assert.deepEqual([step.status, step.error?.code], ['failed', 'GroupInUse'], JSON.stringify(step));
      assert.match(step.error!.message, /guards instance i-bp1joinedafterplan00000; it is not taken as the link's group/);
      assert.equal(requestsFor(joined, 'AuthorizeSecurityGroup').length, 0, "no rule was added to the instance's group");
    } finally {
      await joined.close();
    }
  });

  it('the Create Network Link form says a group an ECS instance uses is in use by that instance', async () => {
    const harness = explorerHarness(async () => cloud);
    const details = await harness.data.vpcDetails('main', R, M.vpcId);
    assert.ok(
      details.interfaces.some((n) => n.networkInterfaceId === M.ecsPrimaryEniId && n.instanceId === M.ecsInstanceId),
      "the VPC's interfaces include the instance's primary ENI",
    );
    const context = contextFromTree(details, {
      profile: 'main',
      regionId: R,
      regions: [R],
      knownLinkNames: [],
      linkNameProblem: () => undefined,
    });
    assert.deepEqual(context.groupUsers[M.ecsGroupId], [`instance ${M.ecsInstanceId}`]);
    assert.match(existingGroupProblem(context, M.ecsGroupId) ?? '', new RegExp(`kafka-sg is in use by instance ${M.ecsInstanceId}`));
    for (const unused of [M.basicGroupId, M.hbaseGroupId, M.emrGroupId])
      assert.equal(existingGroupProblem(context, unused), undefined, unused);
  });

  it("an ECS instance in a link's vSwitch and group is never taken for one of the link's ENIs", async () => {
    const crowded = await emulatorWith((main) => {
      main.ecsInstances.push(
        ecsInstance('i-bp1inthelinkgroup000000', {
          vpcId: M.linkedVpcId,
          vSwitchId: M.linkedVSwitchId,
          zoneId: 'cn-hangzhou-k',
          privateIpAddresses: ['172.16.1.50'],
          securityGroupIds: [M.linkedGroupId],
        }),
      );
    });
    try {
      const c = await cloudFor(crowded);
      const all = await c.fetchAll(c.lists.networkInterfaces({ VpcId: M.linkedVpcId }));
      assert.equal(all.length, 3, "the link's two ENIs and the instance's primary one");
      assert.deepEqual(
        (await readLinkInterfaces(c, R, M.linkedVSwitchId, M.linkedGroupId)).map((n) => n.networkInterfaceId).sort(),
        [...M.linkedEniIds].sort(),
      );
      const detected = (await detectRegionLinks(c)).filter((l) => l.vpcId === M.linkedVpcId);
      assert.deepEqual(
        detected.map((l) => [l.vSwitchId, l.securityGroupId, l.networkInterfaces.map((n) => n.networkInterfaceId).sort()]),
        [[M.linkedVSwitchId, M.linkedGroupId, [...M.linkedEniIds].sort()]],
      );
      const users = await readGroupInterfaces(c, R, M.linkedGroupId);
      assert.equal(users.length, 3, 'but the instance does use the link group');
    } finally {
      await crowded.close();
    }
  });
});
