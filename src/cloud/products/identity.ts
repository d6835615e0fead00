/** RAM 2015-05-01 GetRole and STS 2015-04-01 GetCallerIdentity: who is calling, which roles exist. */

import type { Caller, Product } from '../caller';
import { defineProduct } from './definition';
import { query, type Operation, type WireResponse } from './operation';

export const RAM_PRODUCT: Product = { code: 'Ram', version: '2015-05-01', regional: false, endpoint: { prefix: 'ram', rule: 'central' } };
export const STS_PRODUCT: Product = { code: 'Sts', version: '2015-04-01', regional: false, endpoint: { prefix: 'sts', rule: 'central' } };

export interface GetRoleRequest {
  RoleName: string;
}
export interface WireRole {
  RoleId?: string;
  RoleName: string;
  Arn?: string;
  Description?: string;
  AssumeRolePolicyDocument?: string;
  MaxSessionDuration?: number;
  CreateDate?: string;
  UpdateDate?: string;
}
export interface GetRoleResponse extends WireResponse {
  Role: WireRole;
}

export interface GetCallerIdentityResponse extends WireResponse {
  AccountId: string;
  UserId?: string;
  Arn?: string;
  IdentityType?: string;
  PrincipalId?: string;
  RoleId?: string;
}

/** The RAM operations this extension uses. */
export interface RamApi {
  /** Fails with code EntityNotExist.Role when the role does not exist. */
  getRole: Operation<GetRoleRequest, GetRoleResponse>;
}

/** The STS operations this extension uses. */
export interface StsApi {
  getCallerIdentity: Operation<Record<string, never>, GetCallerIdentityResponse>;
}

/** The RAM API object of a session. */
function ramApi(caller: Caller): RamApi {
  return { getRole: query(caller, RAM_PRODUCT, 'GetRole') };
}

/** The STS API object of a session. */
function stsApi(caller: Caller): StsApi {
  return { getCallerIdentity: query(caller, STS_PRODUCT, 'GetCallerIdentity') };
}

/** RAM in the product table: `cloud.ram`. */
export const ramProduct = defineProduct({ key: 'ram', product: RAM_PRODUCT, api: ramApi });
/** STS in the product table: `cloud.sts`. */
export const stsProduct = defineProduct({ key: 'sts', product: STS_PRODUCT, api: stsApi });
