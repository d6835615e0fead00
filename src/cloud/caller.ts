/**
 * The one path every API call takes: concurrency cap → signed RPC call through
 * @alicloud/openapi-client (ACS3-HMAC-SHA256) → classification into CloudError → retry with
 * backoff → a log line per attempt. Product modules (products/*.ts) describe actions; this file
 * owns the behaviour around them.
 */

import { randomUUID } from 'node:crypto';
import OpenApi, * as $OpenApi from '@alicloud/openapi-client';
import OpenApiUtil from '@alicloud/openapi-util';
import * as $Util from '@alicloud/tea-util';
import type Credential from '@alicloud/credentials';
import { cancelledError, CloudError, deadlineError, toCloudError } from './errors';
import { checkRegionId, resolveEndpoint, type EndpointRule, type ResolvedEndpoint } from './endpoints';
import type { ConcurrencyLimiter } from './limiter';
import type { CloudLogger } from './logger';
import type { Redactor } from './redact';
import { nextRetryDelayMs, sleep, type RetryPolicy } from './retry';

/** An OpenAPI product: its code, API version and endpoint rule (each products/<p>.ts states its own). */
export interface Product {
  /** The OpenAPI product code (`Ecs`, `polardb`, `hitsdb`…): log lines, errors. */
  code: string;
  version: string;
  /** False for global products (RAM, STS), whose actions take no RegionId. */
  regional: boolean;
  endpoint: EndpointRule;
  /**
   * The create/modify actions whose reference documents a ClientToken, checked in Alibaba's
   * generated SDK request models; mutations of the product's other actions are sent without one
   * (products/operation.ts, `mutation`).
   */
  clientTokenActions?: ReadonlySet<string>;
}

/** Per-call options every API method accepts. */
export interface CallOptions {
  /** Cancels the call: it rejects promptly with a CloudError of kind 'cancelled' and is not retried. */
  signal?: AbortSignal;
  /** Overrides the session's per-attempt timeout. */
  timeoutMs?: number;
}

/** How an action is sent. */
export interface ActionCall {
  product: Product;
  action: string;
  /** The request's parameters, nested; flattened to `Name.N.Field` here. */
  params: object;
  /**
   * Send a ClientToken, generated once and reused by every retry, so that a retry of a request
   * that acted but lost its answer returns the first result instead of acting again. Only for
   * actions whose API documents ClientToken (a product's clientTokenActions); others get none.
   */
  clientToken: boolean;
}

/**
 * How a ROA-style action is sent (MaxCompute 2022-01-04): a method and a path, a JSON body, and
 * the region only in the endpoint's host (the API takes no RegionId).
 */
export interface RoaCall {
  product: Product;
  action: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** The path with its parameters already percent-encoded. */
  pathname: string;
  /** The region whose endpoint is called (the API takes no RegionId); default the session's. */
  regionId?: string;
  /** Sent as the JSON request body (a string is sent as it is). */
  body?: string;
  /**
   * False for a create the API cannot de-duplicate (no ClientToken): an attempt that may have acted
   * (a dropped connection, a timeout, a 5xx) is not sent again; the caller reads back instead.
   * Throttling is still retried: a throttled request did not act.
   */
  retrySafe: boolean;
}

/** A failed attempt about to be retried, for progress output ("retrying in 1.2 s"). */
export interface RetryNotice {
  product: string;
  action: string;
  /** The attempt that failed (1 = the first). */
  attempt: number;
  code: string;
  delayMs: number;
}

/** Everything one session's calls share. */
export interface CallerSettings {
  credential: Credential;
  /** The session's region: the RegionId sent when a request names none, and the endpoint's region. */
  regionId: string;
  endpointOverride?: ResolvedEndpoint;
  limiter: ConcurrencyLimiter;
  retry: RetryPolicy;
  timeoutMs: number;
  logger: CloudLogger;
  redactor: Redactor;
  /** Told of every retry before its wait begins. */
  onRetry?: (notice: RetryNotice) => void;
}

/**
 * httpx hands connectTimeout to Node as the socket's idle timeout, which also runs while the
 * answer is awaited: below the read timeout, a slow answer would be reported "ConnectTimeout".
 * A little above it, the read timer (started once connected) fires first and names the wait
 * that ran out; a host that never connects still fails within the call's timeout plus this.
 */
