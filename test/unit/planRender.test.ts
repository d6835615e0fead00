import { strict as assert } from 'node:assert';
import { targetPlanners } from '../../src/targets';
import { addSummaries, formatSummary, liveStateFingerprint, planConnection, renderPlan, specHash } from '../../src/core/plan';
import { renderPlans } from '../../src/cli/commands/planAll';
import * as b from './builders/planBuilders';

describe('plan rendering', () => {
  it('prints the summary line exactly', () => {
    assert.equal(
      formatSummary({ add: 3, change: 1, remove: 0, unchanged: 2, manual: 1 }),
      'Plan: 3 to add, 1 to change, 2 unchanged, 1 manual.',
    );
    assert.equal(
      formatSummary({ add: 0, change: 0, remove: 2, unchanged: 1, manual: 1 }),
      'Plan: 0 to add, 0 to change, 2 to remove, 1 unchanged, 1 manual.',
    );
    assert.deepEqual(
      addSummaries([
        { add: 1, change: 0, remove: 1, unchanged: 2, manual: 1 },
        { add: 2, change: 1, remove: 0, unchanged: 0, manual: 0 },
      ]),
      { add: 3, change: 1, remove: 1, unchanged: 2, manual: 1 },
    );
  });

  it('shows each step with its symbol, details and call', () => {
    const plan = planConnection(
      b.spec({ targets: [b.rdsTarget(0)] }),
      b.live({ targets: [b.rdsLive([{ name: 'maxcompute', ips: ['10.0.0.1'] }])] }),
      { planners: targetPlanners },
    );
    const text = renderPlan(plan, 'orders.mcvpc.yaml');
    const lines = text.split('\n');
    assert.equal(lines[0], `Network link "orders_link" (${b.REGION}, ${b.VPC})`);
    assert.ok(lines.includes(`  + Create basic security group "${b.LINK_GROUP_NAME}" in ${b.VPC}`), text);
    assert.ok(lines.includes(`  = Account ${b.ACCOUNT} owns ${b.VPC}: same-account rule met`), text);
    assert.ok(
      lines.includes(
        `  + Create network link "orders_link" in ${b.VSW} with "${b.LINK_GROUP_NAME}" (known after apply), and wait until MaxCompute says SUCCESS`,
      ),
      text,
    );
    assert.ok(
      lines.some((l) => l.startsWith('      call: MaxCompute.CreateNetworkLink name=orders_link type=PASSTHROUGH')),
      text,
    );
    assert.ok(
      lines.some((l) => l.startsWith(`  ~ RDS rm-0: add ${b.VSW_CIDR} to whitelist group maxcompute`)),
      text,
    );
    assert.ok(
      lines.includes(
        `      call: Rds.ModifySecurityIps DBInstanceId=rm-0 DBInstanceIPArrayName=maxcompute SecurityIps=${b.VSW_CIDR} ModifyMode=Append`,
      ),
      text,
    );
    assert.ok(
      lines.some((l) => l.startsWith('  # Use the link')),
      text,
    );
    assert.equal(formatSummary(plan.summary), 'Plan: 3 to add, 1 to change, 3 unchanged, 0 manual.');
  });

  it('shows a refused plan with file:line:col (1-based) and no steps', () => {
    const plan = planConnection(b.spec(), b.live({ vpc: { ...b.live().vpc!, ownerId: b.OTHER_ACCOUNT } }), { planners: targetPlanners });
    const text = renderPlan(plan, 'x.mcvpc.yaml');
    assert.match(text, new RegExp(`x\\.mcvpc\\.yaml:${b.LINES.vpc + 1}:3: error: VPC ${b.VPC} belongs to account ${b.OTHER_ACCOUNT}`));
    assert.match(text, /Plan refused: 1 problem must be fixed first; nothing will be changed\./);
    assert.doesNotMatch(text, /^ {2}[+~=!] /m);
  });
});

