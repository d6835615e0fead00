import { strict as assert } from 'node:assert';
import type { SecurityGroupRule } from '../../src/core/model';
import { evaluateFlow, type FlowVerdict, type GroupWithRules } from '../../src/core/flowEvaluation';
import { normalizeProtocol, parsePortRange, protocolProblem } from '../../src/core/ports';
import { describeFlow, describeRule, ruleProblem, sameRule, type Flow } from '../../src/core/rules';
import { advancedGroup, basicGroup, flow, rule, withRules } from './securityGroupBuilders';

interface EvaluationCase {
  name: string;
  groups: GroupWithRules[];
  flow: Flow;
  outcome: FlowVerdict['outcome'];
  /** The deciding rule's id, or the default's reason. */
  decidedBy?: string;
  /** The group of the deciding rule. */
  decidedIn?: string;
  explanation?: RegExp;
}

const sgA = basicGroup('sg-a');
const sgB = basicGroup('sg-b');
const sgAdv = advancedGroup('sg-adv');

/** One basic group sg-a holding the given rules. */
function inA(...rules: SecurityGroupRule[]): GroupWithRules[] {
  return [withRules(sgA, ...rules)];
}

const tcp1000to2000 = rule({ ruleId: 'sgr-range', portRange: '1000/2000' });
const from24 = rule({ ruleId: 'sgr-24', protocol: 'ALL', portRange: '-1/-1', peerCidr: '192.168.1.0/24' });
const from32 = rule({ ruleId: 'sgr-32', protocol: 'ALL', portRange: '-1/-1', peerCidr: '10.0.0.7/32' });
const from0 = rule({ ruleId: 'sgr-0', protocol: 'ALL', portRange: '-1/-1', peerCidr: '0.0.0.0/0' });
const fromPeerGroup = rule({ ruleId: 'sgr-group', peerGroupId: 'sg-peer' });
const stranger = 'basic-inbound-deny';

