/** The explorer's data layer (no vscode) against the emulator's default seed, through the real client. */
import { strict as assert } from 'node:assert';
import type { Cloud } from '../../src/cloud';
import type { Emulator } from '../../src/emulator';
import type { ExplorerNode, RegionNode, VpcGroupNode, VpcNode } from '../../src/ui/networkView/model/nodes';
import { cloudFor, DEFAULT_SEED, emulator } from './cloud.harness';
import { actionsSince, child, declare, explorerHarness, sample, type ExplorerHarness } from './explorer.harness';

const m = DEFAULT_SEED.main;

describe('explorer data layer (default seed)', () => {
  let emu: Emulator;
  let cloud: Cloud;
  let h: ExplorerHarness;

  before(async () => {
    emu = await emulator();
    cloud = await cloudFor(emu);
  });
  after(async () => emu.close());
  beforeEach(() => {
    emu.setFaults({});
    h = explorerHarness(async () => cloud);
  });

  async function region(): Promise<RegionNode> {
    return child(await h.data.children(), 'region', (r) => r.regionId === 'cn-hangzhou');
  }
  async function vpc(vpcId: string): Promise<VpcNode> {
    return child(await h.data.children(await region()), 'vpc', (v) => v.vpc.vpcId === vpcId);
  }
  async function group(vpcId: string, kind: VpcGroupNode['group']): Promise<VpcGroupNode> {
    return child(await h.data.children(await vpc(vpcId)), 'vpcGroup', (g) => g.group === kind);
  }

  it('lists the configured regions, then "Add region…", with the profile first in every id', async () => {
    h.settings.regions = ['cn-hangzhou', 'eu-west-1'];
    const roots = await h.data.children();
    assert.deepEqual(
      roots.map((n) => n.id),
      ['(environment)/cn-hangzhou', '(environment)/eu-west-1', '(environment)/addRegion'],
    );
    const [hz, dublin] = roots as RegionNode[];
    assert.equal(hz!.networkLinksSupported, true);
    assert.equal(dublin!.networkLinksSupported, false, 'eu-west-1 is not in the network-link region table');
  });

  it('puts the active profile at the root when more than one profile is configured', async () => {
    h.profiles = [
      { name: 'main', mode: 'AK', source: '/home/u/.aliyun/config.json', isDefault: true },
      { name: 'second', mode: 'AK', source: '/home/u/.aliyun/config.json', isDefault: false },
    ];
    const [root] = await h.data.children();
    assert.equal(root!.kind, 'profile');
    const regions = await h.data.children(root);
    assert.equal(regions[0]!.kind, 'region');
    assert.ok(regions[0]!.id.startsWith(`${root!.id}/`));
  });

  it('fetches nothing until a region is expanded, then one DescribeVpcs page; expanding again uses the cache', async () => {
    const start = emu.requests().length;
    const hz = await region();
    assert.deepEqual(actionsSince(emu, start), []);
    const vpcs = (await h.data.children(hz)).filter((n) => n.kind === 'vpc');
    assert.deepEqual(vpcs.map((n) => n.kind === 'vpc' && n.vpc.vpcId).sort(), [m.vpcId, m.linkedVpcId].sort());
    await h.data.children(hz);
    assert.deepEqual(actionsSince(emu, start), ['DescribeVpcs']);
    h.data.invalidate(hz);
    await h.data.children(hz);
    assert.deepEqual(actionsSince(emu, start), ['DescribeVpcs', 'DescribeVpcs'], 'a refresh fetches again');
  });

  it("shows a VPC's four groups without a call", async () => {
    const app = await vpc(m.vpcId);
    const start = emu.requests().length;
    const groups = await h.data.children(app);
    assert.deepEqual(
      groups.map((g) => g.kind === 'vpcGroup' && g.group),
      ['vSwitches', 'securityGroups', 'networkLinks', 'services'],
    );
    assert.deepEqual(actionsSince(emu, start), []);
  });

  it('marks vSwitches whose zone cannot host a network link, with the reason', async () => {
    const switches = await h.data.children(await group(m.vpcId, 'vSwitches'));
    const byId = new Map(switches.filter((s) => s.kind === 'vSwitch').map((s) => [s.kind === 'vSwitch' ? s.vSwitch.vSwitchId : '', s]));
    const b = byId.get(m.vSwitchIdB);
    assert.ok(b?.kind === 'vSwitch');
    assert.match(b.zoneProblem ?? '', /cn-hangzhou-b does not support MaxCompute network links/);
    for (const id of [m.vSwitchIdH, m.vSwitchIdJ]) {
      const s = byId.get(id);
      assert.ok(s?.kind === 'vSwitch');
      assert.equal(s.zoneProblem, undefined, `${id} is in a supported zone`);
    }
  });

  it("locks MaxCompute's return-traffic groups and lists a group's rules in both directions", async () => {
    const linked = await h.data.children(await group(m.linkedVpcId, 'securityGroups'));
    const locked = linked.filter((n) => n.kind === 'securityGroup' && n.locked).map((n) => n.kind === 'securityGroup' && n.group.name);
    assert.deepEqual(locked.sort(), [`MaxCompute-backup-vpc-${m.linkedVpcId}`, `MaxCompute-vpc-${m.linkedVpcId}`]);
    assert.equal(child(linked, 'securityGroup', (g) => g.group.securityGroupId === m.linkedGroupId).locked, false);

    const app = await h.data.children(await group(m.vpcId, 'securityGroups'));
    const basic = child(app, 'securityGroup', (g) => g.group.securityGroupId === m.basicGroupId);
    assert.equal(child(app, 'securityGroup', (g) => g.group.securityGroupId === m.advancedGroupId).group.type, 'enterprise');
    const rules = await h.data.children(basic);
    assert.deepEqual(
      rules.map((r) => r.kind === 'rule' && `${r.rule.direction} ${r.rule.protocol} ${r.rule.portRange} ${r.rule.peerCidr}`),
      ['ingress TCP 22/22 10.0.0.0/8', 'egress ALL -1/-1 0.0.0.0/0'],
    );
  });

  it('pages with "Load more": a double click loads the page once, and the last page has no "Load more"', async () => {
    h.settings.pageSize = 1;
    const hz = await region();
    const first = await h.data.children(hz);
    assert.equal(first.filter((n) => n.kind === 'vpc').length, 1);
    const more = child(first, 'loadMore');
    assert.equal(more.total, 2);
    const start = emu.requests().length;
    await Promise.all([h.data.loadMore(more), h.data.loadMore(more)]);
    await h.data.loadMore(more);
    assert.deepEqual(actionsSince(emu, start), ['DescribeVpcs'], 'one call for three clicks');
    const all = await h.data.children(hz);
    assert.equal(all.filter((n) => n.kind === 'vpc').length, 2);
    assert.equal(all.filter((n) => n.kind === 'loadMore').length, 0);
    assert.deepEqual(actionsSince(emu, start), ['DescribeVpcs'], 'both pages come from the cache');
  });

  it("filters a region's VPCs by part of a name or id", async () => {
    h.filters.set('(environment)/cn-hangzhou', 'LINKED');
    const children = await h.data.children(await region());
    assert.deepEqual(
      children.filter((n) => n.kind === 'vpc').map((n) => n.kind === 'vpc' && n.vpc.vpcId),
      [m.linkedVpcId],
    );
    assert.match(child(children, 'note').label, /Filter "linked": 1 of 2 loaded VPCs/);
  });

  it('turns an injected fault into an error node with code and RequestId, without blocking the sibling groups', async () => {
    const vSwitches = await group(m.vpcId, 'vSwitches');
    const groups = await group(m.vpcId, 'securityGroups');
    emu.setFaults({
      failNext: [
        { action: 'DescribeVSwitches', code: 'Forbidden.RAM', message: 'User not authorized to operate on the specified resource.' },
      ],
    });
    const [failed, sibling] = await Promise.all([h.data.children(vSwitches), h.data.children(groups)]);
    assert.equal(failed.length, 1);
    const error = child(failed, 'error');
    assert.equal(error.label, 'Could not list vSwitches');
    assert.equal(error.error.code, 'Forbidden.RAM');
    assert.match(error.error.requestId ?? '', /\S/);
    assert.ok(
      sibling.some((n) => n.kind === 'securityGroup'),
      'the security groups still load',
    );
    assert.ok(
      h.failures.some((f) => f.includes('Could not list vSwitches')),
      'the failure is logged',
    );
    const retried = await h.data.children(vSwitches);
    assert.ok(
      retried.some((n) => n.kind === 'vSwitch'),
      'a failure is not cached: expanding again retries',
    );
  });

  it('aborts a slow call when its node is refreshed', async () => {
    emu.setFaults({ failNext: [{ action: 'DescribeVpcs', kind: 'hang', ms: 20_000 }] });
    const hz = await region();
    const started = Date.now();
    const pending = h.data.children(hz);
    await new Promise((resolve) => setTimeout(resolve, 100));
    h.data.invalidate(hz);
    const answer = await pending;
    assert.ok(Date.now() - started < 5_000, 'the hung call was not abandoned');
    assert.equal(child(answer, 'note').label, 'Cancelled (refreshing)');
    assert.ok(
      (await h.data.children(hz)).some((n) => n.kind === 'vpc'),
      'the next expansion fetches again',
    );
  });

  it('shows a listed link by its name and status, its interfaces matched, and as declared once a spec names it', async () => {
    const links = await group(m.linkedVpcId, 'networkLinks');
    const [listed] = await h.data.children(links);
    assert.ok(listed?.kind === 'networkLink');
    assert.equal(listed.link.name, m.linkName);
    assert.equal(listed.link.state, 'connected');
    assert.equal(listed.link.listed?.status, 'SUCCESS');
    assert.equal(listed.link.declared, undefined);
    assert.equal(listed.link.securityGroupId, m.linkedGroupId);
    assert.deepEqual(listed.link.networkInterfaces.map((e) => e.networkInterfaceId).sort(), [...m.linkedEniIds].sort());

    const start = emu.requests().length;
    h.declared = declare(existingLinkSpec());
    const [named] = await h.data.children(links);
    assert.ok(named?.kind === 'networkLink');
    assert.equal(named.link.state, 'connected');
    assert.equal(named.link.name, m.linkName);
    assert.ok(named.link.declared !== undefined, 'marked as declared');
    assert.deepEqual(actionsSince(emu, start), [], 'following a spec edit costs no call');
  });

  it("asks for the VPC's interfaces both ways, once each: MaxCompute's are service-managed, and an unflagged list may leave them out", async () => {
    h.data.invalidate(undefined);
    const start = emu.requests().length;
    await h.data.children(await group(m.linkedVpcId, 'networkLinks'));
    const asked = emu
      .requests()
      .slice(start)
      .filter((r) => r.action === 'DescribeNetworkInterfaces' && r.params.VpcId === m.linkedVpcId);
    assert.deepEqual(asked.map((r) => r.params.ServiceManaged ?? 'unset').sort(), ['true', 'unset']);
  });

  it('shows a declared link MaxCompute does not list as not created', async () => {
    h.declared = declare(sample('rds.mcvpc.yaml'));
    const links = await h.data.children(await group(m.vpcId, 'networkLinks'));
    const link = child(links, 'networkLink');
    assert.equal(link.link.name, 'orders_rds');
    assert.equal(link.link.state, 'not-created');
    assert.equal(link.link.securityGroupId, undefined, 'its group is still to be created');
  });

  it("lists the VPC's RDS, HBase and EMR with their access from the declared link", async () => {
    h.declared = declare(sample('rds.mcvpc.yaml'));
    const services = await h.data.children(await group(m.vpcId, 'services'));
    const rds = child(services, 'service', (s) => s.service.kind === 'rds');
    const hbase = child(services, 'service', (s) => s.service.kind === 'hbase');
    const emr = child(services, 'service', (s) => s.service.kind === 'emr');
    assert.equal(rds.presentation.id, m.rdsInstanceId);
    // The link vSwitch app-h is 192.168.1.0/24; RDS only whitelists 192.168.1.10, HBase 127.0.0.1.
    assert.equal(rds.access.summary, 'blocked');
    assert.match(rds.access.perLink[0]!.reason, /no whitelist group covers 192\.168\.1\.0\/24/);
    assert.equal(hbase.access.summary, 'blocked');
    // EMR's group accepts TCP 1-65535 from 192.168.1.0/24.
    assert.equal(emr.access.summary, 'allowed', emr.access.perLink[0]?.reason);
    assert.ok(
      emr.presentation.facts.some((f) => f.includes(m.emrGroupId)),
      emr.presentation.facts.join('\n'),
    );
    const notes = await h.data.children(rds);
    assert.match(notes[0]!.kind === 'note' ? notes[0].label : '', /^orders_rds: blocked/);
  });

  it('says "no link in this VPC" when nothing is declared or detected, and repeats no call when expanded again', async () => {
    const servicesGroup = await group(m.vpcId, 'services');
    const start = emu.requests().length;
    const services = await h.data.children(servicesGroup);
    assert.ok(services.length >= 3);
    for (const s of services) assert.ok(s.kind === 'service' && s.access.summary === 'no-link');
    const calls = actionsSince(emu, start);
    await h.data.children(servicesGroup);
    await h.data.children(await group(m.vpcId, 'networkLinks'));
    assert.deepEqual(actionsSince(emu, start), calls, 'links and services come from the cache the second time');
  });

  it('tells an empty region apart (for the welcome message) using the page the region would fetch anyway', async () => {
    h.settings.regions = ['ap-southeast-1'];
    assert.equal(await h.data.accountLooksEmpty(), true);
    const [empty] = await h.data.children();
    const start = emu.requests().length;
    const children = await h.data.children(empty);
    assert.equal(child(children, 'note').label, 'No VPCs in ap-southeast-1');
    assert.deepEqual(actionsSince(emu, start), [], "the region's first page was cached by the check");
    h.settings.regions = ['cn-hangzhou'];
    assert.equal(await h.data.accountLooksEmpty(), false);
    h.settings.regions = ['ap-southeast-1', 'cn-shanghai'];
    assert.equal(await h.data.accountLooksEmpty(), false, 'several regions stay lazy');
  });

  it("shows each service's whitelist groups and security groups, read once", async () => {
    const services = await h.data.children(await group(m.vpcId, 'services'));
    const rds = child(services, 'service', (s) => s.service.kind === 'rds');
    const hbase = child(services, 'service', (s) => s.service.kind === 'hbase');
    const whitelists = (rds.access.facts ?? []).find((f) => f.startsWith('- Whitelist groups:')) ?? '';
    assert.deepEqual(
      [...whitelists.matchAll(/^ {2}- `([^`]+)`/gm)].map((m) => m[1]),
      ['default', 'ali_dms_group'],
    );
    assert.ok((hbase.access.facts ?? []).includes(`- Security groups: \`${m.hbaseGroupId}\``), (hbase.access.facts ?? []).join('\n'));
  });

  it("keeps one account's nodes out of another's tree: ids carry the profile", async () => {
    const { accessKeyId, accessKeySecret } = DEFAULT_SEED.second;
    const second = await cloudFor(emu, {
      env: { ALIBABA_CLOUD_ACCESS_KEY_ID: accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: accessKeySecret },
    });
    const other = explorerHarness(async () => ({ ...second, accountProfile: 'second' }));
    const [otherRegion] = (await other.data.children()) as ExplorerNode[];
    const vpcs = (await other.data.children(otherRegion)).filter((n) => n.kind === 'vpc');
    assert.deepEqual(
      vpcs.map((n) => n.kind === 'vpc' && n.vpc.vpcId),
      [DEFAULT_SEED.second.vpcId],
    );
    assert.ok(vpcs.every((n) => n.id.startsWith('second/cn-hangzhou/')));
  });
});

/** A spec naming the seed's existing link (its group exists, so it is named by id). */
function existingLinkSpec(): string {
  return [
    'version: mcvpc/v1',
    'kind: NetworkLink',
    'metadata:',
    `  name: ${m.linkName}`,
    'region: cn-hangzhou',
    `vpc: ${m.linkedVpcId}`,
    `vSwitch: ${m.linkedVSwitchId}`,
    'securityGroup:',
    `  id: ${m.linkedGroupId}`,
    'targets:',
    '  - kind: custom',
    '    name: warehouse-db',
    '    cidr: 172.16.1.0/24',
    '    ports: [3306]',
    '',
  ].join('\n');
}
