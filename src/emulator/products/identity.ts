/** RAM 2015-05-01 GetRole and STS 2015-04-01 GetCallerIdentity: who the caller is and what it authorized. */
import type { ActionContext, ProductApi } from '../action';
import { ApiError } from '../errors';

function getRole(ctx: ActionContext): Record<string, unknown> {
  const roleName = ctx.params.required('RoleName');
  // RAM role names are case-insensitive.
  const role = ctx.account.ramRoles.find((r) => r.roleName.toLowerCase() === roleName.toLowerCase());
  if (!role) throw new ApiError('EntityNotExist.Role', `The role not exists: ${roleName}.`);
  return {
    Role: {
      RoleId: role.roleId,
      RoleName: role.roleName,
      Arn: `acs:ram::${ctx.account.accountId}:role/${role.roleName.toLowerCase()}`,
      Description: role.description,
      AssumeRolePolicyDocument: JSON.stringify({ Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: ['odps.aliyuncs.com'] } }], Version: '1' }),
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
  return { AccountId: account.accountId, UserId: account.accountId, Arn: `acs:ram::${account.accountId}:root`, IdentityType: 'Account', PrincipalId: account.accountId };
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