const cases: EvaluationCase[] = [
  // Each protocol, and ALL against specific protocols.
  {
    name: 'TCP rule accepts a TCP flow',
    groups: inA(rule({ ruleId: 'sgr-tcp' })),
    flow: flow(),
    outcome: 'accept',
    decidedBy: 'sgr-tcp',
    decidedIn: 'sg-a',
  },
  {
    name: 'UDP rule accepts a UDP flow',
    groups: inA(rule({ ruleId: 'sgr-udp', protocol: 'UDP', portRange: '53/53' })),
    flow: flow({ protocol: 'UDP', port: 53 }),
    outcome: 'accept',
    decidedBy: 'sgr-udp',
  },
  {
    name: 'ICMP rule accepts an ICMP flow',
    groups: inA(rule({ ruleId: 'sgr-icmp', protocol: 'ICMP', portRange: '-1/-1' })),
    flow: flow({ protocol: 'ICMP', port: undefined }),
    outcome: 'accept',
    decidedBy: 'sgr-icmp',
  },
  {
    name: 'GRE rule accepts a GRE flow',
    groups: inA(rule({ ruleId: 'sgr-gre', protocol: 'GRE', portRange: '-1/-1' })),
    flow: flow({ protocol: 'GRE', port: undefined }),
    outcome: 'accept',
    decidedBy: 'sgr-gre',
  },
  {
    name: 'TCP rule does not match UDP on the same port',
    groups: inA(rule({ ruleId: 'sgr-tcp' })),
    flow: flow({ protocol: 'UDP' }),
    outcome: 'drop',
    decidedBy: stranger,
  },
  {
    name: 'ICMP rule does not match GRE',
    groups: inA(rule({ protocol: 'ICMP', portRange: '-1/-1' })),
    flow: flow({ protocol: 'GRE', port: undefined }),
    outcome: 'drop',
    decidedBy: stranger,
  },
  { name: 'ALL matches TCP', groups: inA(from24), flow: flow({ port: 22 }), outcome: 'accept', decidedBy: 'sgr-24' },
  { name: 'ALL matches UDP', groups: inA(from24), flow: flow({ protocol: 'UDP', port: 53 }), outcome: 'accept', decidedBy: 'sgr-24' },
  {
    name: 'ALL matches ICMP',
    groups: inA(from24),
    flow: flow({ protocol: 'ICMP', port: undefined }),
    outcome: 'accept',
    decidedBy: 'sgr-24',
  },
  {
    name: 'ALL matches GRE',
    groups: inA(from24),
    flow: flow({ protocol: 'GRE', port: undefined }),
    outcome: 'accept',
    decidedBy: 'sgr-24',
  },
  {
    name: 'a TCP flow of unknown port matches ALL',
    groups: inA(from24),
    flow: flow({ port: undefined }),
    outcome: 'accept',
    decidedBy: 'sgr-24',
  },
  {
    name: 'a TCP flow of unknown port does not match a port range',
    groups: inA(tcp1000to2000),
    flow: flow({ port: undefined }),
    outcome: 'drop',
    decidedBy: stranger,
  },

  // Port edges: inclusive at both ends.
  { name: 'port one below the range start', groups: inA(tcp1000to2000), flow: flow({ port: 999 }), outcome: 'drop', decidedBy: stranger },
  { name: 'port at the range start', groups: inA(tcp1000to2000), flow: flow({ port: 1000 }), outcome: 'accept', decidedBy: 'sgr-range' },
  {
    name: 'port one above the range start',
    groups: inA(tcp1000to2000),
    flow: flow({ port: 1001 }),
    outcome: 'accept',
    decidedBy: 'sgr-range',
  },
  {
    name: 'port one below the range end',
    groups: inA(tcp1000to2000),
    flow: flow({ port: 1999 }),
    outcome: 'accept',
    decidedBy: 'sgr-range',
  },
  { name: 'port at the range end', groups: inA(tcp1000to2000), flow: flow({ port: 2000 }), outcome: 'accept', decidedBy: 'sgr-range' },
  { name: 'port one above the range end', groups: inA(tcp1000to2000), flow: flow({ port: 2001 }), outcome: 'drop', decidedBy: stranger },
  {
    name: 'single port: one below',
    groups: inA(rule({ ruleId: 'sgr-one' })),
    flow: flow({ port: 3305 }),
    outcome: 'drop',
    decidedBy: stranger,
  },
  {
    name: 'single port: one above',
    groups: inA(rule({ ruleId: 'sgr-one' })),
    flow: flow({ port: 3307 }),
    outcome: 'drop',
    decidedBy: stranger,
  },
  {
    name: '1/65535 includes port 1',
    groups: inA(rule({ ruleId: 'sgr-full', portRange: '1/65535' })),
    flow: flow({ port: 1 }),
    outcome: 'accept',
    decidedBy: 'sgr-full',
  },
  {
    name: '1/65535 includes port 65535',
    groups: inA(rule({ ruleId: 'sgr-full', portRange: '1/65535' })),
    flow: flow({ port: 65535 }),
    outcome: 'accept',
    decidedBy: 'sgr-full',
  },

  // CIDR boundaries.
  { name: '/0 matches 0.0.0.0', groups: inA(from0), flow: flow({ peerIp: '0.0.0.0' }), outcome: 'accept', decidedBy: 'sgr-0' },
  {
    name: '/0 matches 255.255.255.255',
    groups: inA(from0),
    flow: flow({ peerIp: '255.255.255.255' }),
    outcome: 'accept',
    decidedBy: 'sgr-0',
  },
  {
    name: '/0 does not match a peer of unknown address',
    groups: inA(from0),
    flow: flow({ peerIp: undefined }),
    outcome: 'drop',
    decidedBy: stranger,
  },
  { name: '/32 matches its address', groups: inA(from32), flow: flow({ peerIp: '10.0.0.7' }), outcome: 'accept', decidedBy: 'sgr-32' },
  {
    name: '/32 does not match the address below',
    groups: inA(from32),
    flow: flow({ peerIp: '10.0.0.6' }),
    outcome: 'drop',
    decidedBy: stranger,
  },
  {
    name: '/32 does not match the address above',
    groups: inA(from32),
    flow: flow({ peerIp: '10.0.0.8' }),
    outcome: 'drop',
    decidedBy: stranger,
  },
  {
    name: '/24 matches its first address',
    groups: inA(from24),
    flow: flow({ peerIp: '192.168.1.0' }),
    outcome: 'accept',
    decidedBy: 'sgr-24',
  },
  {
    name: '/24 matches its last address',
    groups: inA(from24),
    flow: flow({ peerIp: '192.168.1.255' }),
    outcome: 'accept',
    decidedBy: 'sgr-24',
  },
  {
    name: '/24 does not match the address before it',
    groups: inA(from24),
    flow: flow({ peerIp: '192.168.0.255' }),
    outcome: 'drop',
    decidedBy: stranger,
  },
  {
    name: '/24 does not match the address after it',
    groups: inA(from24),
    flow: flow({ peerIp: '192.168.2.0' }),
    outcome: 'drop',
    decidedBy: stranger,
  },

  // Source groups: the peer carries the groups of its NIC.
  {
    name: 'source group matches a peer carrying it among others',
    groups: inA(fromPeerGroup),
    flow: flow({ peerIp: '10.9.9.9', peerGroupIds: ['sg-other', 'sg-peer'] }),
    outcome: 'accept',
    decidedBy: 'sgr-group',
  },
  {
    name: 'source group does not match a peer in another group',
    groups: inA(fromPeerGroup),
    flow: flow({ peerGroupIds: ['sg-other'] }),
    outcome: 'drop',
    decidedBy: stranger,
  },
  {
    name: 'source group does not match a peer known only by address',
    groups: inA(fromPeerGroup),
    flow: flow(),
    outcome: 'drop',
    decidedBy: stranger,
  },

  // Direction.
  {
    name: 'an inbound rule does not match an outbound flow',
    groups: [withRules(sgAdv, rule({ ruleId: 'sgr-in' }))],
    flow: flow({ direction: 'egress' }),
    outcome: 'drop',
    decidedBy: 'advanced-outbound-deny',
  },

  // Priority, then drop before accept.
  {
    name: 'accept at priority 1 beats drop at priority 2',
    groups: inA(rule({ ruleId: 'sgr-acc1' }), rule({ ruleId: 'sgr-drop2', policy: 'drop', priority: 2 })),
    flow: flow(),
    outcome: 'accept',
    decidedBy: 'sgr-acc1',
  },
  {
    name: 'accept at priority 1 beats drop at priority 2 (listed after it)',
    groups: inA(rule({ ruleId: 'sgr-drop2', policy: 'drop', priority: 2 }), rule({ ruleId: 'sgr-acc1' })),
    flow: flow(),
    outcome: 'accept',
    decidedBy: 'sgr-acc1',
  },
  {
    name: 'drop at priority 1 beats accept at priority 2',
    groups: inA(rule({ ruleId: 'sgr-acc2', priority: 2 }), rule({ ruleId: 'sgr-drop1', policy: 'drop' })),
    flow: flow(),
    outcome: 'drop',
    decidedBy: 'sgr-drop1',
  },
  {
    name: 'drop beats accept at equal priority (accept listed first)',
    groups: inA(rule({ ruleId: 'sgr-acc', priority: 5 }), rule({ ruleId: 'sgr-drop', policy: 'drop', priority: 5 })),
    flow: flow(),
    outcome: 'drop',
    decidedBy: 'sgr-drop',
    explanation: /wins over accept rule sgr-acc in sg-a at the same priority; a drop discards packets silently/,
  },
  {
    name: 'drop beats accept at equal priority (drop listed first)',
    groups: inA(rule({ ruleId: 'sgr-drop', policy: 'drop', priority: 5 }), rule({ ruleId: 'sgr-acc', priority: 5 })),
    flow: flow(),
    outcome: 'drop',
    decidedBy: 'sgr-drop',
  },
  {
    name: 'an explicit drop beats same-group access',
    groups: inA(rule({ ruleId: 'sgr-drop', policy: 'drop', peerGroupId: 'sg-a' })),
    flow: flow({ peerGroupIds: ['sg-a'] }),
    outcome: 'drop',
    decidedBy: 'sgr-drop',
  },

  // Defaults.
  {
    name: 'basic inbound: a member of the same group is accepted',
    groups: inA(),
    flow: flow({ peerGroupIds: ['sg-a'] }),
    outcome: 'accept',
    decidedBy: 'basic-same-group-accept',
    explanation:
      /^Accepted: no rule in basic group sg-a matches inbound TCP 3306 from 192\.168\.1\.10 \(member of sg-a\), and basic group sg-a accepts traffic between its own members/,
  },
  { name: 'basic inbound: a stranger is denied', groups: inA(), flow: flow(), outcome: 'drop', decidedBy: stranger },
  {
    name: 'basic inbound: InnerAccessPolicy Drop denies members too',
    groups: [{ group: sgA, rules: [], innerAccessPolicy: 'drop' }],
    flow: flow({ peerGroupIds: ['sg-a'] }),
    outcome: 'drop',
    decidedBy: stranger,
    explanation: /basic group sg-a has InnerAccessPolicy Drop/,
  },
  {
    name: 'basic outbound: allowed by default',
    groups: inA(),
    flow: flow({ direction: 'egress', peerIp: '8.8.8.8', port: 443 }),
    outcome: 'accept',
    decidedBy: 'basic-outbound-allow',
    explanation: /basic groups allow outbound traffic by default$/,
  },
  {
    name: 'basic outbound: an egress drop rule wins',
    groups: inA(
      rule({ ruleId: 'sgr-eg', direction: 'egress', policy: 'drop', protocol: 'ALL', portRange: '-1/-1', peerCidr: '0.0.0.0/0' }),
    ),
    flow: flow({ direction: 'egress' }),
    outcome: 'drop',
    decidedBy: 'sgr-eg',
  },
  {
    name: 'advanced inbound: even a member of the group is denied',
    groups: [withRules(sgAdv)],
    flow: flow({ peerGroupIds: ['sg-adv'] }),
    outcome: 'drop',
    decidedBy: 'advanced-inbound-deny',
    explanation: /advanced groups deny inbound traffic by default$/,
  },
  {
    name: 'advanced outbound: denied by default',
    groups: [withRules(sgAdv)],
    flow: flow({ direction: 'egress' }),
    outcome: 'drop',
    decidedBy: 'advanced-outbound-deny',
    explanation: /advanced groups deny outbound traffic by default$/,
  },
  {
    name: 'advanced outbound: an egress accept rule opens it',
    groups: [withRules(sgAdv, rule({ ruleId: 'sgr-eg', direction: 'egress' }))],
    flow: flow({ direction: 'egress' }),
    outcome: 'accept',
    decidedBy: 'sgr-eg',
    decidedIn: 'sg-adv',
  },

  // Several groups on one NIC are merged.
  {
    name: 'a drop in one group beats an accept in another by priority',
    groups: [
      withRules(sgA, rule({ ruleId: 'sgr-a', priority: 5 })),
      withRules(
        sgB,
        rule({ ruleId: 'sgr-b', policy: 'drop', protocol: 'ALL', portRange: '-1/-1', peerCidr: '192.168.0.0/16', priority: 1 }),
      ),
    ],
    flow: flow(),
    outcome: 'drop',
    decidedBy: 'sgr-b',
    decidedIn: 'sg-b',
  },
  {
    name: 'an accept in the second group applies',
    groups: [withRules(sgA), withRules(sgB, rule({ ruleId: 'sgr-b' }))],
    flow: flow(),
    outcome: 'accept',
    decidedBy: 'sgr-b',
    decidedIn: 'sg-b',
  },
  {
    name: 'same-group access through the second group',
    groups: [withRules(sgA), withRules(sgB)],
    flow: flow({ peerGroupIds: ['sg-b'] }),
    outcome: 'accept',
    decidedBy: 'basic-same-group-accept',
    explanation: /basic groups sg-a, sg-b matches .*basic group sg-b accepts/,
  },

  // Input that cannot be evaluated.
  {
    name: 'basic and advanced groups on one NIC',
    groups: [withRules(sgA), withRules(sgAdv)],
    flow: flow(),
    outcome: 'invalid',
    explanation: /basic and advanced security groups cannot be mixed on one network interface: sg-a \(basic\), sg-adv \(advanced\)/,
  },
  { name: 'a NIC without groups', groups: [], flow: flow(), outcome: 'invalid', explanation: /no security group/ },
  {
    name: 'an advanced group with InnerAccessPolicy Accept',
    groups: [{ group: sgAdv, rules: [], innerAccessPolicy: 'accept' }],
    flow: flow(),
    outcome: 'invalid',
    explanation: /advanced groups are always isolated/,
  },
  {
    name: 'a flow port out of range',
    groups: inA(),
    flow: flow({ port: 65536 }),
    outcome: 'invalid',
    explanation: /flow port 65536 must be from 1 to 65535/,
  },
  {
    name: 'an ICMP flow with a port',
    groups: inA(),
    flow: flow({ protocol: 'ICMP', port: 8 }),
    outcome: 'invalid',
    explanation: /ICMP flow has no port/,
  },
  {
    name: 'a flow peer that is not an address',
    groups: inA(),
    flow: flow({ peerIp: '10.0.0.300' }),
    outcome: 'invalid',
    explanation: /"10\.0\.0\.300" is not an IPv4 address/,
  },
];

