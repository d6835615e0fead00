/**
 * Each kind's revoke decision (rds, hbase, emr, polardb, lindorm, ecs, custom) over a table of starting states (nothing granted, partly granted,
 * granted, other entries present, resource gone), through the pure teardown planner: what it
 * removes, with which call, and — above all — what it keeps. Then the teardown's own steps.
 */
import { strict as assert } from 'node:assert';
import { planTeardown, type LiveState, type Plan, type PlanStep, type StepAction, type TargetLive } from '../../src/core/plan';
import type { TargetSpec } from '../../src/core/specModel';
import type { SecurityGroupRule } from '../../src/core/model';
import { targetPlanners } from '../../src/targets';
import { RDS_NO_ACCESS_ENTRY } from '../../src/targets/rds';
import * as b from './builders/planBuilders';

const CIDR = b.VSW_CIDR;

function teardown(target: TargetSpec, targetLive: TargetLive, live: Partial<LiveState> = {}): Plan {
  return planTeardown(b.spec({ targets: [target] }), { ...b.linkedLive([targetLive]), ...live }, { planners: targetPlanners });
}

function targetStep(plan: Plan): PlanStep {
  const found = plan.steps.find((s) => s.id.startsWith('target.'));
  assert.ok(found, JSON.stringify(plan.steps.map((s) => s.id)));
  return found;
}

/** A per-port rule as apply adds it, from `peer`. */
function portRule(port: number, peer = b.LINK_GROUP, overrides: Partial<SecurityGroupRule> = {}): SecurityGroupRule {
  return {
    direction: 'ingress',
    policy: 'accept',
    protocol: 'TCP',
    portRange: `${port}/${port}`,
    priority: 1,
    peerGroupId: peer,
    ...overrides,
  };
}

interface Row {
  state: 'nothing granted' | 'partly granted' | 'granted' | 'other entries present' | 'resource gone' | 'link group gone';
  name: string;
  target: TargetSpec;
  live: TargetLive;
  liveOverrides?: Partial<LiveState>;
  action: StepAction;
  /** The planned call's parameters that matter (checked when the step removes something). */
  params?: Record<string, unknown>;
  /** A detail line that must be there (what is kept). */
  detail?: RegExp;
}

const gone = <T extends TargetLive>(live: T, drop: (l: T) => Partial<T>): T => ({ ...live, ...drop(live) });

