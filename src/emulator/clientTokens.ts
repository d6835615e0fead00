/**
 * ClientToken idempotency: the same account + action + token within 24 hours returns the first
 * successful response and does not act again. Stored in the state, so it survives a restart.
 */
import { CLIENT_TOKEN_TTL_MS } from './constants';
import type { EmulatorState } from './state';

/**
 * The actions whose API reference documents ClientToken (checked in Alibaba's generated SDK
 * request models). Only these replay; any other action ignores a ClientToken it is sent, as the
 * real API ignores an unknown parameter: RDS ModifySecurityIps and ModifySecurityGroupConfiguration,
 * HBase ModifyIpWhitelist and ModifySecurityGroups take none, so sending one the same twice acts twice.
 */
const ACTIONS_WITH_CLIENT_TOKEN: ReadonlySet<string> = new Set([
  'CreateSecurityGroup',
  'AuthorizeSecurityGroup',
  'AuthorizeSecurityGroupEgress',
  'RevokeSecurityGroup',
  'RevokeSecurityGroupEgress',
]);

/** True when `action` honours ClientToken (replays its first answer). */
export function honoursClientToken(action: string): boolean {
  return ACTIONS_WITH_CLIENT_TOKEN.has(action);
}

function key(accountId: string, action: string, token: string): string {
  return `${accountId}|${action}|${token}`;
}

/** The stored response for this token, if any and still fresh. */
export function replayFor(
  state: EmulatorState,
  accountId: string,
  action: string,
  token: string,
  now: number,
): Record<string, unknown> | undefined {
  const k = key(accountId, action, token);
  const hit = state.clientTokens.find((t) => t.key === k);
  return hit && now - hit.storedAt < CLIENT_TOKEN_TTL_MS ? hit.body : undefined;
}

/** Remembers the first successful response; drops tokens older than the window. */
export function rememberToken(
  state: EmulatorState,
  accountId: string,
  action: string,
  token: string,
  body: Record<string, unknown>,
  now: number,
): void {
  const k = key(accountId, action, token);
  state.clientTokens = state.clientTokens.filter((t) => t.key !== k && now - t.storedAt < CLIENT_TOKEN_TTL_MS);
  state.clientTokens.push({ key: k, storedAt: now, body });
}
