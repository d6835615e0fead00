/**
 * Redaction (src/cloud/redact.ts, src/cloud/logger.ts). Each secret-shaped text a wire, a server
 * or a config file may produce is scrubbed by the product's own Redactor; and a session's log
 * lines pass through it even where the cloud layer logs a server's words as they came (a
 * gateway in front of the API that echoes the request's token into the RequestId it returns).
 */
import { strict as assert } from 'node:assert';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CloudError, formatLogLine } from '../../src/cloud';
import { Redactor, redactPatterns } from '../../src/cloud/redact';
import { redactingLogger, type CloudLogger, type LogFields } from '../../src/cloud/logger';
import type { Emulator } from '../../src/emulator';
import { cloudFor, DEFAULT_SEED, emulator, recordingLogger, rejection } from './cloud.harness';

const VALUE = 'CAISsecretValue0123456789';

describe('redaction patterns', () => {
  // One line per pattern in SECRET_PATTERNS: the label stays, the value goes.
  const cases: Array<[string, string]> = [
    ['server string to sign', `Specified signature is not matched. server string to sign is: GET&%2F&AccessKeyId%3D${VALUE} request id: 1`],
    ['Signature=', `GET /?Action=DescribeVpcs&Signature=${VALUE}&Version=1`],
    ['SecurityToken=', `GET /?SecurityToken=${VALUE}&Action=DescribeVpcs`],
    ['x-acs-security-token header', `x-acs-security-token: ${VALUE}`],
    ['x-acs-bearer-token header', `"x-acs-bearer-token": "${VALUE}"`],
    ['access_key_secret (aliyun config)', `{"access_key_secret": "${VALUE}"}`],
    ['AccessKeySecret', `AccessKeySecret=${VALUE}`],
    ['sts_token (aliyun config)', `{"mode": "StsToken", "sts_token": "${VALUE}"}`],
    ['StsToken=', `StsToken=${VALUE}`],
    ['security_token', `security_token: ${VALUE}`],
    ['authorization header', `authorization: acs ${VALUE}`],
  ];
  for (const [label, text] of cases) {
    it(`scrubs the value after ${label}`, () => {
      const out = redactPatterns(text);
      assert.ok(!out.includes(VALUE), out);
      assert.match(out, /\[redacted\]/);
    });
  }

  it('keeps ordinary text, and the label of what was scrubbed', () => {
    assert.equal(redactPatterns('DescribeVpcs in cn-hangzhou: Throttling.User'), 'DescribeVpcs in cn-hangzhou: Throttling.User');
    assert.equal(
      redactPatterns(`"sts_token": "${VALUE}", "region_id": "cn-hangzhou"`),
      '"sts_token": "[redacted]", "region_id": "cn-hangzhou"',
    );
    assert.equal(redactPatterns(`a&SecurityToken=${VALUE}&b=1`), 'a&SecurityToken=[redacted]&b=1');
  });

  it("scrubs a session's own secrets wherever they appear, longest first, but not values too short to be told from words", () => {
    const redactor = new Redactor();
    redactor.addSecret('abc12');
    redactor.addSecret('token-1');
    redactor.addSecret('token-1-long');
    redactor.addSecret(undefined);
    assert.equal(redactor.redact('x token-1-long y token-1 z abc12'), 'x [redacted] y [redacted] z abc12');
  });
});

describe('the redacting logger and log lines', () => {
  it('passes every level through redaction, message and string fields alike, other values as they are', () => {
    // A sink that keeps exactly what it was handed (fields undefined included).
    const lines: Array<[string, string, LogFields | undefined]> = [];
    const sink = (level: string) => (message: string, fields?: LogFields) => void lines.push([level, message, fields]);
    const inner: CloudLogger = { debug: sink('debug'), info: sink('info'), warn: sink('warn'), error: sink('error') };
    const redactor = new Redactor();
    redactor.addSecret(VALUE);
    const log = redactingLogger(inner, (text) => redactor.redact(text));
    log.debug(`debug ${VALUE}`, { detail: VALUE, attempt: 2, retryable: true, requestId: undefined });
    log.info(`info ${VALUE}`);
    log.warn(`warn ${VALUE}`, { code: `X.${VALUE}` });
    log.error(`error ${VALUE}`, { detail: `SecurityToken=${VALUE}` });
    assert.deepEqual(lines, [
      ['debug', 'debug [redacted]', { detail: '[redacted]', attempt: 2, retryable: true, requestId: undefined }],
      ['info', 'info [redacted]', undefined],
      ['warn', 'warn [redacted]', { code: 'X.[redacted]' }],
      ['error', 'error [redacted]', { detail: 'SecurityToken=[redacted]' }],
    ]);
  });

  it('a line is the message and its defined fields, key=value, one space apart', () => {
    assert.equal(formatLogLine('api call'), 'api call');
    assert.equal(formatLogLine('api call', { requestId: undefined }), 'api call');
    assert.equal(
      formatLogLine('api call', { action: 'DescribeVpcs', requestId: undefined, attempt: 1 }),
      'api call action=DescribeVpcs attempt=1',
    );
  });

  it('scrubs a secret of exactly the shortest length it remembers', () => {
    const redactor = new Redactor();
    redactor.addSecret('abc123');
    assert.equal(redactor.redact('x abc123 y'), 'x [redacted] y');
  });
});

