/**
 * Shared by the emulator tests: the REAL @alicloud/openapi-client pointed at a started emulator,
 * called exactly the way generated product SDKs call RPC operations (reference §7.1).
 */
import * as http from 'node:http';
import OpenApi, * as $OpenApi from '@alicloud/openapi-client';
import OpenApiUtil from '@alicloud/openapi-util';
import * as $Util from '@alicloud/tea-util';
import type { Emulator, EmulatorAccount } from '../../src/emulator';

export type Signing = 'ACS3' | 'V1';

/** A response body as JSON; the tests themselves assert its shape, field by field. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type WireBody = Record<string, any>;

export interface ApiClient {
  call(action: string, version: string, params?: Record<string, unknown>): Promise<WireBody>;
}

/** Product versions, so tests read `call('DescribeVpcs', VPC, …)`. */
export const VPC = '2016-04-28';
export const ECS = '2014-05-26';
export const RDS = '2014-08-15';
export const HBASE = '2019-01-01';
export const EMR = '2021-03-20';
export const RAM = '2015-05-01';
export const STS = '2015-04-01';

/** A client for one account of the emulator, signing with ACS3 (default) or V1 (`signatureAlgorithm: 'v2'`). */
export function clientFor(
  emulator: Emulator,
  account: Pick<EmulatorAccount, 'accessKeyId' | 'accessKeySecret'> & { securityToken?: string },
  signing: Signing = 'ACS3',
  options: { readTimeout?: number; body?: boolean; method?: 'GET' | 'POST' } = {},
): ApiClient {
  const config = new $OpenApi.Config({
    accessKeyId: account.accessKeyId,
    accessKeySecret: account.accessKeySecret,
    securityToken: account.securityToken,
    endpoint: emulator.endpoint.replace(/^http:\/\//, ''),
    protocol: 'http',
    readTimeout: options.readTimeout,
    ...(signing === 'V1' ? { signatureAlgorithm: 'v2' } : {}),
  });
  const client = new OpenApi(config);
  return {
    async call(action, version, params = {}) {
      const apiParams = new $OpenApi.Params({
        action,
        version,
        protocol: 'HTTPS',
        pathname: '/',
        method: options.method ?? 'POST',
        authType: 'AK',
        style: 'RPC',
        reqBodyType: 'formData',
        bodyType: 'json',
      });
      const request = options.body
        ? new $OpenApi.OpenApiRequest({ body: OpenApiUtil.query(params) })
        : new $OpenApi.OpenApiRequest({ query: OpenApiUtil.query(params) });
      const response = await client.callApi(apiParams, request, new $Util.RuntimeOptions({ readTimeout: options.readTimeout }));
      return response.body as WireBody;
    },
  };
}

/** The error a call rejects with (fails the test when the call succeeds). */
export async function failure(promise: Promise<unknown>): Promise<{ code: string; statusCode: number; message: string; data: WireBody }> {
  try {
    await promise;
  } catch (err) {
    return err as { code: string; statusCode: number; message: string; data: WireBody };
  }
  throw new Error('expected the call to fail, but it succeeded');
}

/** A request exactly as the real client put it on the wire. */
export interface CapturedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: Buffer;
}

/**
 * Lets the real client sign a request against a throwaway local listener and returns it
 * untouched, so tests can replay or tamper with a genuinely signed request.
 */
export async function captureSignedRequest(
  account: Pick<EmulatorAccount, 'accessKeyId' | 'accessKeySecret'> & { securityToken?: string },
  signing: Signing,
  action: string,
  version: string,
  params: Record<string, unknown>,
  options: { body?: boolean } = {},
): Promise<CapturedRequest> {
  let captured: CapturedRequest | undefined;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const headers: Record<string, string> = {};
      for (let i = 0; i < req.rawHeaders.length; i += 2) headers[req.rawHeaders[i]!.toLowerCase()] = req.rawHeaders[i + 1]!;
      captured = { method: req.method!, path: req.url!, headers, body: Buffer.concat(chunks) };
      res.writeHead(200, { 'content-type': 'application/json;charset=utf-8' });
      res.end('{"RequestId":"captured"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const port = (server.address() as { port: number }).port;
    const fake = { endpoint: `http://127.0.0.1:${port}` } as Emulator;
    await clientFor(fake, account, signing, options).call(action, version, params);
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  if (!captured) throw new Error('the client sent nothing');
  return captured;
}

/** Sends a (possibly altered) captured request to the emulator as raw HTTP; resolves to status and parsed body. */
export function replay(
  emulator: Emulator,
  request: CapturedRequest,
): Promise<{ status: number; body: WireBody; headers: http.IncomingHttpHeaders }> {
  const url = new URL(emulator.endpoint);
  return new Promise((resolve, reject) => {
    const headers = { ...request.headers };
    delete headers['transfer-encoding'];
    delete headers['content-length'];
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        method: request.method,
        path: request.path,
        headers: { ...headers, 'content-length': request.body.length },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          try {
            resolve({
              status: res.statusCode!,
              body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as WireBody,
              headers: res.headers,
            });
          } catch (err) {
            reject(err as Error);
          }
        });
      },
    );
    req.on('error', reject);
    req.end(request.body);
  });
}

/** Plain HTTP to the emulator's control endpoints. */
export async function control(
  emulator: Emulator,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: WireBody; text: string; contentType: string }> {
  const response = await fetch(`${emulator.endpoint}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: WireBody = {};
  try {
    parsed = JSON.parse(text) as WireBody;
  } catch {
    // HTML page
  }
  return { status: response.status, body: parsed, text, contentType: response.headers.get('content-type') ?? '' };
}
