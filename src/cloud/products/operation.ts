/** Turns an action's name and shape into a typed method on a product API object. */

import type { Caller, CallOptions, Product } from '../caller';

/** A typed API method: request in, parsed response body out. */
export type Operation<Request, Response> = (request: Request, options?: CallOptions) => Promise<Response>;

/** Every response carries the RequestId support asks for. */
export interface WireResponse {
  RequestId: string;
}

/** Tags as VPC/RDS/HBase return them. */
/** ECS tags use TagKey/TagValue, unlike VPC's Key/Value (shared by the ECS product files). */
export interface EcsTags {
  Tag?: Array<{ TagKey?: string; TagValue?: string }>;
}

export interface WireTags {
  Tag?: Array<{ Key?: string; Value?: string }>;
}

/**
 * The create/modify actions whose reference documents a ClientToken ("保证请求幂等性"), checked
 * in Alibaba's generated SDK request models: ECS 2014-05-26 CreateSecurityGroup,
 * AuthorizeSecurityGroup, AuthorizeSecurityGroupEgress, RevokeSecurityGroup. RDS
 * ModifySecurityIps and ModifySecurityGroupConfiguration, HBase ModifyIpWhitelist and
 * ModifySecurityGroups have none: they are not sent one, and a retry of theirs may act twice,
 * which their callers make harmless by reading first and verifying after.
 */
const DOCUMENTS_CLIENT_TOKEN: ReadonlySet<string> = new Set([
  'Ecs.CreateSecurityGroup',
  'Ecs.AuthorizeSecurityGroup',
  'Ecs.AuthorizeSecurityGroupEgress',
  'Ecs.RevokeSecurityGroup',
]);

/** True when the action takes a ClientToken (see DOCUMENTS_CLIENT_TOKEN). */
export function takesClientToken(product: Product, action: string): boolean {
  return DOCUMENTS_CLIENT_TOKEN.has(`${product.code}.${action}`);
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
 * A modify action whose API takes no ClientToken (PolarDB and Lindorm whitelists, ECS
 * DeleteSecurityGroup): sent without one, so the gateway sees only parameters it knows. Retrying it
 * is safe only because the action is idempotent by nature (append an entry that is then present,
 * delete one that is then absent, set a list to a value, delete a group that is then gone); callers
 * still verify by reading afterwards.
 */
export function idempotentMutation<Request extends object, Response>(caller: Caller, product: Product, action: string): Operation<Request, Response> {
  return (request, options) => caller.call<Response>({ product, action, params: request, clientToken: false }, options);
}
