import { strict as assert } from 'node:assert';
import { parseCidr, cidrContains, cidrContainsIp, parseIpv4, cidrProblem, isWholeInternet, formatCidr } from '../../src/core/cidr';

describe('CIDR', () => {
  it('parses blocks and bare addresses', () => {
    assert.equal(formatCidr(parseCidr('192.168.1.0/24')!), '192.168.1.0/24');
    assert.equal(formatCidr(parseCidr('10.0.0.7')!), '10.0.0.7/32');
    assert.equal(formatCidr(parseCidr('0.0.0.0/0')!), '0.0.0.0/0');
  });
  it('rejects malformed input', () => {
    for (const bad of ['', '10.0.0/8', '256.1.1.1/8', '10.0.0.0/33', '10.0.0.0/8/1', '10.0.0.0/x', '01.2.3.4']) {
      assert.equal(parseCidr(bad), undefined, bad);
    }
  });
  it('matches addresses and nested blocks at every prefix edge', () => {
    const block = parseCidr('172.16.0.0/12')!;
    assert.equal(cidrContainsIp(block, parseIpv4('172.31.255.255')!), true);
    assert.equal(cidrContainsIp(block, parseIpv4('172.32.0.0')!), false);
    assert.equal(cidrContains(block, parseCidr('172.20.1.0/24')!), true);
    assert.equal(cidrContains(parseCidr('172.20.1.0/24')!, block), false);
    assert.equal(cidrContains(parseCidr('0.0.0.0/0')!, parseCidr('8.8.8.8/32')!), true);
  });
  it('reports host bits and the whole internet', () => {
    assert.match(cidrProblem('192.168.1.5/24') ?? '', /host bits set; the block is 192.168.1.0\/24/);
    assert.equal(cidrProblem('192.168.1.0/24'), undefined);
    assert.equal(isWholeInternet('0.0.0.0/0'), true);
    assert.equal(isWholeInternet('10.0.0.0/8'), false);
  });
});