const rows: Row[] = [
  // RDS, whitelist group of its own (`maxcompute`).
  {
    state: 'nothing granted',
    name: 'RDS whitelist: no such group',
    target: b.rdsTarget(0),
    live: b.rdsLive([{ name: 'default', ips: ['127.0.0.1'] }]),
    action: 'unchanged',
  },
  {
    state: 'partly granted',
    name: 'RDS whitelist: a broader entry someone else wrote covers the block',
    target: b.rdsTarget(0),
    live: b.rdsLive([{ name: 'maxcompute', ips: ['192.168.0.0/16'] }]),
    action: 'unchanged',
  },
  {
    state: 'partly granted',
    name: "RDS whitelist: the block is in another group than the spec's",
    target: b.rdsTarget(0),
    live: b.rdsLive([
      { name: 'default', ips: [CIDR] },
      { name: 'maxcompute', ips: ['10.0.0.1'] },
    ]),
    action: 'unchanged',
  },
  {
    state: 'granted',
    name: "RDS whitelist: the block is the group's only entry",
    target: b.rdsTarget(0),
    live: b.rdsLive([{ name: 'maxcompute', ips: [CIDR] }]),
    action: 'remove',
    params: { DBInstanceIPArrayName: 'maxcompute', SecurityIps: CIDR, ModifyMode: 'Delete' },
    detail: new RegExp(`${RDS_NO_ACCESS_ENTRY.replace(/\./g, '\\.')} \\(admits no one\\) is appended first`),
  },
  {
    state: 'other entries present',
    name: 'RDS whitelist: the default group with other entries',
    target: b.rdsTarget(0, 'whitelist', 'default'),
    live: b.rdsLive([
      { name: 'default', ips: ['127.0.0.1', '192.168.1.10', CIDR] },
      { name: 'maxcompute', ips: [CIDR] },
    ]),
    action: 'remove',
    params: { DBInstanceIPArrayName: 'default', SecurityIps: CIDR, ModifyMode: 'Delete' },
    detail: /^entries kept: 127\.0\.0\.1, 192\.168\.1\.10$/,
  },
  {
    state: 'resource gone',
    name: 'RDS whitelist: the instance is gone',
    target: b.rdsTarget(0),
    live: gone(b.rdsLive([{ name: 'maxcompute', ips: [CIDR] }]), () => ({ resource: undefined })),
    action: 'unchanged',
  },
  // RDS, the link's security group bound.
  {
    state: 'nothing granted',
    name: 'RDS groups: none bound',
    target: b.rdsTarget(0, 'securityGroup'),
    live: b.rdsLive([], []),
    action: 'unchanged',
  },
  {
    state: 'partly granted',
    name: "RDS groups: another group bound, not the link's",
    target: b.rdsTarget(0, 'securityGroup'),
    live: b.rdsLive([], ['sg-app']),
    action: 'unchanged',
  },
  {
    state: 'granted',
    name: "RDS groups: only the link's",
    target: b.rdsTarget(0, 'securityGroup'),
    live: b.rdsLive([], [b.LINK_GROUP]),
    action: 'remove',
    params: { SecurityGroupId: '' },
    detail: /^security groups kept: \(none\)$/,
  },
  {
    state: 'other entries present',
    name: "RDS groups: the link's among others",
    target: b.rdsTarget(0, 'securityGroup'),
    live: b.rdsLive([], ['sg-a', b.LINK_GROUP, 'sg-b']),
    action: 'remove',
    params: { SecurityGroupId: 'sg-a,sg-b' },
    detail: /^security groups kept: sg-a, sg-b$/,
  },
  {
    state: 'resource gone',
    name: 'RDS groups: the instance is gone',
    target: b.rdsTarget(0, 'securityGroup'),
    live: gone(b.rdsLive([], [b.LINK_GROUP]), () => ({ resource: undefined })),
    action: 'unchanged',
  },
  {
    state: 'link group gone',
    name: 'RDS groups: the link group no longer exists',
    target: b.rdsTarget(0, 'securityGroup'),
    live: b.rdsLive([], ['sg-a']),
    liveOverrides: { linkGroup: undefined },
    action: 'unchanged',
  },
  // HBase, whitelist (a whole-list write: the call carries exactly the kept entries).
  {
    state: 'nothing granted',
    name: 'HBase whitelist: no such group',
    target: b.hbaseTarget(0),
    live: b.hbaseLive([{ name: 'default', ips: ['127.0.0.1'] }]),
    action: 'unchanged',
  },
  {
    state: 'partly granted',
    name: 'HBase whitelist: a host of the block, not the block',
    target: b.hbaseTarget(0),
    live: b.hbaseLive([{ name: 'maxcompute', ips: ['192.168.1.7'] }]),
    action: 'unchanged',
  },
  {
    state: 'granted',
    name: 'HBase whitelist: the block alone',
    target: b.hbaseTarget(0),
    live: b.hbaseLive([{ name: 'maxcompute', ips: [CIDR] }]),
    action: 'remove',
    params: { GroupName: 'maxcompute', IpList: '' },
    detail: /^the group is left empty, not deleted$/,
  },
  {
    state: 'other entries present',
    name: 'HBase whitelist: the block among others, its IpVersion kept',
    target: b.hbaseTarget(0),
    live: b.hbaseLive([
      { name: 'maxcompute', ips: ['10.0.0.1', CIDR, '10.0.0.2'], ipVersion: 4 },
      { name: 'default', ips: ['127.0.0.1'] },
    ]),
    action: 'remove',
    params: { GroupName: 'maxcompute', IpList: '10.0.0.1,10.0.0.2', IpVersion: '4' },
    detail: /^entries kept: 10\.0\.0\.1, 10\.0\.0\.2$/,
  },
  {
    state: 'resource gone',
    name: 'HBase whitelist: the cluster is gone',
    target: b.hbaseTarget(0),
    live: gone(b.hbaseLive([{ name: 'maxcompute', ips: [CIDR] }]), () => ({ resource: undefined })),
    action: 'unchanged',
  },
  // HBase, security groups.
  {
    state: 'granted',
    name: "HBase groups: the link's with the cluster's own",
    target: b.hbaseTarget(0, 'securityGroup'),
    live: b.hbaseLive([], ['sg-hbase', b.LINK_GROUP]),
    action: 'remove',
    params: { SecurityGroupIds: 'sg-hbase' },
  },
  {
    state: 'nothing granted',
    name: "HBase groups: only the cluster's own",
    target: b.hbaseTarget(0, 'securityGroup'),
    live: b.hbaseLive([], ['sg-hbase']),
    action: 'unchanged',
  },
  // EMR, one rule per port from the link group.
  { state: 'nothing granted', name: 'EMR: no rule from the link group', target: b.emrTarget(0), live: b.emrLive([]), action: 'unchanged' },
  {
    state: 'partly granted',
    name: 'EMR: the rule for 9083 only',
    target: b.emrTarget(0),
    live: b.emrLive([portRule(9083)]),
    action: 'remove',
    params: { SecurityGroupId: 'sg-emr', ports: ['9083/9083'] },
  },
  {
    state: 'granted',
    name: 'EMR: all three rules',
    target: b.emrTarget(0),
    live: b.emrLive([portRule(9083), portRule(8020), portRule(50010)]),
    action: 'remove',
    params: { SecurityGroupId: 'sg-emr', ports: ['9083/9083', '8020/8020', '50010/50010'] },
  },
  {
    state: 'other entries present',
    name: "EMR: others' rules on the same ports, a drop and other ports from the link group stay",
    target: b.emrTarget(0),
    live: b.emrLive([
      portRule(9083),
      portRule(9083, 'sg-other'),
      portRule(8020, undefined, { peerGroupId: undefined, peerCidr: CIDR }),
      portRule(22),
      portRule(50010, b.LINK_GROUP, { policy: 'drop' }),
    ]),
    action: 'remove',
    params: { SecurityGroupId: 'sg-emr', ports: ['9083/9083'] },
  },
  {
    state: 'resource gone',
    name: 'EMR: the cluster is gone',
    target: b.emrTarget(0),
    live: { kind: 'emr' } as TargetLive,
    action: 'unchanged',
  },
  {
    state: 'resource gone',
    name: "EMR: the cluster's group is gone",
    target: b.emrTarget(0),
    live: gone(b.emrLive([portRule(9083)]), () => ({ group: undefined })),
    action: 'unchanged',
  },
  {
    state: 'link group gone',
    name: 'EMR: the link group no longer exists',
    target: b.emrTarget(0),
    live: b.emrLive([portRule(9083, 'sg-other')]),
    liveOverrides: { linkGroup: undefined },
    action: 'unchanged',
  },
  // PolarDB: ModifyDBClusterAccessWhitelist Delete of exactly the block, or the security-group set without the link's.
  {
    state: 'nothing granted',
    name: 'PolarDB whitelist: no such group',
    target: b.polardbTarget(),
    live: b.polardbLive([{ name: 'app', ips: ['10.0.0.0/24'] }]),
    action: 'unchanged',
  },
  {
    state: 'partly granted',
    name: 'PolarDB whitelist: a containing block someone else wrote',
    target: b.polardbTarget(),
    live: b.polardbLive([{ name: 'maxcompute', ips: ['192.168.0.0/16'] }]),
    action: 'unchanged',
  },
  {
    state: 'granted',
    name: 'PolarDB whitelist: the block alone',
    target: b.polardbTarget(),
    live: b.polardbLive([{ name: 'maxcompute', ips: [CIDR] }]),
    action: 'remove',
    params: { ModifyMode: 'Delete', SecurityIps: CIDR },
  },
  {
    state: 'other entries present',
    name: 'PolarDB whitelist: the block among others',
    target: b.polardbTarget(),
    live: b.polardbLive([
      { name: 'maxcompute', ips: ['10.9.9.9', CIDR] },
      { name: 'app', ips: ['10.0.0.0/24'] },
    ]),
    action: 'remove',
    params: { ModifyMode: 'Delete', SecurityIps: CIDR },
    detail: /^entries kept: 10\.9\.9\.9$/,
  },
  {
    state: 'resource gone',
    name: 'PolarDB whitelist: the cluster is gone',
    target: b.polardbTarget(),
    live: b.polardbLive([{ name: 'maxcompute', ips: [CIDR] }], [], false),
    action: 'unchanged',
  },
  {
    state: 'other entries present',
    name: "PolarDB groups: the link's among others",
    target: b.polardbTarget('securityGroup'),
    live: b.polardbLive([], ['sg-a', b.LINK_GROUP]),
    action: 'remove',
    detail: /^security groups kept: sg-a$/,
  },
  {
    state: 'partly granted',
    name: "PolarDB groups: another group bound, not the link's",
    target: b.polardbTarget('securityGroup'),
    live: b.polardbLive([], ['sg-a']),
    action: 'unchanged',
  },
  // Lindorm: read, merge, write the group without exactly the block.
  {
    state: 'nothing granted',
    name: 'Lindorm whitelist: no such group',
    target: b.lindormTarget(),
    live: b.lindormLive([{ name: 'user', ips: ['192.168.1.10'] }]),
    action: 'unchanged',
  },
  {
    state: 'partly granted',
    name: 'Lindorm whitelist: a host of the block, not the block',
    target: b.lindormTarget(),
    live: b.lindormLive([{ name: 'maxcompute', ips: ['192.168.1.7'] }]),
    action: 'unchanged',
  },
  {
    state: 'granted',
    name: 'Lindorm whitelist: the block alone',
    target: b.lindormTarget(),
    live: b.lindormLive([{ name: 'maxcompute', ips: [CIDR] }]),
    action: 'remove',
  },
  {
    state: 'other entries present',
    name: 'Lindorm whitelist: the block among others',
    target: b.lindormTarget(),
    live: b.lindormLive([
      { name: 'maxcompute', ips: ['10.1.1.1', CIDR] },
      { name: 'user', ips: ['192.168.1.10'] },
    ]),
    action: 'remove',
    params: { SecurityIpList: '10.1.1.1' },
    detail: /^entries kept: 10\.1\.1\.1$/,
  },
  {
    state: 'resource gone',
    name: 'Lindorm whitelist: the instance is gone',
    target: b.lindormTarget(),
    live: b.lindormLive([{ name: 'maxcompute', ips: [CIDR] }], false),
    action: 'unchanged',
  },
  // ECS: the per-port rules from the link group in the instance's group, as for EMR.
  { state: 'nothing granted', name: 'ECS: no rule from the link group', target: b.ecsTarget(), live: b.ecsLive([]), action: 'unchanged' },
  {
    state: 'partly granted',
    name: 'ECS: the rule for 9092 only',
    target: b.ecsTarget(),
    live: b.ecsLive([portRule(9092)]),
    action: 'remove',
    params: { SecurityGroupId: 'sg-kafka', ports: ['9092/9092'] },
  },
  {
    state: 'granted',
    name: 'ECS: both rules',
    target: b.ecsTarget(),
    live: b.ecsLive([portRule(9092), portRule(9093)]),
    action: 'remove',
    params: { SecurityGroupId: 'sg-kafka', ports: ['9092/9092', '9093/9093'] },
  },
  {
    state: 'other entries present',
    name: "ECS: others' rules on the same ports stay",
    target: b.ecsTarget(),
    live: b.ecsLive([
      portRule(9092),
      portRule(9092, 'sg-other'),
      portRule(9093, undefined, { peerGroupId: undefined, peerCidr: '10.0.0.0/8' }),
    ]),
    action: 'remove',
    params: { SecurityGroupId: 'sg-kafka', ports: ['9092/9092'] },
  },
  { state: 'resource gone', name: 'ECS: the instance is gone', target: b.ecsTarget(), live: b.ecsLive([], [], false), action: 'unchanged' },
  // Custom: nothing can be read or changed through an API, in any state.
  {
    state: 'granted',
    name: 'custom: a hand-over, no call',
    target: b.customTarget(0),
    live: { kind: 'custom' } as TargetLive,
    action: 'manual',
  },
  {
    state: 'resource gone',
    name: 'custom: still a hand-over when no link group exists',
    target: b.customTarget(0),
    live: { kind: 'custom' } as TargetLive,
    liveOverrides: { linkGroup: undefined },
    action: 'manual',
  },
];

