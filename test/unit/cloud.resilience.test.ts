/**
 * Retries, timeouts, cancellation, idempotent retries and the concurrency cap, each provoked
 * by the emulator's deterministic faults and counted from its request log.
 */

import { strict as assert } from 'node:assert';
import { CloudError, isCancellation, type Cloud, type RetryNotice } from '../../src/cloud';
import { DEFAULT_RETRY_POLICY } from '../../src/cloud/retry';
import type { Emulator } from '../../src/emulator';
import { cloudFor, DEFAULT_SEED, emulator, recordingLogger, rejection, requestsFor } from './cloud.harness';

const main = DEFAULT_SEED.main;

describe('cloud resilience against emulator faults', () => {
  let emu: Emulator;
  let cloud: Cloud;
  const log = recordingLogger();

  before(async () => {
    emu = await emulator({ seed: 'default' });
    cloud = await cloudFor(emu, { timeoutMs: 1500, logger: log, retry: { maxAttempts: 4, baseDelayMs: 5, maxDelayMs: 20 } });
  });
  after(async () => {
    await emu.close();
  });
  beforeEach(() => {
    emu.setFaults({});
    emu.clearRequests();
    log.lines.length = 0;
  });

  const retried: Array<{ title: string; fault: Parameters<Emulator['setFaults']>[0]['failNext'] }> = [
    { title: 'Throttling.User', fault: [{ action: 'DescribeVpcs', code: 'Throttling.User', times: 2 }] },
    { title: 'ServiceUnavailable', fault: [{ action: 'DescribeVpcs', code: 'ServiceUnavailable', times: 2 }] },
    { title: 'a 500 InternalError', fault: [{ action: 'DescribeVpcs', code: 'InternalError', times: 2 }] },
    { title: 'a dropped connection', fault: [{ action: 'DescribeVpcs', kind: 'drop', times: 2 }] },
    { title: 'a hung request (timeout)', fault: [{ action: 'DescribeVpcs', kind: 'hang', ms: 5000, times: 1 }] },
  ];
  for (const { title, fault } of retried) {
    it(`retries ${title} and then succeeds`, async () => {
      emu.setFaults({ failNext: fault });
      const r = await cloud.vpc.describeVpcs({ VpcId: main.vpcId });
      assert.equal(r.Vpcs.Vpc[0]?.VpcId, main.vpcId);
      const expectedAttempts = (fault?.[0]?.times ?? 1) + 1;
      const seen = requestsFor(emu, 'DescribeVpcs');
      // A hung request is only logged once the emulator gives up on it; count the client's attempts instead.
      const attempts = log.lines.filter((l) => l.fields.action === 'DescribeVpcs').map((l) => l.fields.attempt);
      assert.deepEqual(
        attempts,
        Array.from({ length: expectedAttempts }, (_, i) => i + 1),
      );
      assert.ok(seen.length >= expectedAttempts - (title.includes('hung') ? 1 : 0), `the emulator saw ${seen.length} requests`);
      assert.equal(log.lines.filter((l) => l.level === 'warn').length, expectedAttempts - 1, 'each retry is logged as a warning');
    });
  }

  it('gives up after maxAttempts and reports the last error with the attempt count', async () => {
    emu.setFaults({ failNext: [{ action: 'DescribeVpcs', code: 'ServiceUnavailable', times: 10 }] });
    const err = await rejection(cloud.vpc.describeVpcs({}));
    assert.ok(err instanceof CloudError);
    assert.equal(err.code, 'ServiceUnavailable');
    assert.equal(err.status, 503);
    assert.equal(err.retryable, true);
    assert.equal(err.attempts, 4);
    assert.equal(requestsFor(emu, 'DescribeVpcs').length, 4);
  });

  it('reports repeated dropped connections as a network CloudError (ECONNRESET)', async () => {
    emu.setFaults({ failNext: [{ action: 'DescribeVpcs', kind: 'drop', times: 10 }] });
    const err = await rejection(cloud.vpc.describeVpcs({}));
    assert.ok(err instanceof CloudError);
    assert.deepEqual([err.kind, err.code, err.retryable, err.attempts, err.status], ['network', 'ECONNRESET', true, 4, undefined]);
    assert.equal(requestsFor(emu, 'DescribeVpcs').length, 4);
  });

  it('does not retry a 4xx that is not throttling', async () => {
    emu.setFaults({ failNext: [{ action: 'DescribeVpcs', code: 'InvalidParameter', times: 3 }] });
    const err = await rejection(cloud.vpc.describeVpcs({}));
    assert.ok(err instanceof CloudError);
    assert.equal(err.code, 'InvalidParameter');
    assert.equal(err.status, 400);
    assert.equal(err.retryable, false);
    assert.equal(err.attempts, 1);
    assert.equal(requestsFor(emu, 'DescribeVpcs').length, 1);
  });

  it('times out a hung call as RequestTimeout when retries are exhausted', async () => {
    const impatient = await cloudFor(emu, { timeoutMs: 300, retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 } });
    emu.setFaults({ failNext: [{ action: 'DescribeVpcs', kind: 'hang', ms: 3000, times: 2 }] });
    const started = Date.now();
    const err = await rejection(impatient.vpc.describeVpcs({}));
    const elapsed = Date.now() - started;
    assert.ok(err instanceof CloudError);
    assert.equal(err.kind, 'timeout');
    assert.equal(err.code, 'RequestTimeout');
    assert.equal(err.attempts, 2);
    assert.ok(elapsed >= 550 && elapsed < 2900, `two 300 ms attempts took ${elapsed} ms (the hangs last 3 s)`);
  });

  it('cancels a call in flight promptly through its AbortSignal, without retrying', async () => {
    emu.setFaults({ failNext: [{ action: 'DescribeVpcs', kind: 'hang', ms: 3000, times: 1 }] });
    const controller = new AbortController();
    const started = Date.now();
    const pending = cloud.vpc.describeVpcs({}, { signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    const err = await rejection(pending);
    assert.ok(isCancellation(err), `expected a cancellation, got ${String(err)}`);
    assert.equal((err as CloudError).retryable, false);
    assert.ok(Date.now() - started < 1000, 'the rejection is prompt (the hang lasts 3 s)');
    assert.equal(log.lines.filter((l) => l.level === 'warn').length, 0, 'no retry after cancellation');
    assert.ok(log.lines.some((l) => l.message === 'api call cancelled' && l.fields.code === 'Cancelled'));
  });

  it('with the default policy, outlasts throttling at 5 requests/s for 15 calls at once, announcing each retry', async () => {
    const notices: RetryNotice[] = [];
    const patient = await cloudFor(emu, { retry: DEFAULT_RETRY_POLICY, onRetry: (n) => notices.push(n) });
    emu.setFaults({ throttleAbovePerSecond: 5 });
    const started = Date.now();
    const answers = await Promise.all(Array.from({ length: 15 }, () => patient.vpc.describeVpcs({ VpcId: main.vpcId })));
    assert.equal(answers.length, 15);
    const throttled = requestsFor(emu, 'DescribeVpcs').filter((r) => r.code === 'Throttling.User').length;
    assert.ok(throttled > 0, 'the emulator did throttle');
    assert.equal(notices.length, throttled, 'every throttled attempt was retried and announced');
    assert.ok(notices.every((n) => n.action === 'DescribeVpcs' && n.code === 'Throttling.User' && n.delayMs >= 0));
    assert.ok(Date.now() - started < 20_000);
  });

  it('stops retrying once the time budget is spent', async () => {
    const brief = await cloudFor(emu, { retry: { maxAttempts: 50, baseDelayMs: 100, maxDelayMs: 100, budgetMs: 400 } });
    emu.setFaults({ failNext: [{ action: 'DescribeVpcs', code: 'ServiceUnavailable', times: 50 }] });
    const started = Date.now();
    const err = await rejection(brief.vpc.describeVpcs({}));
    assert.ok(err instanceof CloudError && err.code === 'ServiceUnavailable');
    assert.ok(Date.now() - started < 1500, `gave up after ${Date.now() - started} ms`);
    assert.ok((err.attempts ?? 0) < 50 && (err.attempts ?? 0) >= 2, `attempts: ${err.attempts}`);
  });

  it('sends a ClientToken only where the API documents one', async () => {
    await cloud.rds.modifySecurityIps({
      DBInstanceId: main.rdsInstanceId,
      DBInstanceIPArrayName: 'mcvpc_token',
      SecurityIps: '192.168.9.0/24',
      ModifyMode: 'Append',
    });
    await cloud.hbase.modifyIpWhitelist({
      ClusterId: main.hbaseClusterId,
      GroupName: 'mcvpc_token',
      IpVersion: '4',
      IpList: '192.168.9.0/24',
    });
    for (const action of ['ModifySecurityIps', 'ModifyIpWhitelist']) {
      assert.deepEqual(
        requestsFor(emu, action).map((r) => r.params.ClientToken),
        [undefined],
        `${action} takes no ClientToken`,
      );
    }
    await cloud.ecs.createSecurityGroup({ VpcId: main.vpcId, SecurityGroupName: 'mcvpc-token-doc' });
    assert.match(String(requestsFor(emu, 'CreateSecurityGroup')[0]?.params.ClientToken), /^[0-9a-f-]{36}$/);
  });

  it('rejects at once when the signal is already aborted, sending nothing', async () => {
    const controller = new AbortController();
    controller.abort();
    const err = await rejection(cloud.vpc.describeVpcs({}, { signal: controller.signal }));
    assert.ok(isCancellation(err));
    assert.equal(requestsFor(emu, 'DescribeVpcs').length, 0);
  });

  it('cancels during the backoff between attempts', async () => {
    const patient = await cloudFor(emu, { retry: { maxAttempts: 5, baseDelayMs: 2000, maxDelayMs: 2000 } });
    emu.setFaults({ failNext: [{ action: 'DescribeVpcs', code: 'Throttling.User', times: 5 }] });
    const controller = new AbortController();
    const pending = patient.vpc.describeVpcs({}, { signal: controller.signal });
    // Wait until the first (throttled) attempt has been answered, then cancel during the backoff.
    const deadline = Date.now() + 2000;
    while (requestsFor(emu, 'DescribeVpcs').length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    const started = Date.now();
    controller.abort();
    const err = await rejection(pending);
    assert.ok(isCancellation(err));
    assert.ok(Date.now() - started < 1000, 'well before the 2 s backoff ends');
    assert.equal(requestsFor(emu, 'DescribeVpcs').length, 1);
  });

  it('a CreateSecurityGroup retried after drop-after-commit creates one group (same ClientToken)', async () => {
    emu.setFaults({ failNext: [{ action: 'CreateSecurityGroup', kind: 'drop-after-commit', times: 1 }] });
    const name = 'mcvpc-idempotent-create';
    const created = await cloud.ecs.createSecurityGroup({ VpcId: main.vpcId, SecurityGroupName: name });
    const attempts = requestsFor(emu, 'CreateSecurityGroup');
    assert.equal(attempts.length, 2, 'the dropped answer was retried');
    assert.equal(attempts[0].params.ClientToken, attempts[1].params.ClientToken, 'the retry reuses the ClientToken');
    const groups = await cloud.ecs.describeSecurityGroups({ VpcId: main.vpcId, SecurityGroupName: name, MaxResults: 100 });
    assert.deepEqual(
      groups.SecurityGroups.SecurityGroup.map((g) => g.SecurityGroupId),
      [created.SecurityGroupId],
    );
  });

  it('gives every logical mutating call its own ClientToken', async () => {
    await cloud.ecs.createSecurityGroup({ VpcId: main.vpcId, SecurityGroupName: 'mcvpc-token-a' });
    await cloud.ecs.createSecurityGroup({ VpcId: main.vpcId, SecurityGroupName: 'mcvpc-token-b' });
    const tokens = requestsFor(emu, 'CreateSecurityGroup').map((r) => r.params.ClientToken);
    assert.equal(new Set(tokens).size, 2);
  });

  it('keeps at most maxConcurrency requests in flight across the session', async () => {
    const capped = await cloudFor(emu, { maxConcurrency: 3 });
    emu.setFaults({ latencyMs: 60 });
    const started = Date.now();
    await Promise.all(Array.from({ length: 9 }, () => capped.vpc.describeVpcs({})));
    const elapsed = Date.now() - started;
    // 9 calls, 3 at a time, 60 ms each: three waves, so at least ~180 ms; unbounded would be ~60 ms.
    assert.ok(elapsed >= 170, `9 calls at cap 3 took only ${elapsed} ms`);
    assert.ok(elapsed < 3000, `9 calls at cap 3 took ${elapsed} ms`);
  });
});
