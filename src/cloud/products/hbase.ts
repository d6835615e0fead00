/** HBase API 2019-01-01: clusters, IP whitelists and security groups (reference §4). */

import type { Caller, Product } from '../caller';
import type { ListingFilter, PageNumberListing } from '../paging';
import { defineProduct } from './definition';
import { mutation, query, type Operation, type WireResponse, type WireTags } from './operation';

/**
 * Regions whose HBase API answers on the central endpoint.
 * [unverified] The same set as RDS's (products/rds.ts) by assumption (Go SDK map, not re-checked).
 * Everywhere else the regional pattern applies, which Alibaba also serves for these regions.
 */
const CENTRAL_REGIONS = ['cn-hangzhou', 'cn-beijing', 'cn-shanghai', 'cn-shenzhen', 'cn-hongkong', 'ap-southeast-1', 'us-east-1'];

export const HBASE_PRODUCT: Product = {
  code: 'HBase',
  version: '2019-01-01',
  regional: true,
  endpoint: { prefix: 'hbase', rule: 'regional', map: Object.fromEntries(CENTRAL_REGIONS.map((r) => [r, 'hbase.aliyuncs.com'])) },
};

/**
 * [unverified] HBase DescribeInstances' maximum PageSize is not documented in the sources the
 * reference used; 50 is the common Alibaba maximum and is assumed here.
 */
const HBASE_PAGE_SIZE = 50;

/** An ApsaraDB for HBase cluster (DescribeInstances). */
export interface HBaseCluster {
  kind: 'hbase';
  clusterId: string;
  regionId: string;
  name: string;
  vpcId: string;
  vSwitchId: string;
  status: string;
}

export interface DescribeInstancesRequest {
  RegionId?: string;
  ClusterId?: string;
  ClusterName?: string;
  DbType?: string;
  ResourceGroupId?: string;
  PageNumber?: number;
  PageSize?: number;
}
export interface WireHBaseInstance {
  InstanceId?: string;
  ClusterId: string;
  InstanceName?: string;
  ClusterName?: string;
  Engine?: string;
  MajorVersion?: string;
  Status?: string;
  RegionId?: string;
  ZoneId?: string;
  VpcId?: string;
  /** Lower-case "s", unlike every other API. */
  VswitchId?: string;
  NetworkType?: string;
  IsHa?: boolean;
  ClusterType?: string;
  PayType?: string;
  CreatedTime?: string;
  Tags?: WireTags;
}
export interface DescribeInstancesResponse extends WireResponse {
  PageNumber?: number;
  PageSize?: number;
  TotalCount?: number;
  Instances: { Instance: WireHBaseInstance[] };
}

export interface ClusterRequest {
  RegionId?: string;
  ClusterId: string;
}
export interface WireIpWhitelistGroup {
  GroupName: string;
  IpVersion?: number | string;
  IpList?: { Ip?: string[] };
}
export interface DescribeIpWhitelistResponse extends WireResponse {
  Groups: { Group: WireIpWhitelistGroup[] };
}

export interface ModifyIpWhitelistRequest {
  RegionId?: string;
  ClusterId: string;
  GroupName: string;
  /** "4" or "6". */
  IpVersion: string;
  /** Comma-separated; replaces the group's list. */
  IpList: string;
  ClientToken?: string;
}

export interface DescribeHBaseSecurityGroupsResponse extends WireResponse {
  SecurityGroupIds: { SecurityGroupId: string[] };
}
export interface ModifySecurityGroupsRequest {
  RegionId?: string;
  ClusterId: string;
  /** Comma-separated; replaces the cluster's set. */
  SecurityGroupIds: string;
  ClientToken?: string;
}

/** The HBase operations this extension uses. */
export interface HBaseApi {
  describeInstances: Operation<DescribeInstancesRequest, DescribeInstancesResponse>;
  describeIpWhitelist: Operation<ClusterRequest, DescribeIpWhitelistResponse>;
  modifyIpWhitelist: Operation<ModifyIpWhitelistRequest, WireResponse>;
  describeSecurityGroups: Operation<ClusterRequest, DescribeHBaseSecurityGroupsResponse>;
  modifySecurityGroups: Operation<ModifySecurityGroupsRequest, WireResponse>;
}

/** The HBase API object of a session. */
function hbaseApi(caller: Caller): HBaseApi {
  return {
    describeInstances: query(caller, HBASE_PRODUCT, 'DescribeInstances'),
    describeIpWhitelist: query(caller, HBASE_PRODUCT, 'DescribeIpWhitelist'),
    modifyIpWhitelist: mutation(caller, HBASE_PRODUCT, 'ModifyIpWhitelist'),
    describeSecurityGroups: query(caller, HBASE_PRODUCT, 'DescribeSecurityGroups'),
    modifySecurityGroups: mutation(caller, HBASE_PRODUCT, 'ModifySecurityGroups'),
  };
}

/** An HBase cluster from DescribeInstances. */
export function toHBaseCluster(wire: WireHBaseInstance, regionId: string): HBaseCluster {
  return {
    kind: 'hbase',
    clusterId: wire.ClusterId,
    regionId: wire.RegionId ?? regionId,
    name: wire.ClusterName ?? wire.InstanceName ?? '',
    vpcId: wire.VpcId ?? '',
    vSwitchId: wire.VswitchId ?? '',
    status: wire.Status ?? '',
  };
}

/** The HBase listing of `cloud.lists`. */
export interface HBaseListings {
  hbaseClusters(filter?: ListingFilter<DescribeInstancesRequest>): PageNumberListing<HBaseCluster>;
}

function hbaseListings(api: HBaseApi, regionId: string): HBaseListings {
  return {
    hbaseClusters: (filter) => ({
      style: 'page-number',
      pageSize: HBASE_PAGE_SIZE,
      fetch: async (PageNumber, PageSize, options) => {
        const r = await api.describeInstances({ ...filter, PageNumber, PageSize }, options);
        return {
          items: (r.Instances?.Instance ?? []).map((i) => toHBaseCluster(i, filter?.RegionId ?? regionId)),
          totalCount: Number(r.TotalCount ?? 0),
          pageSize: Number(r.PageSize) || undefined,
        };
      },
    }),
  };
}

/** HBase in the product table: `cloud.hbase`, `cloud.lists.hbaseClusters`. */
export const hbaseProduct = defineProduct({ key: 'hbase', product: HBASE_PRODUCT, api: hbaseApi, listings: hbaseListings });