describe("teardown: each kind's revoke decision", () => {
  it('covers every starting state for every kind with an API', () => {
    for (const kind of ['RDS whitelist', 'RDS groups', 'HBase whitelist', 'EMR', 'PolarDB whitelist', 'Lindorm whitelist', 'ECS']) {
      const states = new Set(rows.filter((r) => r.name.startsWith(kind)).map((r) => r.state));
      for (const state of ['nothing granted', 'partly granted', 'granted', 'other entries present', 'resource gone'] as const)
        assert.ok(states.has(state), `${kind}: no row for "${state}"`);
    }
  });

  for (const row of rows) {
    it(`${row.state} — ${row.name}: ${row.action}`, () => {
      const plan = teardown(row.target, row.live, row.liveOverrides);
      assert.equal(plan.refused, false);
      const step = targetStep(plan);
      assert.equal(step.action, row.action, step.title);
      assert.deepEqual(step.operation, { kind: 'target-access', targetKind: row.target.kind, targetIndex: 0, change: 'revoke' });
      if (row.action !== 'remove') {
        assert.equal(step.call, undefined, 'no call when nothing is removed');
        return;
      }
      const params = step.call?.params ?? {};
      for (const [key, value] of Object.entries(row.params ?? {})) {
        if (key === 'ports') {
          const permissions = params.Permissions as Array<{ PortRange: string; SourceGroupId: string; Policy: string }>;
          assert.deepEqual(
            permissions.map((p) => p.PortRange),
            value,
          );
          assert.ok(
            permissions.every((p) => p.SourceGroupId === b.LINK_GROUP && p.Policy === 'accept'),
            'only accept rules from the link group',
          );
        } else {
          assert.equal(params[key], value, `${key} in ${JSON.stringify(params)}`);
        }
      }
      if (row.detail !== undefined)
        assert.ok(
          step.details.some((d) => row.detail!.test(d)),
          `no detail ${String(row.detail)} in ${JSON.stringify(step.details)}`,
        );
    });
  }
});