const CONNECT_TIMEOUT_MARGIN_MS = 100;

/** Sends API calls for one cloud session. */
export class Caller {
  private readonly clients = new Map<string, OpenApi>();

  constructor(private readonly settings: CallerSettings) {}

  /** The session's region. */
  get regionId(): string {
    return this.settings.regionId;
  }

  /** Calls an action and returns its parsed JSON body, retrying what is worth retrying. */
  async call<Response>(call: ActionCall, options: CallOptions = {}): Promise<Response> {
    const { product, action, clientToken } = call;
    const params: Record<string, unknown> = { ...(call.params as Record<string, unknown>) };
    // RegionId is not sent by the client on its own (reference §7.1): fill the session's.
    if (product.regional && params.RegionId === undefined) params.RegionId = this.settings.regionId;
    // Generated once per logical call, so every retry carries the same token.
    if (clientToken && params.ClientToken === undefined) params.ClientToken = randomUUID();
    const regionId = typeof params.RegionId === 'string' ? params.RegionId : this.settings.regionId;
    this.checkRegion(product, action, regionId);
    const query = OpenApiUtil.query(params) as Record<string, string>;
    const request = (): $OpenApi.OpenApiRequest => new $OpenApi.OpenApiRequest({ query });
    const rpc = new $OpenApi.Params({
      action,
      version: product.version,
      protocol: 'HTTPS',
      pathname: '/',
      method: 'POST',
      authType: 'AK',
      style: 'RPC',
      reqBodyType: 'formData',
      bodyType: 'json',
    });
    return this.send<Response>(product, action, regionId, rpc, request, () => true, options);
  }

  /** Calls a ROA action in the session's region; its parsed JSON body (MaxCompute's PopResult). */
  async callRoa<Response>(call: RoaCall, options: CallOptions = {}): Promise<Response> {
    const { product, action } = call;
    const regionId = call.regionId ?? this.settings.regionId;
    this.checkRegion(product, action, regionId);
    const request = (): $OpenApi.OpenApiRequest => new $OpenApi.OpenApiRequest(call.body === undefined ? {} : { body: call.body });
    const roa = new $OpenApi.Params({
      action,
      version: product.version,
      protocol: 'HTTPS',
      pathname: call.pathname,
      method: call.method,
      authType: 'AK',
      style: 'ROA',
      reqBodyType: 'json',
      bodyType: 'json',
    });
    const mayRetry = call.retrySafe ? () => true : (error: CloudError) => error.kind === 'throttled';
    return this.send<Response>(product, action, regionId, roa, request, mayRetry, options);
  }

  private checkRegion(product: Product, action: string, regionId: string): void {
    try {
      // The region names the endpoint's host: nothing that is not a region id may get there.
      checkRegionId(regionId);
    } catch (err) {
      throw new CloudError({
        kind: 'client',
        product: product.code,
        action,
        code: 'InvalidRegionId',
        detail: (err as Error).message,
        retryable: false,
      });
    }
  }

