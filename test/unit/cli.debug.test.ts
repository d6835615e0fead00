/**
 * DEBUG=* must not make the CLI print credentials. httpx (under the OpenAPI SDK and
 * @alicloud/credentials) logs request headers (Authorization: …Signature=…, the STS token) and
 * bodies (a credentials URI's AccessKeySecret) through `debug`; the bundle replaces `debug`
 * (scripts/lib/noDebug.mjs). The CLI is bundled exactly as it ships and run against the emulator
 * with each kind of credential a user may have.
 */
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Emulator } from '../../src/emulator';
import { emulator } from './cloud.harness';
import { bundleCli, bundleExtensionSdk } from './builders/cliBundle';
import { DEFAULT_SEED, specText, TARGETS } from './builders/engineHarness';

const M = DEFAULT_SEED.main;

interface Run {
  code: number;
  output: string;
}

/** Lines of `output` that show a credential or a signature. */
function leakingLines(output: string, secrets: readonly string[]): string[] {
  return output
    .split('\n')
    .filter((line) => secrets.some((s) => line.includes(s)) || /signature|authorization|x-acs-security-token/i.test(line));
}

describe('mcvpc under DEBUG=* prints no credential', function () {
  this.timeout(120_000);
  let emu: Emulator;
  let dir: string;
  let cli: string;
  let specFile: string;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mcvpc-debug-'));
    cli = join(dir, 'cli.js');
    await bundleCli(cli);
    emu = await emulator();
    specFile = join(dir, 'link.mcvpc.yaml');
    await writeFile(specFile, specText({ targets: [TARGETS.rdsWhitelist, TARGETS.hbaseWhitelist] }), 'utf8');
  });
  after(async () => {
    await emu.close();
    await rm(dir, { recursive: true, force: true });
  });

  function mcvpc(args: string[], credentials: NodeJS.ProcessEnv): Promise<Run> {
    const keep = Object.fromEntries(
      Object.entries(process.env).filter(([k]) => !/^(ALIBABA_CLOUD_|ALIBABACLOUD_|ALICLOUD_|MCVPC_|DEBUG|NODE_DEBUG)/.test(k)),
    );
    const env = {
      ...keep,
      HOME: dir,
      ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true',
      MCVPC_ENDPOINT: emu.endpoint,
      MCVPC_LOCK_DIR: join(dir, 'locks'),
      DEBUG: '*',
      DEBUG_COLORS: 'no',
      ...credentials,
    };
    return new Promise((resolve) => {
      execFile(process.execPath, [cli, ...args], { env, timeout: 60_000 }, (error, stdout, stderr) => {
        resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : 99, output: `${stdout}\n${stderr}` });
      });
    });
  }

  it('an AccessKey: plan and apply show no secret, Signature or Authorization', async () => {
    const env = { ALIBABA_CLOUD_ACCESS_KEY_ID: M.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: M.accessKeySecret };
    const plan = await mcvpc(['plan', specFile], env);
    assert.equal(plan.code, 2, plan.output);
    const apply = await mcvpc(['apply', specFile, '--auto-approve'], env);
    assert.equal(apply.code, 0, apply.output);
    assert.deepEqual(leakingLines(plan.output + apply.output, [M.accessKeySecret]), []);
  });

  it('an STS token: no token, secret or signature', async () => {
    const run = await mcvpc(['plan', specFile], {
      ALIBABA_CLOUD_ACCESS_KEY_ID: M.sts.accessKeyId,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: M.sts.accessKeySecret,
      ALIBABA_CLOUD_SECURITY_TOKEN: M.sts.securityToken,
    });
    assert.ok(run.code === 0 || run.code === 2, run.output);
    assert.deepEqual(leakingLines(run.output, [M.sts.accessKeySecret, M.sts.securityToken]), []);
  });

  it("the extension's SDK bundle (dist/sdk.js, loaded by the extension host) prints nothing under DEBUG=* either", async () => {
    const sdk = await bundleExtensionSdk(dir);
    // A signed call through the bundle exactly as src/cloud/caller.ts makes it, in a process whose DEBUG is *.
    const script = [
      `const sdk = require(${JSON.stringify(sdk)});`,
      `const o = sdk['@alicloud/openapi-client'];`,
      `const client = new o.default(new o.Config({ accessKeyId: ${JSON.stringify(M.accessKeyId)}, accessKeySecret: ${JSON.stringify(M.accessKeySecret)}, endpoint: ${JSON.stringify(new URL(emu.endpoint).host)}, protocol: 'http', regionId: 'cn-hangzhou' }));`,
      `const params = new o.Params({ action: 'DescribeRegions', version: '2016-04-28', protocol: 'HTTPS', pathname: '/', method: 'POST', authType: 'AK', style: 'RPC', reqBodyType: 'formData', bodyType: 'json' });`,
      `client.callApi(params, new o.OpenApiRequest({ query: { RegionId: 'cn-hangzhou' } }), new (sdk['@alicloud/tea-util'].RuntimeOptions)({})).then((r) => process.stdout.write('status ' + r.statusCode + '\\n'));`,
    ].join('\n');
    const run = await new Promise<Run>((resolve) => {
      execFile(
        process.execPath,
        ['-e', script],
        { env: { PATH: process.env.PATH, HOME: dir, DEBUG: '*', DEBUG_COLORS: 'no' }, timeout: 30_000 },
        (error, stdout, stderr) => {
          resolve({ code: error === null ? 0 : 1, output: `${stdout}\n${stderr}` });
        },
      );
    });
    assert.match(run.output, /^status 200$/m, run.output);
    assert.deepEqual(leakingLines(run.output, [M.accessKeySecret]), []);
  });

  it('a credentials URI: the fetched AccessKeySecret and token are not echoed', async () => {
    const server: Server = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify({
          Code: 'Success',
          AccessKeyId: M.sts.accessKeyId,
          AccessKeySecret: M.sts.accessKeySecret,
          SecurityToken: M.sts.securityToken,
          Expiration: new Date(Date.now() + 3_600_000).toISOString().replace(/\.\d+Z$/, 'Z'),
        }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const uri = `http://127.0.0.1:${(server.address() as AddressInfo).port}/credentials`;
      const run = await mcvpc(['plan', specFile], { ALIBABA_CLOUD_CREDENTIALS_URI: uri });
      assert.ok(run.code === 0 || run.code === 2, run.output);
      assert.deepEqual(leakingLines(run.output, [M.sts.accessKeySecret, M.sts.securityToken]), []);
    } finally {
      server.close();
    }
  });

  it('NODE_DEBUG=http (and https, net, tls): runs again without them, says so once, and prints no header', async () => {
    const env = { ALIBABA_CLOUD_ACCESS_KEY_ID: M.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: M.accessKeySecret };
    for (const nodeDebug of ['http', 'HTTPS,net,tls,fs', 'ht*']) {
      const run = await mcvpc(['plan', specFile], { ...env, NODE_DEBUG: nodeDebug });
      // The test before applied the spec (the link included), so the plan has no changes: 0.
      assert.equal(run.code, 0, run.output);
      assert.deepEqual(leakingLines(run.output, [M.accessKeySecret]), [], nodeDebug);
      assert.doesNotMatch(run.output, /^(HTTP|HTTPS|NET|TLS) \d+:/m, nodeDebug);
      assert.equal(
        run.output.match(/NODE_DEBUG=\S+ makes Node print request headers \(credentials among them\); mcvpc runs without them\./g)?.length,
        1,
        run.output,
      );
    }
    // Sections that print no request keep working (the child still has them).
    const fs = await mcvpc(['validate', specFile], { NODE_DEBUG: 'fs,http' });
    assert.equal(fs.code, 0, fs.output);
    assert.match(fs.output, /NODE_DEBUG=http makes Node print/);
  });
});
