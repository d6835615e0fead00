/**
 * Where each product's API lives, per region, and the single override that sends every
 * product to one endpoint (the emulator): option `endpoint` or env `MCVPC_ENDPOINT`.
 */

import { quoteForMessage } from '../core/displayText';

/** The products this extension calls, by their OpenAPI product code. */
export type ProductCode = 'Vpc' | 'Ecs' | 'Rds' | 'HBase' | 'Emr' | 'polardb' | 'hitsdb' | 'MaxCompute' | 'Ram' | 'Sts';

/** Host (and port) plus protocol, as the OpenAPI client's Config wants them. */
export interface ResolvedEndpoint {
  /** `host[:port]`, sent verbatim as the Host header. */
  host: string;
  protocol: 'http' | 'https';
}

/**
 * Regions whose RDS and HBase APIs answer on the central endpoint.
 * [unverified] The reference lists these for RDS ("most public regions") from the SDK's
 * endpoint map; the HBase list is the same set by assumption (Go SDK map, not re-checked).
 * Everywhere else the regional pattern applies, which Alibaba also serves for these regions,
 * so a wrong entry here costs nothing worse than a different but valid host.
 */
const CENTRAL_RDS_REGIONS = new Set(['cn-hangzhou', 'cn-beijing', 'cn-shanghai', 'cn-shenzhen', 'cn-hongkong', 'ap-southeast-1', 'us-east-1']);
const CENTRAL_HBASE_REGIONS = CENTRAL_RDS_REGIONS;

/**
 * Regions whose PolarDB API answers on the central endpoint: the public regions of the endpoint map
 * in the generated TypeScript SDK (polardb-20170801 client.ts, 2026). Older SDKs also listed
 * cn-shenzhen, cn-hongkong, ap-southeast-1, us-west-1 and us-east-1; those now take the regional
 * pattern, which Alibaba serves as well.
 */
const CENTRAL_POLARDB_REGIONS = new Set(['cn-qingdao', 'cn-beijing', 'cn-wulanchabu', 'cn-hangzhou', 'cn-shanghai', 'cn-heyuan']);

/** The public endpoint host of a product in a region. */
export function productHost(product: ProductCode, regionId: string): string {
  switch (product) {
    case 'Vpc':
      return regionId === 'cn-hangzhou' ? 'vpc.aliyuncs.com' : `vpc.${regionId}.aliyuncs.com`;
    case 'Ecs':
      return regionId === 'cn-hangzhou' ? 'ecs-cn-hangzhou.aliyuncs.com' : `ecs.${regionId}.aliyuncs.com`;
    case 'Rds':
      return CENTRAL_RDS_REGIONS.has(regionId) ? 'rds.aliyuncs.com' : `rds.${regionId}.aliyuncs.com`;
    case 'HBase':
      return CENTRAL_HBASE_REGIONS.has(regionId) ? 'hbase.aliyuncs.com' : `hbase.${regionId}.aliyuncs.com`;
    case 'Emr':
      return `emr.${regionId}.aliyuncs.com`;
    case 'polardb':
      return CENTRAL_POLARDB_REGIONS.has(regionId) ? 'polardb.aliyuncs.com' : `polardb.${regionId}.aliyuncs.com`;
    case 'hitsdb':
      // The SDK has no endpoint map for Lindorm, only the regional rule.
      return `hitsdb.${regionId}.aliyuncs.com`;
    case 'MaxCompute':
      // The API reference's endpoint table (api-maxcompute-2022-01-04-endpoint): one host per region.
      // [unverified] The generated SDKs' endpoint map names maxcompute.aliyuncs.com for every region.
      return `maxcompute.${regionId}.aliyuncs.com`;
    case 'Ram':
      return 'ram.aliyuncs.com';
    case 'Sts':
      return 'sts.aliyuncs.com';
  }
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

/**
 * Products whose calls name their region only in the endpoint's host (ROA APIs without RegionId).
 * Sent to an override, such a call keeps the product's host in front of the override's address as
 * URL user-info, `maxcompute.cn-shanghai.aliyuncs.com@127.0.0.1:8787`: the URL parser connects to
 * the address after `@`, and the Host header (which the signature covers) still names the
 * endpoint, so the emulator tells the region as the cloud does. Browsers never send such a Host.
 */
const REGION_IN_HOST: ReadonlySet<ProductCode> = new Set(['MaxCompute']);

/** Endpoint of a product in a region, honouring the override when one is set. */
export function resolveEndpoint(product: ProductCode, regionId: string, override: ResolvedEndpoint | undefined): ResolvedEndpoint {
  if (override === undefined) return { host: productHost(product, regionId), protocol: 'https' };
  if (REGION_IN_HOST.has(product)) return { host: `${productHost(product, regionId)}@${override.host}`, protocol: override.protocol };
  return override;
}
