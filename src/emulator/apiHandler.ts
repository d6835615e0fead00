/**
 * One OpenAPI request, start to finish: parse, route by action + version, authenticate, apply
 * faults, honour ClientToken, act, persist, answer — and record it in the request log.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ActionDefinition, ProductApi, RoaRoute } from './action';
import { settleNetworkLinks } from './products/networkLink';
import { Authenticator, type Caller, type ReceivedRequest } from './auth';
import { honoursClientToken, rememberToken, replayFor } from './clientTokens';
import { ApiError, missingParameter } from './errors';
import type { FaultDecision, FaultEngine } from './faults';
import { newRequestId } from './ids';
import { flattenObject, Params, parseUrlEncoded } from './params';
import { loggableParams, type RequestLog, type RequestRecord } from './requestLog';
import { BodyTooLargeError, JsonTooDeepError, parseJsonWithin, readBody } from './requestBody';
import type { StateStore } from './store';

/** Bodies larger than this are refused; the product never sends more than a few KB. */
const MAX_BODY_BYTES = 8 * 1024 * 1024;

/** What the API handler shares with the control routes and the server. */
export interface ApiDependencies {
  store: StateStore;
  faults: FaultEngine;
  log: RequestLog;
  products: readonly ProductApi[];
  /** Keeps hung requests' timers so close() can end them. */
  hangs: Set<NodeJS.Timeout>;
}