describe('plan fingerprint', () => {
  it('is stable for the same state, whatever order the API listed things in', () => {
    const state = b.linkedLive([
      b.rdsLive(
        [
          { name: 'a', ips: ['1.1.1.1'] },
          { name: 'b', ips: ['2.2.2.2'] },
        ],
        ['sg-1', 'sg-2'],
      ),
    ]);
    const shuffled = {
      ...state,
      linkNetworkInterfaces: [...state.linkNetworkInterfaces].reverse(),
      managedGroups: [...state.managedGroups].reverse(),
      targets: [
        b.rdsLive(
          [
            { name: 'b', ips: ['2.2.2.2'] },
            { name: 'a', ips: ['1.1.1.1'] },
          ],
          ['sg-2', 'sg-1'],
        ),
      ],
    };
    assert.equal(liveStateFingerprint(shuffled), liveStateFingerprint(state));
    assert.equal(liveStateFingerprint(structuredClone(state)), liveStateFingerprint(state));
    assert.match(liveStateFingerprint(state), /^sha256:[0-9a-f]{32}$/);
  });

  it('ignores the free IP count, which moves whenever any ENI appears', () => {
    const state = b.live();
    assert.equal(
      liveStateFingerprint({ ...state, vSwitch: { ...state.vSwitch!, availableIpAddressCount: 1 } }),
      liveStateFingerprint(state),
    );
  });

  it('changes when anything a plan depends on changes', () => {
    const base = b.linkedLive([b.rdsLive([{ name: 'maxcompute', ips: ['10.0.0.1'] }])]);
    const fp = liveStateFingerprint(base);
    const variants = {
      'a rule added': {
        ...base,
        linkGroup: b.withIngress(b.group(b.LINK_GROUP), [b.returnTrafficRule(), b.returnTrafficRule('10.0.0.0/8')]),
      },
      'a whitelist entry added': { ...base, targets: [b.rdsLive([{ name: 'maxcompute', ips: ['10.0.0.1', '10.0.0.2'] }])] },
      'an ENI gone': { ...base, linkNetworkInterfaces: base.linkNetworkInterfaces.slice(1) },
      'the role removed': { ...base, eniRoleExists: false },
      'another caller': { ...base, callerAccountId: b.OTHER_ACCOUNT },
      'the group missing': { ...base, linkGroup: undefined },
    };
    for (const [what, state] of Object.entries(variants)) assert.notEqual(liveStateFingerprint(state), fp, what);
  });

  it('hashes the spec by meaning, not layout', () => {
    const s = b.spec({ targets: [b.rdsTarget(0)] });
    const moved = { ...s, range: b.lineRange(30), documentIndex: 3, ranges: { ...s.ranges, vpcId: b.lineRange(40) } };
    assert.equal(specHash(moved), specHash(s));
    assert.notEqual(specHash({ ...s, vSwitchId: 'vsw-other' }), specHash(s));
  });
});

describe('plan rendering on a terminal', () => {
  it('shows control and bidi characters of names from the cloud escaped, lines kept', () => {
    const plan = planConnection(
      b.spec({ targets: [b.rdsTarget(0)] }),
      b.live({ targets: [b.rdsLive([{ name: 'maxcompute', ips: ['10.0.0.1'] }])] }),
      { planners: targetPlanners },
    );
    // A title as a hostile name in a shared account would make it: the terminal's title, a cleared screen, reversed text.
    plan.steps[0]!.title = 'Security group sg-1 (x\u001b]0;owned\u0007\u001b[2J\u202e)';
    const text = renderPlans({ file: 'orders.mcvpc.yaml', json: false, autoApprove: false, force: false }, [
      { spec: b.spec({ targets: [b.rdsTarget(0)] }), plan },
    ]);
    // eslint-disable-next-line no-control-regex -- finding controls is the point
    assert.doesNotMatch(text, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    assert.match(text, /Security group sg-1 \(x\\u001B\]0;owned\\u0007\\u001B\[2J\\u202E\)/);
    assert.equal(text.split('\n').length, renderPlan(plan, 'orders.mcvpc.yaml').split('\n').length);
  });
});
