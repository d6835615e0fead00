/** Pure logic of the Network view: link detection and matching, access state, spec references, node ids. */
import { strict as assert } from 'node:assert';
import type { SecurityGroupRule } from '../../src/core/model';
import { accessSummaryText, linkSource, serviceAccess, type LinkSource } from '../../src/ui/networkView/model/access';
import type { SecurityGroup } from '../../src/core/model';
import type { WhitelistGroup } from '../../src/core/plan';
import { DEFAULT_EMR_PORTS } from '../../src/targets/emr';
import { portLinkAccess } from '../../src/targets/common/portRules';
import { serviceLinkAccess } from '../../src/targets/common/serviceAccess';

type Settings =
  | { kind: 'rds' | 'hbase'; whitelist: WhitelistGroup[]; securityGroupIds: string[] }
  | { kind: 'emr'; group?: SecurityGroup; rules: SecurityGroupRule[] };

/** One link's access as each kind's module judges it (whitelist kinds, port-rule kinds). */
function linkAccess(settings: Settings, source: LinkSource) {
  if (settings.kind === 'emr') return portLinkAccess(settings.group, settings.rules, DEFAULT_EMR_PORTS, source);
  return serviceLinkAccess(settings, source, settings.kind === 'rds' ? 'instance' : 'cluster');
}
import { CONSOLE_URL_PATTERNS, consoleUrl } from '../../src/ui/networkView/model/consoleUrls';
import { CallCache } from '../../src/ui/networkView/model/callCache';
import { detectLinks, linkStateText, matchLinks, type DeclaredLink, type NetworkLinkView } from '../../src/ui/networkView/model/links';
import { networkLinkNode, regionNode, resourceIdOf, securityGroupNode, vpcGroupNodes, vpcNode } from '../../src/ui/networkView/model/nodes';
import { specReferences } from '../../src/ui/networkView/model/specReferences';
import type { NetworkLink } from '../../src/core/model';
import {
  existingGroupSpec,
  group,
  LINK_GROUP,
  LINK_GROUP_NAME,
  linkEni,
  managedGroups,
  rdsTarget,
  REGION,
  spec,
  VPC,
  VSW,
  VSW_CIDR,
} from './builders/planBuilders';

const FILE = 'file:///ws/link.mcvpc.yaml';
const declared = (overrides: Parameters<typeof spec>[0] = {}): DeclaredLink => ({ spec: spec(overrides), file: FILE });
const match = (input: {
  declared?: DeclaredLink[];
  groups?: ReturnType<typeof group>[];
  enis?: ReturnType<typeof linkEni>[];
  profile?: string;
}): NetworkLinkView[] => {
  const groups = input.groups ?? [];
  return matchLinks({
    profile: input.profile ?? 'main',
    regionId: REGION,
    vpcId: VPC,
    declared: input.declared ?? [],
    detected: detectLinks(VPC, input.enis ?? [], groups),
    groups,
  });
};

