import { strict as assert } from 'node:assert';
import { targetPlanners } from '../../src/targets';
import type { EmrLive } from '../../src/targets/emr';
import type { RdsLive } from '../../src/targets/rds';
import { NETWORK_LINK_ROLE_NAME } from '../../src/core/networkLinkConsole';
import {
  KNOWN_AFTER_APPLY,
  planConnection,
  planHasChanges,
  type LiveCheckCode,
  type LiveState,
  type Plan,
  type StepAction,
} from '../../src/core/plan';
import type { ConnectionSpec } from '../../src/connectionSpec/types';
import * as b from './builders/planBuilders';

/** `id action` per step, the shape most rows compare. */
function shape(plan: Plan): string[] {
  return plan.steps.map((s) => `${s.id} ${s.action}`);
}

function step(plan: Plan, id: string) {
  const found = plan.steps.find((s) => s.id === id);
  assert.ok(found, `no step ${id} in ${shape(plan).join(', ')}`);
  return found;
}

interface Row {
  name: string;
  spec: ConnectionSpec;
  live: LiveState;
  /** Expected action per step id (steps not listed are not checked). */
  actions?: Record<string, StepAction>;
  /** Expected error check codes when the plan must refuse. */
  refusedWith?: LiveCheckCode[];
  warnings?: LiveCheckCode[];
}

