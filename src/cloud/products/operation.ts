/** Turns an action's name and shape into a typed method on a product API object. */

import type { Caller, CallOptions, Product } from '../caller';

/** A typed API method: request in, parsed response body out. */
export type Operation<Request, Response> = (request: Request, options?: CallOptions) => Promise<Response>;

/** Every response carries the RequestId support asks for. */
export interface WireResponse {
  RequestId: string;
}

/** Tags as most products return them (ECS spells them TagKey/TagValue: products/ecs.ts). */
export interface WireTags {
  Tag?: Array<{ Key?: string; Value?: string }>;
}

/** True when the action takes a ClientToken (the product's `clientTokenActions`). */
export function takesClientToken(product: Product, action: string): boolean {
  return product.clientTokenActions?.has(action) === true;
}

/** A read-only action: safe to retry as is. */
export function query<Request extends object, Response>(caller: Caller, product: Product, action: string): Operation<Request, Response> {
  return (request, options) => caller.call<Response>({ product, action, params: request, clientToken: false }, options);
}

/** A create/modify action: gets a ClientToken that its retries reuse, where the API documents one (see caller.ts). */
export function mutation<Request extends object, Response>(caller: Caller, product: Product, action: string): Operation<Request, Response> {
  const clientToken = takesClientToken(product, action);
  return (request, options) => caller.call<Response>({ product, action, params: request, clientToken }, options);
}

/**
 * A modify action whose API takes no ClientToken (whitelist writes, a group delete): sent without
 * one, so the gateway sees only parameters it knows. Retrying it is safe only because the action
 * is idempotent by nature (append an entry that is then present, delete one that is then absent,
 * set a list to a value, delete a group that is then gone); callers still verify by reading
 * afterwards.
 */
export function idempotentMutation<Request extends object, Response>(
  caller: Caller,
  product: Product,
  action: string,
): Operation<Request, Response> {
  return (request, options) => caller.call<Response>({ product, action, params: request, clientToken: false }, options);
}
