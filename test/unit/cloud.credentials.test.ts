/**
 * Credentials: a multi-profile aliyun CLI config (test/fixtures/aliyun), environment variables,
 * precedence, region choice, malformed files and the missing-credentials message. Sessions built
 * from them are used against the emulator, whose request log says which account signed.
 */

import { strict as assert } from 'node:assert';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { createCloud, ENVIRONMENT_PROFILE, listProfiles, productHost } from '../../src/cloud';
import { parseEndpointOverride } from '../../src/cloud/endpoints';
import { resolveCredentials } from '../../src/cloud/credentials';
import type { Emulator } from '../../src/emulator';
import { aliyunFixture, DEFAULT_SEED, emulator, isolatedEnv, NO_CONFIG_FILE, rejection, tempDir } from './cloud.harness';

const MULTI = aliyunFixture('multiProfile.json');
const main = DEFAULT_SEED.main;
const second = DEFAULT_SEED.second;

function message(err: unknown): string {
  assert.ok(err instanceof Error, `expected an Error, got ${String(err)}`);
  return err.message;
}

describe('cloud credentials', () => {
  let emu: Emulator;

  before(async () => {
    emu = await emulator({ seed: 'default' });
  });
  after(async () => {
    await emu.close();
  });

  /** The account that signed the latest DescribeVpcs, as the emulator authenticated it. */
  async function signingAccount(
    options: Parameters<typeof createCloud>[0],
  ): Promise<{ accountId?: string; regionId: string; profile: string }> {
    const cloud = await createCloud({ endpoint: emu.endpoint, ...options });
    emu.clearRequests();
    await cloud.vpc.describeVpcs({});
    return { accountId: emu.requests().at(-1)?.accountId, regionId: cloud.regionId, profile: cloud.accountProfile };
  }

  it('the fixture holds the emulator seed keys it claims to', async () => {
    const config = JSON.parse(await fs.readFile(MULTI, 'utf8')) as { profiles: Array<{ name: string; access_key_id?: string }> };
    assert.equal(config.profiles.find((p) => p.name === 'dev')?.access_key_id, main.accessKeyId);
    assert.equal(config.profiles.find((p) => p.name === 'second')?.access_key_id, second.accessKeyId);
  });

  it("uses the file's current profile and its region when nothing else is set", async () => {
    const r = await signingAccount({ configFile: MULTI, env: isolatedEnv() });
    assert.deepEqual(r, { accountId: main.accountId, regionId: 'cn-hangzhou', profile: 'dev' });
  });

  it('an explicit profile wins over everything, including environment keys', async () => {
    const env = isolatedEnv({
      ALIBABA_CLOUD_ACCESS_KEY_ID: main.accessKeyId,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: main.accessKeySecret,
      ALIBABA_CLOUD_PROFILE: 'dev',
    });
    const r = await signingAccount({ configFile: MULTI, profile: 'second', env });
    assert.deepEqual(r, { accountId: second.accountId, regionId: 'cn-shanghai', profile: 'second' });
  });

  it('environment keys win over ALIBABA_CLOUD_PROFILE and the current profile', async () => {
    const env = isolatedEnv({
      ALIBABA_CLOUD_ACCESS_KEY_ID: second.accessKeyId,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: second.accessKeySecret,
      ALIBABA_CLOUD_PROFILE: 'dev',
    });
    const r = await signingAccount({ configFile: MULTI, env, regionId: 'cn-hangzhou' });
    assert.equal(r.accountId, second.accountId);
    assert.equal(r.profile, ENVIRONMENT_PROFILE);
  });

  it('accepts the ALICLOUD_/ALIBABACLOUD_ spellings of the variables', async () => {
    const byEnvKeys = await signingAccount({
      configFile: NO_CONFIG_FILE,
      env: isolatedEnv({
        ALICLOUD_ACCESS_KEY_ID: second.accessKeyId,
        ALIBABACLOUD_ACCESS_KEY_SECRET: second.accessKeySecret,
        ALICLOUD_REGION_ID: 'cn-shanghai',
      }),
    });
    assert.deepEqual(byEnvKeys, { accountId: second.accountId, regionId: 'cn-shanghai', profile: ENVIRONMENT_PROFILE });
    const byEnvProfile = await signingAccount({ configFile: MULTI, env: isolatedEnv({ ALICLOUD_PROFILE: 'second' }) });
    assert.equal(byEnvProfile.accountId, second.accountId);
  });

  it('ALIBABA_CLOUD_PROFILE picks a profile over the current one', async () => {
    const r = await signingAccount({ configFile: MULTI, env: isolatedEnv({ ALIBABA_CLOUD_PROFILE: 'second' }) });
    assert.deepEqual(r, { accountId: second.accountId, regionId: 'cn-shanghai', profile: 'second' });
  });

  it('region: the option, else ALIBABA_CLOUD_REGION_ID, else the profile', async () => {
    const env = isolatedEnv({ ALIBABA_CLOUD_REGION_ID: 'cn-beijing' });
    assert.equal((await createCloud({ configFile: MULTI, env, endpoint: emu.endpoint })).regionId, 'cn-beijing');
    assert.equal((await createCloud({ configFile: MULTI, env, endpoint: emu.endpoint, regionId: 'cn-shanghai' })).regionId, 'cn-shanghai');
    assert.equal(
      (await createCloud({ configFile: MULTI, env: isolatedEnv(), endpoint: emu.endpoint, profile: 'assume' })).regionId,
      'cn-beijing',
    );
  });

  it('a StsToken profile signs with its token', async () => {
    const r = await signingAccount({ configFile: MULTI, profile: 'temporary', env: isolatedEnv() });
    assert.equal(r.accountId, main.accountId);
  });

  it('builds the other modes through @alicloud/credentials', async () => {
    for (const [profile, mode] of [
      ['assume', 'RamRoleArn'],
      ['chained', 'ChainableRamRoleArn'],
      ['by-command', 'External'],
    ] as const) {
      const resolved = await resolveCredentials({ configFile: MULTI, profile, env: isolatedEnv() });
      assert.equal(resolved.mode, mode);
      assert.equal(typeof resolved.credential.getCredential, 'function');
      assert.match(resolved.source, new RegExp(`profile "${profile}" in .*multiProfile\\.json`));
    }
    // The library refuses an instance-role profile while metadata is disabled: said with the profile named.
    const ecs = message(await rejection(resolveCredentials({ configFile: MULTI, profile: 'on-ecs', env: isolatedEnv() })));
    assert.match(ecs, /profile "on-ecs" \(mode EcsRamRole\) cannot be used: IMDS credentials is disabled/);
    // The chained profile's source keys are registered for redaction.
    const chained = await resolveCredentials({ configFile: MULTI, profile: 'chained', env: isolatedEnv() });
    assert.deepEqual(chained.secrets, [main.accessKeySecret]);
  });

  it('listProfiles names each profile with mode, region and source, and no secret', async () => {
    const profiles = await listProfiles({ configFile: MULTI, env: isolatedEnv() });
    assert.deepEqual(
      profiles.map((p) => [p.name, p.mode, p.regionId, p.isDefault]),
      [
        ['dev', 'AK', 'cn-hangzhou', true],
        ['second', 'AK', 'cn-shanghai', false],
        ['temporary', 'StsToken', 'cn-hangzhou', false],
        ['assume', 'RamRoleArn', 'cn-beijing', false],
        ['chained', 'ChainableRamRoleArn', 'cn-hangzhou', false],
        ['on-ecs', 'EcsRamRole', 'cn-hangzhou', false],
        ['by-command', 'External', 'cn-hangzhou', false],
        ['half-done', 'AK', 'cn-hangzhou', false],
      ],
    );
    assert.ok(profiles.every((p) => p.source === MULTI));
    assert.match(profiles.find((p) => p.name === 'half-done')?.problem ?? '', /missing "access_key_secret"/);
    const text = JSON.stringify(profiles);
    for (const secret of [main.accessKeySecret, second.accessKeySecret, main.sts.securityToken]) assert.ok(!text.includes(secret));

    const withEnv = await listProfiles({
      configFile: MULTI,
      env: isolatedEnv({ ALIBABA_CLOUD_ACCESS_KEY_ID: 'a', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'b' }),
    });
    assert.deepEqual([withEnv[0].name, withEnv[0].isDefault, withEnv[1].isDefault], [ENVIRONMENT_PROFILE, true, false]);
  });

  describe('bad configuration', () => {
    it('a file that is not JSON: names the file, line and column, and quotes no content', async () => {
      const file = aliyunFixture('notJson.json');
      const text = message(await rejection(createCloud({ configFile: file, env: isolatedEnv() })));
      assert.ok(text.includes(file), text);
      assert.match(text, /not valid JSON: line 5, column \d+/);
      assert.ok(!text.includes('leakyFixtureSecret999'), text);
    });

    it('an unquoted secret: says where and why, and quotes no character of the file', async () => {
      const { dir, remove } = await tempDir();
      const secret = 'UnquotedSecretValue1234567890';
      const cases: Array<[string, RegExp]> = [
        [
          `{"profiles": [{"name": "dev", "access_key_secret": ${secret}}]}`,
          /line 1, column 52 \(a character that JSON does not allow here\)/,
        ],
        [
          `{\n  "profiles": [\n    {"name": "dev",\n     "access_key_secret": "${secret}" ${secret}}]}`,
          /line 4, column 59 \(Expected ',' or '}' after property value\)/,
        ],
        [`{"profiles": [{"name": "dev", "access_key_secret": "${secret}`, /line 1, column 82 \(Unterminated string\)/],
        [`{"profiles": [{"name": "dev", "access_key_secret": tru`, /line 1, column 55 \(the file ends too early\)/],
      ];
      for (const [i, [text, where]] of cases.entries()) {
        const file = path.join(dir, `bad-${i}.json`);
        await fs.writeFile(file, text);
        const shown = message(await rejection(createCloud({ configFile: file, env: isolatedEnv() }))).replace(file, 'FILE');
        assert.match(shown, where, shown);
        // Not even a part of the ten characters of context V8 would quote.
        for (let at = 0; at + 6 <= secret.length; at++)
          assert.ok(!shown.includes(secret.slice(at, at + 6)), `${shown} quotes ${secret.slice(at, at + 6)}`);
      }
      await remove();
    });

    it('a file without profiles says so', async () => {
      const file = aliyunFixture('noProfiles.json');
      const text = message(await rejection(createCloud({ configFile: file, env: isolatedEnv() })));
      assert.ok(text.includes(file));
      assert.match(text, /no "profiles" array/);
    });

    it('an AK profile without its secret names the missing key', async () => {
      const text = message(await rejection(createCloud({ configFile: MULTI, profile: 'half-done', env: isolatedEnv() })));
      assert.match(text, /profile "half-done" \(mode AK\) is missing "access_key_secret"/);
    });

    it('an unsupported mode lists the supported ones', async () => {
      const text = message(await rejection(createCloud({ configFile: aliyunFixture('unsupportedMode.json'), env: isolatedEnv() })));
      assert.match(text, /mode "RsaKeyPair", which is not supported \(supported: AK, StsToken/);
    });

    it('an unknown profile lists the ones that exist', async () => {
      const text = message(await rejection(createCloud({ configFile: MULTI, profile: 'prod', env: isolatedEnv() })));
      assert.match(text, /has no profile "prod" \(it has "dev", "second"/);
    });

    it('an access key id without a secret in the environment is an error, not a silent fallback', async () => {
      const text = message(await rejection(createCloud({ configFile: MULTI, env: isolatedEnv({ ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAIx' }) })));
      assert.match(text, /ALIBABA_CLOUD_ACCESS_KEY_ID is set but ALIBABA_CLOUD_ACCESS_KEY_SECRET is not/);
    });

    it('no credentials anywhere: the error lists every source tried', async () => {
      const { dir, remove } = await tempDir();
      try {
        const file = path.join(dir, '.aliyun', 'config.json');
        const text = message(await rejection(createCloud({ configFile: file, env: isolatedEnv() })));
        assert.match(text, /No Alibaba Cloud credentials found/);
        for (const source of [
          'ALIBABA_CLOUD_ACCESS_KEY_ID',
          'OIDC',
          `${file}: does not exist`,
          'ALIBABA_CLOUD_CREDENTIALS_URI',
          'ECS instance role: disabled',
        ]) {
          assert.ok(text.includes(source), `missing "${source}" in:\n${text}`);
        }
      } finally {
        await remove();
      }
    });
  });
});

describe('cloud endpoints', () => {
  it('follows each product’s regional pattern', () => {
    assert.equal(productHost('Vpc', 'cn-hangzhou'), 'vpc.aliyuncs.com');
    assert.equal(productHost('Vpc', 'cn-beijing'), 'vpc.cn-beijing.aliyuncs.com');
    assert.equal(productHost('Ecs', 'cn-hangzhou'), 'ecs-cn-hangzhou.aliyuncs.com');
    assert.equal(productHost('Ecs', 'ap-southeast-1'), 'ecs.ap-southeast-1.aliyuncs.com');
    assert.equal(productHost('Rds', 'cn-shanghai'), 'rds.aliyuncs.com');
    assert.equal(productHost('Rds', 'eu-central-1'), 'rds.eu-central-1.aliyuncs.com');
    assert.equal(productHost('HBase', 'ap-southeast-5'), 'hbase.ap-southeast-5.aliyuncs.com');
    assert.equal(productHost('Emr', 'cn-hangzhou'), 'emr.cn-hangzhou.aliyuncs.com');
    assert.equal(productHost('Ram', 'cn-shenzhen'), 'ram.aliyuncs.com');
    assert.equal(productHost('Sts', 'us-east-1'), 'sts.aliyuncs.com');
    // PolarDB: the TypeScript SDK's endpoint map, else the regional rule; Lindorm (hitsdb): the regional rule only.
    assert.equal(productHost('polardb', 'cn-hangzhou'), 'polardb.aliyuncs.com');
    assert.equal(productHost('polardb', 'cn-wulanchabu'), 'polardb.aliyuncs.com');
    assert.equal(productHost('polardb', 'ap-southeast-1'), 'polardb.ap-southeast-1.aliyuncs.com');
    assert.equal(productHost('hitsdb', 'cn-hangzhou'), 'hitsdb.cn-hangzhou.aliyuncs.com');
  });

  it('parses overrides and rejects malformed ones with the source named', () => {
    assert.deepEqual(parseEndpointOverride('http://127.0.0.1:8787', 'X'), { host: '127.0.0.1:8787', protocol: 'http' });
    assert.deepEqual(parseEndpointOverride('gw.example.com', 'X'), { host: 'gw.example.com', protocol: 'https' });
    assert.throws(() => parseEndpointOverride('ftp://h:1', 'MCVPC_ENDPOINT'), /MCVPC_ENDPOINT: "ftp:\/\/h:1" uses ftp:/);
    assert.throws(() => parseEndpointOverride('http://h:1/path', 'MCVPC_ENDPOINT'), /no path/);
  });

  it('MCVPC_ENDPOINT sends every product to the emulator', async () => {
    const emu = await emulator({ seed: 'default' });
    try {
      const cloud = await createCloud({
        configFile: NO_CONFIG_FILE,
        env: isolatedEnv({
          MCVPC_ENDPOINT: emu.endpoint,
          ALIBABA_CLOUD_ACCESS_KEY_ID: main.accessKeyId,
          ALIBABA_CLOUD_ACCESS_KEY_SECRET: main.accessKeySecret,
        }),
      });
      const r = await cloud.vpc.describeVpcs({ VpcId: main.vpcId });
      assert.equal(r.Vpcs.Vpc[0]?.VpcId, main.vpcId);
    } finally {
      await emu.close();
    }
  });
});
