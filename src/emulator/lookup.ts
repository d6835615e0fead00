/**
 * Finding a caller's resources by id. Only the caller's account is searched, so another
 * account's id is "not found", exactly like the real cloud.
 */
import { UNVERIFIED_CODES } from './constants';
import { ApiError, notFound } from './errors';
import type { Params } from './params';
import { catalogRegion } from './regions';
import type { AccountState, RdsInstanceRecord, SecurityGroupRecord, VpcRecord } from './state';

/** The required RegionId, checked against the region catalog. */
export function requiredRegion(params: Params): string {
  const regionId = params.required('RegionId');
  if (!catalogRegion(regionId)) {
    throw new ApiError(UNVERIFIED_CODES.regionNotFound, `The specified region "${regionId}" does not exist.`);
  }
  return regionId;
}

/** The optional RegionId, checked when given. */
export function optionalRegion(params: Params): string | undefined {
  return params.optional('RegionId') ? requiredRegion(params) : undefined;
}

/** The caller's VPC (in the region, when given); InvalidVpcId.NotFound otherwise. */
export function findVpc(account: AccountState, vpcId: string, regionId?: string): VpcRecord {
  const vpc = account.vpcs.find((v) => v.vpcId === vpcId && (regionId === undefined || v.regionId === regionId));
  if (!vpc) throw notFound('InvalidVpcId.NotFound', 'VpcId', vpcId);
  return vpc;
}

/** The caller's security group (in the region, when given); InvalidSecurityGroupId.NotFound otherwise. */
export function findSecurityGroup(account: AccountState, securityGroupId: string, regionId?: string): SecurityGroupRecord {
  const group = account.securityGroups.find((g) => g.securityGroupId === securityGroupId && (regionId === undefined || g.regionId === regionId));
  if (!group) throw securityGroupNotFound(securityGroupId);
  return group;
}

/** `InvalidSecurityGroupId.NotFound` with the ECS doc's message. */
export function securityGroupNotFound(securityGroupId: string): ApiError {
  return new ApiError('InvalidSecurityGroupId.NotFound', `The specified SecurityGroupId "${securityGroupId}" does not exist.`);
}

/** The caller's RDS instance; InvalidDBInstanceId.NotFound otherwise. */
export function findRdsInstance(account: AccountState, dbInstanceId: string): RdsInstanceRecord {
  const instance = account.rdsInstances.find((i) => i.dbInstanceId === dbInstanceId);
  if (!instance) throw notFound('InvalidDBInstanceId.NotFound', 'DBInstanceId', dbInstanceId);
  return instance;
}
