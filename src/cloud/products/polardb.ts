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
 * src/emulator/products/polardb.ts):
 * - whether the whitelist calls accept the RegionId the caller always adds (the models list none;
 *   the gateway ignores unknown parameters for the other products);
 * - what ModifyMode=Delete does to a group it empties (removed, kept empty, or refused), and so
 *   what a retried Delete of a group's last entry answers (the emulator removes the group and then
 *   refuses the retry for a missing group: read the whitelist back rather than trusting the error);
 * - the error codes of malformed whitelist input and of quota refusals.
 */

import type { Caller, Product } from '../caller';
import type { ListingFilter, PageNumberListing } from '../paging';
import { defineProduct } from './definition';
import { idempotentMutation, query, type Operation, type WireResponse, type WireTags } from './operation';

/**
 * Regions whose PolarDB API answers on the central endpoint: the public regions of the endpoint map
 * in the generated TypeScript SDK (polardb-20170801 client.ts, 2026). Older SDKs also listed
 * cn-shenzhen, cn-hongkong, ap-southeast-1, us-west-1 and us-east-1; those now take the regional
 * pattern, which Alibaba serves as well.
 */
const CENTRAL_REGIONS = ['cn-qingdao', 'cn-beijing', 'cn-wulanchabu', 'cn-hangzhou', 'cn-shanghai', 'cn-heyuan'];

export const POLARDB_PRODUCT: Product = {
  code: 'polardb',
  version: '2017-08-01',
  regional: true,
  endpoint: { prefix: 'polardb', rule: 'regional', map: Object.fromEntries(CENTRAL_REGIONS.map((r) => [r, 'polardb.aliyuncs.com'])) },
};

/** A PolarDB cluster (DescribeDBClusters). The list carries no port: PolarDB MySQL listens on 3306, PostgreSQL and Oracle on 5432/1521. */
export interface PolarDbCluster {
  kind: 'polardb';
  clusterId: string;
  regionId: string;
  description: string;
  /** The database engine: MySQL, PostgreSQL or Oracle (the API's DBType). */
  engine: string;
  engineVersion: string;
  vpcId: string;
  vSwitchId: string;
  zoneId: string;
  status: string;
}

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
function polarDbApi(caller: Caller): PolarDbApi {
  return {
    describeDBClusters: query(caller, POLARDB_PRODUCT, 'DescribeDBClusters'),
    describeDBClusterAccessWhitelist: query(caller, POLARDB_PRODUCT, 'DescribeDBClusterAccessWhitelist'),
    modifyDBClusterAccessWhitelist: idempotentMutation(caller, POLARDB_PRODUCT, 'ModifyDBClusterAccessWhitelist'),
  };
}

/** A PolarDB cluster from DescribeDBClusters. */
export function toPolarDbCluster(wire: WireDBCluster, regionId: string): PolarDbCluster {
  return {
    kind: 'polardb',
    clusterId: wire.DBClusterId,
    regionId: wire.RegionId ?? regionId,
    description: wire.DBClusterDescription ?? '',
    engine: wire.DBType ?? '',
    engineVersion: wire.DBVersion ?? '',
    vpcId: wire.VpcId ?? '',
    vSwitchId: wire.VswitchId ?? '',
    zoneId: wire.ZoneId ?? '',
    status: wire.DBClusterStatus ?? '',
  };
}

/** The PolarDB listing of `cloud.lists`. */
export interface PolarDbListings {
  /** Region-wide: DescribeDBClusters cannot filter by VPC, so callers keep the clusters whose vpcId they want. */
  polardbClusters(filter?: ListingFilter<DescribeDBClustersRequest>): PageNumberListing<PolarDbCluster>;
}

function polarDbListings(api: PolarDbApi, regionId: string): PolarDbListings {
  return {
    polardbClusters: (filter) => ({
      style: 'page-number',
      pageSize: POLARDB_PAGE_SIZE,
      fetch: async (PageNumber, PageSize, options) => {
        const r = await api.describeDBClusters({ ...filter, PageNumber, PageSize }, options);
        // Like RDS: PageRecordCount (items on this page) and TotalRecordCount, no PageSize echoed.
        return {
          items: (r.Items?.DBCluster ?? []).map((c) => toPolarDbCluster(c, filter?.RegionId ?? regionId)),
          totalCount: Number(r.TotalRecordCount ?? 0),
        };
      },
    }),
  };
}

/** PolarDB in the product table: `cloud.polardb`, `cloud.lists.polardbClusters`. */
export const polardbProduct = defineProduct({ key: 'polardb', product: POLARDB_PRODUCT, api: polarDbApi, listings: polarDbListings });
