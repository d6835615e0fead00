import { strict as assert } from 'node:assert';
import { DEFAULT_SEED, startEmulator, type Emulator } from '../../src/emulator';
import { FaultEngine } from '../../src/emulator/faults';
import { clientFor, control, ECS, failure, RDS, VPC, type ApiClient, type WireBody } from './emulator.support';

const m = DEFAULT_SEED.main;
const R = 'cn-hangzhou';

/** Polls `check` until it returns true or the deadline passes (no fixed sleeps). */
async function eventually(check: () => Promise<boolean>, deadlineMs: number): Promise<void> {
  const end = Date.now() + deadlineMs;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`condition not met within ${deadlineMs} ms`);
}

describe('emulator: fault injection', () => {
  let emulator: Emulator;
  let client: ApiClient;
  beforeEach(async () => {
    emulator = await startEmulator();
    client = clientFor(emulator, m);
  });
  afterEach(() => emulator.close());

  const describeVpcs = (): Promise<WireBody> => client.call('DescribeVpcs', VPC, { RegionId: R });

  it('latencyMs delays every API request', async () => {
    emulator.setFaults({ latencyMs: 150 });
    const started = Date.now();
    await describeVpcs();
    assert.ok(Date.now() - started >= 150);
  });

  it('errorRates answer with the code and its HTTP status', async () => {
    emulator.setFaults({ errorRates: { ServiceUnavailable: 1 } });
    const unavailable = await failure(describeVpcs());
    assert.deepEqual([unavailable.code, unavailable.statusCode], ['ServiceUnavailable', 503]);
    emulator.setFaults({ errorRates: { 'Throttling.User': 1 } });
    const throttled = await failure(describeVpcs());
    assert.deepEqual([throttled.code, throttled.statusCode], ['Throttling.User', 400]);
    assert.equal(throttled.data.Message, 'Request was denied due to user flow control.');
    emulator.setFaults({});
    assert.equal((await describeVpcs()).TotalCount, 2);
  });

  it('throttleAbovePerSecond refuses the excess requests of a burst with Throttling.User', async () => {
    emulator.setFaults({ throttleAbovePerSecond: 3 });
    const started = Date.now();
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => describeVpcs()));
    const seconds = Math.ceil((Date.now() - started) / 1000);
    const throttled = results.filter((r) => r.status === 'rejected' && (r.reason as { code: string }).code === 'Throttling.User');
    const passed = results.filter((r) => r.status === 'fulfilled');
    assert.equal(passed.length + throttled.length, 8);
    // Exactly 3 pass when the burst fits in one second; a slow machine may stretch it over more.
    assert.ok(passed.length >= 3 && passed.length <= 3 * seconds, `${passed.length} passed in ${seconds} s`);
    assert.ok(throttled.length >= 1);
  });

  it('the throttle counts requests in a sliding one-second window', () => {
    const engine = new FaultEngine(() => 1);
    engine.set({ throttleAbovePerSecond: 2 });
    const at = (t: number): string => engine.decide('DescribeVpcs', t).kind;
    assert.deepEqual(
      [at(0), at(100), at(200), at(999), at(1000), at(1150), at(1300)],
      ['none', 'none', 'error', 'error', 'none', 'none', 'error'],
    );
  });

  it('dropRate destroys the connection without an answer', async () => {
    emulator.setFaults({ dropRate: 1 });
    await assert.rejects(describeVpcs(), (err: Error & { code?: string }) =>
      /socket hang up|ECONNRESET/i.test(`${err.message} ${err.code ?? ''}`),
    );
    assert.equal(emulator.requests()[0]!.dropped, true);
  });

  it('visibilityDelayMs hides new resources from Describe calls until the delay has passed', async () => {
    emulator.setFaults({ visibilityDelayMs: 1500 });
    const started = Date.now();
    const { SecurityGroupId } = await client.call('CreateSecurityGroup', ECS, { RegionId: R, VpcId: m.vpcId, SecurityGroupName: 'late' });
    const listed = async (): Promise<boolean> => {
      const body = await client.call('DescribeSecurityGroups', ECS, { RegionId: R, SecurityGroupName: 'late' });
      return body.SecurityGroups.SecurityGroup.some((g: WireBody) => g.SecurityGroupId === SecurityGroupId);
    };
    assert.equal(await listed(), false);
    const hidden = await failure(client.call('DescribeSecurityGroupAttribute', ECS, { RegionId: R, SecurityGroupId }));
    assert.equal(hidden.code, 'InvalidSecurityGroupId.NotFound');
    await eventually(listed, 6000);
    assert.ok(Date.now() - started >= 1500);
  });

  it('failNext error fails the next matching call before it acts, then lets calls through', async () => {
    emulator.setFaults({ failNext: [{ action: 'AuthorizeSecurityGroup', code: 'ServiceUnavailable', times: 1 }] });
    const params = {
      RegionId: R,
      SecurityGroupId: m.basicGroupId,
      Permissions: [{ IpProtocol: 'TCP', PortRange: '3306/3306', SourceCidrIp: '172.16.1.0/24' }],
    };
    await describeVpcs(); // other actions are not affected
    const err = await failure(client.call('AuthorizeSecurityGroup', ECS, params));
    assert.deepEqual([err.code, err.statusCode], ['ServiceUnavailable', 503]);
    const ports = async (): Promise<string[]> =>
      (
        await client.call('DescribeSecurityGroupAttribute', ECS, { RegionId: R, SecurityGroupId: m.basicGroupId })
      ).Permissions.Permission.map((p: WireBody) => p.PortRange);
    assert.ok(!(await ports()).includes('3306/3306'), 'the failed mutation did not happen');
    await client.call('AuthorizeSecurityGroup', ECS, params);
    assert.ok((await ports()).includes('3306/3306'));
  });

  it('failNext drop loses the request without acting', async () => {
    emulator.setFaults({ failNext: [{ action: 'ModifySecurityIps', kind: 'drop' }] });
    await assert.rejects(
      client.call('ModifySecurityIps', RDS, {
        DBInstanceId: m.rdsInstanceId,
        SecurityIps: '10.9.0.0/16',
        DBInstanceIPArrayName: 'dropped',
      }),
    );
    const list = await client.call('DescribeDBInstanceIPArrayList', RDS, { DBInstanceId: m.rdsInstanceId });
    assert.ok(!list.Items.DBInstanceIPArray.some((g: WireBody) => g.DBInstanceIPArrayName === 'dropped'));
  });

  it('failNext hang holds the request past the client read timeout while others are served', async () => {
    emulator.setFaults({ failNext: [{ action: 'DescribeVpcs', kind: 'hang', ms: 5000 }] });
    const impatient = clientFor(emulator, m, 'ACS3', { readTimeout: 300 });
    const started = Date.now();
    const hung = impatient.call('DescribeVpcs', VPC, { RegionId: R });
    const other = await client.call('DescribeVSwitches', VPC, { RegionId: R });
    assert.equal(other.TotalCount, 4);
    await assert.rejects(hung, (err: Error) => /timeout/i.test(err.message));
    assert.ok(Date.now() - started < 4000);
  });

  it('failNext drop-after-commit acts, loses the answer, and a ClientToken retry returns the first result', async () => {
    emulator.setFaults({ failNext: [{ action: 'CreateSecurityGroup', kind: 'drop-after-commit' }] });
    const params = { RegionId: R, VpcId: m.vpcId, SecurityGroupName: 'committed', ClientToken: 'create-committed' };
    await assert.rejects(client.call('CreateSecurityGroup', ECS, params));
    const afterDrop = await client.call('DescribeSecurityGroups', ECS, { RegionId: R, SecurityGroupName: 'committed' });
    assert.equal(afterDrop.TotalCount, 1, 'the group was created although the answer was lost');
    const retry = await client.call('CreateSecurityGroup', ECS, params);
    assert.equal(retry.SecurityGroupId, afterDrop.SecurityGroups.SecurityGroup[0].SecurityGroupId);
    const final = await client.call('DescribeSecurityGroups', ECS, { RegionId: R, SecurityGroupName: 'committed' });
    assert.equal(final.TotalCount, 1);
  });

  it('POST /__emulator/faults changes faults at run time and refuses a bad configuration', async () => {
    const set = await control(emulator, 'POST', '/__emulator/faults', {
      failNext: [{ action: 'DescribeVpcs', code: 'InternalError', times: 2 }],
    });
    assert.equal(set.status, 200);
    assert.deepEqual(set.body.failNext, [{ action: 'DescribeVpcs', code: 'InternalError', times: 2 }]);
    assert.equal((await failure(describeVpcs())).statusCode, 500);
    assert.equal((await control(emulator, 'GET', '/__emulator/faults')).body.failNext[0].times, 1);
    assert.equal((await failure(describeVpcs())).code, 'InternalError');
    assert.equal((await describeVpcs()).TotalCount, 2);
    for (const bad of [
      { dropRate: 2 },
      { latencyMs: -1 },
      { failNext: [{ action: 'X', kind: 'explode' }] },
      { failNext: [{ action: 'X' }] },
      { surprise: 1 },
    ]) {
      const answer = await control(emulator, 'POST', '/__emulator/faults', bad);
      assert.equal(answer.status, 400, JSON.stringify(bad));
      assert.equal(answer.body.Code, 'InvalidFaultConfig');
    }
  });

  it('faults can be given at start', async () => {
    const slow = await startEmulator({ faults: { errorRates: { InternalError: 1 } } });
    try {
      assert.equal((await failure(clientFor(slow, m).call('DescribeRegions', VPC))).statusCode, 500);
    } finally {
      await slow.close();
    }
  });
});
