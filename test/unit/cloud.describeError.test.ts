/** The one describeError: its words and hints for every kind, the kinds of API codes, and typed credentials errors. */
import { strict as assert } from 'node:assert';
import {
  CloudError,
  createCloud,
  describeError,
  formatDescribedError,
  hintFor,
  isNoCredentialsError,
  type CloudErrorKind,
} from '../../src/cloud';
import { apiErrorKind, transportDetail } from '../../src/cloud/errors';
import type { Emulator } from '../../src/emulator';
import { cloudFor, emulator, isolatedEnv, NO_CONFIG_FILE, rejection } from './cloud.harness';

function cloudError(kind: CloudErrorKind, code: string, extra: Partial<ConstructorParameters<typeof CloudError>[0]> = {}): CloudError {
  return new CloudError({
    kind,
    product: 'Ecs',
    action: 'AuthorizeSecurityGroup',
    code,
    detail: 'what the server said',
    retryable: false,
    ...extra,
  });
}

describe('describeError', () => {
  it('keeps code and RequestId and puts them on one line with the hint', () => {
    const described = describeError(cloudError('permission', 'Forbidden.RAM', { requestId: 'R-1', status: 403 }));
    assert.deepEqual(described, {
      message: 'Ecs AuthorizeSecurityGroup: what the server said',
      code: 'Forbidden.RAM',
      requestId: 'R-1',
      hint: 'The RAM user or role lacks a permission: grant it ecs:AuthorizeSecurityGroup in a RAM policy.',
    });
    assert.equal(
      formatDescribedError(described),
      'Ecs AuthorizeSecurityGroup: what the server said (Forbidden.RAM, RequestId R-1) The RAM user or role lacks a permission: grant it ecs:AuthorizeSecurityGroup in a RAM policy.',
    );
  });

  it('has a hint for every kind a person can act on, and none for the others', () => {
    const expected: Record<CloudErrorKind, RegExp | undefined> = {
      credentials: /aliyun configure/,
      signature: /secret does not match its ID/,
      permission: /RAM policy/,
      throttled: /limiting this account's request rate/,
      'not-found': /check the id, the region and the profile/,
      network: /network, a proxy, or the endpoint/,
      timeout: /did not answer in time/,
      'invalid-response': /proxy or gateway/,
      api: undefined,
      cancelled: undefined,
      client: undefined,
    };
    for (const [kind, pattern] of Object.entries(expected) as Array<[CloudErrorKind, RegExp | undefined]>) {
      const hint = hintFor(cloudError(kind, 'SomeCode'));
      if (pattern === undefined) assert.equal(hint, undefined, kind);
      else assert.match(hint ?? '', pattern, kind);
    }
  });

  it("prefers a code's own hint to its kind's", () => {
    const cases: Array<[CloudErrorKind, string, RegExp]> = [
      ['credentials', 'InvalidAccessKeyId.NotFound', /AccessKey ID is unknown/],
      ['credentials', 'InvalidSecurityToken.Expired', /STS token/],
      ['signature', 'InvalidTimeStamp.Expired', /clock/],
      ['network', 'ECONNREFUSED', /Nothing listens at the endpoint/],
      ['network', 'ENOTFOUND', /does not resolve/],
      ['credentials', 'NoCredentials', /aliyun configure/],
    ];
    for (const [kind, code, pattern] of cases) assert.match(hintFor(cloudError(kind, code)) ?? '', pattern, code);
  });

  it('escapes control and bidi characters a server or a file put in a message', () => {
    const described = describeError(cloudError('api', 'InvalidParameter', { detail: 'name "ab\u202Ecd\u200B" \u001b[31m' }));
    assert.equal(described.message, 'Ecs AuthorizeSecurityGroup: name "ab\\u202Ecd\\u200B" \\u001B[31m');
    assert.equal(describeError(new Error('x\u2066y')).message, 'x\\u2066y');
  });

  it('describes anything else by its message', () => {
    assert.deepEqual(describeError(new Error('plain')), { message: 'plain' });
    assert.deepEqual(describeError('text'), { message: 'text' });
  });
});

