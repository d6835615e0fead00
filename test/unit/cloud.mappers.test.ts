/** Wire → domain mapping edge cases, the backoff schedule and the concurrency limiter (pure code). */

import { strict as assert } from 'node:assert';
import { toPermissionRequest, toProtocol, toRule, toSecurityGroup } from '../../src/cloud/products/ecs';
import { toRdsInstance } from '../../src/cloud/products/rds';
import { ConcurrencyLimiter } from '../../src/cloud/limiter';
import { backoffDelayMs, nextRetryDelayMs, retryPolicy } from '../../src/cloud/retry';

describe('cloud mappers', () => {
  it('toRule normalises protocol and policy case, priority strings and the peer', () => {
    assert.deepEqual(
      toRule({
        Direction: 'ingress',
        IpProtocol: 'tcp',
        PortRange: '3306/3306',
        Policy: 'Accept',
        Priority: '7',
        SourceCidrIp: '10.0.0.0/8',
        SecurityGroupRuleId: 'sgr-1',
      }),
      {
        ruleId: 'sgr-1',
        direction: 'ingress',
        policy: 'accept',
        protocol: 'TCP',
        portRange: '3306/3306',
        priority: 7,
        peerCidr: '10.0.0.0/8',
      },
    );
    const egress = toRule({
      Direction: 'egress',
      IpProtocol: 'ALL',
      PortRange: '1/65535',
      Policy: 'Drop',
      Priority: 100,
      DestGroupId: 'sg-peer',
      SourceCidrIp: '1.2.3.4/32',
    });
    assert.deepEqual(
      [egress.policy, egress.protocol, egress.portRange, egress.priority, egress.peerGroupId, egress.peerCidr],
      ['drop', 'ALL', '-1/-1', 100, 'sg-peer', undefined],
    );
  });

  it('toRule prefers a CIDR over a group when both are given, as the API does', () => {
    const rule = toRule({
      Direction: 'ingress',
      IpProtocol: 'UDP',
      PortRange: '53/53',
      SourceCidrIp: '192.168.0.0/16',
      SourceGroupId: 'sg-x',
    });
    assert.deepEqual([rule.peerCidr, rule.peerGroupId, rule.priority, rule.policy], ['192.168.0.0/16', undefined, 1, 'accept']);
  });

  it('toProtocol accepts IANA numbers and rejects what the model cannot express', () => {
    assert.deepEqual(['6', '17', '1', '47', '-1', 'icmp'].map(toProtocol), ['TCP', 'UDP', 'ICMP', 'GRE', 'ALL', 'ICMP']);
    assert.throws(() => toProtocol('ICMPv6'), /Unsupported security group rule protocol "ICMPv6"/);
  });

  it('toPermissionRequest is the inverse of toRule for both directions', () => {
    for (const wire of [
      {
        Direction: 'ingress',
        IpProtocol: 'TCP',
        PortRange: '2181/2181',
        Policy: 'accept',
        Priority: '3',
        SourceGroupId: 'sg-a',
        Description: 'zk',
      },
      { Direction: 'egress', IpProtocol: 'TCP', PortRange: '443/443', Policy: 'drop', Priority: '9', DestCidrIp: '0.0.0.0/0' },
      { Direction: 'ingress', IpProtocol: 'TCP', PortRange: '22/22', Policy: 'accept', Priority: '1', Ipv6SourceCidrIp: '2001:db8::/32' },
    ]) {
      const { Direction, ...request } = wire;
      assert.deepEqual(toPermissionRequest(toRule(wire)), request, Direction);
    }
  });

  it('toSecurityGroup flags only the MaxCompute groups of the group’s own VPC', () => {
    const base = { SecurityGroupId: 'sg-1', SecurityGroupType: 'normal', VpcId: 'vpc-a' };
    assert.equal(toSecurityGroup({ ...base, SecurityGroupName: 'MaxCompute-vpc-vpc-a' }, 'r').managedByMaxCompute, true);
    assert.equal(toSecurityGroup({ ...base, SecurityGroupName: 'MaxCompute-backup-vpc-vpc-a' }, 'r').managedByMaxCompute, true);
    assert.equal(toSecurityGroup({ ...base, SecurityGroupName: 'MaxCompute-vpc-vpc-b' }, 'r').managedByMaxCompute, false);
    assert.equal(toSecurityGroup({ ...base, SecurityGroupName: 'app', SecurityGroupType: 'enterprise' }, 'r').type, 'enterprise');
  });

  it('toRdsInstance falls back to the engine’s default port', () => {
    assert.equal(toRdsInstance({ DBInstanceId: 'rm-1', Engine: 'PostgreSQL' }, 'r').port, 5432);
    assert.equal(toRdsInstance({ DBInstanceId: 'rm-1', Engine: 'MySQL', Port: '3307' }, 'r').port, 3307);
  });
});