const rows: Row[] = [
  {
    name: 'nothing exists: create the group and its rule, create the link, open the RDS whitelist',
    spec: b.spec({ targets: [b.rdsTarget(0)] }),
    live: b.live({ targets: [b.rdsLive([{ name: 'default', ips: ['127.0.0.1'] }])] }),
    actions: {
      'preflight.account': 'unchanged',
      'preflight.eni-role': 'unchanged',
      'preflight.zone': 'unchanged',
      'link-group.create': 'create',
      'link-group.ingress': 'create',
      'network-link': 'create',
      'target.0.rds': 'create',
      usage: 'info',
    },
  },
  {
    name: 'the link API cannot be used (permission): the console hand-over, with a warning saying why',
    spec: b.spec(),
    live: b.live({ networkLinkApi: { state: 'denied', reason: 'NoPermission: not allowed' } }),
    actions: { 'network-link': 'manual' },
    warnings: ['link-api-unusable'],
  },
  {
    name: 'the link API is not offered in the region, the link made in the console: detected, =',
    spec: b.spec(),
    live: {
      ...b.linkedLive(),
      networkLink: undefined,
      networkLinkApi: { state: 'unavailable', reason: 'InvalidAction.NotFound: no such api' },
    },
    actions: { 'network-link': 'unchanged' },
    warnings: ['link-api-unusable'],
  },
  {
    name: 'the link exists, CREATING (a run stopped while it waited): adopt it and wait (~)',
    spec: b.spec(),
    live: { ...b.linkedLive(), linkNetworkInterfaces: [], networkLink: b.networkLink({ status: 'CREATING' }) },
    actions: { 'link-group.create': 'unchanged', 'network-link': 'change' },
  },
  {
    name: 'the link exists SUCCESS but its interfaces are not seen yet: wait (~)',
    spec: b.spec(),
    live: { ...b.linkedLive(), linkNetworkInterfaces: [] },
    actions: { 'network-link': 'change' },
  },
  {
    name: "a link of the spec's name with another group: refused, never changed",
    spec: b.spec(),
    live: { ...b.linkedLive(), networkLink: b.networkLink({ securityGroupId: 'sg-other' }) },
    refusedWith: ['link-other-config'],
  },
  {
    name: "a link of the spec's name in another vSwitch: refused",
    spec: b.spec(),
    live: { ...b.linkedLive(), networkLink: b.networkLink({ vSwitchId: 'vsw-other' }) },
    refusedWith: ['link-other-config'],
  },
  {
    name: "a REVERSEACCESS link of the spec's name: refused",
    spec: b.spec(),
    live: { ...b.linkedLive(), networkLink: b.networkLink({ type: 'REVERSEACCESS', vSwitchId: undefined, securityGroupId: undefined }) },
    refusedWith: ['link-other-config'],
  },
  {
    name: "a link of the spec's name while the group is still to create: it cannot be this spec's, refused",
    spec: b.spec(),
    live: b.live({ networkLink: b.networkLink() }),
    refusedWith: ['link-other-config'],
  },
  {
    name: 'the group to create already exists by name (re-run after a crash): no second group, only the rule',
    spec: b.spec(),
    live: b.live({ linkGroup: b.withIngress(b.group(b.LINK_GROUP)) }),
    actions: { 'link-group.create': 'unchanged', 'link-group.ingress': 'create', 'network-link': 'create' },
  },
  {
    name: 'the rule already exists',
    spec: b.spec(),
    live: b.live({ linkGroup: b.withIngress(b.group(b.LINK_GROUP), [b.returnTrafficRule()]) }),
    actions: { 'link-group.create': 'unchanged', 'link-group.ingress': 'unchanged', 'network-link': 'create' },
  },
  {
    name: 'a broader accept-all rule from the VPC block covers the vSwitch block',
    spec: b.spec(),
    live: b.live({ linkGroup: b.withIngress(b.group(b.LINK_GROUP), [b.returnTrafficRule(b.VPC_CIDR)]) }),
    actions: { 'link-group.ingress': 'unchanged' },
  },
  {
    name: 'an existing group named by id gets only the missing rule (VPC block)',
    spec: b.spec({ securityGroup: b.existingGroupSpec() }),
    live: b.live({ linkGroup: b.withIngress(b.group(b.LINK_GROUP), [b.returnTrafficRule(b.VSW_CIDR)]) }),
    actions: { 'link-group.create': 'unchanged', 'link-group.ingress': 'create' },
  },
  {
    name: 'whitelist already holds the vSwitch block',
    spec: b.spec({ targets: [b.rdsTarget(0)] }),
    live: b.linkedLive([b.rdsLive([{ name: 'maxcompute', ips: [b.VSW_CIDR] }])]),
    actions: { 'network-link': 'unchanged', 'target.0.rds': 'unchanged' },
  },
  {
    name: 'whitelist holds a containing block',
    spec: b.spec({ targets: [b.rdsTarget(0)] }),
    live: b.linkedLive([b.rdsLive([{ name: 'maxcompute', ips: ['10.0.0.1', '192.168.0.0/16'] }])]),
    actions: { 'target.0.rds': 'unchanged' },
  },
  {
    name: 'whitelist group holds other entries: append (change), keep them',
    spec: b.spec({ targets: [b.rdsTarget(0)] }),
    live: b.linkedLive([b.rdsLive([{ name: 'maxcompute', ips: ['10.0.0.1', '172.16.0.0/12'] }])]),
    actions: { 'target.0.rds': 'change' },
  },
  {
    name: 'the CIDR in another whitelist group does not count for the named group',
    spec: b.spec({ targets: [b.rdsTarget(0)] }),
    live: b.linkedLive([b.rdsLive([{ name: 'default', ips: [b.VSW_CIDR] }])]),
    actions: { 'target.0.rds': 'create' },
  },
  {
    name: 'an advanced group named as the link group',
    spec: b.spec({ securityGroup: b.existingGroupSpec('sg-adv') }),
    live: b.live({ linkGroup: b.withIngress(b.group('sg-adv', { type: 'enterprise' })) }),
    refusedWith: ['group-advanced'],
  },
  {
    name: 'an existing group in another VPC',
    spec: b.spec({ securityGroup: b.existingGroupSpec('sg-x') }),
    live: b.live({ linkGroup: b.withIngress(b.group('sg-x', { vpcId: 'vpc-other' })) }),
    refusedWith: ['group-other-vpc'],
  },
  {
    name: 'the existing group does not exist',
    spec: b.spec({ securityGroup: b.existingGroupSpec('sg-gone') }),
    live: b.live(),
    refusedWith: ['group-not-found'],
  },
  {
    name: 'unsupported zone',
    spec: b.spec(),
    live: b.live({ vSwitch: { ...b.live().vSwitch!, zoneId: 'cn-hangzhou-b' } }),
    refusedWith: ['zone-unsupported'],
  },
  {
    name: 'VPC owned by another account',
    spec: b.spec(),
    live: b.live({ vpc: { ...b.live().vpc!, ownerId: b.OTHER_ACCOUNT } }),
    refusedWith: ['other-account'],
  },
  {
    name: 'VPC and vSwitch not found',
    spec: b.spec(),
    live: b.live({ vpc: undefined, vSwitch: undefined }),
    refusedWith: ['vpc-not-found', 'vswitch-not-found'],
  },
  {
    name: 'vSwitch of another VPC',
    spec: b.spec(),
    live: b.live({ vSwitch: { ...b.live().vSwitch!, vpcId: 'vpc-other' } }),
    refusedWith: ['vswitch-other-vpc'],
  },
  {
    name: 'ENI role missing',
    spec: b.spec(),
    live: b.live({ eniRoleExists: false }),
    refusedWith: ['eni-role-missing'],
  },
  {
    name: 'ENI role missing but the link already exists: it was authorized once, carry on',
    spec: b.spec(),
    live: { ...b.linkedLive(), eniRoleExists: false },
    actions: { 'network-link': 'unchanged' },
  },
  {
    name: 'link already detected: everything is =',
    spec: b.spec({ targets: [b.rdsTarget(0, 'securityGroup')] }),
    live: b.linkedLive([b.rdsLive([], [b.LINK_GROUP])]),
    actions: {
      'link-group.create': 'unchanged',
      'link-group.ingress': 'unchanged',
      'network-link': 'unchanged',
      'target.0.rds': 'unchanged',
    },
  },
  {
    name: 'ENIs without the return-traffic group are not a detected link (the console fallback hands over)',
    spec: b.spec(),
    live: { ...b.linkedLive(), managedGroups: [], networkLink: undefined, networkLinkApi: { state: 'denied', reason: 'NoPermission' } },
    actions: { 'network-link': 'manual' },
    warnings: ['link-api-unusable'],
  },
  {
    name: 'EMR target whose group is managed by MaxCompute',
    spec: b.spec({ targets: [b.emrTarget(0, [9083], { securityGroupId: 'sg-mc1' })] }),
    live: b.linkedLive([{ kind: 'emr', group: b.withIngress(b.managedGroups()[0]!) } as EmrLive]),
    refusedWith: ['target-group-managed'],
  },
  {
    name: 'the link group itself is a MaxCompute-managed group',
    spec: b.spec({ securityGroup: b.existingGroupSpec('sg-mc1') }),
    live: b.live({ linkGroup: b.withIngress(b.managedGroups()[0]!) }),
    refusedWith: ['group-managed'],
  },
  {
    name: '0.0.0.0/0 as inbound source without the explicit flag',
    spec: b.spec({ securityGroup: b.createGroupSpec({ inboundSource: { kind: 'cidr', cidr: '0.0.0.0/0' } }) }),
    live: b.live(),
    refusedWith: ['whole-internet'],
  },
  {
    name: '0.0.0.0/0 with allowWholeInternet: true',
    spec: b.spec({ securityGroup: b.createGroupSpec({ inboundSource: { kind: 'cidr', cidr: '0.0.0.0/0' }, allowWholeInternet: true }) }),
    live: b.live(),
    actions: { 'link-group.ingress': 'create' },
  },
  {
    name: 'RDS by security group with three groups already (it accepts 10)',
    spec: b.spec({ targets: [b.rdsTarget(0, 'securityGroup')] }),
    live: b.linkedLive([b.rdsLive([], ['sg-1', 'sg-2', 'sg-3'])]),
    actions: { 'target.0.rds': 'change' },
  },
  {
    name: 'RDS by security group with ten groups already',
    spec: b.spec({ targets: [b.rdsTarget(0, 'securityGroup')] }),
    live: b.linkedLive([
      b.rdsLive(
        [],
        Array.from({ length: 10 }, (_, i) => `sg-${i + 1}`),
      ),
    ]),
    refusedWith: ['too-many-security-groups'],
  },
  {
    name: 'RDS target missing',
    spec: b.spec({ targets: [b.rdsTarget(0)] }),
    live: b.linkedLive([{ kind: 'rds', whitelist: [], securityGroupIds: [] } as RdsLive]),
    refusedWith: ['target-not-found'],
  },
  {
    name: 'RDS in another VPC: a warning, not a refusal',
    spec: b.spec({ targets: [b.rdsTarget(0)] }),
    live: b.linkedLive([b.rdsLive([], [], 'vpc-elsewhere')]),
    actions: { 'target.0.rds': 'create' },
    warnings: ['target-other-vpc'],
  },
  {
    name: 'an extra empty group with the name (two applies at once): deleted, the oldest kept',
    spec: b.spec(),
    live: b.live({ linkGroup: b.withIngress(b.group(b.LINK_GROUP)), sameNameGroupIds: ['sg-dup'], sameNameGroupsInUse: [] }),
    actions: { 'link-group.extra': 'remove' },
  },
  {
    name: "the group to create exists by name and an ECS instance uses it: someone else's group, refused",
    spec: b.spec(),
    live: b.live({
      linkGroup: b.withIngress(b.group(b.LINK_GROUP)),
      linkGroupUsers: [
        {
          networkInterfaceId: 'eni-web',
          vpcId: b.VPC,
          vSwitchId: b.VSW,
          zoneId: 'cn-hangzhou-h',
          privateIpAddress: '10.0.1.5',
          securityGroupIds: [b.LINK_GROUP],
          serviceManaged: false,
          status: 'InUse',
          type: 'Primary',
          instanceId: 'i-web',
        },
      ],
    }),
    refusedWith: ['group-in-use'],
  },
  {
    name: 'a group named by id that an ECS instance also uses: a warning, not a refusal',
    spec: b.spec({ securityGroup: b.existingGroupSpec() }),
    live: b.live({
      linkGroup: b.withIngress(b.group(b.LINK_GROUP), [b.returnTrafficRule(b.VSW_CIDR)]),
      linkGroupUsers: [
        {
          networkInterfaceId: 'eni-web',
          vpcId: b.VPC,
          vSwitchId: b.VSW,
          zoneId: 'cn-hangzhou-h',
          privateIpAddress: '10.0.1.5',
          securityGroupIds: [b.LINK_GROUP],
          serviceManaged: false,
          status: 'InUse',
          type: 'Primary',
          instanceId: 'i-web',
        },
      ],
    }),
    warnings: ['group-shared'],
  },
  {
    name: 'several groups with the name to create',
    spec: b.spec(),
    live: b.live({ linkGroup: b.withIngress(b.group(b.LINK_GROUP)), sameNameGroupIds: ['sg-dup'] }),
    refusedWith: ['group-name-ambiguous'],
  },
  {
    name: 'a drop rule at priority 1 in the link group would beat the accept rule',
    spec: b.spec(),
    live: b.live({ linkGroup: b.withIngress(b.group(b.LINK_GROUP), [{ ...b.returnTrafficRule('0.0.0.0/0'), policy: 'drop' }]) }),
    refusedWith: ['rule-overridden'],
  },
  {
    name: 'a drop rule at a lower priority does not stop the accept rule',
    spec: b.spec(),
    live: b.live({
      linkGroup: b.withIngress(b.group(b.LINK_GROUP), [{ ...b.returnTrafficRule('0.0.0.0/0'), policy: 'drop', priority: 5 }]),
    }),
    actions: { 'link-group.ingress': 'create' },
  },
  {
    name: 'a drop rule on an EMR port at priority 1',
    spec: b.spec({ targets: [b.emrTarget(0)] }),
    live: b.linkedLive([
      b.emrLive([{ direction: 'ingress', policy: 'drop', protocol: 'TCP', portRange: '9083/9083', priority: 1, peerCidr: '0.0.0.0/0' }]),
    ]),
    refusedWith: ['rule-overridden'],
  },
  {
    name: 'HBase whitelist, HBase security group, EMR (one port covered) and a custom server',
    spec: b.spec({ targets: [b.hbaseTarget(0), b.hbaseTarget(1, 'securityGroup'), b.emrTarget(2), b.customTarget(3)] }),
    live: b.linkedLive([
      b.hbaseLive([{ name: 'default', ips: ['127.0.0.1'] }]),
      b.hbaseLive([], ['sg-hbase']),
      b.emrLive([
        { direction: 'ingress', policy: 'accept', protocol: 'TCP', portRange: '9083/9083', priority: 1, peerGroupId: b.LINK_GROUP },
      ]),
      { kind: 'custom' },
    ]),
    actions: { 'target.0.hbase': 'create', 'target.1.hbase': 'change', 'target.2.emr': 'create', 'target.3.custom': 'manual' },
  },
];

