/**
 * Shared by the emulator tests: the REAL @alicloud/openapi-client pointed at a started emulator,
 * called exactly the way generated product SDKs call RPC operations (reference §7.1).
 */
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
export function clientFor(emulator: Emulator, account: Pick<EmulatorAccount, 'accessKeyId' | 'accessKeySecret'> & { securityToken?: string }, signing: Signing = 'ACS3', options: { readTimeout?: number; body?: boolean } = {}): ApiClient {
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
        action, version, protocol: 'HTTPS', pathname: '/', method: 'POST', authType: 'AK', style: 'RPC', reqBodyType: 'formData', bodyType: 'json',
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
