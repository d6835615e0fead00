/** RAM 2015-05-01 GetRole and STS 2015-04-01 GetCallerIdentity: who the caller is and what it authorized. */
import type { ActionContext, ProductApi } from '../action';
import { ApiError } from '../errors';
import { NETWORK_LINK_ROLE_NAME } from '../facts';
import { collection, json, type DefaultWorld, type EmulatorProduct, type ScaleWorld } from '../product';
import { SEED_CREATED } from '../seedFacts';
import type { AccountState } from '../state';

export interface RamRoleRecord {
  roleName: string;
  roleId: string;
  description: string;
  createDate: string;
}

declare module '../state' {
  interface AccountState {
    ramRoles: RamRoleRecord[];
  }
}

/** GetRole's answer for a role the account does not have; its status is [unverified]. */
const ROLE_NOT_FOUND = 'EntityNotExist.Role';
const ROLE_NOT_FOUND_STATUS = 404;

function roleNotFound(roleName: string): ApiError {
  return new ApiError(ROLE_NOT_FOUND, `The role not exists: ${roleName}.`, ROLE_NOT_FOUND_STATUS);
}

export const RAM_ROLES = collection({
  name: 'ramRoles',
  schema: json.record<RamRoleRecord>({ roleName: json.string, roleId: json.string, description: json.string, createDate: json.string }),
  // RAM role names are case-insensitive: GetRole finds by itself, with this answer.
  finder: { idField: 'roleName', notFound: roleNotFound },
});

function getRole(ctx: ActionContext): Record<string, unknown> {
  const roleName = ctx.params.required('RoleName');
  // RAM role names are case-insensitive.
  const role = ctx.account.ramRoles.find((r) => r.roleName.toLowerCase() === roleName.toLowerCase());
  if (!role) throw roleNotFound(roleName);
  return {
    Role: {
      RoleId: role.roleId,
      RoleName: role.roleName,
      Arn: `acs:ram::${ctx.account.accountId}:role/${role.roleName.toLowerCase()}`,
      Description: role.description,
      AssumeRolePolicyDocument: JSON.stringify({
        Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: ['odps.aliyuncs.com'] } }],
        Version: '1',
      }),
      MaxSessionDuration: 3600,
      CreateDate: role.createDate,
      UpdateDate: role.createDate,
    },
  };
}

function getCallerIdentity(ctx: ActionContext): Record<string, unknown> {
  const { account } = ctx;
  const temporary = ctx.caller.temporary;
  if (temporary) {
    const roleId = `3${account.accountId.slice(1)}${temporary.roleName.length}`;
    return {
      AccountId: account.accountId,
      UserId: `${roleId}:${temporary.sessionName}`,
      Arn: `acs:ram::${account.accountId}:assumed-role/${temporary.roleName}/${temporary.sessionName}`,
      IdentityType: 'AssumedRoleUser',
      PrincipalId: `${roleId}:${temporary.sessionName}`,
      RoleId: roleId,
    };
  }
  return {
    AccountId: account.accountId,
    UserId: account.accountId,
    Arn: `acs:ram::${account.accountId}:root`,
    IdentityType: 'Account',
    PrincipalId: account.accountId,
  };
}

export const RAM_API: ProductApi = {
  product: 'Ram',
  version: '2015-05-01',
  hostId: 'ram.aliyuncs.com',
  actions: { GetRole: { mutates: false, handle: getRole } },
};

export const STS_API: ProductApi = {
  product: 'Sts',
  version: '2015-04-01',
  hostId: 'sts.aliyuncs.com',
  actions: { GetCallerIdentity: { mutates: false, handle: getCallerIdentity } },
};

/** The role MaxCompute needs before it creates a link's interfaces (the default and scale worlds' main account has it). */
export const IDENTITY_SEED = { main: { roleName: NETWORK_LINK_ROLE_NAME } } as const;

function seedRole(account: AccountState, roleName: string): void {
  account.ramRoles.push({
    roleName,
    roleId: `3${account.accountId.slice(0, 17).padEnd(18, '7')}`,
    description: 'MaxCompute uses this role to create network interfaces in your VPC.',
    createDate: SEED_CREATED,
  });
}

/** RAM roles and who the caller is (STS); the accounts' keys and temporary credentials are the state's own (auth.ts). */
export const identity = {
  name: 'RAM and STS',
  apis: [RAM_API, STS_API],
  collections: [RAM_ROLES],
  seed: {
    ids: IDENTITY_SEED,
    rows: ({ main }: DefaultWorld) => seedRole(main, IDENTITY_SEED.main.roleName),
    scaleRows: ({ main }: ScaleWorld) => seedRole(main, IDENTITY_SEED.main.roleName),
  },
  errorStatus: { [ROLE_NOT_FOUND]: ROLE_NOT_FOUND_STATUS },
} satisfies EmulatorProduct;
