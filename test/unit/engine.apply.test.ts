import { strict as assert } from 'node:assert';
import type { Cloud } from '../../src/cloud';
import { formatSummary, planHasChanges, type Plan } from '../../src/core/plan';
import type { Emulator } from '../../src/emulator';
import { applyPlan, checkSpecLive, planSpec, stalePlanReason, type ApplyEvent, type ApplyReport } from '../../src/engine';
import type { ConnectionSpec } from '../../src/connectionSpec/types';
import { cloudFor, emulator, requestsFor } from './cloud.harness';
import { createLinkInConsole, DEFAULT_SEED, groupIdByName, mainAccount, parseOne, specText, TARGETS } from './builders/engineHarness';

const M = DEFAULT_SEED.main;
const VSW_H_CIDR = '192.168.1.0/24';

function statuses(report: ApplyReport): Record<string, string> {
  return Object.fromEntries(report.steps.map((s) => [s.stepId, s.status]));
}

async function plan(cloud: Cloud, spec: ConnectionSpec, emu?: Emulator): Promise<Plan> {
  const { plan: p } = await planSpec(cloud, spec, { emulatorEndpoint: emu?.endpoint });
  assert.equal(p.refused, false, p.checks.map((c) => c.message).join('\n'));
  return p;
}

/** Plan and apply once. */
async function applyOnce(cloud: Cloud, spec: ConnectionSpec, options: Parameters<typeof applyPlan>[3] = {}): Promise<ApplyReport> {
  return applyPlan(cloud, spec, await plan(cloud, spec), { pollInitialMs: 20, pollMaxMs: 100, visibilityTimeoutMs: 3000, ...options });
}

/** The whole procedure in one run: group, rule, the link (created through MaxCompute's API, waited for), the targets. */
async function applyAll(cloud: Cloud, spec: ConnectionSpec): Promise<ApplyReport> {
  const report = await applyOnce(cloud, spec);
  assert.equal(report.outcome, 'done', JSON.stringify(report.steps, null, 1));
  return report;
}