function decidedByLabel(verdict: FlowVerdict): { by?: string; in?: string } {
  if (verdict.outcome === 'invalid') return {};
  const d = verdict.decidedBy;
  return d.kind === 'rule' ? { by: d.rule.ruleId, in: d.group.securityGroupId } : { by: d.reason };
}

describe('security-group evaluation', () => {
  for (const c of cases) {
    it(c.name, () => {
      const verdict = evaluateFlow(c.groups, c.flow);
      assert.equal(verdict.outcome, c.outcome, verdict.explanation);
      const label = decidedByLabel(verdict);
      if (c.decidedBy !== undefined) assert.equal(label.by, c.decidedBy, verdict.explanation);
      if (c.decidedIn !== undefined) assert.equal(label.in, c.decidedIn);
      if (c.explanation !== undefined) assert.match(verdict.explanation, c.explanation);
    });
  }

  it('explains a rule decision in one sentence with the rule, group, priority and traffic', () => {
    const verdict = evaluateFlow(inA(rule({ ruleId: 'sgr-1' })), flow());
    assert.equal(verdict.explanation, 'Accepted by rule sgr-1 in sg-a (priority 1, TCP 3306/3306 from 192.168.1.0/24)');
    const unnamed = evaluateFlow(
      inA(rule({ policy: 'drop', protocol: 'ALL', portRange: '-1/-1', peerGroupId: 'sg-peer' })),
      flow({ peerGroupIds: ['sg-peer'] }),
    );
    assert.match(unnamed.explanation, /^Dropped by a rule in sg-a \(priority 1, ALL from sg-peer\); a drop discards packets silently/);
  });

  it('explains a default decision with the flow that found no rule', () => {
    const verdict = evaluateFlow(inA(rule()), flow({ port: 9083, peerIp: '10.1.2.3' }));
    assert.equal(
      verdict.explanation,
      'Dropped: no rule in basic group sg-a allows inbound TCP 9083 from 10.1.2.3; basic groups deny inbound traffic by default except from members of the same group',
    );
  });

  it('sets aside rules it cannot read, saying why, and evaluates the rest', () => {
    const broken = rule({ ruleId: 'sgr-broken', portRange: '3306-3306' });
    const verdict = evaluateFlow(inA(broken, rule({ ruleId: 'sgr-ok', priority: 9 })), flow());
    if (verdict.outcome === 'invalid') assert.fail(verdict.problem);
    assert.equal(verdict.outcome, 'accept');
    assert.equal(decidedByLabel(verdict).by, 'sgr-ok');
    assert.equal(verdict.ignoredRules.length, 1);
    assert.equal(verdict.ignoredRules[0]!.rule.ruleId, 'sgr-broken');
    assert.match(verdict.ignoredRules[0]!.problem, /must be written start\/end/);
  });

  it('describes flows', () => {
    assert.equal(
      describeFlow(flow({ direction: 'egress', peerIp: undefined, peerGroupIds: ['sg-x'] })),
      'outbound TCP 3306 to a member of sg-x',
    );
    assert.equal(describeFlow(flow({ protocol: 'ICMP', port: undefined, peerIp: undefined })), 'inbound ICMP from an unknown peer');
  });
});