describe('network links: detection and matching', () => {
  it("detects service-managed ENIs grouped by vSwitch and group, only where MaxCompute's return group exists", () => {
    const groups = [group(LINK_GROUP), ...managedGroups()];
    const detected = detectLinks(VPC, [linkEni('eni-1'), linkEni('eni-2')], groups);
    assert.equal(detected.length, 1);
    assert.equal(detected[0]!.securityGroupId, LINK_GROUP);
    assert.deepEqual(
      detected[0]!.networkInterfaces.map((e) => e.networkInterfaceId),
      ['eni-1', 'eni-2'],
    );
    assert.deepEqual(
      detectLinks(VPC, [linkEni()], [group(LINK_GROUP)]),
      [],
      "without MaxCompute-vpc-<vpcId>, a service ENI is some other service's",
    );
    assert.deepEqual(detectLinks(VPC, [{ ...linkEni(), serviceManaged: false }], groups), [], 'an ENI the user created is not a link');
  });

  it('calls a declared link connected when its ENIs are there, waiting otherwise, and an unexplained detection unnamed', () => {
    const groups = [group(LINK_GROUP), ...managedGroups()];
    const [connected] = match({ declared: [declared({ securityGroup: existingGroupSpec() })], groups, enis: [linkEni()] });
    assert.equal(connected!.state, 'connected');
    assert.equal(connected!.name, 'orders_link');

    const [waiting] = match({ declared: [declared({ securityGroup: existingGroupSpec() })], groups: [group(LINK_GROUP)] });
    assert.equal(waiting!.state, 'waiting-for-console');
    assert.equal(waiting!.networkInterfaces.length, 0);

    const [unnamed] = match({ groups, enis: [linkEni()] });
    assert.equal(unnamed!.state, 'detected-unnamed');
    assert.equal(unnamed!.name, undefined);
    assert.equal(unnamed!.securityGroupName, LINK_GROUP_NAME);
  });

  describe('with the links MaxCompute lists', () => {
    const groups = [group(LINK_GROUP), ...managedGroups()];
    const listedLink = (overrides: Partial<NetworkLink> = {}): NetworkLink => ({
      name: 'orders_link',
      regionId: REGION,
      type: 'PASSTHROUGH',
      status: 'SUCCESS',
      vpcId: VPC,
      vSwitchId: VSW,
      securityGroupId: LINK_GROUP,
      ...overrides,
    });
    const withList = (
      listed: NetworkLink[],
      input: { declared?: DeclaredLink[]; enis?: ReturnType<typeof linkEni>[] } = {},
    ): NetworkLinkView[] =>
      matchLinks({
        profile: 'main',
        regionId: REGION,
        vpcId: VPC,
        declared: input.declared ?? [],
        detected: detectLinks(VPC, input.enis ?? [], groups),
        groups,
        listed,
        linkApi: { state: 'ok' },
      });

    it('names a listed link with its interfaces connected, and flags a SUCCESS link without them', () => {
      const [ready] = withList([listedLink()], { enis: [linkEni()] });
      assert.equal(ready!.state, 'connected');
      assert.equal(ready!.problem, undefined);
      const [bare] = withList([listedLink()]);
      assert.equal(bare!.state, 'no-interfaces');
      assert.match(
        bare!.problem!,
        new RegExp(`lists orders_link as SUCCESS, but none of its network interfaces is in ${VSW} with ${LINK_GROUP}`),
      );
    });

    it('flags interfaces no listed link explains, in words, and never calls them unnamed', () => {
      const [left] = withList([], { enis: [linkEni()] });
      assert.equal(left!.state, 'unlisted-interfaces');
      assert.match(left!.problem!, /MaxCompute lists no link with them/);
      assert.equal(linkStateText(left!.state), 'interfaces without a link MaxCompute lists');
    });

    it('keeps a declared link marked, says when the spec differs from the listed link, and calls an unlisted one not created', () => {
      const [same] = withList([listedLink()], { declared: [declared({ securityGroup: existingGroupSpec() })], enis: [linkEni()] });
      assert.ok(same!.declared !== undefined && same!.listed !== undefined);
      assert.equal(same!.problem, undefined);
      const [other] = withList([listedLink({ vSwitchId: 'vsw-other' })], { declared: [declared({ securityGroup: existingGroupSpec() })] });
      assert.match(
        other!.problem!,
        new RegExp(`spec declares VPC ${VPC}, vSwitch ${VSW}, group ${LINK_GROUP}; MaxCompute has VPC ${VPC}, vSwitch vsw-other`),
      );
      const [notCreated] = withList([], { declared: [declared({ securityGroup: existingGroupSpec() })], enis: [linkEni()] });
      assert.equal(notCreated!.state, 'not-created');
      assert.equal(notCreated!.networkInterfaces.length, 0, 'interfaces alone do not make a declared link created');
    });

    it('shows a status other than SUCCESS verbatim, SUCCESS as ready, and a REVERSEACCESS link read-only', () => {
      const [creating] = withList([listedLink({ status: 'CREATING' })]);
      assert.equal(creating!.state, 'in-progress');
      assert.equal(linkStateText(creating!.state, 'CREATING'), 'CREATING');
      assert.equal(linkStateText('connected', 'SUCCESS'), 'ready');
      const [reverse] = withList([
        listedLink({ type: 'REVERSEACCESS', vSwitchId: undefined, securityGroupId: undefined, reverseTargets: '10.0.0.1:80' }),
      ]);
      assert.equal(reverse!.readOnly, true);
      assert.equal(reverse!.state, 'connected');
      assert.equal(reverse!.problem, undefined, 'a REVERSEACCESS link has no interfaces to check');
    });

    it('falls back to the detection when the API was refused, carrying the reason', () => {
      const views = matchLinks({
        profile: 'main',
        regionId: REGION,
        vpcId: VPC,
        declared: [],
        detected: detectLinks(VPC, [linkEni()], groups),
        groups,
        linkApi: { state: 'denied', reason: 'NoPermission: no' },
      });
      assert.equal(views[0]!.state, 'detected-unnamed');
      assert.deepEqual(views[0]!.linkApi, { state: 'denied', reason: 'NoPermission: no' });
    });
  });

  it('finds a to-be-created group by its name once it exists, and refuses to guess between two of that name', () => {
    const created = declared(); // securityGroup.create with name mc-link
    const groups = [group(LINK_GROUP), ...managedGroups()];
    assert.equal(match({ declared: [created], groups, enis: [linkEni()] })[0]!.state, 'connected');
    const twins = [...groups, group('sg-twin', { name: LINK_GROUP_NAME })];
    const views = match({ declared: [created], groups: twins, enis: [linkEni()] });
    assert.deepEqual(
      views.map((v) => v.state),
      ['waiting-for-console', 'detected-unnamed'],
    );
  });

  it('matches on the vSwitch too: the same group in another vSwitch is another link', () => {
    const groups = [group(LINK_GROUP), ...managedGroups()];
    const views = match({
      declared: [declared({ securityGroup: existingGroupSpec(), vSwitchId: 'vsw-other' })],
      groups,
      enis: [linkEni()],
    });
    assert.deepEqual(
      views.map((v) => v.state),
      ['waiting-for-console', 'detected-unnamed'],
    );
  });

  it('keeps specs of other VPCs, regions and profiles out, and shows one link per name', () => {
    const views = match({
      declared: [
        declared({ vpcId: 'vpc-other' }),
        declared({ regionId: 'cn-beijing' }),
        declared({ profile: 'second' }),
        declared({ profile: 'main', networkLinkName: 'b_link' }),
        { ...declared(), file: 'file:///ws/copy.mcvpc.yaml' },
      ],
    });
    assert.deepEqual(
      views.map((v) => v.name),
      ['b_link', 'orders_link'],
    );
  });
});

