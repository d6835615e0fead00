/**
 * The doctor's outbound hop (src/core/doctor/targetHops.ts, egressHop) on typed data: what the
 * link group lets out to a target's ports, the evidence and the fix. Found by mutation testing:
 * the emulator scenarios pass through only a few of its branches.
 */
import { strict as assert } from 'node:assert';
import { blockEnds, egressRule } from '../../src/core/doctor';
import { egressHop } from '../../src/core/doctor/targetHops';
import type { DoctorExtras, TargetReachability } from '../../src/core/doctor';
import type { SecurityGroup, SecurityGroupRule } from '../../src/core/model';
import type { LiveState } from '../../src/core/plan';
import type { TargetSpec } from '../../src/core/specModel';

const VPC_CIDR = '192.168.0.0/16';
const LINK = 'sg-link';

function group(type: SecurityGroup['type'] = 'normal'): SecurityGroup {
  return {
    securityGroupId: LINK,
    regionId: 'cn-hangzhou',
    vpcId: 'vpc-1',
    name: 'maxcompute-link',
    description: '',
    type,
    managedByMaxCompute: false,
  };
}

/** The live state egressHop reads: the link group and the VPC's block. */
function live(linkGroup: SecurityGroup | undefined): LiveState {
  return {
    linkGroup: linkGroup === undefined ? undefined : { group: linkGroup, ingress: [] },
    vpc: { cidrBlock: VPC_CIDR },
  } as unknown as LiveState;
}

function extras(rules: SecurityGroupRule[] | undefined): DoctorExtras {
  return { managedGroups: [], linkGroupInterfaces: [], ...(rules === undefined ? {} : { linkGroupRules: rules }) };
}

function drop(port: string, priority: number, ruleId = 'sgr-drop'): SecurityGroupRule {
  return { ruleId, direction: 'egress', policy: 'drop', protocol: 'TCP', portRange: port, priority, peerCidr: '0.0.0.0/0' };
}

const target = {
  index: 0,
  kind: 'rds',
  label: 'rds',
  labelGiven: false,
  range: { start: { line: 3, column: 0, offset: 40 }, end: { line: 4, column: 0, offset: 60 } },
} as unknown as TargetSpec;
const reach = (ports: number[], addresses: string[] = []): TargetReachability => ({ ports, addresses, hops: [] });

describe("doctor: the link group lets the target's ports out", () => {
  it("is unknown without the link group or its rules, or without the target's ports", () => {
    assert.equal(egressHop(live(undefined), extras([]), target, reach([3306])).verdict, 'unknown');
    assert.match(egressHop(live(group()), extras(undefined), target, reach([3306])).reason, /^The link group is not known/);
    const noPorts = egressHop(live(group()), extras([]), target, reach([]));
    assert.deepEqual([noPorts.verdict, noPorts.reason], ['unknown', 'Which ports the target listens on is not known.']);
  });

  it("a basic group without outbound rules passes, tested against the ends of the VPC's block", () => {
    const hop = egressHop(live(group()), extras([]), target, reach([3306, 33060]));
    assert.equal(hop.verdict, 'pass');
    assert.equal(hop.reason, `${LINK} lets TCP 3306, 33060 out to 192.168.0.1, 192.168.255.254.`);
    assert.deepEqual(
      hop.evidence.map((e) => e.text),
      [`${LINK} has no outbound rule matching TCP 3306, 33060; basic groups allow outbound traffic by default`],
    );
  });

  it("uses the target's own addresses when known", () => {
    assert.match(egressHop(live(group()), extras([]), target, reach([9092], ['192.168.1.20'])).reason, /out to 192\.168\.1\.20\.$/);
  });

  it('a drop rule on the port fails, with the rule as evidence and its removal as the fix', () => {
    // The accept loses to the drop (priority 1 beats 2) and stays: only drops are taken back.
    const rules = [
      drop('3306/3306', 1),
      drop('22/22', 1, 'sgr-ssh'),
      {
        ruleId: 'sgr-late',
        direction: 'egress' as const,
        policy: 'accept' as const,
        protocol: 'TCP' as const,
        portRange: '3306/3306',
        priority: 2,
        peerCidr: VPC_CIDR,
      },
    ];
    const hop = egressHop(live(group()), extras(rules), target, reach([3306]));
    assert.equal(hop.verdict, 'fail');
    assert.equal(hop.reason, `${LINK} does not let TCP 3306 out to the target.`);
    assert.ok(
      hop.evidence.every((e) => e.ids.includes('sgr-drop')),
      JSON.stringify(hop.evidence),
    );
    assert.ok(hop.fix?.kind === 'steps', JSON.stringify(hop.fix));
    assert.equal(hop.fix.summary, `Remove 1 outbound drop rule(s) in ${LINK}`);
    assert.deepEqual(
      hop.fix.steps.map((s) => [s.id, s.action, s.call?.action, s.details.length]),
      [['fix.target.0.egress.revoke', 'remove', 'RevokeSecurityGroupEgress', 1]],
    );
    assert.match(hop.fix.steps[0]!.details[0]!, /drop TCP 3306/i);
  });

  it('an accept of better priority wins over a drop: pass, the accept as evidence', () => {
    const accept: SecurityGroupRule = {
      ruleId: 'sgr-ok',
      direction: 'egress',
      policy: 'accept',
      protocol: 'TCP',
      portRange: '3306/3306',
      priority: 1,
      peerCidr: VPC_CIDR,
    };
    const hop = egressHop(live(group()), extras([drop('1/65535', 2), accept]), target, reach([3306]));
    assert.equal(hop.verdict, 'pass');
    assert.deepEqual(
      hop.evidence.map((e) => e.ids),
      [[LINK, 'sgr-ok']],
    );
  });

  it("an advanced group without rules lets nothing out: the fix adds an accept per blocked port to the VPC's block", () => {
    const hop = egressHop(live(group('enterprise')), extras([]), target, reach([3306, 9092]));
    assert.equal(hop.verdict, 'fail');
    assert.ok(hop.fix?.kind === 'steps', JSON.stringify(hop.fix));
    assert.equal(hop.fix.summary, `Allow TCP 3306, 9092 out to ${VPC_CIDR} in ${LINK}`);
    assert.deepEqual(
      hop.fix.steps.map((s) => [s.id, s.action, s.operation]),
      [
        [
          'fix.target.0.egress.authorize',
          'create',
          { kind: 'authorize-rules', securityGroupId: LINK, rules: [egressRule(3306, VPC_CIDR), egressRule(9092, VPC_CIDR)] },
        ],
      ],
    );
  });
});

describe('doctor: addresses to test rules with', () => {
  it('the first and last host of a block; the address itself for /31 and /32; none for what is not a block', () => {
    assert.deepEqual(blockEnds('10.0.0.0/24'), ['10.0.0.1', '10.0.0.254']);
    assert.deepEqual(blockEnds('10.0.0.8/30'), ['10.0.0.9', '10.0.0.10']);
    assert.deepEqual(blockEnds('10.0.0.8/31'), ['10.0.0.8']);
    assert.deepEqual(blockEnds('10.0.0.9/32'), ['10.0.0.9']);
    assert.deepEqual(blockEnds(undefined), []);
    assert.deepEqual(blockEnds('nonsense'), []);
  });
});
