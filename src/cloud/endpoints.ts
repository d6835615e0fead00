/**
 * Where each product's API lives, per region, and the single override that sends every
 * product to one endpoint (the emulator): option `endpoint` or env `MCVPC_ENDPOINT`.
 */

import { quoteForMessage } from '../core/displayText';

/**
 * Where a product's API answers, in the generated SDKs' own terms (each service's `EndpointType`
 * "regional" or "central" and its `EndpointMap` of regions with their own host, e.g.
 * alibaba-cloud-sdk-go services/<p>/endpoint.go): the map first, then the rule. Each product file
 * states its rule; nothing here names a product.
 */
export interface EndpointRule {
  /** The host's first label: `<prefix>.<region>.aliyuncs.com` (regional) or `<prefix>.aliyuncs.com` (central). */
  prefix: string;
  rule: 'regional' | 'central';
  /** Regions whose host is not the rule's, checked first. */
  map?: Readonly<Record<string, string>>;
  /**
   * The calls name their region only in the host (ROA APIs without RegionId). Sent to an override,
   * such a call keeps the product's host in front of the override's address as URL user-info,
   * `maxcompute.cn-shanghai.aliyuncs.com@127.0.0.1:8787`: the URL parser connects to the address
   * after `@`, and the Host header (which the signature covers) still names the endpoint, so the
   * emulator tells the region as the cloud does. Browsers never send such a Host.
   */
  regionInHost?: boolean;
}

/** Host (and port) plus protocol, as the OpenAPI client's Config wants them. */
export interface ResolvedEndpoint {
  /** `host[:port]`, sent verbatim as the Host header. */
  host: string;
  protocol: 'http' | 'https';
}

/** The public endpoint host of a product, by its rule, in a region. */
export function endpointHost(endpoint: EndpointRule, regionId: string): string {
  const mapped = endpoint.map !== undefined && Object.hasOwn(endpoint.map, regionId) ? endpoint.map[regionId] : undefined;
  if (mapped !== undefined) return mapped;
  return endpoint.rule === 'central' ? `${endpoint.prefix}.aliyuncs.com` : `${endpoint.prefix}.${regionId}.aliyuncs.com`;
}

/** What a region id looks like (cn-hangzhou, ap-southeast-1, cn-shanghai-finance-1). */
const REGION_ID = /^[a-z]{2,}(-[a-z0-9]+){1,4}$/;

/** Throws unless `regionId` looks like a region id: it becomes part of host names and log lines. */
export function checkRegionId(regionId: string): string {
  if (!REGION_ID.test(regionId)) throw new Error(`${quoteForMessage(regionId.slice(0, 64))} is not a region id (like cn-hangzhou).`);
  return regionId;
}

/** The environment variable that points every product at one endpoint (the emulator). */
export const ENDPOINT_OVERRIDE_ENV = 'MCVPC_ENDPOINT';

/**
 * Parses an override such as `http://127.0.0.1:8787` or `https://gw.example:443`; a bare
 * `host[:port]` means https. Throws a message naming the source when it is malformed.
 */
export function parseEndpointOverride(value: string, source: string): ResolvedEndpoint {
  const trimmed = value.trim();
  const withScheme = /^[a-z]+:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new Error(`${source}: "${value}" is not an endpoint; expected http://HOST:PORT or https://HOST[:PORT].`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`${source}: "${value}" uses ${url.protocol}; only http and https are supported.`);
  }
  if ((url.pathname !== '/' && url.pathname !== '') || url.search !== '' || url.username !== '') {
    throw new Error(`${source}: "${value}" must be just a scheme, host and port (no path, query or user).`);
  }
  return { host: url.host, protocol: url.protocol === 'http:' ? 'http' : 'https' };
}

/** Endpoint of a product in a region, honouring the override when one is set. */
export function resolveEndpoint(endpoint: EndpointRule, regionId: string, override: ResolvedEndpoint | undefined): ResolvedEndpoint {
  if (override === undefined) return { host: endpointHost(endpoint, regionId), protocol: 'https' };
  if (endpoint.regionInHost === true) return { host: `${endpointHost(endpoint, regionId)}@${override.host}`, protocol: override.protocol };
  return override;
}
