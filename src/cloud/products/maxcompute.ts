/**
 * MaxCompute 2022-01-04, its network-link operations (reference §6): ROA calls on
 * `maxcompute.<region>.aliyuncs.com`, answered with a `PopResult` {requestId, httpCode,
 * errorCode, errorMsg, data}. No generated SDK has these four yet; they are called as the
 * generated client calls the product's other ROA operations (a path, a method, a JSON body).
 */
import type { NetworkLink } from '../../core/model';
import type { CallOptions, Caller, Product } from '../caller';
import { apiErrorKind, CloudError, isRetryableApiError } from '../errors';
import { defineProduct } from './definition';

/**
 * The API reference's endpoint table (api-maxcompute-2022-01-04-endpoint): one host per region.
 * [unverified] The generated SDKs' endpoint map names maxcompute.aliyuncs.com for every region.
 * The calls take no RegionId: the region is in the host alone.
 */
export const MAXCOMPUTE_PRODUCT: Product = {
  code: 'MaxCompute',
  version: '2022-01-04',
  regional: true,
  endpoint: { prefix: 'maxcompute', rule: 'regional', regionInHost: true },
};

/** Every answer of the product. */
export interface PopResult<Data> {
  requestId?: string;
  httpCode?: number;
  errorCode?: string;
  errorMsg?: string;
  data?: Data;
}

export interface WirePassthroughProperties {
  vSwitchId?: string;
  securityGroup?: string;
}
export interface WireReverseAccessProperties {
  /** `ip-or-domain:port;…` */
  target?: string;
  zoneId?: string;
}
export interface WireNetworkLink {
  name: string;
  type?: string;
  region?: string;
  /** Milliseconds since the epoch. */
  createTime?: number;
  status?: string;
  vpcId?: string;
  passthroughProperties?: WirePassthroughProperties;
  reverseaccessProperties?: WireReverseAccessProperties;
}

/** CreateNetworkLink's `body`: a JSON text (the reference's one request parameter). */
export interface CreateNetworkLinkRequest {
  name: string;
  type: 'PASSTHROUGH' | 'REVERSEACCESS';
  region: string;
  vpcId: string;
  passthroughProperties?: { vSwitchId: string; securityGroup: string };
  reverseaccessProperties?: { target: string; zoneId: string };
}

/** The region whose endpoint is called: the API takes none, so it picks the host (default the session's). */
export interface RegionRequest {
  regionId?: string;
}
export interface LinkRequest extends RegionRequest {
  networkLinkName: string;
}

/** The network-link operations; each goes to its region's endpoint. */
export interface MaxComputeApi {
  /** Answers `data: "success"`; the link is then being created (poll GetNetworkLink). Not retried once it may have acted. */
  createNetworkLink(request: CreateNetworkLinkRequest, options?: CallOptions): Promise<PopResult<string>>;
  /** Rejects with a not-found CloudError when no link has the name. */
  getNetworkLink(request: LinkRequest, options?: CallOptions): Promise<PopResult<WireNetworkLink>>;
  listNetworkLinks(request?: RegionRequest, options?: CallOptions): Promise<PopResult<{ networkLinkInfoList?: WireNetworkLink[] }>>;
  removeNetworkLink(request: LinkRequest, options?: CallOptions): Promise<PopResult<string>>;
}

const LINKS_PATH = '/api/v1/tenants/networklinks';

function linkPath(name: string): string {
  return `${LINKS_PATH}/${encodeURIComponent(name)}`;
}

/**
 * [unverified] The reference does not say how a missing link is answered; the emulator answers
 * 404 with a `NotFound` code, which the error vocabulary reads as not-found. A 200 whose
 * PopResult carries httpCode ≥ 400 is taken as that error too.
 */
function popError<Data>(action: string, result: PopResult<Data>): PopResult<Data> {
  const status = result.httpCode;
  if (typeof status === 'number' && status >= 400) {
    const code = result.errorCode ?? `Http${status}`;
    throw new CloudError({
      kind: apiErrorKind(code, status),
      product: MAXCOMPUTE_PRODUCT.code,
      action,
      code,
      detail: result.errorMsg ?? code,
      requestId: result.requestId,
      status,
      retryable: isRetryableApiError(code, status),
    });
  }
  return result;
}

/** The MaxCompute API object of a session. */
function maxComputeApi(caller: Caller): MaxComputeApi {
  const send = async <Data>(
    action: string,
    method: 'GET' | 'POST' | 'DELETE',
    pathname: string,
    regionId: string | undefined,
    options: CallOptions | undefined,
    body?: object,
    retrySafe = true,
  ): Promise<PopResult<Data>> =>
    popError(
      action,
      await caller.callRoa<PopResult<Data>>(
        {
          product: MAXCOMPUTE_PRODUCT,
          action,
          method,
          pathname,
          regionId,
          body: body === undefined ? undefined : JSON.stringify(body),
          retrySafe,
        },
        options,
      ),
    );
  return {
    createNetworkLink: (request, options) => send<string>('CreateNetworkLink', 'POST', LINKS_PATH, request.region, options, request, false),
    getNetworkLink: (request, options) =>
      send<WireNetworkLink>('GetNetworkLink', 'GET', linkPath(request.networkLinkName), request.regionId, options),
    listNetworkLinks: (request, options) =>
      send<{ networkLinkInfoList?: WireNetworkLink[] }>('ListNetworkLinks', 'GET', LINKS_PATH, request?.regionId, options),
    // Removing a link that is gone answers not-found: the caller takes that as done, so a retry is harmless.
    removeNetworkLink: (request, options) =>
      send<string>('RemoveNetworkLink', 'DELETE', linkPath(request.networkLinkName), request.regionId, options),
  };
}

/** A wire link as the model's; the session's region when the answer names none. */
export function toNetworkLink(wire: WireNetworkLink, regionId: string): NetworkLink {
  const link: NetworkLink = {
    name: wire.name,
    regionId: wire.region ?? regionId,
    type: wire.type ?? '',
    status: wire.status ?? '',
    vpcId: wire.vpcId ?? '',
  };
  if (typeof wire.createTime === 'number') link.createTime = wire.createTime;
  const pass = wire.passthroughProperties;
  if (pass?.vSwitchId) link.vSwitchId = pass.vSwitchId;
  if (pass?.securityGroup) link.securityGroupId = pass.securityGroup;
  const reverse = wire.reverseaccessProperties;
  if (reverse?.target) link.reverseTargets = reverse.target;
  if (reverse?.zoneId) link.zoneId = reverse.zoneId;
  return link;
}

/** MaxCompute in the product table: `cloud.maxcompute` (links are read through cloud/reads.ts, not listed). */
export const maxcomputeProduct = defineProduct({ key: 'maxcompute', product: MAXCOMPUTE_PRODUCT, api: maxComputeApi });
