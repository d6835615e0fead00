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

/** What a ROA route's handler receives (MaxCompute 2022-01-04: a path, a JSON body, the region in the Host). */
export interface RoaContext {
  account: AccountState;
  caller: Caller;
  now: number;
  /** The call's region: from the endpoint host it names, else the account's first region. */
  regionId: string;
  /** The path's parameters, decoded. */
  path: Record<string, string>;
  /** The parsed JSON body, or undefined when there is none. */
  body: unknown;
  visibilityDelayMs: number;
  /** How a link created now goes on, and how long a removal takes (fault settings). */
  linkSchedule: { readyInMs: number; endStatus?: string };
  linkRemoveMs: number;
}

/** One ROA operation: method and path pattern (named groups are path parameters); the handler returns `data`. */
export interface RoaRoute {
  action: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: RegExp;
  mutates: boolean;
  handle(ctx: RoaContext): unknown;
}

/** One product API version, e.g. VPC 2016-04-28. */
export interface ProductApi {
  /** Product code as in `Recommend` links (`Vpc`, `Ecs`, …). */
  product: string;
  version: string;
  /** The HostId errors carry, e.g. `vpc.aliyuncs.com`. */
  hostId: string;
  actions: Readonly<Record<string, ActionDefinition>>;
  /** ROA products route by method and path instead (their actions are then empty). */
  roaRoutes?: readonly RoaRoute[];
  /** ROA products: the endpoint host's first label (`maxcompute` in maxcompute.cn-hangzhou.aliyuncs.com). */
  hostLabel?: string;
}

/** True when Describe calls may show the resource now (see FaultConfig.visibilityDelayMs). */
export function isVisible(resource: { visibleAt: number }, now: number): boolean {
  return resource.visibleAt <= now;
}