describe('planConnection: table of starting states', () => {
  for (const row of rows) {
    it(row.name, () => {
      const plan = planConnection(row.spec, row.live, { planners: targetPlanners });
      const errors = plan.checks.filter((c) => c.severity === 'error').map((c) => c.code);
      if (row.refusedWith) {
        assert.equal(plan.refused, true);
        assert.deepEqual(errors.sort(), [...row.refusedWith].sort());
        assert.deepEqual(plan.steps, [], 'a refused plan has no steps to apply');
        return;
      }
      assert.equal(plan.refused, false, `unexpected refusal: ${plan.checks.map((c) => c.message).join(' | ')}`);
      assert.deepEqual(errors, []);
      for (const [id, action] of Object.entries(row.actions ?? {})) assert.equal(step(plan, id).action, action, `step ${id}`);
      assert.deepEqual(
        plan.checks.filter((c) => c.severity === 'warning').map((c) => c.code),
        row.warnings ?? [],
      );
    });
  }
});

describe('planConnection: what the steps say and call', () => {
  it('orders preflight, group, rule, console hand-over, targets, usage', () => {
    const plan = planConnection(b.spec({ targets: [b.rdsTarget(0), b.emrTarget(1)] }), b.live({ targets: [b.rdsLive(), b.emrLive()] }), {
      planners: targetPlanners,
    });
    assert.deepEqual(
      plan.steps.map((s) => s.id),
      [
        'preflight.account',
        'preflight.eni-role',
        'preflight.zone',
        'link-group.create',
        'link-group.ingress',
        'network-link',
        'target.0.rds',
        'target.1.emr',
        'usage',
      ],
    );
    assert.deepEqual(step(plan, 'target.0.rds').dependsOn, ['network-link']);
  });

  it('creates a basic group in the VPC and authorizes ALL -1/-1 priority 1 from the vSwitch block', () => {
    const plan = planConnection(b.spec(), b.live(), { planners: targetPlanners });
    const create = step(plan, 'link-group.create');
    assert.deepEqual(create.call, {
      product: 'Ecs',
      action: 'CreateSecurityGroup',
      params: {
        RegionId: b.REGION,
        VpcId: b.VPC,
        SecurityGroupName: b.LINK_GROUP_NAME,
        SecurityGroupType: 'normal',
        Description: 'MaxCompute network link orders_link',
      },
    });
    const rule = step(plan, 'link-group.ingress');
    assert.deepEqual(rule.call?.params.Permissions, [
      {
        IpProtocol: 'ALL',
        PortRange: '-1/-1',
        SourceCidrIp: b.VSW_CIDR,
        Policy: 'accept',
        Priority: '1',
        Description: 'MaxCompute network link return traffic',
      },
    ]);
    assert.equal(rule.call?.params.SecurityGroupId, KNOWN_AFTER_APPLY);
    assert.equal(rule.range.start.line, b.LINES.inboundSource);
  });

  it('takes the inbound source from the VPC block when the spec says vpc-cidr', () => {
    const plan = planConnection(b.spec({ securityGroup: b.createGroupSpec({ inboundSource: { kind: 'vpc-cidr' } }) }), b.live(), {
      planners: targetPlanners,
    });
    assert.equal(
      (step(plan, 'link-group.ingress').call?.params.Permissions as Array<{ SourceCidrIp: string }>)[0]!.SourceCidrIp,
      b.VPC_CIDR,
    );
  });

  it('hands over the exact console values and the emulator page when an endpoint is in use', () => {
    const plan = planConnection(b.spec(), b.live({ linkGroup: b.withIngress(b.group(b.LINK_GROUP), [b.returnTrafficRule()]) }), {
      emulatorEndpoint: 'http://127.0.0.1:4567',
      planners: targetPlanners,
    });
    const handover = step(plan, 'network-link').handover;
    assert.equal(handover?.url, 'http://127.0.0.1:4567/__emulator/');
    assert.deepEqual(handover?.fields, [
      { label: 'Connection Name', value: 'orders_link' },
      { label: 'Type', value: 'Passthrough' },
      { label: 'Region', value: b.REGION },
      { label: 'VPC', value: b.VPC },
      { label: 'vSwitch', value: b.VSW },
      { label: 'Security Group', value: b.LINK_GROUP },
    ]);
    assert.equal(step(plan, 'network-link').range.start.line, b.LINES.networkLinkName);
  });

  it('appends to the RDS whitelist group and never covers it', () => {
    const plan = planConnection(
      b.spec({ targets: [b.rdsTarget(0)] }),
      b.linkedLive([b.rdsLive([{ name: 'maxcompute', ips: ['10.0.0.1'] }])]),
      { planners: targetPlanners },
    );
    assert.deepEqual(step(plan, 'target.0.rds').call, {
      product: 'Rds',
      action: 'ModifySecurityIps',
      params: { DBInstanceId: 'rm-0', DBInstanceIPArrayName: 'maxcompute', SecurityIps: b.VSW_CIDR, ModifyMode: 'Append' },
    });
  });

  it('merges the link group into the RDS and HBase security groups', () => {
    const plan = planConnection(
      b.spec({ targets: [b.rdsTarget(0, 'securityGroup'), b.hbaseTarget(1, 'securityGroup')] }),
      b.linkedLive([b.rdsLive([], ['sg-a']), b.hbaseLive([], ['sg-hb'])]),
      { planners: targetPlanners },
    );
    assert.equal(step(plan, 'target.0.rds').call?.params.SecurityGroupId, `sg-a,${b.LINK_GROUP}`);
    assert.equal(step(plan, 'target.1.hbase').call?.params.SecurityGroupIds, `sg-hb,${b.LINK_GROUP}`);
  });

  it('writes the whole HBase whitelist group back with the existing entries first', () => {
    const plan = planConnection(
      b.spec({ targets: [b.hbaseTarget(0)] }),
      b.linkedLive([b.hbaseLive([{ name: 'maxcompute', ips: ['127.0.0.1', '10.1.0.0/16'], ipVersion: 4 }])]),
      { planners: targetPlanners },
    );
    assert.deepEqual(step(plan, 'target.0.hbase').call?.params, {
      ClusterId: 'hb-0',
      GroupName: 'maxcompute',
      IpVersion: '4',
      IpList: `127.0.0.1,10.1.0.0/16,${b.VSW_CIDR}`,
    });
  });

  it('authorizes the link group on each EMR port not already covered', () => {
    const covered = {
      direction: 'ingress',
      policy: 'accept',
      protocol: 'TCP',
      portRange: '8000/9000',
      priority: 1,
      peerGroupId: b.LINK_GROUP,
    } as const;
    const plan = planConnection(b.spec({ targets: [b.emrTarget(0)] }), b.linkedLive([b.emrLive([covered])]), { planners: targetPlanners });
    const emr = step(plan, 'target.0.emr');
    assert.equal(emr.call?.params.SecurityGroupId, 'sg-emr');
    assert.deepEqual(
      (emr.call?.params.Permissions as Array<{ PortRange: string; SourceGroupId: string }>).map((p) => `${p.PortRange} ${p.SourceGroupId}`),
      [`9083/9083 ${b.LINK_GROUP}`, `50010/50010 ${b.LINK_GROUP}`],
      '8020 lies in 8000/9000; 9083 does not',
    );
  });

  it('an EMR rule from a CIDR that is not the link group does not count', () => {
    const plan = planConnection(
      b.spec({ targets: [b.emrTarget(0, [9083])] }),
      b.linkedLive([
        b.emrLive([{ direction: 'ingress', policy: 'accept', protocol: 'TCP', portRange: '1/65535', priority: 1, peerCidr: '10.0.0.0/8' }]),
      ]),
      { planners: targetPlanners },
    );
    assert.equal(step(plan, 'target.0.emr').action, 'create');
  });

  it('ends with the usage lines from core/usage', () => {
    const plan = planConnection(b.spec(), b.live(), { planners: targetPlanners });
    const usage = step(plan, 'usage');
    assert.ok(usage.details.includes('SET odps.session.networklink=orders_link;'));
    assert.ok(usage.details.includes(`spark.hadoop.odps.cupid.eni.info=${b.REGION}:${b.VPC}`));
  });

  it('points checks at the spec field they are about', () => {
    const plan = planConnection(b.spec(), b.live({ vSwitch: { ...b.live().vSwitch!, zoneId: 'cn-hangzhou-b' }, eniRoleExists: false }), {
      planners: targetPlanners,
    });
    const byCode = new Map(plan.checks.map((c) => [c.code, c]));
    assert.equal(byCode.get('zone-unsupported')?.range.start.line, b.LINES.vSwitch);
    assert.equal(byCode.get('eni-role-missing')?.range.start.line, b.LINES.networkLinkName);
    assert.match(byCode.get('eni-role-missing')!.message, new RegExp(NETWORK_LINK_ROLE_NAME));
    assert.match(byCode.get('zone-unsupported')!.message, /cn-hangzhou-h/);
  });

  it('reports changes for exit code 2 and none once everything is so', () => {
    assert.equal(planHasChanges(planConnection(b.spec(), b.live(), { planners: targetPlanners })), true);
    const done = planConnection(
      b.spec({ targets: [b.rdsTarget(0)] }),
      b.linkedLive([b.rdsLive([{ name: 'maxcompute', ips: [b.VSW_CIDR] }])]),
      { planners: targetPlanners },
    );
    assert.equal(planHasChanges(done), false);
    assert.deepEqual(done.summary, { add: 0, change: 0, remove: 0, unchanged: 7, manual: 0 });
    // The link still to be created is a change even if nothing else is, through the API or in the console.
    assert.equal(
      planHasChanges(
        planConnection(b.spec(), { ...b.linkedLive(), networkLink: undefined, linkNetworkInterfaces: [] }, { planners: targetPlanners }),
      ),
      true,
    );
    assert.equal(
      planHasChanges(
        planConnection(
          b.spec(),
          { ...b.linkedLive(), networkLink: undefined, linkNetworkInterfaces: [], networkLinkApi: { state: 'denied', reason: 'x' } },
          { planners: targetPlanners },
        ),
      ),
      true,
    );
    // A link still CREATING: apply would wait for it.
    assert.equal(
      planHasChanges(
        planConnection(b.spec(), { ...b.linkedLive(), networkLink: b.networkLink({ status: 'CREATING' }) }, { planners: targetPlanners }),
      ),
      true,
    );
  });
});