describe("a session's log lines are redacted", function () {
  this.timeout(30_000);
  let emu: Emulator;
  let gateway: Server;
  let gatewayEndpoint: string;
  let failing = false;

  before(async () => {
    emu = await emulator();
    const upstream = new URL(emu.endpoint);
    // Passes requests to the emulator and answers with its body, the RequestId replaced by an echo of the request's token header;
    // in `failing` mode it answers an error whose every text echoes the token.
    gateway = createServer((req, res) => {
      if (failing) {
        const token = String(req.headers['x-acs-security-token']);
        const text = JSON.stringify({
          Code: `Forbidden.Echo.${token}`,
          Message: `token ${token} refused`,
          RequestId: `req-${token}`,
          Recommend: `https://api.example/?token=${token}`,
        });
        res.writeHead(403, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
        res.end(text);
        return;
      }
      const forwarded = httpRequest(
        { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
        (answer) => {
          const chunks: Buffer[] = [];
          answer.on('data', (c: Buffer) => chunks.push(c));
          answer.on('end', () => {
            const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
            body.RequestId = `echo x-acs-security-token: ${String(req.headers['x-acs-security-token'])}`;
            const text = JSON.stringify(body);
            res.writeHead(answer.statusCode ?? 500, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
            res.end(text);
          });
        },
      );
      req.pipe(forwarded);
    });
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
    gatewayEndpoint = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}`;
  });
  after(async () => {
    await new Promise<void>((resolve) => gateway.close(() => resolve()));
    await emu.close();
  });

  it('an STS session whose answers echo its token: the log line has the call, not the token', async () => {
    const sts = DEFAULT_SEED.main.sts;
    const log = recordingLogger();
    const cloud = await cloudFor(emu, {
      endpoint: gatewayEndpoint,
      logger: log,
      env: {
        ALIBABA_CLOUD_ACCESS_KEY_ID: sts.accessKeyId,
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: sts.accessKeySecret,
        ALIBABA_CLOUD_SECURITY_TOKEN: sts.securityToken,
      },
    });
    const answer = await cloud.vpc.describeVpcs({ VpcId: DEFAULT_SEED.main.vpcId });
    assert.ok(
      String((answer as { RequestId?: string }).RequestId).includes(sts.securityToken),
      'the gateway echoed the token (else this test proves nothing)',
    );
    const lines = log.lines.map((l) => formatLogLine(l.message, l.fields));
    const call = lines.find((l) => l.includes('action=DescribeVpcs'));
    assert.ok(call !== undefined, lines.join('\n'));
    assert.match(call, /requestId=echo x-acs-security-token: \[redacted\]/);
    for (const line of lines) assert.ok(!line.includes(sts.securityToken), `the token reached the log: ${line}`);
  });

  it('an error answer that echoes the token in its code, message, RequestId and Recommend: the CloudError and the log carry none of it', async () => {
    const sts = DEFAULT_SEED.main.sts;
    const log = recordingLogger();
    const cloud = await cloudFor(emu, {
      endpoint: gatewayEndpoint,
      logger: log,
      env: {
        ALIBABA_CLOUD_ACCESS_KEY_ID: sts.accessKeyId,
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: sts.accessKeySecret,
        ALIBABA_CLOUD_SECURITY_TOKEN: sts.securityToken,
      },
    });
    failing = true;
    try {
      const err = await rejection(cloud.vpc.describeVpcs({}));
      assert.ok(err instanceof CloudError, String(err));
      assert.equal(err.status, 403);
      assert.equal(err.code, 'Forbidden.Echo.[redacted]');
      const visible = [
        err.message,
        err.stack ?? '',
        JSON.stringify(err),
        String(err.requestId),
        String(err.recommend),
        ...log.lines.map((l) => formatLogLine(l.message, l.fields)),
      ].join('\n');
      assert.ok(!visible.includes(sts.securityToken), visible);
    } finally {
      failing = false;
    }
  });
});
