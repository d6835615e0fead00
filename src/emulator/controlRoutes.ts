/**
 * The emulator's own endpoints under `/__emulator/` (no signature: they exist only on a local
 * emulator): the console page and its network-link API, fault settings, the request log and a
 * redacted view of the state.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { renderConsolePage } from './consolePage';
import { validateFaultConfig, type FaultEngine } from './faults';
import { newRequestId } from './ids';
import { ConsoleError, createNetworkLink, parseNetworkLinkRequest, removeNetworkLink } from './products/networkLink';
import type { RequestLog } from './requestLog';
import { buildSeed } from './seed';
import type { AccountState, EmulatorState } from './state';
import { BodyTooLargeError, JsonTooDeepError, parseJsonWithin, readBody } from './requestBody';
import type { StateStore } from './store';

/** What the control routes read and change. */
export interface ControlDependencies {
  store: StateStore;
  faults: FaultEngine;
  log: RequestLog;
  /** Host names (without port) a control request may name besides 127.0.0.1, localhost and [::1]: the address bound. */
  boundHost?: string;
}

/** Control bodies are a few hundred bytes (a fault setting, a link); 64 KiB is generous. */
const MAX_CONTROL_BODY_BYTES = 64 * 1024;

export const LOCAL_HOSTS: ReadonlySet<string> = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The host name of a Host or Origin value, lower-cased, without port. */
export function hostName(value: string): string {
  const m = /^(\[[^\]]*\]|[^:]*)(:\d+)?$/.exec(value.trim().toLowerCase());
  return m === null ? '' : m[1]!;
}

/**
 * Why a control request is refused, if it is. These routes carry no signature, so they only
 * answer a client on this machine that asked for this machine by name: a Host of 127.0.0.1 or
 * localhost (a web page that rebinds its DNS name to 127.0.0.1 still sends its own name), no
 * Origin other than the emulator's own (a page elsewhere cannot post here), and a write must
 * declare application/json (which a cross-origin form cannot send without a preflight).
 */
export function controlRefusal(req: IncomingMessage, boundHost?: string): ConsoleError | undefined {
  const allowed = new Set(LOCAL_HOSTS);
  if (boundHost !== undefined && boundHost !== '0.0.0.0' && boundHost !== '::')
    allowed.add(hostName(boundHost.includes(':') && !boundHost.startsWith('[') ? `[${boundHost}]` : boundHost));
  const host = hostName(req.headers.host ?? '');
  if (!allowed.has(host))
    return new ConsoleError(403, 'Forbidden.Host', "The emulator's control endpoints answer only requests for 127.0.0.1 or localhost.");
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== 'null') {
    let originHost = '';
    try {
      originHost = hostName(new URL(origin).host);
    } catch {
      // unparsable: refused below
    }
    if (!allowed.has(originHost))
      return new ConsoleError(403, 'Forbidden.Origin', "The emulator's control endpoints do not answer pages of other origins.");
  } else if (origin === 'null') {
    return new ConsoleError(403, 'Forbidden.Origin', "The emulator's control endpoints do not answer pages of other origins.");
  }
  const method = req.method ?? 'GET';
  if (method === 'POST' || method === 'PUT' || method === 'PATCH') {
    const type = (req.headers['content-type'] ?? '').toLowerCase().split(';')[0]!.trim();
    if (type !== 'application/json')
      return new ConsoleError(
        415,
        'UnsupportedMediaType',
        'Control requests that change something must send Content-Type: application/json.',
      );
  }
  return undefined;
}

/** The prefix every control route lives under; no API action can collide with it. */
export const CONTROL_PREFIX = '/__emulator/';

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body, null, 2);
  res.writeHead(status, { 'content-type': 'application/json;charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** The state with every secret and token replaced. */
export function redactedState(state: EmulatorState): EmulatorState {
  return {
    ...state,
    accounts: state.accounts.map((a) => ({
      ...a,
      accessKeySecret: '***',
      temporaryCredentials: a.temporaryCredentials.map((c) => ({ ...c, accessKeySecret: '***', securityToken: '***' })),
    })),
  };
}

async function jsonBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = (await readBody(req, MAX_CONTROL_BODY_BYTES)).toString('utf8');
  } catch (err) {
    if (err instanceof BodyTooLargeError) throw new ConsoleError(413, 'RequestEntityTooLarge', err.message);
    throw err;
  }
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = parseJsonWithin(text);
  } catch (err) {
    if (err instanceof JsonTooDeepError) throw new ConsoleError(400, 'InvalidJson', err.message);
    throw new ConsoleError(400, 'InvalidJson', 'The request body is not valid JSON.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new ConsoleError(400, 'InvalidJson', 'The request body must be a JSON object.');
  return parsed as Record<string, unknown>;
}

function consoleAccount(state: EmulatorState, accountId: unknown): AccountState {
  if (accountId === undefined || accountId === '') return state.accounts[0]!;
  const account = state.accounts.find((a) => a.accountId === accountId || a.name === accountId);
  if (!account) throw new ConsoleError(404, 'Account.NotFound', `No emulated account has id or name "${String(accountId)}".`);
  return account;
}

function linkName(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new ConsoleError(400, 'InvalidNetworkLinkName', `"${segment}" is not a valid percent-encoded link name.`);
  }
}

