/**
 * Teardown end to end against the emulator: every sample applied, then destroyed, ends exactly
 * where it began on every target (other whitelist entries and rules untouched, no rule of the
 * link left, the link's group deleted). Also the order of a teardown and its guards.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planHasChanges } from '../../src/core/plan';
import type { Emulator } from '../../src/emulator';
import { applyPlan, planSpec, planSpecTeardown, stalePlanReason } from '../../src/engine';
import { hasErrors, parseSpecFile } from '../../src/connectionSpec';
import { cloudFor, emulator, requestsFor } from './cloud.harness';
import { DEFAULT_SEED, linkFootprint, mainAccount, parseOne, specText, TARGETS } from './builders/engineHarness';
import { applyAll, applyOnce, destroyAll, destroyOnce, footprintAfterTeardown } from './builders/teardownHarness';

const SAMPLES = join(__dirname, '..', '..', 'samples');
const M = DEFAULT_SEED.main;

describe('engine: destroy ends where apply began', function () {
  this.timeout(60_000);
  const files = readdirSync(SAMPLES).filter((f) => f.endsWith('.mcvpc.yaml'));

  for (const file of files) {
    it(file, async () => {
      const { specs, problems } = parseSpecFile(readFileSync(join(SAMPLES, file), 'utf8'), file);
      assert.ok(!hasErrors(problems), problems.map((p) => p.message).join('\n'));
      const emu = await emulator();
      try {
        const cloud = await cloudFor(emu);
        const start = await linkFootprint(emu);
        for (const spec of specs) await applyAll(cloud, spec);
        assert.notDeepEqual(await linkFootprint(emu), start, 'apply changed something');
        for (const spec of specs) await destroyAll(cloud, spec);
        assert.deepEqual(await footprintAfterTeardown(emu, start), start);
        for (const spec of specs) {
          const { plan } = await planSpecTeardown(cloud, spec);
          assert.equal(planHasChanges(plan), false, `${spec.networkLinkName}: a further destroy plan is all =`);
        }
      } finally {
        await emu.close();
      }
    });
  }
});

describe('engine: teardown decisions against the emulator', function () {
  this.timeout(60_000);
  let emu: Emulator;
  beforeEach(async () => {
    emu = await emulator();
  });
  afterEach(async () => {
    await emu.close();
  });

  it("plans the targets first, then the link's removal, then the group, with - for what it removes", async () => {
    const cloud = await cloudFor(emu);
    const spec = parseOne(specText({ targets: [TARGETS.rdsDefaultWhitelist, TARGETS.emr, TARGETS.custom] }));
    await applyAll(cloud, spec);
    const { plan } = await planSpecTeardown(cloud, spec, { emulatorEndpoint: emu.endpoint });
    assert.deepEqual(
      plan.steps.map((s) => `${s.action} ${s.id}`),
      ['remove target.0.rds', 'remove target.1.emr', 'manual target.2.custom', 'remove network-link.remove', 'remove link-group.delete'],
    );
    assert.deepEqual(plan.steps.find((s) => s.id === 'network-link.remove')?.dependsOn, [
      'target.0.rds',
      'target.1.emr',
      'target.2.custom',
    ]);
    assert.deepEqual(plan.summary, { add: 0, change: 0, remove: 4, unchanged: 0, manual: 1 });
  });

  it("hands the link's removal over to the console only when the link API cannot be used", async () => {
    const cloud = await cloudFor(emu);
    const spec = parseOne(specText({ targets: [TARGETS.emr] }));
    await applyAll(cloud, spec);
    emu.setFaults({ deniedActions: ['GetNetworkLink', 'RemoveNetworkLink'] });
    const { plan } = await planSpecTeardown(cloud, spec, { emulatorEndpoint: emu.endpoint });
    const step = plan.steps.find((s) => s.id === 'network-link.remove')!;
    assert.equal(step.action, 'manual');
    assert.match(step.title, /in the MaxCompute console \(the link API cannot be used: NoPermission/);
    assert.equal(step.handover?.url, `${emu.endpoint}/__emulator/`);
    assert.deepEqual(
      step.handover?.fields.map((f) => f.value),
      ['orders_link', M.vpcId, M.vSwitchIdH],
    );
  });

  it('takes back only its own entry from a whitelist group holding others (ModifyMode=Delete, the others kept)', async () => {
    const cloud = await cloudFor(emu);
    const spec = parseOne(specText({ targets: [TARGETS.rdsDefaultWhitelist] }));
    await applyAll(cloud, spec);
    emu.clearRequests();
    await destroyAll(cloud, spec);
    const rds = (await mainAccount(emu)).rdsInstances.find((i) => i.dbInstanceId === M.rdsInstanceId)!;
    assert.deepEqual(rds.ipArrays.find((a) => a.name === 'default')?.ips, ['127.0.0.1', '192.168.1.10']);
    assert.deepEqual(
      requestsFor(emu, 'ModifySecurityIps').map((r) => [r.params.ModifyMode, r.params.SecurityIps]),
      [['Delete', '192.168.1.0/24']],
    );
  });

  it('never removes a broader entry someone else added, even one covering the link', async () => {
    const cloud = await cloudFor(emu);
    const spec = parseOne(specText({ targets: [TARGETS.rdsWhitelist] }));
    await cloud.rds.modifySecurityIps({
      DBInstanceId: M.rdsInstanceId,
      DBInstanceIPArrayName: 'maxcompute',
      SecurityIps: '192.168.0.0/16',
      ModifyMode: 'Append',
    });
    await applyAll(cloud, spec);
    const { plan } = await planSpecTeardown(cloud, spec);
    assert.equal(
      plan.steps.find((s) => s.id === 'target.0.rds')?.action,
      'unchanged',
      'apply added nothing: 192.168.0.0/16 already covered the link',
    );
    await destroyAll(cloud, spec);
    const rds = (await mainAccount(emu)).rdsInstances.find((i) => i.dbInstanceId === M.rdsInstanceId)!;
    assert.deepEqual(rds.ipArrays.find((a) => a.name === 'maxcompute')?.ips, ['192.168.0.0/16']);
  });

  it('refuses to delete the link group while the link still uses it, and deletes nothing else', async () => {
    const cloud = await cloudFor(emu);
    const spec = parseOne(specText({ targets: [TARGETS.emr] }));
    await applyAll(cloud, spec);
    const { plan } = await planSpecTeardown(cloud, spec);
    // Skip the console step the way a hand-edited plan would: the group step must still refuse.
    const forced = {
      ...plan,
      steps: plan.steps
        .filter((s) => s.id !== 'network-link.remove')
        .map((s) => ({ ...s, dependsOn: s.dependsOn.filter((d) => d !== 'network-link.remove') })),
    };
    const report = await applyPlan(cloud, spec, forced);
    const group = report.steps.find((s) => s.stepId === 'link-group.delete')!;
    assert.equal(group.status, 'failed');
    assert.equal(group.error?.code, 'GroupInUse');
    assert.equal(requestsFor(emu, 'DeleteSecurityGroup').length, 0);
  });

  it('keeps a security group the spec names (apply did not create it)', async () => {
    const cloud = await cloudFor(emu);
    const spec = parseOne(specText({ groupId: M.emrGroupId, targets: [TARGETS.rdsWhitelist] }));
    const { plan } = await planSpecTeardown(cloud, spec);
    assert.equal(plan.steps.find((s) => s.id === 'link-group.delete')?.action, 'unchanged');
    const report = await destroyOnce(cloud, spec);
    assert.equal(report.outcome, 'done', JSON.stringify(report.steps));
    assert.equal(requestsFor(emu, 'DeleteSecurityGroup').length, 0);
  });

  it('on a world apply never touched, plans nothing to remove and changes nothing', async () => {
    const cloud = await cloudFor(emu);
    const spec = parseOne(specText({ targets: [TARGETS.rdsWhitelist, TARGETS.hbaseSecurityGroup, TARGETS.emr] }));
    const start = await linkFootprint(emu);
    const { plan } = await planSpecTeardown(cloud, spec);
    assert.equal(planHasChanges(plan), false, JSON.stringify(plan.steps.map((s) => [s.id, s.action])));
    emu.clearRequests();
    assert.equal((await destroyOnce(cloud, spec)).outcome, 'done');
    assert.deepEqual(
      emu
        .requests()
        .filter((r) => !/^(Describe|Get|List)/.test(r.action))
        .map((r) => r.action),
      [],
    );
    assert.deepEqual(await linkFootprint(emu), start);
  });

  it('a destroy plan is never taken for an apply plan, nor the other way round', async () => {
    const cloud = await cloudFor(emu);
    const spec = parseOne(specText({ targets: [TARGETS.rdsWhitelist] }));
    await applyOnce(cloud, spec);
    const apply = (await planSpec(cloud, spec)).plan;
    const destroy = (await planSpecTeardown(cloud, spec)).plan;
    assert.equal(apply.fingerprint, destroy.fingerprint, 'same state, same fingerprint: only the purpose tells them apart');
    assert.match(stalePlanReason(destroy, apply) ?? '', /is a destroy plan, and mcvpc apply carries out only apply plans/);
    assert.match(stalePlanReason(apply, destroy) ?? '', /is an apply plan, and mcvpc destroy carries out only destroy plans/);
    const { purpose: _purpose, ...older } = apply;
    assert.equal(stalePlanReason(older, apply), undefined, 'a plan saved before teardown existed is an apply plan');
    assert.match(stalePlanReason(older, destroy) ?? '', /is an apply plan/);
  });
});
