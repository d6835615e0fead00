/**
 * CloudError from real rejections (bad signature, unknown key, wrong token, refused connection)
 * and redaction: no secret, signature or security token in any message, stack or log line.
 */

import { strict as assert } from 'node:assert';
import { createServer } from 'node:net';
import { CloudError, createCloud, formatLogLine, isNotFoundError } from '../../src/cloud';
import { Redactor } from '../../src/cloud/redact';
import type { Emulator } from '../../src/emulator';
import {
  cloudFor,
  DEFAULT_SEED,
  emulator,
  isolatedEnv,
  NO_CONFIG_FILE,
  recordingLogger,
  rejection,
  requestsFor,
  type LoggedLine,
} from './cloud.harness';

const main = DEFAULT_SEED.main;

/** Everything about an error and the log that a person or a file could ever see. */
function visibleText(err: unknown, lines: LoggedLine[]): string {
  const e = err as Error;
  return [e.message, e.stack ?? '', JSON.stringify(err), String(err), ...lines.map((l) => formatLogLine(l.message, l.fields))].join('\n');
}

describe('cloud errors and redaction', () => {
  let emu: Emulator;

  before(async () => {
    emu = await emulator({ seed: 'default' });
  });
  after(async () => {
    await emu.close();
  });

  it('a wrong secret surfaces as SignatureDoesNotMatch without the string to sign or the secret', async () => {
    const wrongSecret = 'ThisIsAWrongSecretValue12345';
    const log = recordingLogger();
    const cloud = await cloudFor(emu, { logger: log, env: { ALIBABA_CLOUD_ACCESS_KEY_SECRET: wrongSecret } });
    emu.clearRequests();
    const err = await rejection(cloud.vpc.describeVpcs({}));
    assert.ok(err instanceof CloudError);
    assert.equal(err.code, 'SignatureDoesNotMatch');
    assert.equal(err.status, 400);
    assert.equal(err.kind, 'signature');
    assert.equal(err.retryable, false);
    assert.equal(requestsFor(emu, 'DescribeVpcs').length, 1, 'a signature error is not retried');
    assert.match(err.detail, /server string to sign is:? ?\[redacted\]/);
    const text = visibleText(err, log.lines);
    assert.ok(!text.includes(wrongSecret), 'the secret never appears');
    assert.ok(!text.includes('ACS3-HMAC-SHA256\n'), 'the echoed string to sign is gone');
    assert.ok(!/[0-9a-f]{64}/.test(text), 'no signature or canonical-request hash appears');
    assert.ok(log.lines.some((l) => l.level === 'error' && l.fields.code === 'SignatureDoesNotMatch'));
  });

  it('an unknown access key surfaces as InvalidAccessKeyId.NotFound', async () => {
    const cloud = await cloudFor(emu, { env: { ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAI5tNoSuchKey000000000' } });
    const err = await rejection(cloud.vpc.describeVpcs({}));
    assert.ok(err instanceof CloudError);
    assert.equal(err.code, 'InvalidAccessKeyId.NotFound');
    assert.equal(err.status, 404);
    assert.equal(err.kind, 'credentials', 'an unknown key is a credentials problem, not a missing resource');
    assert.equal(isNotFoundError(err), false);
  });

  it("a missing resource is kind not-found, whatever the code's spelling, including codes the emulator invented", async () => {
    const cloud = await cloudFor(emu);
    const group = await rejection(
      cloud.ecs.describeSecurityGroupAttribute({ SecurityGroupId: 'sg-bp1nosuchgroup00000000', Direction: 'all' }),
    );
    assert.ok(group instanceof CloudError);
    assert.equal(group.code, 'InvalidSecurityGroupId.NotFound');
    assert.equal(group.kind, 'not-found');
    assert.ok(isNotFoundError(group));
    const cluster = await rejection(cloud.emr.getCluster({ RegionId: 'cn-hangzhou', ClusterId: 'c-nosuchcluster0000' }));
    assert.ok(isNotFoundError(cluster), `EMR's answer ${(cluster as CloudError).code} is not-found`);
  });

  it('refuses a region that is not a region id before it becomes a host name', async () => {
    await assert.rejects(cloudFor(emu, { regionId: 'evil.example.com/x' }), /"evil\.example\.com\/x" is not a region id/);
    const cloud = await cloudFor(emu);
    emu.clearRequests();
    const err = await rejection(cloud.vpc.describeVpcs({ RegionId: 'cn-hangzhou.attacker.example' } as never));
    assert.ok(err instanceof CloudError && err.code === 'InvalidRegionId', String(err));
    assert.equal(emu.requests().length, 0);
  });

  it('names the transport\'s failure apart from the request: no "socket hang upPOST", a read timeout called so', async () => {
    const cloud = await cloudFor(emu, { timeoutMs: 400, retry: { maxAttempts: 1 } });
    emu.setFaults({ failNext: [{ action: 'DescribeVpcs', kind: 'drop' }] });
    const dropped = await rejection(cloud.vpc.describeVpcs({}));
    assert.ok(dropped instanceof CloudError);
    assert.match(dropped.detail, /^socket hang up \(POST http:\/\/127\.0\.0\.1:\d+\/\)$/);
    emu.setFaults({ failNext: [{ action: 'DescribeVpcs', kind: 'hang', ms: 3000 }] });
    const slow = await rejection(cloud.vpc.describeVpcs({}));
    assert.ok(slow instanceof CloudError);
    assert.equal(slow.kind, 'timeout');
    assert.doesNotMatch(slow.detail, /ConnectTimeout/, 'connected, so not a connect timeout');
    assert.match(slow.detail, /^No answer within 400 ms \(read timeout\)\.$/);
    emu.setFaults({});
  });

  it('STS credentials work, and a wrong token never shows up in errors or logs', async () => {
    const sts = main.sts;
    const good = await cloudFor(emu, {
      env: {
        ALIBABA_CLOUD_ACCESS_KEY_ID: sts.accessKeyId,
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: sts.accessKeySecret,
        ALIBABA_CLOUD_SECURITY_TOKEN: sts.securityToken,
      },
    });
    const ok = await good.vpc.describeVpcs({ VpcId: main.vpcId });
    assert.equal(ok.Vpcs.Vpc.length, 1);
    assert.equal(good.credentialInfo.mode, 'StsToken');

    const wrongToken = 'CAISwrongTokenValue0000000000000000000099';
    const log = recordingLogger();
    const bad = await cloudFor(emu, {
      logger: log,
      env: {
        ALIBABA_CLOUD_ACCESS_KEY_ID: sts.accessKeyId,
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: sts.accessKeySecret,
        ALIBABA_CLOUD_SECURITY_TOKEN: wrongToken,
      },
    });
    const err = await rejection(bad.vpc.describeVpcs({}));
    assert.ok(err instanceof CloudError);
    assert.equal(err.kind, 'credentials');
    const text = visibleText(err, log.lines);
    for (const secret of [wrongToken, sts.accessKeySecret]) assert.ok(!text.includes(secret), `leaked ${secret.slice(0, 6)}…`);
  });

  it('a refused connection is a network CloudError, reported at once (not retried)', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const log = recordingLogger();
    const cloud = await createCloud({
      endpoint: `http://127.0.0.1:${port}`,
      configFile: NO_CONFIG_FILE,
      logger: log,
      env: isolatedEnv({ ALIBABA_CLOUD_ACCESS_KEY_ID: main.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: main.accessKeySecret }),
    });
    const err = await rejection(cloud.vpc.describeVpcs({}));
    assert.ok(err instanceof CloudError);
    assert.equal(err.kind, 'network');
    assert.equal(err.code, 'ECONNREFUSED');
    assert.equal(err.attempts, 1);
    assert.ok(!visibleText(err, log.lines).includes(main.accessKeySecret));
  });

  it('logs each call with action, product, region, duration, status, requestId and attempt, and no secret', async () => {
    const log = recordingLogger();
    const cloud = await cloudFor(emu, { logger: log });
    await cloud.vpc.describeVpcs({ VpcId: main.vpcId });
    const line = log.lines.find((l) => l.fields.action === 'DescribeVpcs');
    assert.ok(line);
    assert.equal(line.level, 'info');
    assert.deepEqual(
      { product: line.fields.product, region: line.fields.region, status: line.fields.status, attempt: line.fields.attempt },
      { product: 'Vpc', region: 'cn-hangzhou', status: 200, attempt: 1 },
    );
    assert.equal(typeof line.fields.durationMs, 'number');
    assert.equal(line.fields.requestId, requestsFor(emu, 'DescribeVpcs').at(-1)?.requestId);
    assert.ok(!visibleText(new Error(), log.lines).includes(main.accessKeySecret));
  });
});

describe('Redactor', () => {
  it('scrubs known secret values and secret-looking patterns', () => {
    const r = new Redactor();
    r.addSecret('mySecretValue123');
    const samples: Array<[string, string]> = [
      ['key mySecretValue123 used', 'key [redacted] used'],
      ['Authorization: ACS3-HMAC-SHA256 Credential=LTAI,SignedHeaders=host,Signature=abcdef0123', 'Authorization: [redacted]'],
      ['GET /?Signature=abc%2Bdef&RegionId=x', 'GET /?Signature=[redacted]&RegionId=x'],
      ['q SecurityToken=CAIStoken&x=1', 'q SecurityToken=[redacted]&x=1'],
      ['{"x-acs-security-token":"CAIStoken"}', '{"x-acs-security-token":"[redacted]"}'],
      ['"access_key_secret": "abc"', '"access_key_secret": "[redacted]"'],
      [
        'Specified signature is not matched. server string to sign is:ACS3-HMAC-SHA256\nf00 request id: 1',
        'Specified signature is not matched. server string to sign is:[redacted] request id: 1',
      ],
    ];
    for (const [input, expected] of samples) assert.equal(r.redact(input), expected, input);
  });

  it('leaves ordinary error text alone', () => {
    const text = 'IncompleteSignature: code: 400, The request signature does not conform to Aliyun standards. request id: 1';
    assert.equal(new Redactor().redact(text), text);
  });
});
