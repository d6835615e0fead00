/**
 * The emulator's own endpoints under `/__emulator/` (no signature: they exist only on a local
 * emulator): the console page and its network-link API, fault settings, the request log and a
 * redacted view of the state.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from './apiHandler';
import { renderConsolePage } from './consolePage';
import { validateFaultConfig, type FaultEngine } from './faults';
import { newRequestId } from './ids';
import { ConsoleError, createNetworkLink, parseNetworkLinkRequest, removeNetworkLink } from './networkLink';
import type { RequestLog } from './requestLog';
import { buildSeed } from './seed';
import type { AccountState, EmulatorState } from './state';
import type { StateStore } from './store';

/** What the control routes read and change. */
export interface ControlDependencies {
  store: StateStore;
  faults: FaultEngine;
  log: RequestLog;
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
  const text = (await readBody(req)).toString('utf8');
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ConsoleError(400, 'InvalidJson', 'The request body is not valid JSON.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new ConsoleError(400, 'InvalidJson', 'The request body must be a JSON object.');
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
        if (seed !== 'default' && seed !== 'empty') throw new ConsoleError(400, 'InvalidSeed', `"seed" must be "default" or "empty", got ${JSON.stringify(seed)}.`);
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
        const links = accounts.flatMap((a) => a.networkLinks.filter((l) => !regionId || l.regionId === regionId).map((l) => ({ accountId: a.accountId, ...l })));
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
