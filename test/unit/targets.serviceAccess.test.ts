/**
 * The services that admit a link by whitelist entry or by security group (RDS, PolarDB, HBase,
 * Lindorm), as a person meets them: the step `mcvpc plan` / `destroy` shows (its words, what it
 * keeps, its call), and the Network view's verdict and tooltip for a link. Through the kinds'
 * own modules and the pure planners; the step texts are what the CLI and the editor print.
 */
import { strict as assert } from 'node:assert';
import { KNOWN_AFTER_APPLY, planConnection, planTeardown, type LiveState, type PlanStep, type TargetLive } from '../../src/core/plan';
import type { LinkSource } from '../../src/core/access';
import type { TargetSpec } from '../../src/core/specModel';
import { targetKind, targetPlanners } from '../../src/targets';
import type { PolarDbLive, PolarDbTargetSpec } from '../../src/targets/polardb';
import * as b from './builders/planBuilders';

const CIDR = b.VSW_CIDR;
const LINK_GROUP = `${b.LINK_GROUP} (${b.LINK_GROUP_NAME})`;
const r = b.lineRange(12);

const polardb = (access: 'whitelist' | 'securityGroup' = 'whitelist'): PolarDbTargetSpec => ({
  kind: 'polardb',
  index: 0,
  label: 'polardb pc-1',
  labelGiven: false,
  range: r,
  clusterId: 'pc-1',
  access: access === 'whitelist' ? { mode: 'whitelist', whitelistGroup: 'maxcompute' } : { mode: 'securityGroup' },
  ranges: { kind: r, label: r, clusterId: r, access: r, whitelistGroup: r },
});
const polardbLive = (whitelist: Array<{ name: string; ips: string[] }>, securityGroupIds: string[] = []): PolarDbLive => ({
  kind: 'polardb',
  whitelist,
  securityGroupIds,
  resource: {
    kind: 'polardb',
    clusterId: 'pc-1',
    regionId: b.REGION,
    description: 'billing',
    engine: 'MySQL',
    engineVersion: '8.0',
    vpcId: b.VPC,
    vSwitchId: b.VSW,
    zoneId: 'cn-hangzhou-h',
    status: 'Running',
  },
});

/** The target's step in a plan, without the planner's bookkeeping fields. */
function shown(step: PlanStep | undefined): Pick<PlanStep, 'action' | 'title' | 'details'> & { call?: string } {
  assert.ok(step, 'the plan has a step for the target');
  return {
    action: step.action,
    title: step.title,
    details: step.details,
    ...(step.call === undefined ? {} : { call: `${step.call.product}.${step.call.action} ${JSON.stringify(step.call.params)}` }),
  };
}

/** The grant step with the link in place (`linked`), or on a first apply, before the link and its group exist. */
function grantStep(target: TargetSpec, live: TargetLive, linked = true): ReturnType<typeof shown> {
  const plan = planConnection(b.spec({ targets: [target] }), linked ? b.linkedLive([live]) : b.live({ targets: [live] }), {
    planners: targetPlanners,
  });
  return shown(plan.steps.find((s) => s.id.startsWith('target.')));
}

function revokeStep(target: TargetSpec, live: TargetLive, state: Partial<LiveState> = {}): ReturnType<typeof shown> {
  const plan = planTeardown(b.spec({ targets: [target] }), { ...b.linkedLive([live]), ...state }, { planners: targetPlanners });
  return shown(plan.steps.find((s) => s.id.startsWith('target.')));
}

