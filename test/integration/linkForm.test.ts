/**
 * The Create Network Link form in the real extension host against the emulator, driven through
 * the same messages as its webview: opened on a VPC the tree already read (no API call), applied
 * for RDS, HBase and EMR with the link created through MaxCompute's API in the same run, faults in the
 * middle and Retry (the same end state, nothing twice, other whitelist entries kept), and the
 * saved spec planning to no change.
 */
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { acquireLinkLock } from '../../src/engine/linkLock';
import type { FormView } from '../../src/shared/protocol';
import type { ExplorerNode } from '../../src/ui/shell/api';
import type { FormSession } from '../../src/ui/linkForm/panel';
import { waitFor } from '../harness/poll';
import { activatedExtension, emulatorAccounts } from './extension';

const APP_VPC = 'vpc-bp1w4g8ykeud64dultaii';
const RDS = 'rm-bp1p54cm3ooh3v7u618m6';
const HBASE = 'hb-bp1om35jr4lchb4rp0634';
const EMR = 'c-78bcae86c1bcf809';
const LINK = 'form_warehouse';

type Kind<K extends ExplorerNode['kind']> = Extract<ExplorerNode, { kind: K }>;

function endpoint(): string {
  const value = vscode.workspace.getConfiguration('mcvpc').get<string>('endpoint');
  assert.ok(value, 'mcvpc.endpoint is not set: the runner points the extension at the emulator');
  return value;
}

async function control(path: string, init?: RequestInit): Promise<unknown> {
  const response = await fetch(`${endpoint()}/__emulator/${path}`, init);
  assert.ok(response.ok, `${init?.method ?? 'GET'} /__emulator/${path}: ${response.status} ${await response.clone().text()}`);
  return response.json();
}

