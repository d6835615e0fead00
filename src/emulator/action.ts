/** What an operation handler receives and how products declare their operations. */
import type { Caller } from './auth';
import type { Params } from './params';
import type { AccountState } from './state';

/** Everything a handler may use; handlers mutate `account` in place and the server persists. */
export interface ActionContext {
  params: Params;
  account: AccountState;
  caller: Caller;
  now: number;
  /** The eventual-consistency delay in force: resources created now become visible this much later. */
  visibilityDelayMs: number;
}

/** One API operation. `mutates` operations trigger a state write (and replay a ClientToken where the API has one: clientTokens.ts). */
export interface ActionDefinition {
  mutates: boolean;
  handle(ctx: ActionContext): Record<string, unknown>;
}

/** One product API version, e.g. VPC 2016-04-28. */
export interface ProductApi {
  /** Product code as in `Recommend` links (`Vpc`, `Ecs`, …). */
  product: string;
  version: string;
  /** The HostId errors carry, e.g. `vpc.aliyuncs.com`. */
  hostId: string;
  actions: Readonly<Record<string, ActionDefinition>>;
}

/** True when Describe calls may show the resource now (see FaultConfig.visibilityDelayMs). */
export function isVisible(resource: { visibleAt: number }, now: number): boolean {
  return resource.visibleAt <= now;
}