describe('cloud retry backoff', () => {
  it('is full jitter under an exponential ceiling, capped', () => {
    const policy = retryPolicy({ baseDelayMs: 100, maxDelayMs: 1000 });
    const almostOne = (): number => 0.999999;
    assert.deepEqual(
      [1, 2, 3, 4, 5, 6].map((n) => backoffDelayMs(policy, n, almostOne)),
      [99, 199, 399, 799, 999, 999],
    );
    assert.deepEqual(
      [1, 4].map((n) => backoffDelayMs(policy, n, () => 0)),
      [0, 0],
    );
  });

  it('by default waits past a one-second throttling window and keeps trying for about 20 s', () => {
    const policy = retryPolicy(undefined);
    const ceilings = Array.from({ length: policy.maxAttempts - 1 }, (_, i) => backoffDelayMs(policy, i + 1, () => 0.999999) + 1);
    assert.ok(
      ceilings.some((c) => c > 1000),
      `some wait may exceed 1 s: ${ceilings.join(', ')}`,
    );
    assert.ok(ceilings.reduce((a, b) => a + b, 0) / 2 >= 10_000, 'the expected total wait is at least 10 s');
    assert.equal(policy.budgetMs, 20_000);
  });

  it('gives up when attempts are used up or the next wait would end past the budget', () => {
    const policy = retryPolicy({ maxAttempts: 5, baseDelayMs: 1000, maxDelayMs: 8000, budgetMs: 5000 });
    const half = (): number => 0.5;
    assert.equal(nextRetryDelayMs(policy, 1, 0, half), 500);
    assert.equal(nextRetryDelayMs(policy, 3, 2000, half), 2000);
    assert.equal(nextRetryDelayMs(policy, 3, 3500, half), undefined, '3.5 s + 2 s is past 5 s');
    assert.equal(nextRetryDelayMs(policy, 5, 0, half), undefined, 'the fifth attempt was the last');
    assert.throws(() => retryPolicy({ budgetMs: -1 }), /budgetMs must be a non-negative number/);
  });

  it('rejects nonsensical policies with the numbers named', () => {
    assert.throws(() => retryPolicy({ maxAttempts: 0 }), /maxAttempts must be a whole number ≥ 1, got 0/);
    assert.throws(() => retryPolicy({ baseDelayMs: 500, maxDelayMs: 100 }), /baseDelayMs \(500\) ≤ maxDelayMs \(100\)/);
  });
});

describe('cloud concurrency limiter', () => {
  it('queues beyond the limit in order and lets an aborted waiter leave the queue', async () => {
    const limiter = new ConcurrencyLimiter(1);
    const onAbort = (): Error => new Error('aborted');
    const first = await limiter.acquire(undefined, onAbort);
    const order: string[] = [];
    const controller = new AbortController();
    const aborted = limiter.acquire(controller.signal, onAbort).then(
      () => order.push('aborted-got-slot'),
      () => order.push('aborted-rejected'),
    );
    const second = limiter.acquire(undefined, onAbort).then((release) => {
      order.push('second');
      release();
    });
    controller.abort();
    await aborted;
    assert.equal(limiter.inFlight, 1);
    first();
    await second;
    assert.deepEqual(order, ['aborted-rejected', 'second']);
    assert.equal(limiter.inFlight, 0);
  });
});
