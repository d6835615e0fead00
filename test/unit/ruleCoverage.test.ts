import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { SecurityGroupRule } from '../../src/core/model';
import { decidingRule } from '../../src/core/flowEvaluation';
import { ruleCovers } from '../../src/core/ruleCoverage';
import { normalizePolicy } from '../../src/core/rules';
import { basicGroup, flow, rule } from './securityGroupBuilders';

const allFrom = (peerCidr: string, overrides: Partial<SecurityGroupRule> = {}): SecurityGroupRule =>
  rule({ protocol: 'ALL', portRange: '-1/-1', peerCidr, ...overrides });

describe('rule coverage', () => {
  const wanted = rule(); // inbound accept TCP 3306/3306 from 192.168.1.0/24

  const cases: Array<[string, SecurityGroupRule[], SecurityGroupRule, boolean]> = [
    ['nothing exists', [], wanted, false],
    ['the same rule exists', [rule()], wanted, true],
    ['the same rule exists at another priority', [rule({ priority: 40 })], wanted, true],
    ['an ALL accept from a broader CIDR', [allFrom('192.168.0.0/16')], wanted, true],
    ['a TCP range accept that includes the port', [rule({ portRange: '3000/4000' })], wanted, true],
    ['an accept from a narrower CIDR only', [allFrom('192.168.1.0/25')], wanted, false],
    ['accepts from two halves of the CIDR', [allFrom('192.168.1.0/25'), allFrom('192.168.1.128/25')], wanted, true],
    ['an accept for another port only', [rule({ portRange: '3307/3307' })], wanted, false],
    ['an accept for UDP only', [rule({ protocol: 'UDP' })], wanted, false],
    ['an accept in the other direction', [rule({ direction: 'egress' })], wanted, false],
    [
      'a broader accept shadowed by a drop at the same priority',
      [allFrom('0.0.0.0/0'), rule({ policy: 'drop', peerCidr: '192.168.1.128/25' })],
      wanted,
      false,
    ],
    [
      'a broader accept shadowed by a drop at a better priority',
      [allFrom('0.0.0.0/0', { priority: 5 }), allFrom('192.168.1.7/32', { policy: 'drop', priority: 4 })],
      wanted,
      false,
    ],
    [
      'a broader accept ahead of a drop at a worse priority',
      [allFrom('0.0.0.0/0', { priority: 5 }), allFrom('192.168.1.0/24', { policy: 'drop', priority: 6 })],
      wanted,
      true,
    ],
    [
      'a drop on another port that does not overlap',
      [allFrom('0.0.0.0/0', { priority: 5 }), rule({ policy: 'drop', portRange: '22/22', peerCidr: '0.0.0.0/0' })],
      wanted,
      true,
    ],
    [
      'a drop for peers carrying some group',
      [allFrom('0.0.0.0/0', { priority: 5 }), rule({ policy: 'drop', peerGroupId: 'sg-bad' })],
      wanted,
      false,
    ],
    ['an invalid existing rule is ignored', [rule({ portRange: 'all' })], wanted, false],
  ];
  for (const [name, existing, want, expected] of cases) {
    it(`${expected ? 'covered' : 'not covered'} when ${name}`, () => assert.equal(ruleCovers(existing, want), expected));
  }

  it('covers port ranges only without gaps', () => {
    const wantedRange = rule({ portRange: '1000/2000' });
    assert.equal(ruleCovers([rule({ portRange: '1000/1500' }), rule({ portRange: '1501/2000' })], wantedRange), true);
    assert.equal(ruleCovers([rule({ portRange: '1000/1500' }), rule({ portRange: '1502/2000' })], wantedRange), false);
    assert.equal(ruleCovers([rule({ portRange: '1001/2000' })], wantedRange), false);
    assert.equal(ruleCovers([rule({ portRange: '1000/1999' })], wantedRange), false);
  });

  it('covers a source group only by that group or by everyone', () => {
    const fromGroup = rule({ peerGroupId: 'sg-peer' });
    assert.equal(ruleCovers([rule({ peerGroupId: 'sg-peer', priority: 9 })], fromGroup), true);
    assert.equal(ruleCovers([rule({ peerGroupId: 'sg-other' })], fromGroup), false);
    assert.equal(ruleCovers([allFrom('10.0.0.0/8')], fromGroup), false);
    assert.equal(ruleCovers([allFrom('0.0.0.0/0')], fromGroup), true);
    assert.equal(ruleCovers([allFrom('0.0.0.0/0', { priority: 2 }), allFrom('10.0.0.0/8', { policy: 'drop' })], fromGroup), false);
    assert.equal(ruleCovers([fromGroup, rule({ policy: 'drop', peerGroupId: 'sg-other' })], fromGroup), false);
  });

  it('covers a wanted ALL only with ALL, since ALL also spans protocols flows cannot name', () => {
    const wantedAll = allFrom('10.0.0.0/8');
    const eachProtocol = [
      rule({ protocol: 'TCP', portRange: '1/65535', peerCidr: '10.0.0.0/8' }),
      rule({ protocol: 'UDP', portRange: '1/65535', peerCidr: '10.0.0.0/8' }),
      rule({ protocol: 'ICMP', portRange: '-1/-1', peerCidr: '10.0.0.0/8' }),
      rule({ protocol: 'GRE', portRange: '-1/-1', peerCidr: '10.0.0.0/8' }),
    ];
    assert.equal(ruleCovers(eachProtocol, wantedAll), false);
    assert.equal(ruleCovers([allFrom('0.0.0.0/0')], wantedAll), true);
    assert.equal(
      ruleCovers([allFrom('0.0.0.0/0'), rule({ policy: 'drop', protocol: 'UDP', portRange: '53/53', peerCidr: '10.1.0.0/16' })], wantedAll),
      false,
    );
  });

  it('checks a wanted drop the same way', () => {
    const wantedDrop = rule({ policy: 'drop' });
    assert.equal(ruleCovers([allFrom('0.0.0.0/0', { policy: 'drop' })], wantedDrop), true);
    assert.equal(ruleCovers([allFrom('0.0.0.0/0')], wantedDrop), false);
  });

  it('refuses an invalid wanted rule, saying what is wrong', () => {
    assert.throws(() => ruleCovers([], rule({ portRange: '0/1' })), /wanted security-group rule is invalid: port range "0\/1" has port 0/);
  });

  // Against a brute-force oracle on a small world: peers in 10.0.0.0/28 that may carry sg-x or sg-y, ports 1–12.
  it('agrees with trying every flow of a small world', () => {
    const ports = fc
      .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 }))
      .map(([a, b]) => `${Math.min(a, b)}/${Math.max(a, b)}`);
    const cidr = fc.oneof(
      fc.constant('0.0.0.0/0'),
      fc.tuple(fc.integer({ min: 0, max: 15 }), fc.integer({ min: 28, max: 32 })).map(([host, prefix]) => {
        const size = 2 ** (32 - prefix);
        return `10.0.0.${Math.floor(host / size) * size}/${prefix}`;
      }),
    );
    const peer = fc.oneof(
      cidr.map((peerCidr) => ({ peerCidr })),
      fc.constantFrom('sg-x', 'sg-y').map((peerGroupId) => ({ peerGroupId })),
    );
    const existingRule = fc
      .record({
        protocol: fc.constantFrom('TCP', 'UDP', 'ALL') as fc.Arbitrary<SecurityGroupRule['protocol']>,
        ports,
        policy: fc.constantFrom('accept', 'drop') as fc.Arbitrary<SecurityGroupRule['policy']>,
        priority: fc.integer({ min: 1, max: 3 }),
        peer,
      })
      .map(
        ({ protocol, ports: portRange, policy, priority, peer: p }) =>
          ({
            direction: 'ingress',
            protocol,
            portRange: protocol === 'ALL' ? '-1/-1' : portRange,
            policy,
            priority,
            ...p,
          }) as SecurityGroupRule,
      );
    const wantedRule = fc
      .record({
        protocol: fc.constantFrom('TCP', 'UDP') as fc.Arbitrary<SecurityGroupRule['protocol']>,
        ports,
        peerCidr: cidr.filter((c) => c !== '0.0.0.0/0'),
      })
      .map(({ protocol, ports: portRange, peerCidr }) => rule({ protocol, portRange, peerCidr, priority: 1 }));

    fc.assert(
      fc.property(fc.array(existingRule, { maxLength: 6 }), wantedRule, (existing, want) => {
        const candidates = existing.map((r) => ({ rule: r, group: basicGroup() }));
        const [low, high] = want.portRange.split('/').map(Number) as [number, number];
        const [network, prefix] = want.peerCidr!.split('/') as [string, string];
        const first = Number(network.split('.')[3]);
        let everyFlowAccepted = true;
        for (let host = first; host < first + 2 ** (32 - Number(prefix)); host++) {
          for (let port = low; port <= high; port++) {
            for (const peerGroupIds of [[], ['sg-x'], ['sg-y'], ['sg-x', 'sg-y']]) {
              const f = flow({ protocol: want.protocol as 'TCP' | 'UDP', port, peerIp: `10.0.0.${host}`, peerGroupIds });
              const winner = decidingRule(candidates, f);
              if (winner === undefined || normalizePolicy(winner.rule.policy) !== 'accept') everyFlowAccepted = false;
            }
          }
        }
        assert.equal(ruleCovers(existing, want), everyFlowAccepted);
      }),
      { numRuns: 300 },
    );
  });
});