const post = (path: string, body: unknown): Promise<unknown> =>
  control(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

interface EmulatorWorld {
  accounts: Array<{
    accountId: string;
    securityGroups: Array<{
      securityGroupId: string;
      vpcId: string;
      name: string;
      rules: Array<{ direction: string; portRange: string; peerCidr?: string; peerGroupId?: string }>;
    }>;
    rdsInstances: Array<{ dbInstanceId: string; ipArrays: Array<{ name: string; ips: string[] }> }>;
    hbaseClusters: Array<{ clusterId: string; whitelist: Array<{ groupName: string; ips: string[] }> }>;
    emrClusters: Array<{ clusterId: string; securityGroupId: string }>;
  }>;
}

async function world(): Promise<EmulatorWorld['accounts'][number]> {
  const state = (await control('state')) as EmulatorWorld;
  const [main] = emulatorAccounts();
  return state.accounts.find((a) => a.accountId === main!.accountId)!;
}

async function vpcNode(): Promise<Kind<'vpc'>> {
  const { api } = await activatedExtension();
  const roots = await api.getExplorerChildren();
  const regions = roots[0]?.kind === 'profile' ? await api.getExplorerChildren(roots[0]) : roots;
  const region = regions.find((n) => n.kind === 'region' && n.regionId === 'cn-hangzhou')!;
  return (await api.getExplorerChildren(region)).find((n): n is Kind<'vpc'> => n.kind === 'vpc' && n.vpc.vpcId === APP_VPC)!;
}

/** Expands the VPC and its four groups, as a person looking at it does. */
async function warmTree(): Promise<Kind<'vpc'>> {
  const { api } = await activatedExtension();
  const vpc = await vpcNode();
  for (const group of await api.getExplorerChildren(vpc)) await api.getExplorerChildren(group);
  return vpc;
}

/** Waits for the form to reach a state; a failure it did not expect ends the wait at once, with the report. */
async function viewWhen(session: FormSession, what: string, test: (view: FormView) => boolean, timeout = 90_000): Promise<FormView> {
  const describe = (v: FormView): string =>
    `${v.phase}: ${v.outcome ?? ''} ${v.problems.join('; ')} ${JSON.stringify(v.plan?.steps.map((s) => [s.id, s.status, s.error?.code]))}`;
  await waitFor(() => test(session.view()) || (session.view().phase === 'failed' && !/fail/.test(what)), {
    timeoutMs: timeout,
    what: `${what} (form is ${describe(session.view())})`,
  });
  assert.ok(test(session.view()), `expected ${what}, the form is ${describe(session.view())}`);
  return session.view();
}

function targetKey(view: FormView, id: string): string {
  const key = view.targets.flatMap((g) => g.targets).find((t) => t.key.endsWith(`:${id}`))?.key;
  assert.ok(key, `the form offers no target ${id}: ${JSON.stringify(view.targets.map((g) => g.targets.map((t) => t.key)))}`);
  return key;
}

describe('Create Network Link form (in the extension host, emulator)', function () {
  this.timeout(240_000);
  let session: FormSession;

  after(async () => {
    await post('faults', {});
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens on a VPC the tree already read without a single API call', async () => {
    const vpc = await warmTree();
    await control('requests', { method: 'DELETE' });
    session = (await vscode.commands.executeCommand('mcvpc.createNetworkLink', vpc)) as FormSession;
    const view = session.view();
    assert.equal(view.phase, 'edit', JSON.stringify(view.problems));
    assert.deepEqual(
      ((await control('requests')) as { requests: Array<{ action: string }> }).requests.map((r) => r.action),
      [],
    );
    assert.ok(
      view.fields.vSwitchId.options!.some((o) => o.disabled === true && /cn-hangzhou-b/.test(o.label)),
      'the unsupported zone is offered greyed out',
    );
    for (const id of [RDS, HBASE, EMR]) targetKey(view, id);
  });

  it('ignores malformed and out-of-order messages', async () => {
    const before = JSON.stringify(session.view());
    await session.receive({ type: 'setField', field: 'password', value: 'x' });
    await session.receive({ type: 'setTargetPort', key: 'emr:x', port: 99999, selected: true });
    await session.receive('apply');
    await session.receive({ type: 'action', action: 'apply' });
    await session.receive({ type: 'copy', value: 'anything the form did not show' });
    assert.equal(JSON.stringify(session.view()), before);
  });

  it('plans, applies through faults, hands over, and Retry ends in the same state with nothing twice', async () => {
    const initial = await world();
    const otherRdsEntries = initial.rdsInstances
      .find((i) => i.dbInstanceId === RDS)!
      .ipArrays.flatMap((a) => a.ips.map((ip) => `${a.name}:${ip}`));
    let view = session.view();
    await session.receive({ type: 'setField', field: 'name', value: LINK });
    for (const id of [RDS, HBASE, EMR]) await session.receive({ type: 'setTarget', key: targetKey(view, id), selected: true });
    view = session.view();
    assert.equal(view.canPlan, true, JSON.stringify(view));
    await session.receive({ type: 'action', action: 'plan' });
    view = await viewWhen(session, 'the plan', (v) => v.phase === 'plan');
    const calls = view.plan!.steps.map((s) => s.call ?? '').join('\n');
    assert.match(calls, /Ecs\.CreateSecurityGroup .*SecurityGroupType=normal/);
    assert.match(calls, /Rds\.ModifySecurityIps .*ModifyMode=Append/);
    assert.doesNotMatch(calls, /Cover/);
    assert.doesNotMatch(calls, /0\.0\.0\.0\/0/);

    // Another run on this machine holds the link (`mcvpc apply` in a terminal): Apply says who and changes nothing.
    const release = acquireLinkLock({ regionId: 'cn-hangzhou', vpcId: APP_VPC, networkLinkName: LINK }, 'mcvpc apply (held by this test)');
    try {
      await session.receive({ type: 'action', action: 'apply' });
      view = await viewWhen(
        session,
        'the refusal',
        (v) =>
          v.plan?.checks.some((c) => /Another run is already working on network link .*mcvpc apply \(held by this test\)/.test(c)) === true,
        10_000,
      );
      assert.equal(view.phase, 'edit');
      assert.ok(
        !(await world()).securityGroups.some((g) => g.name === `maxcompute-${LINK}`),
        'nothing created while another run held the link',
      );
    } finally {
      release();
    }
    await session.receive({ type: 'action', action: 'plan' });
    view = await viewWhen(session, 'the plan, once the link is free', (v) => v.phase === 'plan');

    // A dropped answer after the rule was written, a 5xx on the HBase whitelist, and throttling on RDS that outlasts the retries.
    await post('faults', {
      failNext: [
        { action: 'AuthorizeSecurityGroup', kind: 'drop-after-commit', times: 1 },
        { action: 'ModifyIpWhitelist', code: 'ServiceUnavailable', times: 1 },
        { action: 'ModifySecurityIps', code: 'Throttling.User', times: 40 },
      ],
    });
    // A double click: the second Apply arrives before the first run has begun. It is ignored; the
    // form never shows a refusal (the second run's lock) while the first goes on.
    const seen: FormView[] = [];
    const stopWatching = session.onView((v) => seen.push(v));
    await Promise.all([session.receive({ type: 'action', action: 'apply' }), session.receive({ type: 'action', action: 'apply' })]);
    // The link is created through MaxCompute's API in the same run: no hand-over, straight on to the targets.
    view = await viewWhen(session, 'the failure report', (v) => v.phase === 'failed');
    stopWatching();
    assert.deepEqual(
      seen
        .slice(
          0,
          seen.findIndex((v) => v.phase !== 'applying'),
        )
        .map((v) => v.phase)
        .filter((p) => p !== 'applying'),
      [],
      'only applying until the run ends',
    );
    assert.equal(
      seen.find((v) => v.phase !== 'applying')?.phase,
      'failed',
      "the first view after applying is this run's report, not a refusal",
    );
    assert.ok(
      !seen.some((v) => v.plan?.checks.some((c) => /Another run is already working/.test(c)) === true),
      'the second click was not a second run',
    );
    assert.equal(view.handover, undefined, 'no console hand-over when the link API can be used');
    assert.equal(view.plan!.steps.find((s) => s.id === 'network-link')!.status, 'done');
    const failed = view.plan!.steps.find((s) => s.status === 'failed')!;
    assert.equal(failed.error!.code, 'Throttling.User');
    assert.ok(failed.error!.requestId, 'the failure carries the RequestId');
    assert.match(view.outcome!, /Throttling\.User, RequestId /);

    await post('faults', {});
    await session.receive({ type: 'action', action: 'retry' });
    view = await viewWhen(session, 'the finished state', (v) => v.phase === 'done');
    assert.ok(view.usage!.some((u) => u.value === `SET odps.session.networklink=${LINK};`));

    const after = await world();
    const groups = after.securityGroups.filter((g) => g.vpcId === APP_VPC && g.name === `maxcompute-${LINK}`);
    assert.equal(groups.length, 1, 'one link group');
    assert.equal(groups[0]!.rules.filter((r) => r.direction === 'ingress').length, 1, 'one inbound rule');
    const rdsEntries = after.rdsInstances
      .find((i) => i.dbInstanceId === RDS)!
      .ipArrays.flatMap((a) => a.ips.map((ip) => `${a.name}:${ip}`));
    for (const entry of otherRdsEntries) assert.ok(rdsEntries.includes(entry), `RDS entry ${entry} kept`);
    const added = rdsEntries.filter((e) => !otherRdsEntries.includes(e));
    assert.equal(added.length, 1, `one new RDS whitelist entry: ${JSON.stringify(added)}`);
    const hbaseIps = after.hbaseClusters.find((c) => c.clusterId === HBASE)!.whitelist.flatMap((g) => g.ips);
    assert.equal(hbaseIps.filter((ip) => added[0]!.endsWith(`:${ip}`)).length, 1, 'the vSwitch block once in the HBase whitelist');
    const emrGroup = after.securityGroups.find(
      (g) => g.securityGroupId === after.emrClusters.find((c) => c.clusterId === EMR)!.securityGroupId,
    )!;
    const fromLink = emrGroup.rules
      .filter((r) => r.peerGroupId === groups[0]!.securityGroupId)
      .map((r) => r.portRange)
      .sort();
    assert.deepEqual(fromLink, ['50010/50010', '8020/8020', '9083/9083']);
  });

  it('saves a spec that plans to no change, and the tree shows the link connected', async () => {
    const folder = vscode.workspace.workspaceFolders![0]!.uri;
    const file = vscode.Uri.joinPath(folder, `${LINK}.mcvpc.yaml`);
    session.saveTarget = file;
    await session.receive({ type: 'action', action: 'saveSpec' });
    await viewWhen(session, 'the saved spec', (v) => v.savedSpec !== undefined, 10_000);
    try {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
      const { parseSpecFile } = await import('../../src/connectionSpec');
      const { planSpec } = await import('../../src/engine');
      const { planHasChanges } = await import('../../src/core/plan');
      const { createCloud } = await import('../../src/cloud');
      const result = parseSpecFile(text);
      assert.deepEqual(result.problems, []);
      const cloud = await createCloud({ endpoint: endpoint(), regionId: 'cn-hangzhou', profile: result.specs[0]!.profile });
      const { plan } = await planSpec(cloud, result.specs[0]!, { emulatorEndpoint: endpoint() });
      assert.equal(plan.refused, false, JSON.stringify(plan.checks));
      assert.equal(planHasChanges(plan), false, JSON.stringify(plan.steps.filter((s) => s.action !== 'unchanged').map((s) => s.title)));
    } finally {
      await vscode.workspace.fs.delete(file);
    }
  });

  it('on a service, "Allow access from network link…" opens the form for the existing link, where that service needs no change', async () => {
    const { api } = await activatedExtension();
    const vpc = await vpcNode();
    const services = (await api.getExplorerChildren(vpc)).find((n) => n.kind === 'vpcGroup' && n.group === 'services')!;
    const hbase = (await api.getExplorerChildren(services)).find((n) => n.kind === 'service' && n.presentation.id === HBASE)!;
    const allow = (await vscode.commands.executeCommand('mcvpc.allowAccessFromLink', hbase, { link: LINK })) as FormSession;
    let view = allow.view();
    assert.equal(view.title, `Allow access from network link ${LINK}`);
    assert.equal(view.fields.name.readonly, true);
    assert.equal(view.targets.flatMap((g) => g.targets).find((t) => t.key.endsWith(HBASE))?.selected, true);
    await allow.receive({ type: 'action', action: 'plan' });
    view = await viewWhen(allow, 'the plan', (v) => v.phase === 'plan');
    // HBase already admits the link (the first test did it): its step is "=". The link's group, named
    // by id here, is held to the VPC block an existing group is planned with (src/core/plan/liveChecks.ts).
    const hbaseStep = view.plan!.steps.find((s) => s.id.startsWith('target.'))!;
    assert.equal(hbaseStep.symbol, '=', JSON.stringify(view.plan!.steps.map((s) => [s.symbol, s.title])));
    assert.ok(
      view.plan!.steps.every((s) => s.symbol === '=' || s.symbol === '#' || s.id.startsWith('link-group')),
      JSON.stringify(view.plan!.steps.map((s) => [s.symbol, s.title])),
    );
  });
});