describe("service access from a VPC's links", () => {
  const source: LinkSource = { label: 'orders_link', vSwitchCidr: VSW_CIDR, securityGroupId: LINK_GROUP, addresses: ['192.168.1.3'] };

  it('RDS/HBase: allowed by a whitelist entry covering the vSwitch block, or by the bound link group', () => {
    assert.equal(
      linkAccess({ kind: 'rds', whitelist: [{ name: 'maxcompute', ips: ['192.168.0.0/16'] }], securityGroupIds: [] }, source).reason,
      'whitelist group maxcompute allows 192.168.1.0/24 (through 192.168.0.0/16)',
    );
    assert.equal(linkAccess({ kind: 'hbase', whitelist: [], securityGroupIds: [LINK_GROUP] }, source).verdict, 'allowed');
    const blocked = linkAccess(
      { kind: 'rds', whitelist: [{ name: 'default', ips: ['192.168.1.10'] }], securityGroupIds: ['sg-other'] },
      source,
    );
    assert.equal(blocked.verdict, 'blocked', 'one address of the block is not the block: ENI addresses change');
    assert.match(blocked.reason, /no whitelist group covers 192\.168\.1\.0\/24 and sg-link is not bound/);
  });

  it("EMR: evaluates each Hadoop port through the cluster group's rules, by CIDR or by group", () => {
    const emrGroup = group('sg-emr');
    const byGroup = (port: number): SecurityGroupRule => ({
      direction: 'ingress',
      policy: 'accept',
      protocol: 'TCP',
      portRange: `${port}/${port}`,
      priority: 1,
      peerGroupId: LINK_GROUP,
    });
    assert.equal(
      linkAccess({ kind: 'emr', group: emrGroup, rules: [byGroup(9083), byGroup(8020), byGroup(50010)] }, source).verdict,
      'allowed',
    );
    const partial = linkAccess({ kind: 'emr', group: emrGroup, rules: [byGroup(9083)] }, source);
    assert.equal(partial.verdict, 'partial');
    assert.match(partial.reason, /accepts TCP 9083 but not 8020, 50010/);
    const drop: SecurityGroupRule = {
      direction: 'ingress',
      policy: 'drop',
      protocol: 'TCP',
      portRange: '1/65535',
      priority: 1,
      peerCidr: '0.0.0.0/0',
    };
    const wide: SecurityGroupRule = {
      direction: 'ingress',
      policy: 'accept',
      protocol: 'ALL',
      portRange: '-1/-1',
      priority: 2,
      peerCidr: '192.168.0.0/16',
    };
    assert.equal(linkAccess({ kind: 'emr', group: emrGroup, rules: [wide] }, source).verdict, 'allowed');
    assert.equal(
      linkAccess({ kind: 'emr', group: emrGroup, rules: [wide, drop] }, source).verdict,
      'blocked',
      'a drop at a better priority wins',
    );
    assert.equal(linkAccess({ kind: 'emr', rules: [] }, source).verdict, 'unknown');
  });

  it('probes the whole block when no ENI exists yet: a rule covering half of it is not enough', () => {
    const waiting: NetworkLinkView = {
      key: 'k',
      state: 'waiting-for-console',
      name: 'l',
      regionId: REGION,
      vpcId: VPC,
      vSwitchId: VSW,
      networkInterfaces: [],
      returnGroupsPresent: false,
    };
    const probe = linkSource(waiting, VSW_CIDR);
    assert.deepEqual(probe.addresses, ['192.168.1.1', '192.168.1.254']);
    const half: SecurityGroupRule = {
      direction: 'ingress',
      policy: 'accept',
      protocol: 'ALL',
      portRange: '-1/-1',
      priority: 1,
      peerCidr: '192.168.1.0/25',
    };
    assert.equal(linkAccess({ kind: 'emr', group: group('sg-emr'), rules: [half] }, probe).verdict, 'blocked');
  });

  it('summarizes with the best link, and says when the VPC has no link', () => {
    const other: LinkSource = { label: 'other', vSwitchCidr: '192.168.9.0/24', addresses: [] };
    const settings = { kind: 'rds' as const, whitelist: [{ name: 'maxcompute', ips: [VSW_CIDR] }], securityGroupIds: [] };
    const access = serviceAccess([other, source], (s) => linkAccess(settings, s));
    assert.equal(access.summary, 'allowed');
    assert.deepEqual(
      access.perLink.map((a) => a.verdict),
      ['blocked', 'allowed'],
    );
    const none = serviceAccess([], (s) => linkAccess(settings, s));
    assert.equal(none.summary, 'no-link');
    assert.equal(accessSummaryText(none), 'no link in this VPC');
  });
});

