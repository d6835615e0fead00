/**
 * One OpenAPI request, start to finish: parse, route by action + version, authenticate, apply
 * faults, honour ClientToken, act, persist, answer — and record it in the request log.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ActionDefinition, ProductApi } from './action';
import { Authenticator, type Caller, type ReceivedRequest } from './auth';
import { honoursClientToken, rememberToken, replayFor } from './clientTokens';
import { ApiError, missingParameter } from './errors';
import type { FaultEngine } from './faults';
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
      const received: ReceivedRequest = { method: req.method ?? 'GET', pathname: url.pathname, queryPairs, query, bodyParams, body, headers: req.headers };
      const values = { ...query, ...bodyParams };
      record.params = loggableParams(values);
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
      if (!route) throw new ApiError('InvalidAction.NotFound', `Specified api is not found, please check your url and method. (${action} in version ${version})`);

      const now = Date.now();
      const caller = this.auth.authenticate(received, now);
      record.accountId = caller.account.accountId;

      const fault = this.deps.faults.decide(action, now);
      if (fault.kind !== 'none') record.fault = fault.reason;
      if (fault.kind === 'error') throw new ApiError(fault.code, fault.message, fault.status);
      if (fault.kind === 'drop') return this.drop(req, record);
      if (fault.kind === 'hang') {
        const timer = setTimeout(() => {
          this.deps.hangs.delete(timer);
          this.drop(req, record);
        }, fault.ms);
        this.deps.hangs.add(timer);
        return;
      }

      const answer = await this.act(action, route.action, new Params(values), caller, now, record);
      if (fault.kind === 'drop-after-commit') return this.drop(req, record);
      record.status = 200;
      this.deps.log.add(record);
      sendJson(res, 200, { RequestId: requestId, ...answer });
    } catch (err) {
      const error = err instanceof ApiError ? err
        // [unverified] the gateway's code for an oversized body; the status is HTTP's own.
        : err instanceof BodyTooLargeError ? new ApiError('RequestEntityTooLarge', err.message, 413)
          : new ApiError('InternalError', `The request processing has failed due to some unknown error: ${(err as Error).message}`);
      record.status = error.status;
      record.code = error.code;
      this.deps.log.add(record);
      if (!res.headersSent && !res.destroyed) sendJson(res, error.status, errorBody(error, requestId, product));
    }
  }

  private async act(actionName: string, action: ActionDefinition, params: Params, caller: Caller, now: number, record: RequestRecord): Promise<Record<string, unknown>> {
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
