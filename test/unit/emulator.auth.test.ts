import { strict as assert } from 'node:assert';
import OpenApiUtil from '@alicloud/openapi-util';
import { DEFAULT_SEED, startEmulator, type Emulator } from '../../src/emulator';
import { NonceMemory } from '../../src/emulator/auth';
import { NONCE_MEMORY_LIMIT, NONCE_TTL_MS } from '../../src/emulator/constants';
import { captureSignedRequest, clientFor, failure, replay, STS, VPC, type Signing } from './emulator.support';

const m = DEFAULT_SEED.main;
const hangzhou = { RegionId: 'cn-hangzhou' };

/** Runs `body` while the client's clock reads `offsetMs` off, so its signature is valid but stale. */
async function withClientClockOffset<T>(offsetMs: number, body: () => Promise<T>): Promise<T> {
  const original = OpenApiUtil.getTimestamp;
  OpenApiUtil.getTimestamp = () => new Date(Date.now() + offsetMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
  try {
    return await body();
  } finally {
    OpenApiUtil.getTimestamp = original;
  }
}

describe('emulator: request authentication', () => {
  let emulator: Emulator;
  before(async () => {
    emulator = await startEmulator();
  });
  after(() => emulator.close());

  for (const signing of ['ACS3', 'V1'] as Signing[]) {
    describe(signing, () => {
      it('refuses an unknown AccessKeyId with InvalidAccessKeyId.NotFound (404)', async () => {
        const err = await failure(
          clientFor(emulator, { accessKeyId: 'LTAI5tNoSuchKey', accessKeySecret: 'x' }, signing).call('DescribeVpcs', VPC, hangzhou),
        );
        assert.equal(err.code, 'InvalidAccessKeyId.NotFound');
        assert.equal(err.statusCode, 404);
      });

      it('refuses a wrong secret with SignatureDoesNotMatch (400) without echoing any secret', async () => {
        const wrongSecret = 'wrongSecretValue123456';
        const err = await failure(
          clientFor(emulator, { accessKeyId: m.accessKeyId, accessKeySecret: wrongSecret }, signing).call('DescribeVpcs', VPC, hangzhou),
        );
        assert.equal(err.code, 'SignatureDoesNotMatch');
        assert.equal(err.statusCode, 400);
        assert.match(err.data.Message, /server string to sign is:/);
        assert.ok(!err.data.Message.includes(wrongSecret) && !err.data.Message.includes(m.accessKeySecret));
      });

      it('refuses a request signed 20 minutes ago with InvalidTimeStamp.Expired', async () => {
        const err = await withClientClockOffset(-20 * 60_000, () =>
          failure(clientFor(emulator, m, signing).call('DescribeVpcs', VPC, hangzhou)),
        );
        assert.equal(err.code, 'InvalidTimeStamp.Expired');
        assert.equal(err.statusCode, 400);
      });

      it('accepts a clock 10 minutes off (inside the window)', async () => {
        const body = await withClientClockOffset(10 * 60_000, () => clientFor(emulator, m, signing).call('DescribeVpcs', VPC, hangzhou));
        assert.equal(body.TotalCount, 2);
      });

      it('refuses a replayed request with SignatureNonceUsed', async () => {
        const request = await captureSignedRequest(m, signing, 'DescribeVpcs', VPC, hangzhou);
        const first = await replay(emulator, request);
        assert.equal(first.status, 200);
        const second = await replay(emulator, request);
        assert.equal(second.status, 400);
        assert.equal(second.body.Code, 'SignatureNonceUsed');
      });

      it('refuses a tampered query parameter with SignatureDoesNotMatch', async () => {
        const request = await captureSignedRequest(m, signing, 'DescribeVpcs', VPC, hangzhou);
        const tampered = { ...request, path: request.path.replace('RegionId=cn-hangzhou', 'RegionId=cn-shanghai') };
        assert.notEqual(tampered.path, request.path);
        const answer = await replay(emulator, tampered);
        assert.equal(answer.status, 400);
        assert.equal(answer.body.Code, 'SignatureDoesNotMatch');
      });

      it('refuses a tampered form body with SignatureDoesNotMatch', async () => {
        const request = await captureSignedRequest(m, signing, 'DescribeVpcs', VPC, hangzhou, { body: true });
        const body = Buffer.from(request.body.toString('utf8').replace('cn-hangzhou', 'cn-shanghai'));
        assert.notDeepEqual(body, request.body);
        const answer = await replay(emulator, { ...request, body });
        assert.equal(answer.body.Code, 'SignatureDoesNotMatch');
      });
    });
  }

  describe('ACS3 headers', () => {
    it('refuses a tampered signed header (x-acs-action) with SignatureDoesNotMatch', async () => {
      const request = await captureSignedRequest(m, 'ACS3', 'DescribeVpcs', VPC, hangzhou);
      const answer = await replay(emulator, { ...request, headers: { ...request.headers, 'x-acs-action': 'DescribeVSwitches' } });
      assert.equal(answer.status, 400);
      assert.equal(answer.body.Code, 'SignatureDoesNotMatch');
      assert.match(answer.body.Message, /server string to sign is:ACS3-HMAC-SHA256\n[0-9a-f]{64}$/);
    });

    it('refuses an x-acs-* header that is not in SignedHeaders with IncompleteSignature', async () => {
      const request = await captureSignedRequest(m, 'ACS3', 'DescribeVpcs', VPC, hangzhou);
      const answer = await replay(emulator, { ...request, headers: { ...request.headers, 'x-acs-extra': 'smuggled' } });
      assert.equal(answer.body.Code, 'IncompleteSignature');
    });

    it('refuses a malformed Authorization header with IncompleteSignature', async () => {
      const request = await captureSignedRequest(m, 'ACS3', 'DescribeVpcs', VPC, hangzhou);
      const answer = await replay(emulator, {
        ...request,
        headers: { ...request.headers, authorization: 'ACS3-HMAC-SHA256 Credential=x' },
      });
      assert.equal(answer.body.Code, 'IncompleteSignature');
    });
  });

  describe('V1 routing', () => {
    it('routes by the signed Action query parameter, not by the unsigned x-acs-action header', async () => {
      emulator.clearRequests();
      const request = await captureSignedRequest(m, 'V1', 'DescribeVpcs', VPC, hangzhou);
      const answer = await replay(emulator, { ...request, headers: { ...request.headers, 'x-acs-action': 'DescribeVSwitches' } });
      assert.equal(answer.status, 200);
      assert.ok('Vpcs' in answer.body);
      assert.deepEqual(
        emulator.requests().map((r) => r.action),
        ['DescribeVpcs'],
      );
    });
  });

  describe('temporary (STS) credentials', () => {
    for (const signing of ['ACS3', 'V1'] as Signing[]) {
      it(`${signing}: works with the right security token and identifies the assumed role`, async () => {
        const body = await clientFor(emulator, m.sts, signing).call('GetCallerIdentity', STS);
        assert.equal(body.AccountId, m.accountId);
        assert.equal(body.IdentityType, 'AssumedRoleUser');
        assert.match(body.Arn, new RegExp(`^acs:ram::${m.accountId}:assumed-role/${m.sts.roleName}/${m.sts.sessionName}$`));
      });

      it(`${signing}: refuses a wrong or missing security token without echoing it`, async () => {
        const wrong = await failure(
          clientFor(emulator, { ...m.sts, securityToken: 'CAISforgedToken' }, signing).call('DescribeVpcs', VPC, hangzhou),
        );
        assert.equal(wrong.code, 'InvalidSecurityToken.MismatchWithAccessKey');
        assert.equal(wrong.statusCode, 400);
        assert.ok(!JSON.stringify(wrong.data).includes('CAISforgedToken') && !JSON.stringify(wrong.data).includes(m.sts.securityToken));
        const missing = await failure(
          clientFor(emulator, { accessKeyId: m.sts.accessKeyId, accessKeySecret: m.sts.accessKeySecret }, signing).call(
            'DescribeVpcs',
            VPC,
            hangzhou,
          ),
        );
        assert.equal(missing.code, 'InvalidSecurityToken.MismatchWithAccessKey');
      });
    }

    it('V1: a wrong secret with a token does not echo the token in the string to sign', async () => {
      const err = await failure(clientFor(emulator, { ...m.sts, accessKeySecret: 'nope' }, 'V1').call('DescribeVpcs', VPC, hangzhou));
      assert.equal(err.code, 'SignatureDoesNotMatch');
      assert.ok(!err.data.Message.includes(m.sts.securityToken));
    });

    it('the permanent key identifies the account root', async () => {
      const body = await clientFor(emulator, m).call('GetCallerIdentity', STS);
      assert.deepEqual(
        { ...body, RequestId: undefined },
        {
          RequestId: undefined,
          AccountId: m.accountId,
          UserId: m.accountId,
          Arn: `acs:ram::${m.accountId}:root`,
          IdentityType: 'Account',
          PrincipalId: m.accountId,
        },
      );
    });
  });

  describe('nonce memory', () => {
    it('forgets nonces after the window and stays bounded', () => {
      const memory = new NonceMemory();
      assert.equal(memory.use('a', 0), true);
      assert.equal(memory.use('a', 1000), false);
      assert.equal(memory.use('a', NONCE_TTL_MS + 1), true);
      for (let i = 0; i < NONCE_MEMORY_LIMIT + 10; i++) memory.use(`n${i}`, NONCE_TTL_MS + 2);
      // The oldest entries were evicted to respect the bound, so "a" (oldest) is usable again.
      assert.equal(memory.use('a', NONCE_TTL_MS + 3), true);
      assert.equal(memory.use(`n${NONCE_MEMORY_LIMIT + 9}`, NONCE_TTL_MS + 3), false);
    });
  });
});
