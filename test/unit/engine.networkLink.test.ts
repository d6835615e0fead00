/**
 * The network link through MaxCompute's API, as apply and destroy use it against the emulator:
 * no ClientToken, so every decision rests on what GetNetworkLink reads back.
 */
import { strict as assert } from 'node:assert';
import type { Cloud } from '../../src/cloud';
import type { Emulator } from '../../src/emulator';
import { applyPlan, planSpec, planSpecTeardown, type ApplyOptions, type ApplyReport } from '../../src/engine';
import type { ConnectionSpec } from '../../src/connectionSpec/types';
import { cloudFor, emulator, requestsFor } from './cloud.harness';
import { DEFAULT_SEED, groupIdByName, linkFootprint, mainAccount, parseOne, specText, TARGETS } from './builders/engineHarness';
import { applyOnce, footprintAfterTeardown } from './builders/teardownHarness';

const M = DEFAULT_SEED.main;
const FAST = { pollInitialMs: 20, pollMaxMs: 100, visibilityTimeoutMs: 3000 };

function status(report: ApplyReport, id: string): string | undefined {
  return report.steps.find((s) => s.stepId === id)?.status;
}

describe("engine: the network link through MaxCompute's API", function () {
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

  const apply = (spec: ConnectionSpec, options: ApplyOptions = {}): Promise<ApplyReport> => applyOnce(cloud, spec, options);

  async function links(): Promise<Array<{ name: string; status: string }>> {
    return ((await mainAccount(emu)) as unknown as { networkLinks: Array<{ name: string; status: string }> }).networkLinks.map((l) => ({
      name: l.name,
      status: l.status,
    }));
  }

  it('a create whose answer was lost is adopted by reading the link back: one link, one CreateNetworkLink', async () => {
    emu.setFaults({ failNext: [{ action: 'CreateNetworkLink', kind: 'drop-after-commit' }] });
    const report = await apply(parseOne(specText({ targets: [TARGETS.rdsWhitelist] })));
    assert.equal(report.outcome, 'done', JSON.stringify(report.steps, null, 1));
    assert.match(
      report.steps.find((s) => s.stepId === 'network-link')!.detail ?? '',
      /adopted \(it already had this spec's VPC, vSwitch and group\)/,
    );
    assert.equal(requestsFor(emu, 'CreateNetworkLink').length, 1);
    assert.deepEqual(
      (await links()).filter((l) => l.name === 'orders_link'),
      [{ name: 'orders_link', status: 'SUCCESS' }],
    );
  });

  it('a same-named link with another configuration is refused at plan time, showing both, and never changed', async () => {
    await cloud.maxcompute.createNetworkLink({
      name: 'orders_link',
      type: 'PASSTHROUGH',
      region: 'cn-hangzhou',
      vpcId: M.vpcId,
      passthroughProperties: { vSwitchId: M.vSwitchIdH, securityGroup: M.basicGroupId },
    });
    const { plan } = await planSpec(cloud, parseOne(specText()), {});
    assert.equal(plan.refused, true);
    const check = plan.checks.find((c) => c.code === 'link-other-config');
    assert.ok(check, JSON.stringify(plan.checks));
    assert.match(
      check.message,
      new RegExp(`exists in cn-hangzhou with VPC ${M.vpcId}, vSwitch ${M.vSwitchIdH}, security group ${M.basicGroupId}`),
    );
    assert.match(check.message, /this spec asks for .*the group "maxcompute-link" still to create/);
    assert.equal(requestsFor(emu, 'CreateSecurityGroup').length, 0, 'a refused plan changes nothing');
  });

  it('a same-named link made by someone else after the plan is refused at apply time; the targets are not opened', async () => {
    const spec = parseOne(specText({ targets: [TARGETS.rdsWhitelist] }));
    const { plan } = await planSpec(cloud, spec, {});
    await cloud.maxcompute.createNetworkLink({
      name: 'orders_link',
      type: 'PASSTHROUGH',
      region: 'cn-hangzhou',
      vpcId: M.vpcId,
      passthroughProperties: { vSwitchId: M.vSwitchIdH, securityGroup: M.basicGroupId },
    });
    const report = await applyPlan(cloud, spec, plan, FAST);
    assert.equal(report.outcome, 'failed');
    const step = report.steps.find((s) => s.stepId === 'network-link')!;
    assert.equal(step.error?.code, 'NetworkLinkConflict');
    assert.match(step.error?.message ?? '', new RegExp(`security group ${M.basicGroupId}.*but this spec asks for .*security group sg-`));
    assert.equal(status(report, 'target.0.rds'), 'not-started');
    assert.equal(requestsFor(emu, 'CreateNetworkLink').length, 1, "only the other one's");
    assert.equal(requestsFor(emu, 'ModifySecurityIps').length, 0);
  });

  it('falls back to the console hand-over when CreateNetworkLink is refused for permission, saying why', async () => {
    emu.setFaults({ deniedActions: ['CreateNetworkLink'] });
    const spec = parseOne(specText({ targets: [TARGETS.rdsWhitelist] }));
    const report = await apply(spec);
    assert.equal(report.outcome, 'waiting-for-console');
    const step = report.steps.find((s) => s.stepId === 'network-link')!;
    assert.equal(step.status, 'waiting-for-console');
    assert.match(step.detail ?? '', /the link API cannot be used: NoPermission: .*CreateNetworkLink/);
    const groupId = await groupIdByName(emu, 'maxcompute-link');
    assert.deepEqual(
      report.handover?.fields.find((f) => f.label === 'Security Group')?.value,
      groupId,
      'the hand-over names the group this run made',
    );
    assert.equal(status(report, 'target.0.rds'), 'not-started');
  });

  it('a status that never reaches SUCCESS ends in a clear timeout: the link left as it is, said so, the targets not opened', async () => {
    emu.setFaults({ networkLinkCreateMs: 50, networkLinkEndStatus: 'FAILED' });
    const spec = parseOne(specText({ targets: [TARGETS.rdsWhitelist] }));
    const report = await apply(spec, { linkWaitMs: 800 });
    assert.equal(report.outcome, 'failed');
    const step = report.steps.find((s) => s.stepId === 'network-link')!;
    assert.equal(step.error?.code, 'NetworkLinkNotReady');
    assert.match(
      step.error?.message ?? '',
      /"orders_link" was still FAILED after 1 s\. It exists and is left as it is: run apply again to keep waiting \(it is adopted, not created twice\), or destroy to remove it; the targets were not opened\./,
    );
    assert.equal(status(report, 'target.0.rds'), 'not-started');
    const { plan } = await planSpec(cloud, spec, {});
    assert.match(plan.steps.find((s) => s.id === 'network-link')!.title, /Wait for network link "orders_link" \(now FAILED\)/);
  });

  it('a link someone is removing is not taken as ready while its interfaces linger: apply waits and says it went', async () => {
    const spec = parseOne(specText());
    assert.equal((await apply(spec)).outcome, 'done');
    emu.setFaults({ networkLinkRemoveMs: 1500 });
    await cloud.maxcompute.removeNetworkLink({ networkLinkName: 'orders_link' });
    const { plan } = await planSpec(cloud, spec, {});
    assert.match(plan.steps.find((s) => s.id === 'network-link')!.title, /Wait for network link "orders_link" \(now DELETING\)/);
    const report = await applyPlan(cloud, spec, plan, FAST);
    assert.equal(report.outcome, 'failed', 'DELETING with its interfaces still there is not ready');
    assert.equal(report.steps.find((s) => s.stepId === 'network-link')?.error?.code, 'NetworkLinkGone');
  });

  it('a run stopped between create and SUCCESS is finished by the next run, which adopts the link', async () => {
    emu.setFaults({ networkLinkCreateMs: 1500 });
    const spec = parseOne(specText({ targets: [TARGETS.rdsWhitelist] }));
    const controller = new AbortController();
    const stopped = await apply(spec, { signal: controller.signal, onEvent: (e) => e.type === 'link-status' && controller.abort() });
    assert.equal(stopped.outcome, 'cancelled');
    assert.deepEqual(await links(), [
      { name: M.linkName, status: 'SUCCESS' },
      { name: 'orders_link', status: 'CREATING' },
    ]);
    const { plan } = await planSpec(cloud, spec, {});
    assert.equal(plan.steps.find((s) => s.id === 'network-link')?.action, 'change');
    const finished = await applyPlan(cloud, spec, plan, FAST);
    assert.equal(finished.outcome, 'done', JSON.stringify(finished.steps, null, 1));
    assert.equal(status(finished, 'target.0.rds'), 'done');
    assert.equal(requestsFor(emu, 'CreateNetworkLink').length, 1);
  });

  it('destroy removes the link through the API, waits until its interfaces are gone, deletes the group: the world as before', async () => {
    const before = await linkFootprint(emu);
    const spec = parseOne(specText({ targets: [TARGETS.rdsWhitelist, TARGETS.emr] }));
    assert.equal((await apply(spec)).outcome, 'done');
    const { plan } = await planSpecTeardown(cloud, spec, { emulatorEndpoint: emu.endpoint });
    const step = plan.steps.find((s) => s.id === 'network-link.remove')!;
    assert.equal(step.action, 'remove');
    assert.deepEqual(step.call, { product: 'MaxCompute', action: 'RemoveNetworkLink', params: { networkLinkName: 'orders_link' } });
    const report = await applyPlan(cloud, spec, plan, FAST);
    assert.equal(report.outcome, 'done', JSON.stringify(report.steps, null, 1));
    assert.equal(requestsFor(emu, 'RemoveNetworkLink').length, 1);
    assert.deepEqual(await footprintAfterTeardown(emu, before), before);
    assert.deepEqual(
      (await links()).map((l) => l.name),
      [M.linkName],
    );
  });

  it('destroy leaves alone a same-named link the spec does not describe', async () => {
    await cloud.maxcompute.createNetworkLink({
      name: 'orders_link',
      type: 'PASSTHROUGH',
      region: 'cn-hangzhou',
      vpcId: M.vpcId,
      passthroughProperties: { vSwitchId: M.vSwitchIdH, securityGroup: M.basicGroupId },
    });
    const spec = parseOne(specText());
    const { plan } = await planSpecTeardown(cloud, spec, {});
    const step = plan.steps.find((s) => s.id === 'network-link.remove')!;
    assert.equal(step.action, 'unchanged');
    assert.match(step.title, /is not this spec's .*left alone/);
    await applyPlan(cloud, spec, plan, FAST);
    assert.equal(requestsFor(emu, 'RemoveNetworkLink').length, 0);
    assert.ok((await links()).some((l) => l.name === 'orders_link'));
  });
});