function headerText(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function bodyParameters(req: IncomingMessage, body: Buffer): Record<string, string> {
  if (body.length === 0) return {};
  const type = (headerText(req, 'content-type') ?? '').toLowerCase();
  if (type.startsWith('application/json')) {
    let parsed: unknown;
    try {
      parsed = parseJsonWithin(body.toString('utf8'));
    } catch (err) {
      if (err instanceof JsonTooDeepError) throw new ApiError('InvalidParameter', err.message);
      throw new ApiError('InvalidParameter', 'The request body is declared as JSON but is not valid JSON.');
    }
    return flattenObject(parsed);
  }
  if (type.startsWith('application/x-www-form-urlencoded') || type === '') {
    return Object.fromEntries(parseUrlEncoded(body.toString('utf8')));
  }
  return {};
}

function sendJson(res: ServerResponse, status: number, body: Record<string, unknown>): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json;charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function errorBody(error: ApiError, requestId: string, product: ProductApi | undefined): Record<string, unknown> {
  const productCode = product?.product ?? 'Unknown';
  return {
    RequestId: requestId,
    HostId: product?.hostId ?? 'openapi.aliyuncs.com',
    Code: error.code,
    Message: error.message,
    Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(error.code)}&product=${productCode}&requestId=${requestId}`,
  };
}

/** The account's region when a call's host names none (the emulator's own host). */
const DEFAULT_REGION = 'cn-hangzhou';

/**
 * The region an endpoint host names, as the cloud tells it: `maxcompute.<region>.aliyuncs.com` (or
 * `maxcompute-vpc.<region>…`), also in front of an `@` (how a client redirected to the emulator
 * keeps naming the endpoint: see src/cloud/endpoints.ts). Undefined for any other host.
 */
export function regionOfHost(host: string, label: string): string | undefined {
  if (label === '') return undefined;
  const named = host.includes('@') ? host.slice(0, host.indexOf('@')) : host;
  const m = new RegExp(`^${label}(?:-vpc)?\\.([a-z]{2,}(?:-[a-z0-9]+){1,4})\\.aliyuncs\\.com$`).exec(named.toLowerCase());
  return m?.[1];
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Serves OpenAPI requests against one store. */
export class ApiHandler {
  private readonly auth: Authenticator;
  private readonly routes = new Map<string, { product: ProductApi; action: ActionDefinition }>();
  private readonly versions = new Map<string, ProductApi>();

  constructor(private readonly deps: ApiDependencies) {
    this.auth = new Authenticator(() => deps.store.state.accounts);
    for (const product of deps.products) {
      this.versions.set(product.version, product);
      for (const [name, action] of Object.entries(product.actions)) this.routes.set(`${product.version}/${name}`, { product, action });
    }
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const arrived = Date.now();
    const requestId = newRequestId();
    const record: RequestRecord = { time: new Date(arrived).toISOString(), requestId, action: '', version: '', status: 0, params: {} };
    let product: ProductApi | undefined;
    try {
      const body = await readBody(req, MAX_BODY_BYTES);
      if (this.deps.faults.latencyMs > 0) await sleep(this.deps.faults.latencyMs);
      const url = new URL(req.url ?? '/', 'http://emulator.invalid');
      const queryPairs = parseUrlEncoded(url.search.replace(/^\?/, ''));
      const query = Object.fromEntries(queryPairs);
      const bodyParams = bodyParameters(req, body);
      const received: ReceivedRequest = {
        method: req.method ?? 'GET',
        pathname: url.pathname,
        queryPairs,
        query,
        bodyParams,
        body,
        headers: req.headers,
      };
      const values = { ...query, ...bodyParams };
      record.params = loggableParams(values);
      const roa = this.roaRoute(received);
      if (roa !== undefined) {
        product = roa.product;
        record.action = roa.route.action;
        record.version = roa.product.version;
        return await this.handleRoa(req, res, received, roa, record, requestId);
      }
      // V1 signs the Action/Version query parameters but not the x-acs-* headers, so V1 requests
      // are routed by the query; ACS3 signs the headers.
      const v1 = req.headers.authorization === undefined && query.Action !== undefined;
      const action = v1 ? query.Action : (headerText(req, 'x-acs-action') ?? query.Action);
      const version = v1 ? query.Version : (headerText(req, 'x-acs-version') ?? query.Version);
      record.action = action ?? '';
      record.version = version ?? '';
      if (!action) throw missingParameter('Action');
      if (!version) throw missingParameter('Version');
      product = this.versions.get(version);
      const route = this.routes.get(`${version}/${action}`);
      if (!route)
        throw new ApiError(
          'InvalidAction.NotFound',
          `Specified api is not found, please check your url and method. (${action} in version ${version})`,
        );

      const now = Date.now();
      const caller = this.auth.authenticate(received, now);
      record.accountId = caller.account.accountId;
      await this.settle(caller, now);

      const fault = this.faultBeforeActing(action, now, req, record);
      if (fault === 'answered') return;

      const answer = await this.act(action, route.action, new Params(values), caller, now, record);
      if (fault.kind === 'drop-after-commit') return this.drop(req, record);
      record.status = 200;
      this.deps.log.add(record);
      sendJson(res, 200, { RequestId: requestId, ...answer });
    } catch (err) {
      const error =
        err instanceof ApiError
          ? err
          : // [unverified] the gateway's code for an oversized body; the status is HTTP's own.
            err instanceof BodyTooLargeError
            ? new ApiError('RequestEntityTooLarge', err.message, 413)
            : new ApiError('InternalError', `The request processing has failed due to some unknown error: ${(err as Error).message}`);
      record.status = error.status;
      record.code = error.code;
      this.deps.log.add(record);
      if (!res.headersSent && !res.destroyed) sendJson(res, error.status, errorBody(error, requestId, product));
    }
  }

  /** The ROA route a request's method and path name, if any (MaxCompute's API). */
  private roaRoute(received: ReceivedRequest): { product: ProductApi; route: RoaRoute; path: Record<string, string> } | undefined {
    if (!received.pathname.startsWith('/api/')) return undefined;
    for (const product of this.deps.products) {
      for (const route of product.roaRoutes ?? []) {
        const m = route.path.exec(received.pathname);
        if (m === null || route.method !== received.method.toUpperCase()) continue;
        const path: Record<string, string> = {};
        for (const [key, value] of Object.entries(m.groups ?? {})) path[key] = safeDecode(value);
        return { product, route, path };
      }
    }
    throw new ApiError(
      'InvalidAction.NotFound',
      `Specified api is not found, please check your url and method. (${received.method} ${received.pathname.slice(0, 80)})`,
      404,
    );
  }

  /**
   * The fault the engine decides for this request, applied before the action acts: an error is
   * thrown, a drop or hang ends the request ('answered'); otherwise the fault is returned for what
   * comes after acting (drop-after-commit).
   */
  private faultBeforeActing(action: string, now: number, req: IncomingMessage, record: RequestRecord): FaultDecision | 'answered' {
    const fault = this.deps.faults.decide(action, now);
    if (fault.kind !== 'none') record.fault = fault.reason;
    if (fault.kind === 'error') throw new ApiError(fault.code, fault.message, fault.status);
    if (fault.kind === 'drop') {
      this.drop(req, record);
      return 'answered';
    }
    if (fault.kind === 'hang') {
      const timer = setTimeout(() => {
        this.deps.hangs.delete(timer);
        this.drop(req, record);
      }, fault.ms);
      this.deps.hangs.add(timer);
      return 'answered';
    }
    return fault;
  }

  /** Links whose time has come move on before anything reads the account (networkLink.ts). */
  private async settle(caller: Caller, now: number): Promise<void> {
    if (settleNetworkLinks(caller.account, now, this.deps.faults.visibilityDelayMs)) await this.deps.store.persist();
  }

  /** A ROA call: authenticated like any other (the canonical URI is the path), answered with a PopResult. */
  private async handleRoa(
    req: IncomingMessage,
    res: ServerResponse,
    received: ReceivedRequest,
    roa: { product: ProductApi; route: RoaRoute; path: Record<string, string> },
    record: RequestRecord,
    requestId: string,
  ): Promise<void> {
    const { product, route } = roa;
    const sentVersion = headerText(req, 'x-acs-version');
    if (sentVersion !== undefined && sentVersion !== product.version)
      throw new ApiError(
        'InvalidVersion',
        `Specified version ${sentVersion.slice(0, 20)} is not valid for ${product.product}; expected ${product.version}.`,
      );
    const now = Date.now();
    const caller = this.auth.authenticate(received, now);
    record.accountId = caller.account.accountId;
    await this.settle(caller, now);
    const regionId = regionOfHost(headerText(req, 'host') ?? '', product.hostLabel ?? '') ?? caller.account.regionIds[0] ?? DEFAULT_REGION;
    record.params = { ...record.params, RegionId: regionId, ...roa.path };
    let data: unknown;
    try {
      const fault = this.faultBeforeActing(route.action, now, req, record);
      if (fault === 'answered') return;
      let body: unknown;
      if (received.body.length > 0) {
        try {
          body = parseJsonWithin(received.body.toString('utf8'));
        } catch {
          throw new ApiError('InvalidArgument', 'The request body is not valid JSON.');
        }
      }
      const { faults } = this.deps;
      data = route.handle({
        account: caller.account,
        caller,
        now,
        regionId,
        path: roa.path,
        body,
        visibilityDelayMs: faults.visibilityDelayMs,
        linkSchedule: faults.linkSchedule,
        linkRemoveMs: faults.linkRemoveMs,
      });
      if (route.mutates) await this.deps.store.persist();
      if (fault.kind === 'drop-after-commit') return this.drop(req, record);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      // The product's own refusals come as a PopResult; the gateway's (signature, routing) as before.
      record.status = err.status;
      record.code = err.code;
      this.deps.log.add(record);
      sendJson(res, err.status, { requestId, httpCode: err.status, errorCode: err.code, errorMsg: err.message });
      return;
    }
    record.status = 200;
    this.deps.log.add(record);
    sendJson(res, 200, { requestId, httpCode: 200, data });
  }

  private async act(
    actionName: string,
    action: ActionDefinition,
    params: Params,
    caller: Caller,
    now: number,
    record: RequestRecord,
  ): Promise<Record<string, unknown>> {
    const { store } = this.deps;
    const token = action.mutates && honoursClientToken(actionName) ? params.optional('ClientToken') : undefined;
    if (token) {
      const replay = replayFor(store.state, caller.account.accountId, actionName, token, now);
      if (replay) {
        record.replayed = true;
        return replay;
      }
    }
    const answer = action.handle({ params, account: caller.account, caller, now, visibilityDelayMs: this.deps.faults.visibilityDelayMs });
    if (action.mutates) {
      if (token) rememberToken(store.state, caller.account.accountId, actionName, token, answer, now);
      await store.persist();
    }
    return answer;
  }

  private drop(req: IncomingMessage, record: RequestRecord): void {
    record.dropped = true;
    this.deps.log.add(record);
    req.socket.destroy();
  }
}