describe('port ranges and protocols', () => {
  const valid: Array<[string, Parameters<typeof parsePortRange>[1], { from: number; to: number }]> = [
    ['3306/3306', 'TCP', { from: 3306, to: 3306 }],
    [' 1/65535 ', 'UDP', { from: 1, to: 65535 }],
    ['-1/-1', 'ALL', { from: -1, to: -1 }],
    ['-1/-1', 'ICMP', { from: -1, to: -1 }],
    ['-1/-1', 'GRE', { from: -1, to: -1 }],
    ['-1/-1', undefined, { from: -1, to: -1 }],
    ['80/90', undefined, { from: 80, to: 90 }],
  ];
  for (const [text, protocol, expected] of valid) {
    it(`parses ${JSON.stringify(text)} for ${protocol ?? 'any protocol'}`, () => {
      assert.deepEqual(parsePortRange(text, protocol), expected);
    });
  }

  const invalid: Array<[string, Parameters<typeof parsePortRange>[1], RegExp]> = [
    ['0/80', 'TCP', /has port 0; ports run from 1 to 65535/],
    ['80/65536', 'UDP', /has port 65536/],
    ['90/80', 'TCP', /starts after it ends; write the smaller port first \(80\/90\)/],
    ['80', 'TCP', /must be written start\/end/],
    ['80-90', 'TCP', /must be written start\/end/],
    ['a/b', undefined, /must be written start\/end/],
    ['', undefined, /must be written start\/end/],
    ['-1/80', undefined, /-1 is only valid as -1\/-1/],
    ['-1/-1', 'TCP', /not allowed for TCP; give ports between 1 and 65535/],
    ['-1/-1', 'UDP', /not allowed for UDP/],
    ['80/80', 'ICMP', /not allowed for ICMP, which has no ports; use -1\/-1/],
    ['1/65535', 'ALL', /not allowed for ALL/],
    ['47/47', 'GRE', /not allowed for GRE/],
  ];
  for (const [text, protocol, problem] of invalid) {
    it(`rejects ${JSON.stringify(text)} for ${protocol ?? 'any protocol'}`, () => {
      const parsed = parsePortRange(text, protocol);
      assert.ok('problem' in parsed, `expected a problem, got ${JSON.stringify(parsed)}`);
      assert.match(parsed.problem, problem);
    });
  }

  it('normalizes protocols in any letter case and rejects others', () => {
    assert.equal(normalizeProtocol('tcp'), 'TCP');
    assert.equal(normalizeProtocol(' Udp '), 'UDP');
    assert.equal(normalizeProtocol('all'), 'ALL');
    assert.equal(normalizeProtocol('icmp'), 'ICMP');
    assert.equal(normalizeProtocol('gre'), 'GRE');
    for (const bad of ['icmpv6', '6', 'SCTP', '']) assert.equal(normalizeProtocol(bad), undefined, bad);
    assert.equal(protocolProblem('Tcp'), undefined);
    assert.equal(protocolProblem('sctp'), 'protocol "sctp" is not supported; use one of ALL, TCP, UDP, ICMP, GRE');
  });
});