describe('engine: apply against the emulator', function () {
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

  it("plans everything from nothing: group, rule, the link through MaxCompute's API, RDS whitelist", async () => {
    const spec = parseOne(specText({ targets: [TARGETS.rdsWhitelist] }));
    const p = await plan(cloud, spec, emu);
    assert.deepEqual(
      p.steps.map((s) => `${s.action} ${s.id}`),
      [
        'unchanged preflight.account',
        'unchanged preflight.eni-role',
        'unchanged preflight.zone',
        'create link-group.create',
        'create link-group.ingress',
        'create network-link',
        'create target.0.rds',
        'info usage',
      ],
    );
    assert.equal(formatSummary(p.summary), 'Plan: 4 to add, 0 to change, 3 unchanged, 0 manual.');
    const link = p.steps.find((s) => s.id === 'network-link')!;
    assert.deepEqual(link.call, {
      product: 'MaxCompute',
      action: 'CreateNetworkLink',
      params: {
        name: 'orders_link',
        type: 'PASSTHROUGH',
        region: 'cn-hangzhou',
        vpcId: M.vpcId,
        passthroughProperties: { vSwitchId: M.vSwitchIdH, securityGroup: '(known after apply)' },
      },
    });
    // Kept for the fallback only: the console's values, should the API refuse at apply time.
    assert.equal(link.handover?.url, `${emu.endpoint}/__emulator/`);
  });

  it('RDS whitelist: one run creates the group, the link (waited for until SUCCESS) and the whitelist entry; then plans all =', async () => {
    const spec = parseOne(specText({ targets: [TARGETS.rdsWhitelist] }));
    const events: string[] = [];
    const first = await applyOnce(cloud, spec, { onEvent: (e) => e.type === 'link-status' && events.push(e.status) });
    assert.equal(first.outcome, 'done', JSON.stringify(first.steps, null, 1));
    assert.deepEqual(statuses(first), {
      'preflight.account': 'already',
      'preflight.eni-role': 'already',
      'preflight.zone': 'already',
      'link-group.create': 'done',
      'link-group.ingress': 'done',
      'network-link': 'done',
      'target.0.rds': 'done',
      usage: 'info',
    });
    assert.deepEqual(events, ['CREATING', 'SUCCESS'], 'the status is shown verbatim as it changes');
    assert.match(
      first.steps.find((s) => s.stepId === 'network-link')!.detail ?? '',
      /created; SUCCESS, MaxCompute's interfaces eni-\S+, eni-\S+ are in sg-\S+ \(read back\)/,
    );
    assert.equal(requestsFor(emu, 'CreateNetworkLink').length, 1);
    const groupId = await groupIdByName(emu, 'maxcompute-link');
    const created = (await cloud.maxcompute.getNetworkLink({ networkLinkName: 'orders_link' })).data;
    assert.deepEqual(created?.passthroughProperties, { vSwitchId: M.vSwitchIdH, securityGroup: groupId });
    const rds = (await mainAccount(emu)).rdsInstances.find((i) => i.dbInstanceId === M.rdsInstanceId)!;
    assert.deepEqual(rds.ipArrays.find((a) => a.name === 'maxcompute')?.ips, [VSW_H_CIDR]);
    const again = await plan(cloud, spec);
    assert.equal(planHasChanges(again), false);
    assert.deepEqual(
      again.steps
        .filter((s) => s.action !== 'info')
        .map((s) => s.action)
        .filter((a) => a !== 'unchanged'),
      [],
    );
  });

  it('HBase whitelist, HBase and RDS security groups, EMR ports and a custom server in one link', async () => {
    const several = parseOne(specText({ targets: [TARGETS.hbaseWhitelist, TARGETS.emr, TARGETS.custom] }));
    await applyAll(cloud, several);
    const groupId = await groupIdByName(emu, 'maxcompute-link');
    const account = await mainAccount(emu);
    const hbase = account.hbaseClusters.find((c) => c.clusterId === M.hbaseClusterId)!;
    assert.deepEqual(hbase.whitelist.find((w) => w.groupName === 'maxcompute')?.ips, [VSW_H_CIDR]);
    assert.deepEqual(hbase.whitelist.find((w) => w.groupName === 'default')?.ips, ['127.0.0.1'], 'other groups untouched');
    const emrRules = account.securityGroups.find((g) => g.securityGroupId === M.emrGroupId)!.rules.filter((r) => r.peerGroupId === groupId);
    assert.deepEqual(emrRules.map((r) => r.portRange).sort(), ['50010/50010', '8020/8020', '9083/9083']);
    const final = await plan(cloud, several);
    assert.equal(planHasChanges(final), false);
    assert.deepEqual(
      final.steps.filter((s) => s.action === 'manual').map((s) => s.id),
      ['target.2.custom'],
      'only the unverifiable server step stays a hand-over',
    );

    const bySecurityGroup = parseOne(specText({ name: 'by_groups', targets: [TARGETS.rdsSecurityGroup, TARGETS.hbaseSecurityGroup] }));
    const report = await applyOnce(cloud, bySecurityGroup);
    assert.equal(report.outcome, 'done', 'a second link in the same vSwitch and group');
    const after = await mainAccount(emu);
    assert.deepEqual(after.rdsInstances.find((i) => i.dbInstanceId === M.rdsInstanceId)!.securityGroupIds, [groupId]);
    assert.deepEqual(
      after.hbaseClusters.find((c) => c.clusterId === M.hbaseClusterId)!.securityGroupIds,
      [M.hbaseGroupId, groupId],
      'existing group kept',
    );
  });

  it('an RDS whitelist group with other entries keeps them all (Append, never Cover)', async () => {
    const spec = parseOne(specText({ targets: [TARGETS.rdsDefaultWhitelist] }));
    await applyAll(cloud, spec);
    const rds = (await mainAccount(emu)).rdsInstances.find((i) => i.dbInstanceId === M.rdsInstanceId)!;
    assert.deepEqual(rds.ipArrays.find((a) => a.name === 'default')?.ips, ['127.0.0.1', '192.168.1.10', VSW_H_CIDR]);
    assert.deepEqual(rds.ipArrays.find((a) => a.name === 'ali_dms_group')?.ips, ['100.104.0.0/16']);
    const calls = requestsFor(emu, 'ModifySecurityIps');
    assert.equal(calls.length, 1);
    assert.equal(calls[0]!.params.ModifyMode, 'Append');
  });

  it('falls back to the console hand-over when the link API is refused, waits for it when asked, and finishes in one run', async () => {
    emu.setFaults({ deniedActions: ['GetNetworkLink', 'CreateNetworkLink'] });
    const spec = parseOne(specText({ targets: [TARGETS.rdsWhitelist] }));
    const p = await plan(cloud, spec, emu);
    const step = p.steps.find((s) => s.id === 'network-link')!;
    assert.equal(step.action, 'manual');
    assert.match(step.title, /in the MaxCompute console \(its API cannot be used: NoPermission: .*GetNetworkLink/);
    assert.ok(p.checks.some((c) => c.code === 'link-api-unusable' && c.severity === 'warning'));
    const events: ApplyEvent['type'][] = [];
    let created: Promise<void> | undefined;
    const report = await applyOnce(cloud, spec, {
      waitForConsoleMs: 20_000,
      onEvent: (event) => {
        events.push(event.type);
        if (event.type === 'waiting-for-console')
          created = groupIdByName(emu, 'maxcompute-link').then((id) => createLinkInConsole(emu, spec, id));
      },
    });
    await created;
    assert.equal(report.outcome, 'done');
    assert.equal(statuses(report)['network-link'], 'done');
    assert.equal(statuses(report)['target.0.rds'], 'done');
    assert.ok(events.includes('waiting-for-console'));
  });

  it('re-reads before acting: a change made after planning is found, not repeated', async () => {
    const spec = parseOne(specText({ targets: [TARGETS.rdsWhitelist] }));
    await applyOnce(cloud, parseOne(specText()));
    const p = await plan(cloud, spec);
    assert.equal(p.steps.find((s) => s.id === 'network-link')?.action, 'unchanged');
    assert.equal(p.steps.find((s) => s.id === 'target.0.rds')?.action, 'create');
    await cloud.rds.modifySecurityIps({
      DBInstanceId: M.rdsInstanceId,
      DBInstanceIPArrayName: 'maxcompute',
      SecurityIps: '192.168.0.0/16',
      ModifyMode: 'Append',
    });
    emu.clearRequests();
    const report = await applyPlan(cloud, spec, p);
    assert.equal(statuses(report)['target.0.rds'], 'already');
    assert.equal(requestsFor(emu, 'ModifySecurityIps').length, 0);
  });

  it('applying the same (now outdated) plan twice creates the group and rule once', async () => {
    const spec = parseOne(specText({ targets: [TARGETS.emr] }));
    const p = await plan(cloud, spec);
    const first = await applyPlan(cloud, spec, p);
    const second = await applyPlan(cloud, spec, p);
    assert.equal(statuses(first)['link-group.create'], 'done');
    assert.equal(statuses(second)['link-group.create'], 'already');
    assert.equal(statuses(second)['link-group.ingress'], 'already');
    assert.equal(statuses(second)['network-link'], 'already');
    const groupId = await groupIdByName(emu, 'maxcompute-link');
    assert.equal(requestsFor(emu, 'CreateSecurityGroup').length, 1);
    assert.equal(
      requestsFor(emu, 'AuthorizeSecurityGroup').filter((r) => r.params.SecurityGroupId === groupId).length,
      1,
      "the link group's rule once",
    );
    assert.equal(
      requestsFor(emu, 'AuthorizeSecurityGroup').filter((r) => r.params.SecurityGroupId === M.emrGroupId).length,
      1,
      "the EMR group's rules once",
    );
    assert.equal(
      requestsFor(emu, 'CreateNetworkLink').length,
      1,
      "the link once: the second run found it by name with this spec's configuration",
    );
  });

  it('a saved plan is stale once the cloud changes, and not before', async () => {
    const spec = parseOne(specText({ targets: [TARGETS.rdsWhitelist] }));
    const saved = await plan(cloud, spec);
    assert.equal(stalePlanReason(saved, await plan(cloud, spec)), undefined);
    await cloud.rds.modifySecurityIps({
      DBInstanceId: M.rdsInstanceId,
      DBInstanceIPArrayName: 'maxcompute',
      SecurityIps: '10.9.0.0/16',
      ModifyMode: 'Append',
    });
    assert.match(stalePlanReason(saved, await plan(cloud, spec)) ?? '', /is stale: the cloud changed since it was made/);
    const otherSpec = parseOne(specText({ vSwitchId: M.vSwitchIdJ, targets: [TARGETS.rdsWhitelist] }));
    assert.match(stalePlanReason(saved, await plan(cloud, otherSpec)) ?? '', /spec of "orders_link" changed/);
  });

  it('runs independent targets in parallel', async () => {
    const spec = parseOne(specText({ targets: [TARGETS.rdsWhitelist, TARGETS.hbaseWhitelist, TARGETS.emr] }));
    await applyOnce(cloud, parseOne(specText()));
    const p = await plan(cloud, spec);
    emu.setFaults({ latencyMs: 300 });
    emu.clearRequests();
    const report = await applyPlan(cloud, spec, p);
    assert.equal(report.outcome, 'done');
    const arrivals = emu
      .requests()
      .filter((r) => ['ModifySecurityIps', 'ModifyIpWhitelist', 'AuthorizeSecurityGroup'].includes(r.action))
      .map((r) => Date.parse(r.time));
    assert.equal(arrivals.length, 3);
    // One after another they would arrive at least two re-reads (2 × 300 ms) apart; in parallel
    // only EMR's one extra read (GetCluster for its group) separates them.
    assert.ok(
      Math.max(...arrivals) - Math.min(...arrivals) < 500,
      `arrivals spread over ${Math.max(...arrivals) - Math.min(...arrivals)} ms`,
    );
  });

  it('waits for a just-created group to become visible (eventual consistency)', async () => {
    emu.setFaults({ visibilityDelayMs: 400 });
    const spec = parseOne(specText({ targets: [TARGETS.emr] }));
    const report = await applyOnce(cloud, spec);
    assert.equal(report.outcome, 'done', JSON.stringify(report.steps));
    assert.equal(requestsFor(emu, 'CreateSecurityGroup').length, 1);
  });

  it("re-checks the preflight at apply time: a plan applied with another account's keys changes nothing", async () => {
    const spec = parseOne(specText({ targets: [TARGETS.rdsWhitelist] }));
    const p = await plan(cloud, spec);
    const otherCloud = await cloudFor(emu, {
      env: {
        ALIBABA_CLOUD_ACCESS_KEY_ID: DEFAULT_SEED.second.accessKeyId,
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: DEFAULT_SEED.second.accessKeySecret,
      },
    });
    emu.clearRequests();
    const report = await applyPlan(otherCloud, spec, p);
    assert.equal(report.outcome, 'failed');
    const account = report.steps.find((s) => s.stepId === 'preflight.account')!;
    assert.equal(account.status, 'failed');
    assert.equal(account.error?.code, 'VpcNotFound');
    assert.equal(statuses(report)['link-group.create'], 'not-started');
    assert.deepEqual(
      emu
        .requests()
        .filter((r) => !r.action.startsWith('Describe') && !r.action.startsWith('Get'))
        .map((r) => r.action),
      [],
    );
  });

  it('gives the live checks with their spec ranges for the editor', async () => {
    const text = specText({ vSwitchId: M.vSwitchIdB, groupId: M.advancedGroupId });
    const checks = await checkSpecLive(cloud, parseOne(text));
    const lines = text.split('\n');
    assert.deepEqual(
      checks.map((c) => [c.code, lines[c.range.start.line]!.trim()]),
      [
        ['zone-unsupported', `vSwitch: ${M.vSwitchIdB}`],
        ['group-advanced', `id: ${M.advancedGroupId}`],
      ],
    );
  });

  it('cancellation stops between calls and reports what was done and what was not started', async () => {
    const spec = parseOne(specText({ targets: [TARGETS.rdsWhitelist] }));
    const controller = new AbortController();
    const report = await applyOnce(cloud, spec, {
      signal: controller.signal,
      onEvent: (event) => {
        if (event.type === 'step-finished' && event.step.id === 'link-group.create') controller.abort();
      },
    });
    assert.equal(report.outcome, 'cancelled');
    assert.equal(statuses(report)['link-group.create'], 'done');
    assert.equal(statuses(report)['link-group.ingress'], 'not-started');
    assert.equal(statuses(report)['target.0.rds'], 'not-started');
    assert.equal(requestsFor(emu, 'AuthorizeSecurityGroup').length, 0);
  });

  it('cancellation ends the wait for the link promptly', async () => {
    emu.setFaults({ networkLinkCreateMs: 60_000 });
    const spec = parseOne(specText());
    const controller = new AbortController();
    const started = Date.now();
    const report = await applyOnce(cloud, spec, {
      signal: controller.signal,
      onEvent: (event) => {
        if (event.type === 'link-status') setTimeout(() => controller.abort(), 50);
      },
    });
    assert.equal(report.outcome, 'cancelled');
    assert.equal(statuses(report)['network-link'], 'cancelled');
    assert.ok(Date.now() - started < 5000, 'did not wait for the deadline');
  });

  it('reports a failed step with the API code, message and RequestId, and does not start what depends on it', async () => {
    emu.setFaults({ failNext: [{ action: 'AuthorizeSecurityGroup', code: 'InvalidParameter', times: 1 }] });
    const report = await applyOnce(cloud, parseOne(specText({ targets: [TARGETS.rdsWhitelist] })));
    assert.equal(report.outcome, 'failed');
    const failed = report.steps.find((s) => s.stepId === 'link-group.ingress')!;
    assert.equal(failed.status, 'failed');
    assert.equal(failed.error?.code, 'InvalidParameter');
    assert.equal(failed.error?.action, 'Ecs.AuthorizeSecurityGroup');
    assert.match(failed.error?.requestId ?? '', /\S/);
    assert.equal(statuses(report)['network-link'], 'not-started');
  });
});