/** Handles a `/__emulator/…` request. */
export async function handleControl(req: IncomingMessage, res: ServerResponse, deps: ControlDependencies): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://emulator.invalid');
  const route = `${req.method ?? 'GET'} ${url.pathname}`;
  try {
    const refusal = controlRefusal(req, deps.boundHost);
    if (refusal !== undefined) {
      req.resume();
      throw refusal;
    }
    const linkPath = /^DELETE \/__emulator\/console\/network-links\/([^/]+)$/.exec(route);
    if (linkPath) {
      const account = consoleAccount(deps.store.state, url.searchParams.get('accountId') ?? undefined);
      const regionId = url.searchParams.get('regionId');
      if (!regionId) throw new ConsoleError(400, 'MissingParameter', '"regionId" is required (as a query parameter).');
      const link = removeNetworkLink(account, regionId, linkName(linkPath[1]!));
      await deps.store.persist();
      return send(res, 200, { RequestId: newRequestId(), NetworkLink: { accountId: account.accountId, ...link } });
    }
    switch (route) {
      case `GET ${CONTROL_PREFIX}`: {
        const html = renderConsolePage(deps.store.state);
        res.writeHead(200, { 'content-type': 'text/html;charset=utf-8', 'content-length': Buffer.byteLength(html) });
        res.end(html);
        return;
      }
      case 'GET /__emulator/state':
        return send(res, 200, redactedState(deps.store.state));
      case 'GET /__emulator/requests':
        return send(res, 200, { requests: deps.log.all() });
      case 'DELETE /__emulator/requests':
        deps.log.clear();
        return send(res, 200, { cleared: true });
      case 'POST /__emulator/reset': {
        const body = await jsonBody(req);
        const seed = body.seed ?? 'default';
        if (seed !== 'default' && seed !== 'empty')
          throw new ConsoleError(400, 'InvalidSeed', `"seed" must be "default" or "empty", got ${JSON.stringify(seed)}.`);
        await deps.store.replace(buildSeed(seed));
        return send(res, 200, { reset: true, seed });
      }
      case 'GET /__emulator/faults':
        return send(res, 200, deps.faults.current());
      case 'POST /__emulator/faults': {
        const body = await jsonBody(req);
        try {
          deps.faults.set(validateFaultConfig(body));
        } catch (err) {
          throw new ConsoleError(400, 'InvalidFaultConfig', (err as Error).message);
        }
        return send(res, 200, deps.faults.current());
      }
      case 'GET /__emulator/console/network-links': {
        const accountId = url.searchParams.get('accountId') ?? undefined;
        const regionId = url.searchParams.get('regionId') ?? undefined;
        const accounts = accountId ? [consoleAccount(deps.store.state, accountId)] : deps.store.state.accounts;
        const links = accounts.flatMap((a) =>
          a.networkLinks.filter((l) => !regionId || l.regionId === regionId).map((l) => ({ accountId: a.accountId, ...l })),
        );
        return send(res, 200, { NetworkLinks: links });
      }
      case 'POST /__emulator/console/network-links': {
        const body = await jsonBody(req);
        const account = consoleAccount(deps.store.state, body.accountId);
        const link = createNetworkLink(account, parseNetworkLinkRequest(body), Date.now(), deps.faults.visibilityDelayMs);
        await deps.store.persist();
        return send(res, 201, { RequestId: newRequestId(), NetworkLink: { accountId: account.accountId, ...link } });
      }
      default:
        throw new ConsoleError(404, 'NotFound', `No emulator endpoint ${route}. See GET ${CONTROL_PREFIX} for the console page.`);
    }
  } catch (err) {
    if (err instanceof ConsoleError) return send(res, err.status, { Code: err.code, Message: err.message });
    return send(res, 500, { Code: 'InternalError', Message: (err as Error).message });
  }
}