describe('explorer nodes and spec references', () => {
  const region = regionNode('main', REGION, { supported: true });
  const vpc = vpcNode(region, {
    vpcId: VPC,
    regionId: REGION,
    name: 'app',
    cidrBlock: '192.168.0.0/16',
    status: 'Available',
    ownerId: '',
    isDefault: false,
    vSwitchIds: [],
  });

  it('builds hierarchical ids that start with profile and region', () => {
    const groups = vpcGroupNodes(vpc);
    assert.deepEqual(
      groups.map((g) => g.id),
      ['vSwitches', 'securityGroups', 'networkLinks', 'services'].map((g) => `main/${REGION}/vpc/${VPC}/${g}`),
    );
    const sg = securityGroupNode(groups[1]!, group(LINK_GROUP), false);
    assert.equal(sg.id, `main/${REGION}/vpc/${VPC}/securityGroups/${LINK_GROUP}`);
    assert.equal(resourceIdOf(sg), LINK_GROUP);
  });

  it('finds where specs name a link, a VPC, a group or a target', () => {
    const link = declared({ securityGroup: existingGroupSpec(), targets: [rdsTarget(0)] });
    const [view] = match({ declared: [link] });
    const linkNode = networkLinkNode(vpcGroupNodes(vpc)[2]!, view!);
    assert.deepEqual(
      specReferences(linkNode, [link]).map((r) => r.field),
      ['metadata.name'],
    );
    assert.deepEqual(
      specReferences(vpc, [link]).map((r) => [r.field, r.range.start.line]),
      [['vpc', link.spec.ranges.vpcId.start.line]],
    );
    const sg = securityGroupNode(vpcGroupNodes(vpc)[1]!, group(LINK_GROUP), false);
    assert.deepEqual(
      specReferences(sg, [link]).map((r) => r.field),
      ['securityGroup.id'],
    );
    assert.deepEqual(
      specReferences(vpcNode(regionNode('main', 'cn-beijing', { supported: true }), vpc.vpc), [link]),
      [],
      "another region's VPC of the same id is not it",
    );
  });
});