describe('CloudError kinds', () => {
  it('classifies API codes by meaning, not by one spelling', () => {
    const table: Array<[string, number, CloudErrorKind]> = [
      ['InvalidAccessKeyId.NotFound', 404, 'credentials'],
      ['InvalidAccessKeyId.Inactive', 400, 'credentials'],
      ['InvalidSecurityToken.MismatchWithAccessKey', 400, 'credentials'],
      ['SignatureDoesNotMatch', 400, 'signature'],
      ['IncompleteSignature', 400, 'signature'],
      ['Forbidden.RAM', 403, 'permission'],
      ['Forbbiden', 403, 'permission'],
      ['NoPermission', 403, 'permission'],
      ['UnknownRefusal', 403, 'permission'],
      ['Throttling.User', 400, 'throttled'],
      ['Throttling', 503, 'throttled'],
      ['Throttling.DeepPageSkip', 400, 'api'],
      ['InvalidSecurityGroupId.NotFound', 404, 'not-found'],
      ['InvalidDBInstanceId.NotFound', 404, 'not-found'],
      ['EntityNotExist.Role', 404, 'not-found'],
      ['Instance.NotFound', 404, 'not-found'],
      ['Cluster.NotFound', 400, 'not-found'],
      ['SomethingElse', 404, 'not-found'],
      ['InvalidAction.NotFound', 404, 'api'],
      ['InvalidParameter', 400, 'api'],
      ['ServiceUnavailable', 503, 'api'],
    ];
    for (const [code, status, kind] of table) assert.equal(apiErrorKind(code, status), kind, `${code} ${status}`);
  });

  it("separates the transport's cause from the request it was making", () => {
    assert.equal(
      transportDetail('socket hang upPOST http://127.0.0.1:8787/?RegionId=cn-hangzhou failed.'),
      'socket hang up (POST http://127.0.0.1:8787/)',
    );
    assert.equal(
      transportDetail('connect ECONNREFUSED 127.0.0.1:1POST http://127.0.0.1:1/?A=b failed.'),
      'connect ECONNREFUSED 127.0.0.1:1 (POST http://127.0.0.1:1/)',
    );
    assert.equal(transportDetail('plain words'), 'plain words');
  });

  it('credentials.ts throws typed errors: no credentials anywhere is NoCredentials, a missing profile ProfileNotFound', async () => {
    const none = await rejection(createCloud({ configFile: NO_CONFIG_FILE, env: isolatedEnv({}) }));
    assert.ok(none instanceof CloudError);
    assert.equal(none.kind, 'credentials');
    assert.ok(isNoCredentialsError(none));
    assert.match(none.message, /^No Alibaba Cloud credentials found/);
    const missing = await rejection(createCloud({ configFile: NO_CONFIG_FILE, profile: 'nope', env: isolatedEnv({}) }));
    assert.ok(missing instanceof CloudError);
    assert.equal(missing.code, 'ProfileNotFound');
    assert.equal(isNoCredentialsError(missing), false);
    assert.match(formatDescribedError(describeError(missing)), /nope.*\(ProfileNotFound\) Choose an existing profile/);
  });
});

describe('describeError: the server’s words are inert on a terminal', () => {
  let emu: Emulator;
  before(async () => {
    emu = await emulator({ seed: 'default' });
  });
  after(async () => {
    await emu.close();
  });

  it('shows control and bidi characters of an error code from the server escaped', async () => {
    const cloud = await cloudFor(emu, { retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 } });
    // ESC ] 0 ; … BEL sets the terminal's title; ESC [ 2 J clears the screen; U+202E reverses what follows.
    emu.setFaults({ failNext: [{ action: 'DescribeVpcs', code: 'Bad\u001b]0;pwned\u0007\u001b[2J\u202eCode', times: 1 }] });
    const line = formatDescribedError(describeError(await rejection(cloud.fetchAll(cloud.lists.vpcs()))));
    // eslint-disable-next-line no-control-regex -- finding controls is the point
    assert.ok(!/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(line), JSON.stringify(line));
    assert.match(line, /\(Bad\\u001B\]0;pwned\\u0007\\u001B\[2J\\u202ECode, RequestId [^)]+\)/);
  });

  it('shows a RequestId with control characters escaped', () => {
    const described = describeError(cloudError('api', 'Code', { requestId: 'R-1\r\u001b[1A\u2067' }));
    assert.equal(described.requestId, 'R-1\\u000D\\u001B[1A\\u2067');
  });
});
