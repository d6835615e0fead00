/**
 * The Alibaba Cloud API layer. `createCloud` resolves credentials (credentials.ts) and region,
 * then hands out one typed API object per product of the table (products/index.ts), all sending through one
 * Caller (caller.ts): a concurrency cap shared by the whole session, ACS3-signed RPC calls
 * via @alicloud/openapi-client, retries with jittered backoff for throttling/5xx/dropped
 * connections/timeouts (up to 20 s per call), a ClientToken where the API documents one (reused by its retries), a per-call
 * timeout and AbortSignal, a redacted log line per attempt, and CloudError for every failure.
 * Each product file maps its wire shapes into model types and defines its listings; listings.ts
 * merges those and paging.ts serves "Load more" and whole listings.
 *
 * Endpoints: per product (its rule) and region (endpoints.ts), or everything at one endpoint given by the
 * `endpoint` option or MCVPC_ENDPOINT=http://HOST:PORT (the emulator).
 */

import { Caller, type CallOptions, type RetryNotice } from './caller';
import { checkRegionId, ENDPOINT_OVERRIDE_ENV, parseEndpointOverride, type ResolvedEndpoint } from './endpoints';
import { ConcurrencyLimiter } from './limiter';
import { cloudListings, type CloudListings } from './listings';
import { redactingLogger, silentLogger, type CloudLogger } from './logger';
import { fetchAll, fetchPage, type FetchAllOptions, type Listing, type Page, type PageCursor } from './paging';
import { PRODUCT_TABLE, type CloudProducts } from './products';
import { Redactor } from './redact';
import { retryPolicy, type RetryPolicy } from './retry';
import { resolveCredentials, type ResolvedCredentials } from './credentials';

/** How to open a cloud session; everything is optional. */
export interface CloudOptions {
  /** A profile of the aliyun CLI config (see credentials.ts for the precedence when absent). */
  profile?: string;
  /** The session's region; else the region variable, else the profile's region_id, else cn-hangzhou. */
  regionId?: string;
  /** Send every product to this endpoint, e.g. `http://127.0.0.1:8787`; overrides MCVPC_ENDPOINT. */
  endpoint?: string;
  /** The aliyun CLI config file; defaults to ~/.aliyun/config.json. */
  configFile?: string;
  /** The environment to read (credentials, region, MCVPC_ENDPOINT); defaults to process.env. */
  env?: NodeJS.ProcessEnv;
  /** Per-attempt timeout; default 10 000 ms. */
  timeoutMs?: number;
  /** Requests in flight at once across the whole session; default 8. */
  maxConcurrency?: number;
  retry?: Partial<RetryPolicy>;
  logger?: CloudLogger;
  /** Told of every retry before its wait begins (the CLI prints a progress line). */
  onRetry?: (notice: RetryNotice) => void;
}

/** Where the session's credentials came from. No secrets. */
export interface CredentialInfo {
  mode: string;
  source: string;
}

/** An open cloud session: typed APIs per product (`cloud.polardb`: one per line of the product table) plus listings and paging. */
export interface Cloud extends CloudProducts {
  readonly regionId: string;
  /** The profile name in use, or "(environment)" for environment variables. */
  readonly accountProfile: string;
  readonly credentialInfo: CredentialInfo;
  readonly lists: CloudListings;
  /** One page of a listing (the first without a cursor). */
  fetchPage<T>(listing: Listing<T>, cursor?: PageCursor, options?: CallOptions): Promise<Page<T>>;
  /** Every item of a listing. */
  fetchAll<T>(listing: Listing<T>, options?: FetchAllOptions): Promise<T[]>;
  /** The same session (credentials, concurrency cap, logger) in another region. */
  withRegion(regionId: string): Cloud;
}

/** The session's product APIs alone (what the engine and the target kinds call). */
export type { CloudProducts } from './products';

/** Used when neither the options, the environment nor the profile name a region. */
export const FALLBACK_REGION = 'cn-hangzhou';
const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_CONCURRENCY = 8;

/** Opens a cloud session; rejects with a clear message when credentials or options are wrong. */
export async function createCloud(options: CloudOptions = {}): Promise<Cloud> {
  const env = options.env ?? process.env;
  const credentials = await resolveCredentials({ profile: options.profile, configFile: options.configFile, env });
  const override = endpointOverride(options.endpoint, env);
  const redactor = new Redactor();
  for (const secret of credentials.secrets) redactor.addSecret(secret);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!(timeoutMs > 0)) throw new Error(`timeoutMs must be a positive number of milliseconds, got ${timeoutMs}.`);
  const shared = {
    credential: credentials.credential,
    endpointOverride: override,
    limiter: new ConcurrencyLimiter(options.maxConcurrency ?? DEFAULT_MAX_CONCURRENCY),
    retry: retryPolicy(options.retry),
    timeoutMs,
    // Redaction costs a few regexes per line: skip it when nothing is listening.
    logger: options.logger === undefined ? silentLogger : redactingLogger(options.logger, (text) => redactor.redact(text)),
    redactor,
    onRetry: options.onRetry,
  };
  const session = (regionId: string): Cloud =>
    buildCloud(new Caller({ ...shared, regionId: checkRegionId(regionId) }), credentials, session);
  return session(options.regionId ?? credentials.regionId ?? FALLBACK_REGION);
}

function endpointOverride(option: string | undefined, env: NodeJS.ProcessEnv): ResolvedEndpoint | undefined {
  if (option !== undefined && option !== '') return parseEndpointOverride(option, 'The endpoint option');
  const fromEnv = env[ENDPOINT_OVERRIDE_ENV];
  if (fromEnv !== undefined && fromEnv !== '') return parseEndpointOverride(fromEnv, ENDPOINT_OVERRIDE_ENV);
  return undefined;
}

function buildCloud(caller: Caller, credentials: ResolvedCredentials, session: (regionId: string) => Cloud): Cloud {
  const apis = Object.fromEntries(PRODUCT_TABLE.map((p) => [p.key, p.api(caller)])) as CloudProducts;
  return {
    ...apis,
    regionId: caller.regionId,
    accountProfile: credentials.profile,
    credentialInfo: { mode: credentials.mode, source: credentials.source },
    lists: cloudListings(apis, caller.regionId),
    fetchPage,
    fetchAll,
    withRegion: session,
  };
}

export { CloudError, isCancellation, isNotFoundError, isNoCredentialsError, type CloudErrorKind } from './errors';
export { describeError, formatDescribedError, hintFor, type DescribedError } from './describeError';
export type { CloudLogger, LogFields } from './logger';
export { formatLogLine, silentLogger } from './logger';
export type { CallOptions, RetryNotice } from './caller';
export type { Listing, PageNumberListing, NextTokenListing, Page, PageCursor, FetchAllOptions } from './paging';
export type { CloudListings } from './listings';
export type { RetryPolicy } from './retry';
export { listProfiles, ENVIRONMENT_PROFILE, type ProfileSummary, type CredentialOptions } from './credentials';
export { productHost } from './products';