describe('whitelist / security-group services: the grant step', () => {
  it('says the group already allows the block, and through which wider entry when that is what covers it', () => {
    assert.deepEqual(grantStep(b.rdsTarget(0), b.rdsLive([{ name: 'maxcompute', ips: ['10.0.0.1', CIDR] }])), {
      action: 'unchanged',
      title: `RDS rm-0: whitelist group maxcompute already allows ${CIDR}`,
      details: [],
    });
    assert.deepEqual(grantStep(b.rdsTarget(0), b.rdsLive([{ name: 'maxcompute', ips: ['192.168.0.0/16'] }])), {
      action: 'unchanged',
      title: `RDS rm-0: whitelist group maxcompute already allows ${CIDR} (through 192.168.0.0/16)`,
      details: [],
    });
  });

  it('creates the group when there is none, and says so', () => {
    const step = grantStep(polardb(), polardbLive([{ name: 'app', ips: ['10.0.0.0/24'] }]));
    assert.equal(step.action, 'create');
    assert.equal(step.title, `PolarDB pc-1: add ${CIDR} to whitelist group maxcompute`);
    assert.equal(step.details[0], 'new whitelist group maxcompute');
  });

  it('adds to an existing group and lists every entry it keeps, or says it keeps none', () => {
    const kept = grantStep(polardb(), polardbLive([{ name: 'maxcompute', ips: ['10.0.0.1', '10.0.0.2'] }]));
    assert.equal(kept.action, 'change');
    assert.equal(kept.title, `PolarDB pc-1: add ${CIDR} to whitelist group maxcompute`);
    assert.equal(kept.details[0], 'entries kept: 10.0.0.1, 10.0.0.2');
    assert.equal(grantStep(polardb(), polardbLive([{ name: 'maxcompute', ips: [] }])).details[0], 'entries kept: (none)');
  });

  it('says the link group is already bound, or binds it keeping the groups already there', () => {
    assert.deepEqual(grantStep(polardb('securityGroup'), polardbLive([], ['sg-a', b.LINK_GROUP])), {
      action: 'unchanged',
      title: `PolarDB pc-1: already in security group ${LINK_GROUP}`,
      details: [],
    });
    assert.deepEqual(grantStep(polardb('securityGroup'), polardbLive([], ['sg-a'])), {
      action: 'change',
      title: `PolarDB pc-1: add security group ${LINK_GROUP}`,
      details: [`security groups: sg-a, ${b.LINK_GROUP}`],
      call: `polardb.ModifyDBClusterAccessWhitelist ${JSON.stringify({ DBClusterId: 'pc-1', WhiteListType: 'SecurityGroup', SecurityGroupIds: `sg-a,${b.LINK_GROUP}` })}`,
    });
  });

  it('before the link group exists, binds the group apply is about to create', () => {
    const step = grantStep(polardb('securityGroup'), polardbLive([], ['sg-a']), false);
    assert.equal(step.action, 'change');
    assert.equal(step.title, `PolarDB pc-1: add security group "${b.LINK_GROUP_NAME}" ${KNOWN_AFTER_APPLY}`);
    assert.deepEqual(step.details, [`security groups: sg-a, ${KNOWN_AFTER_APPLY}`]);
  });
});

describe('whitelist / security-group services: the revoke step', () => {
  it('has nothing to remove from a service that is gone, and says so', () => {
    const gone = { ...b.rdsLive([{ name: 'maxcompute', ips: [CIDR] }]), resource: undefined };
    assert.deepEqual(revokeStep(b.rdsTarget(0), gone), {
      action: 'unchanged',
      title: 'RDS rm-0: not found, nothing to remove',
      details: [],
    });
  });

  it('says the group holds no entry of the link, naming the block, or none when the vSwitch is gone', () => {
    assert.deepEqual(revokeStep(b.rdsTarget(0), b.rdsLive([{ name: 'maxcompute', ips: ['192.168.0.0/16'] }])), {
      action: 'unchanged',
      title: `RDS rm-0: whitelist group maxcompute holds no ${CIDR}`,
      details: [],
    });
    assert.deepEqual(revokeStep(b.rdsTarget(0), b.rdsLive([{ name: 'maxcompute', ips: [CIDR] }]), { vSwitch: undefined }), {
      action: 'unchanged',
      title: 'RDS rm-0: whitelist group maxcompute holds no entry of the link',
      details: [],
    });
  });

  it('with the vSwitch gone, never removes an empty entry the service reports', () => {
    // Without the block there is nothing of the link's to recognise: an empty string is not "the link's entry".
    const step = revokeStep(polardb(), polardbLive([{ name: 'maxcompute', ips: ['', '10.0.0.1'] }]), { vSwitch: undefined });
    assert.equal(step.action, 'unchanged');
    assert.equal(step.call, undefined);
  });

  it("removes the link's entry and lists what it keeps; the last entry leaves the group empty, where the kind says nothing more", () => {
    assert.deepEqual(revokeStep(polardb(), polardbLive([{ name: 'maxcompute', ips: ['10.0.0.1', CIDR, '10.0.0.2'] }])).details, [
      'entries kept: 10.0.0.1, 10.0.0.2',
    ]);
    const last = revokeStep(polardb(), polardbLive([{ name: 'maxcompute', ips: [CIDR] }]));
    assert.equal(last.action, 'remove');
    assert.equal(last.title, `PolarDB pc-1: remove ${CIDR} from whitelist group maxcompute`);
    assert.deepEqual(last.details, ['entries kept: (none)', 'the group is left empty, not deleted']);
  });

  it('says the link group is not bound, or unbinds it keeping the others', () => {
    assert.deepEqual(revokeStep(polardb('securityGroup'), polardbLive([], ['sg-a'])), {
      action: 'unchanged',
      title: "PolarDB pc-1: the link's security group is not bound",
      details: [],
    });
    assert.deepEqual(revokeStep(polardb('securityGroup'), polardbLive([], ['sg-a', b.LINK_GROUP])), {
      action: 'remove',
      title: `PolarDB pc-1: remove security group ${LINK_GROUP}`,
      details: ['security groups kept: sg-a'],
      call: `polardb.ModifyDBClusterAccessWhitelist ${JSON.stringify({ DBClusterId: 'pc-1', WhiteListType: 'SecurityGroup', SecurityGroupIds: 'sg-a' })}`,
    });
  });
});

