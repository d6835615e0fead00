/**
 * PolarDB API 2017-08-01 (product code `polardb`): clusters and their access whitelists, IP
 * whitelist groups and ECS security groups.
 *
 * Checked against the generated SDK models (alibabacloud-typescript-sdk polardb-20170801,
 * DescribeDBClusters*, DescribeDBClusterAccessWhitelist*, ModifyDBClusterAccessWhitelist*) and the
 * API reference: parameter and field names, nesting, paging (PageNumber/PageSize with
 * PageRecordCount/TotalRecordCount), and the missing-cluster error InvalidDBClusterId.NotFound (404).
 * Things the models say that shape how this product must be used:
 * - DescribeDBClusters has no VpcId filter: list the region and filter on VpcId client-side.
 * - The list spells the vSwitch `VswitchId` and carries no port (PolarDB MySQL listens on 3306).
 * - ModifyMode (Cover | Append | Delete) applies to WhiteListType=IP only. With
 *   WhiteListType=SecurityGroup, SecurityGroupIds is the cluster's whole set (at most 3): read, merge,
 *   write.
 * - Neither Modify call takes a ClientToken; both are sent as idempotent requests (see operation.ts).
 *
 * UNVERIFIED (kept here for the cloud side; the emulator's copy is POLARDB_UNVERIFIED in
 * src/emulator/constants.ts):
 * - whether the whitelist calls accept the RegionId the caller always adds (the models list none;
 *   the gateway ignores unknown parameters for the other products);
 * - what ModifyMode=Delete does to a group it empties (removed, kept empty, or refused), and so
 *   what a retried Delete of a group's last entry answers (the emulator removes the group and then
 *   refuses the retry for a missing group: read the whitelist back rather than trusting the error);
 * - the error codes of malformed whitelist input and of quota refusals.
 */

import type { Caller, Product } from '../caller';
import { idempotentMutation, query, type Operation, type WireResponse, type WireTags } from './operation';

export const POLARDB_PRODUCT: Product = { code: 'polardb', version: '2017-08-01', regional: true };

/** DescribeDBClusters accepts PageSize 30, 50 or 100 only. */
export const POLARDB_PAGE_SIZE = 100;

export interface DescribeDBClustersRequest {
  RegionId?: string;
  /** Comma-separated cluster ids. */
  DBClusterIds?: string;
  DBClusterDescription?: string;
  DBClusterStatus?: string;
  /** MySQL | PostgreSQL | Oracle. */
  DBType?: string;
  DBVersion?: string;
  ResourceGroupId?: string;
  PageNumber?: number;
  /** 30, 50 or 100. */
  PageSize?: number;
}
export interface WireDBCluster {
  DBClusterId: string;
  DBClusterDescription?: string;
  DBClusterStatus?: string;
  DBClusterNetworkType?: string;
  DBType?: string;
  DBVersion?: string;
  /** Always "POLARDB"; the database engine is DBType. */
  Engine?: string;
  Category?: string;
  DBNodeClass?: string;
  DBNodeNumber?: number;
  PayType?: string;
  LockMode?: string;
  CreateTime?: string;
  ExpireTime?: string;
  RegionId?: string;
  ZoneId?: string;
  VpcId?: string;
  /** Lower-case "s", as in the SDK model. */
  VswitchId?: string;
  ResourceGroupId?: string;
  Tags?: WireTags;
}
export interface DescribeDBClustersResponse extends WireResponse {
  PageNumber?: number;
  PageRecordCount?: number;
  TotalRecordCount?: number;
  Items: { DBCluster: WireDBCluster[] };
}

export interface DBClusterRequest {
  RegionId?: string;
  DBClusterId: string;
}
export interface WireDBClusterIPArray {
  DBClusterIPArrayName: string;
  /** "" or "hidden" (not shown in the console). */
  DBClusterIPArrayAttribute?: string;
  /** Comma-separated. */
  SecurityIps: string;
}
export interface WireDBClusterSecurityGroup {
  SecurityGroupId: string;
  SecurityGroupName?: string;
}
export interface DescribeDBClusterAccessWhitelistResponse extends WireResponse {
  Items?: { DBClusterIPArray?: WireDBClusterIPArray[] };
  DBClusterSecurityGroups?: { DBClusterSecurityGroup?: WireDBClusterSecurityGroup[] };
}

/** Add or remove entries of one IP whitelist group. This product never sends Cover. */
export interface ModifyPolarDbIpWhitelistRequest {
  RegionId?: string;
  DBClusterId: string;
  WhiteListType: 'IP';
  ModifyMode: 'Append' | 'Delete';
  /** Comma-separated IPs/CIDRs. */
  SecurityIps: string;
  /** 2-120 lowercase letters and digits; `default` when absent; created by Append when new. */
  DBClusterIPArrayName?: string;
  DBClusterIPArrayAttribute?: string;
}
/** Replace the cluster's ECS security groups (at most 3; "" removes all). */
export interface ModifyPolarDbSecurityGroupsRequest {
  RegionId?: string;
  DBClusterId: string;
  WhiteListType: 'SecurityGroup';
  /** Comma-separated; the cluster's whole set afterwards. */
  SecurityGroupIds: string;
}
export type ModifyDBClusterAccessWhitelistRequest = ModifyPolarDbIpWhitelistRequest | ModifyPolarDbSecurityGroupsRequest;

/** The PolarDB operations this extension uses. */
export interface PolarDbApi {
  describeDBClusters: Operation<DescribeDBClustersRequest, DescribeDBClustersResponse>;
  describeDBClusterAccessWhitelist: Operation<DBClusterRequest, DescribeDBClusterAccessWhitelistResponse>;
  modifyDBClusterAccessWhitelist: Operation<ModifyDBClusterAccessWhitelistRequest, WireResponse>;
}

/** The PolarDB API object of a session. */
export function polarDbApi(caller: Caller): PolarDbApi {
  return {
    describeDBClusters: query(caller, POLARDB_PRODUCT, 'DescribeDBClusters'),
    describeDBClusterAccessWhitelist: query(caller, POLARDB_PRODUCT, 'DescribeDBClusterAccessWhitelist'),
    modifyDBClusterAccessWhitelist: idempotentMutation(caller, POLARDB_PRODUCT, 'ModifyDBClusterAccessWhitelist'),
  };
}