describe('rule problems', () => {
  it('accepts valid rules', () => {
    assert.equal(ruleProblem(rule()), undefined);
    assert.equal(ruleProblem(rule({ peerGroupId: 'sg-peer', direction: 'egress', policy: 'drop', priority: 100 })), undefined);
    assert.equal(ruleProblem(rule({ protocol: 'ALL', portRange: '-1/-1', peerCidr: '0.0.0.0/0' })), undefined);
  });

  const bad: Array<[string, Partial<SecurityGroupRule>, RegExp]> = [
    ['an unknown protocol', { protocol: 'SCTP' as SecurityGroupRule['protocol'] }, /protocol "SCTP" is not supported/],
    ['a port range not fitting the protocol', { protocol: 'ICMP' }, /"3306\/3306" is not allowed for ICMP/],
    ['a malformed port range', { portRange: '3306' }, /must be written start\/end/],
    ['priority 0', { priority: 0 }, /priority 0 must be a whole number from 1 \(highest\) to 100/],
    ['priority 101', { priority: 101 }, /priority 101 must be/],
    ['a fractional priority', { priority: 1.5 }, /priority 1\.5 must be/],
    [
      'both a CIDR and a group',
      { peerGroupId: 'sg-x', peerCidr: '10.0.0.0/8' },
      /either a source CIDR or a source group, not both \(the API would use 10\.0\.0\.0\/8 and ignore sg-x\)/,
    ],
    ['no peer', { peerCidr: undefined }, /a source CIDR or source security group is required/],
    ['no egress peer', { peerCidr: undefined, direction: 'egress' }, /a destination CIDR or destination security group is required/],
    ['a malformed CIDR', { peerCidr: '10.0.0/8' }, /source "10\.0\.0\/8" is not an IPv4 address or CIDR block/],
    ['host bits set', { peerCidr: '192.168.1.5/24' }, /host bits set; the block is 192\.168\.1\.0\/24/],
    ['an unknown direction', { direction: 'inbound' as SecurityGroupRule['direction'] }, /direction "inbound" must be ingress or egress/],
    ['an unknown policy', { policy: 'allow' as SecurityGroupRule['policy'] }, /policy "allow" must be accept or drop/],
  ];
  for (const [name, overrides, problem] of bad) {
    it(`reports ${name}`, () => {
      assert.match(ruleProblem(rule(overrides)) ?? '(no problem reported)', problem);
    });
  }

  it('reports every problem of a rule at once', () => {
    const problem = ruleProblem(rule({ portRange: '0/0', priority: 0 })) ?? '';
    assert.match(problem, /has port 0.*; priority 0 must be/);
  });
});