describe('whitelist / security-group services in the Network view', () => {
  const rds = targetKind('rds').service!;
  const source = (overrides: Partial<LinkSource>): LinkSource => ({ label: 'orders_link', addresses: [], ...overrides });

  it('a link is allowed by the group whose entry covers its block (saying through which), or by its bound group', () => {
    const live = b.rdsLive(
      [
        { name: 'default', ips: ['127.0.0.1'] },
        { name: 'maxcompute', ips: [CIDR] },
      ],
      ['sg-a'],
    );
    assert.deepEqual(rds.linkAccess(live, source({ vSwitchCidr: CIDR })), {
      link: 'orders_link',
      verdict: 'allowed',
      reason: `whitelist group maxcompute allows ${CIDR}`,
    });
    assert.deepEqual(rds.linkAccess(b.rdsLive([{ name: 'wide', ips: ['192.168.0.0/16'] }]), source({ vSwitchCidr: CIDR })), {
      link: 'orders_link',
      verdict: 'allowed',
      reason: `whitelist group wide allows ${CIDR} (through 192.168.0.0/16)`,
    });
    assert.deepEqual(rds.linkAccess(live, source({ securityGroupId: 'sg-a' })), {
      link: 'orders_link',
      verdict: 'allowed',
      reason: "the link's security group sg-a is bound to the instance",
    });
  });

  it('a link whose vSwitch and group are both unknown is unknown, not blocked', () => {
    assert.deepEqual(rds.linkAccess(b.rdsLive([{ name: 'maxcompute', ips: ['0.0.0.0/0'] }], ['sg-a']), source({})), {
      link: 'orders_link',
      verdict: 'unknown',
      reason: "the link's vSwitch and security group are not known yet",
    });
  });

  it("a blocked link is told what is missing: the block's entry, and the group when it has one", () => {
    const live = b.rdsLive([{ name: 'maxcompute', ips: ['10.0.0.0/8'] }], ['sg-a']);
    assert.deepEqual(rds.linkAccess(live, source({ vSwitchCidr: CIDR })), {
      link: 'orders_link',
      verdict: 'blocked',
      reason: `no whitelist group covers ${CIDR}`,
    });
    assert.deepEqual(rds.linkAccess(live, source({ vSwitchCidr: CIDR, securityGroupId: 'sg-link' })), {
      link: 'orders_link',
      verdict: 'blocked',
      reason: `no whitelist group covers ${CIDR} and sg-link is not bound`,
    });
    assert.deepEqual(rds.linkAccess(live, source({ securityGroupId: 'sg-link' })), {
      link: 'orders_link',
      verdict: 'blocked',
      reason: "no whitelist group covers the link vSwitch's block and sg-link is not bound",
    });
  });

  it('the tooltip lists each whitelist group with its entries and the bound groups, or says none', () => {
    assert.deepEqual(
      rds.accessFacts(
        b.rdsLive(
          [
            { name: 'default', ips: ['127.0.0.1', '10.0.0.1'] },
            { name: 'empty', ips: [] },
          ],
          ['sg-a', 'sg-b'],
        ),
      ),
      ['- Whitelist groups: \n  - `default`: `127.0.0.1`, `10.0.0.1`\n  - `empty`: (empty)', '- Security groups: `sg-a`, `sg-b`'],
    );
    assert.deepEqual(rds.accessFacts(b.rdsLive([], [])), ['- Whitelist groups: none', '- Security groups: none']);
  });
});
