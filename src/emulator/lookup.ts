/**
 * Finding a caller's resources by id. Only the caller's account is searched, so another
 * account's id is "not found", exactly like the real cloud.
 */
import { UNVERIFIED_CODES } from './constants';
import { ApiError, notFound } from './errors';
import type { Params } from './params';
import { catalogRegion } from './regions';
import type { AccountState, EcsInstanceRecord, LindormInstanceRecord, PolarDbClusterRecord, RdsInstanceRecord, SecurityGroupRecord, VpcRecord } from './state';

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

/** The lists added after the first state files were written; an older file simply has none yet. */
type LaterList = 'polardbClusters' | 'lindormInstances' | 'ecsInstances';

/** One of the account's later lists, created empty when a state file from before it lacks it. */
export function ownList<K extends LaterList>(account: AccountState, key: K): AccountState[K] {
  return (account[key] ??= [] as AccountState[K]);
}

/** The caller's PolarDB cluster; InvalidDBClusterId.NotFound (404) otherwise. */
export function findPolarDbCluster(account: AccountState, dbClusterId: string): PolarDbClusterRecord {
  const cluster = ownList(account, 'polardbClusters').find((c) => c.dbClusterId === dbClusterId);
  if (!cluster) throw new ApiError('InvalidDBClusterId.NotFound', 'The DBClusterId provided does not exist in our records.');
  return cluster;
}

/** The caller's Lindorm instance; the code for an unknown id is [unverified] (constants.ts). */
export function findLindormInstance(account: AccountState, instanceId: string): LindormInstanceRecord {
  const instance = ownList(account, 'lindormInstances').find((i) => i.instanceId === instanceId);
  if (!instance) throw new ApiError(UNVERIFIED_CODES.lindormInstanceNotFound, `The instance is invalid: "${instanceId}" does not exist.`);
  return instance;
}

/** The caller's ECS instances (tolerating older state files). */
export function ecsInstances(account: AccountState): EcsInstanceRecord[] {
  return ownList(account, 'ecsInstances');
}