describe('teardown: the plan around the targets', () => {
  it('targets, then the link removed through the API (waiting for the interfaces to go), then the group; - for each removal', () => {
    const plan = teardown(b.rdsTarget(0), b.rdsLive([{ name: 'maxcompute', ips: [CIDR] }]));
    assert.equal(plan.purpose, 'destroy');
    assert.deepEqual(
      plan.steps.map((s) => [s.id, s.action, s.dependsOn]),
      [
        ['target.0.rds', 'remove', []],
        ['network-link.remove', 'remove', ['target.0.rds']],
        ['link-group.delete', 'remove', ['network-link.remove']],
      ],
    );
    const link = plan.steps[1]!;
    assert.deepEqual(link.operation, { kind: 'remove-network-link', networkLinkName: 'orders_link', vpcId: b.VPC, vSwitchId: b.VSW });
    assert.deepEqual(link.call, { product: 'MaxCompute', action: 'RemoveNetworkLink', params: { networkLinkName: 'orders_link' } });
    assert.equal(link.handover, undefined);
    assert.deepEqual(plan.steps[2]!.call, {
      product: 'Ecs',
      action: 'DeleteSecurityGroup',
      params: { RegionId: b.REGION, SecurityGroupId: b.LINK_GROUP },
    });
    assert.deepEqual(plan.summary, { add: 0, change: 0, remove: 3, unchanged: 0, manual: 0 });
  });

  it('the link API unusable: the console hand-over, saying why, waiting for the interfaces to go', () => {
    const live = {
      ...b.linkedLive([b.rdsLive([{ name: 'maxcompute', ips: [CIDR] }])]),
      networkLink: undefined,
      networkLinkApi: { state: 'denied' as const, reason: 'NoPermission: x' },
    };
    const plan = planTeardown(b.spec({ targets: [b.rdsTarget(0)] }), live, { planners: targetPlanners });
    const link = plan.steps.find((s) => s.id === 'network-link.remove')!;
    assert.equal(link.action, 'manual');
    assert.match(link.title, /\(the link API cannot be used: NoPermission: x\)/);
    assert.deepEqual(link.operation, { kind: 'await-network-link-removal', vpcId: b.VPC, vSwitchId: b.VSW });
    assert.deepEqual(link.handover?.fields, [
      { label: 'Connection Name', value: 'orders_link' },
      { label: 'VPC', value: b.VPC },
      { label: 'vSwitch', value: b.VSW },
    ]);
  });

  it('never removes a same-named link the spec does not describe, nor hands it over', () => {
    const live = { ...b.linkedLive(), networkLink: b.networkLink({ securityGroupId: 'sg-someone-else' }) };
    const plan = planTeardown(b.spec(), live, { planners: targetPlanners });
    const link = plan.steps.find((s) => s.id === 'network-link.remove')!;
    assert.equal(link.action, 'unchanged');
    assert.equal(link.call, undefined);
    assert.match(link.title, /is not this spec's \(VPC \S+, vSwitch \S+, security group sg-someone-else\): left alone/);
  });

  it('no link detected: the console step is =; no group: nothing to delete', () => {
    const noLink = planTeardown(b.spec(), b.live({ linkGroup: b.withIngress(b.group(b.LINK_GROUP)) }), { planners: targetPlanners });
    assert.deepEqual(
      noLink.steps.map((s) => `${s.id} ${s.action}`),
      ['network-link.remove unchanged', 'link-group.delete remove'],
    );
    const nothing = planTeardown(b.spec(), b.live(), { planners: targetPlanners });
    assert.deepEqual(
      nothing.steps.map((s) => `${s.id} ${s.action}`),
      ['network-link.remove unchanged', 'link-group.delete unchanged'],
    );
  });

  it('an existing group the spec names is never deleted', () => {
    const plan = planTeardown(b.spec({ securityGroup: b.existingGroupSpec() }), b.linkedLive(), { planners: targetPlanners });
    const group = plan.steps.find((s) => s.id === 'link-group.delete')!;
    assert.equal(group.action, 'unchanged');
    assert.equal(group.call, undefined);
  });

  it('refuses only in another account; a missing VPC or vSwitch just means less to remove', () => {
    const same = planTeardown(b.spec(), b.linkedLive([]), { planners: targetPlanners });
    assert.equal(same.refused, false);
    const foreign = planTeardown(
      b.spec(),
      { ...b.linkedLive([]), vpc: { ...b.live().vpc!, ownerId: b.OTHER_ACCOUNT } },
      { planners: targetPlanners },
    );
    assert.equal(foreign.refused, true);
    assert.deepEqual(
      foreign.checks.map((c) => c.code),
      ['other-account'],
    );
    assert.deepEqual(foreign.steps, []);
    const vanished = planTeardown(
      b.spec({ targets: [b.rdsTarget(0)] }),
      { ...b.live({ targets: [b.rdsLive([{ name: 'maxcompute', ips: [CIDR] }])] }), vpc: undefined, vSwitch: undefined },
      { planners: targetPlanners },
    );
    assert.equal(vanished.refused, false);
    assert.equal(targetStep(vanished).action, 'unchanged', "without the vSwitch block no entry can be known as the link's");
  });
});
