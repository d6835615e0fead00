/** HBase API 2019-01-01: clusters, IP whitelists and security groups (reference §4). */

import type { Caller, Product } from '../caller';
import { mutation, query, type Operation, type WireResponse, type WireTags } from './operation';

export const HBASE_PRODUCT: Product = { code: 'HBase', version: '2019-01-01', regional: true };

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
export function hbaseApi(caller: Caller): HBaseApi {
  return {
    describeInstances: query(caller, HBASE_PRODUCT, 'DescribeInstances'),
    describeIpWhitelist: query(caller, HBASE_PRODUCT, 'DescribeIpWhitelist'),
    modifyIpWhitelist: mutation(caller, HBASE_PRODUCT, 'ModifyIpWhitelist'),
    describeSecurityGroups: query(caller, HBASE_PRODUCT, 'DescribeSecurityGroups'),
    modifySecurityGroups: mutation(caller, HBASE_PRODUCT, 'ModifySecurityGroups'),
  };
}