describe("the explorer's call cache", () => {
  it('shares a call in flight, keeps answers until invalidated, forgets failures, and aborts on refresh', async () => {
    const cache = new CallCache();
    let calls = 0;
    const fetch = async (): Promise<number> => ++calls;
    assert.deepEqual(await Promise.all([cache.get('p/r/vpc/a#', fetch), cache.get('p/r/vpc/a#', fetch)]), [1, 1]);
    assert.equal(await cache.get('p/r/vpc/a#', fetch), 1);
    cache.invalidate('p/r/vpc/b');
    assert.equal(await cache.get('p/r/vpc/a#', fetch), 1, "a sibling's refresh leaves it");
    cache.invalidate('p/r');
    assert.equal(await cache.get('p/r/vpc/a#', fetch), 2, "the region's refresh clears what is under it");

    await assert.rejects(cache.get('k', async () => Promise.reject(new Error('boom'))));
    assert.equal(cache.has('k'), false);

    let aborted = false;
    const hanging = cache.get(
      'p/r/slow',
      (signal) => new Promise((_, reject) => signal.addEventListener('abort', () => ((aborted = true), reject(new Error('aborted'))))),
    );
    cache.invalidate('p/r');
    await assert.rejects(hanging, /aborted/);
    assert.ok(aborted);
  });
});

describe('console pages ("Open in Console")', () => {
  it("fills region and id into every pattern, and sends network links to the emulator's page when it is the endpoint", () => {
    for (const kind of Object.keys(CONSOLE_URL_PATTERNS) as (keyof typeof CONSOLE_URL_PATTERNS)[]) {
      const url = consoleUrl({ kind, regionId: 'cn-hangzhou', id: 'x-123' });
      assert.ok(url.startsWith('https://') && url.includes('cn-hangzhou') && url.includes('x-123'), `${kind}: ${url}`);
    }
    assert.equal(
      consoleUrl({ kind: 'networkLink', regionId: 'cn-hangzhou' }, 'http://127.0.0.1:8787'),
      'http://127.0.0.1:8787/__emulator/',
    );
    assert.match(consoleUrl({ kind: 'networkLink', regionId: 'cn-beijing' }), /^https:\/\/maxcompute\.console\.aliyun\.com\/cn-beijing\//);
  });
});
