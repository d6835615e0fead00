/** RAM 2015-05-01 GetRole and STS 2015-04-01 GetCallerIdentity: who is calling, which roles exist. */

import type { Caller, Product } from '../caller';
import { query, type Operation, type WireResponse } from './operation';

export const RAM_PRODUCT: Product = { code: 'Ram', version: '2015-05-01', regional: false };
export const STS_PRODUCT: Product = { code: 'Sts', version: '2015-04-01', regional: false };

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
export function ramApi(caller: Caller): RamApi {
  return { getRole: query(caller, RAM_PRODUCT, 'GetRole') };
}

/** The STS API object of a session. */
export function stsApi(caller: Caller): StsApi {
  return { getCallerIdentity: query(caller, STS_PRODUCT, 'GetCallerIdentity') };
}