describe('rule text', () => {
  it('describes rules briefly', () => {
    assert.equal(describeRule(rule({ peerGroupId: 'sg-bp1' })), 'inbound accept TCP 3306/3306 from sg-bp1 (priority 1)');
    assert.equal(
      describeRule(
        rule({ direction: 'egress', policy: 'drop', protocol: 'ALL', portRange: '-1/-1', peerCidr: '0.0.0.0/0', priority: 100 }),
      ),
      'outbound drop ALL to 0.0.0.0/0 (priority 100)',
    );
    assert.equal(
      describeRule(rule({ protocol: 'ICMP', portRange: '-1/-1', priority: 3 })),
      'inbound accept ICMP from 192.168.1.0/24 (priority 3)',
    );
  });
});

describe('rule identity', () => {
  const base = rule({ ruleId: 'sgr-1', description: 'mysql' });
  const same: Array<[string, SecurityGroupRule]> = [
    ['an identical rule', rule()],
    ['a different priority', rule({ priority: 50 })],
    ['a different id and description', rule({ ruleId: 'sgr-2', description: 'other' })],
    ['API letter case', rule({ protocol: 'tcp' as SecurityGroupRule['protocol'], policy: 'Accept' as SecurityGroupRule['policy'] })],
    ['the same block written with spaces around it', rule({ peerCidr: ' 192.168.1.0/24 ' })],
  ];
  for (const [name, other] of same) {
    it(`treats ${name} as the same rule`, () => assert.equal(sameRule(base, other), true));
  }
  it('treats a bare address and its /32 as the same peer', () => {
    assert.equal(sameRule(rule({ peerCidr: '10.0.0.7' }), rule({ peerCidr: '10.0.0.7/32' })), true);
  });
  it('identifies a rule giving both peers by its CIDR, as the API does', () => {
    assert.equal(sameRule(rule({ peerCidr: '10.0.0.0/8', peerGroupId: 'sg-x' }), rule({ peerCidr: '10.0.0.0/8' })), true);
  });

  const different: Array<[string, SecurityGroupRule]> = [
    ['another port range', rule({ portRange: '3307/3307' })],
    ['another policy', rule({ policy: 'drop' })],
    ['another direction', rule({ direction: 'egress' })],
    ['another protocol', rule({ protocol: 'UDP' })],
    ['another CIDR', rule({ peerCidr: '192.168.0.0/16' })],
    ['a group instead of a CIDR', rule({ peerGroupId: 'sg-x' })],
  ];
  for (const [name, other] of different) {
    it(`tells apart ${name}`, () => assert.equal(sameRule(base, other), false));
  }
  it('tells apart different source groups', () => {
    assert.equal(sameRule(rule({ peerGroupId: 'sg-x' }), rule({ peerGroupId: 'sg-y' })), false);
    assert.equal(sameRule(rule({ peerGroupId: 'sg-x' }), rule({ peerGroupId: 'sg-x', priority: 7 })), true);
  });
});