  /** Sends one logical call: limiter, attempts, classification, retries, a log line per attempt. */
  private async send<Response>(
    product: Product,
    action: string,
    regionId: string,
    params: $OpenApi.Params,
    request: () => $OpenApi.OpenApiRequest,
    mayRetry: (error: CloudError) => boolean,
    options: CallOptions,
  ): Promise<Response> {
    const { retry, limiter, logger } = this.settings;
    const timeoutMs = options.timeoutMs ?? this.settings.timeoutMs;
    const onAbort = (): CloudError => cancelledError(product.code, action);
    const began = Date.now();

    for (let attempt = 1; ; attempt++) {
      const release = await limiter.acquire(options.signal, onAbort);
      const started = Date.now();
      let outcome: { body: Response; status: number } | CloudError;
      try {
        outcome = await this.attempt<Response>(product, action, regionId, params, request, timeoutMs, options.signal);
      } catch (thrown) {
        outcome = toCloudError(thrown, product.code, action, this.settings.redactor);
      } finally {
        release();
      }
      const fields = { product: product.code, action, region: regionId, attempt, durationMs: Date.now() - started };
      if (!(outcome instanceof CloudError)) {
        const body = outcome.body as { RequestId?: unknown; requestId?: unknown };
        const requestId =
          typeof body.RequestId === 'string' ? body.RequestId : typeof body.requestId === 'string' ? body.requestId : undefined;
        logger.info('api call', { ...fields, status: outcome.status, requestId });
        return outcome.body;
      }
      const error = outcome;
      error.attempts = attempt;
      const logged = { ...fields, status: error.status, requestId: error.requestId, code: error.code, detail: error.detail };
      if (error.kind === 'cancelled') {
        // The caller asked for this; not a failure worth an error line.
        logger.info('api call cancelled', logged);
        throw error;
      }
      const delayMs =
        error.retryable && mayRetry(error) && options.signal?.aborted !== true
          ? nextRetryDelayMs(retry, attempt, Date.now() - began)
          : undefined;
      if (delayMs === undefined) {
        logger.error('api call failed', logged);
        throw error;
      }
      logger.warn('api call failed, retrying', { ...logged, retryInMs: delayMs });
      this.settings.onRetry?.({ product: product.code, action, attempt, code: error.code, delayMs });
      await sleep(delayMs, options.signal, onAbort);
    }
  }

  /** One HTTP exchange, raced against the caller's signal and the attempt's deadline. */
  private async attempt<Response>(
    product: Product,
    action: string,
    regionId: string,
    params: $OpenApi.Params,
    request: () => $OpenApi.OpenApiRequest,
    timeoutMs: number,
    signal: AbortSignal | undefined,
  ): Promise<{ body: Response; status: number }> {
    const client = this.client(product, regionId);
    const runtime = new $Util.RuntimeOptions({
      readTimeout: timeoutMs,
      connectTimeout: timeoutMs + CONNECT_TIMEOUT_MARGIN_MS,
      autoretry: false,
    });
    const sent = client.callApi(params, request(), runtime) as Promise<{ body: Response; statusCode: number }>;
    const result = await raceSignalAndDeadline(
      sent,
      signal,
      timeoutMs,
      () => cancelledError(product.code, action),
      () => deadlineError(product.code, action, timeoutMs),
    );
    return { body: result.body, status: result.statusCode };
  }

  /** One OpenAPI client per product and endpoint, created on first use. */
  private client(product: Product, regionId: string): OpenApi {
    const endpoint = resolveEndpoint(product.endpoint, regionId, this.settings.endpointOverride);
    const key = `${endpoint.protocol}://${endpoint.host}`;
    let client = this.clients.get(key);
    if (client === undefined) {
      client = new OpenApi(
        new $OpenApi.Config({
          credential: this.settings.credential,
          endpoint: endpoint.host,
          protocol: endpoint.protocol,
          regionId,
        }),
      );
      this.clients.set(key, client);
    }
    return client;
  }
}

/**
 * Settles with `work`, unless the signal fires or the deadline passes first. The client cannot
 * be told to abort its socket, so an abandoned request runs on until its own read timeout (the
 * same deadline); its late result is swallowed. A request abandoned here may still have acted.
 * Retried, it acts once only where the API honours a ClientToken (ECS group create, authorize,
 * revoke: see products/ecs.ts); RDS and HBase whitelist and group changes take none, so
 * their retry may act again — harmless only because the engine reads before it writes and
 * verifies after.
 */
function raceSignalAndDeadline<T>(
  work: Promise<T>,
  signal: AbortSignal | undefined,
  deadlineMs: number,
  onAbort: () => Error,
  onDeadline: () => Error,
): Promise<T> {
  if (signal?.aborted) {
    work.catch(() => undefined);
    return Promise.reject(onAbort());
  }
  return new Promise<T>((resolve, reject) => {
    // A little past the client's own read timeout, so the client's richer error normally wins.
    const timer = setTimeout(() => finish(() => reject(onDeadline())), deadlineMs + 250);
    const abort = (): void => finish(() => reject(onAbort()));
    signal?.addEventListener('abort', abort, { once: true });
    let settled = false;
    function finish(settle: () => void): void {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', abort);
      settle();
    }
    work.then(
      (value) => finish(() => resolve(value)),
      (err: unknown) => finish(() => reject(err)),
    );
  });
}
