/** ruleKey: the identity drift compares rule sets by. */
import { strict as assert } from 'node:assert';
import type { SecurityGroupRule } from '../../src/core/model';
import { ruleKey } from '../../src/core/ruleKey';

const base: SecurityGroupRule = {
  ruleId: 'sgr-1',
  direction: 'ingress',
  policy: 'accept',
  protocol: 'TCP',
  portRange: '22/22',
  priority: 1,
  peerCidr: '10.0.0.0/8',
  description: 'a',
};

describe('ruleKey', () => {
  it('is the same for the same traffic, whatever the id or description', () => {
    assert.equal(ruleKey({ ...base, ruleId: 'sgr-2', description: 'b' }), ruleKey(base));
  });
  it('differs in every field that changes what the rule admits', () => {
    const variants: SecurityGroupRule[] = [
      { ...base, direction: 'egress' },
      { ...base, policy: 'drop' },
      { ...base, protocol: 'UDP' },
      { ...base, portRange: '23/23' },
      { ...base, priority: 2 },
      { ...base, peerCidr: '10.0.0.0/9' },
      { ...base, peerCidr: undefined, peerGroupId: 'sg-1' },
      { ...base, peerCidr: undefined, peerGroupId: 'sg-2' },
    ];
    const keys = new Set([base, ...variants].map(ruleKey));
    assert.equal(keys.size, variants.length + 1);
  });
});
