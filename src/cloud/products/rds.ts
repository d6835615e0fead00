/** RDS API 2014-08-15: instances, IP whitelists and security-group bindings (reference §3). */

import type { Caller, Product } from '../caller';
import type { ListingFilter, PageNumberListing } from '../paging';
import { defineProduct } from './definition';
import { mutation, query, type Operation, type WireResponse } from './operation';

/**
 * Regions whose RDS API answers on the central endpoint.
 * [unverified] The reference lists these ("most public regions") from the SDK's endpoint map.
 * Everywhere else the regional pattern applies, which Alibaba also serves for these regions,
 * so a wrong entry here costs nothing worse than a different but valid host.
 */
const CENTRAL_REGIONS = ['cn-hangzhou', 'cn-beijing', 'cn-shanghai', 'cn-shenzhen', 'cn-hongkong', 'ap-southeast-1', 'us-east-1'];

export const RDS_PRODUCT: Product = {
  code: 'Rds',
  version: '2014-08-15',
  regional: true,
  endpoint: { prefix: 'rds', rule: 'regional', map: Object.fromEntries(CENTRAL_REGIONS.map((r) => [r, 'rds.aliyuncs.com'])) },
};

/** An ApsaraDB RDS instance (DescribeDBInstances). */
export interface RdsInstance {
  kind: 'rds';
  instanceId: string;
  regionId: string;
  description: string;
  engine: string;
  engineVersion: string;
  vpcId: string;
  vSwitchId: string;
  status: string;
  port: number;
}

/** PageSize is 1–100 for DescribeDBInstances. */
export const RDS_MAX_PAGE_SIZE = 100;

export interface DescribeDBInstancesRequest {
  RegionId?: string;
  VpcId?: string;
  VSwitchId?: string;
  ZoneId?: string;
  DBInstanceId?: string;
  Engine?: string;
  InstanceNetworkType?: 'VPC' | 'Classic';
  DBInstanceStatus?: string;
  DBInstanceType?: string;
  SearchKey?: string;
  ResourceGroupId?: string;
  PageNumber?: number;
  PageSize?: number;
  MaxResults?: number;
  NextToken?: string;
}
export interface WireDBInstance {
  DBInstanceId: string;
  DBInstanceDescription?: string;
  DBInstanceStatus?: string;
  DBInstanceType?: string;
  DBInstanceClass?: string;
  DBInstanceNetType?: string;
  InstanceNetworkType?: string;
  Engine?: string;
  EngineVersion?: string;
  Category?: string;
  VpcId?: string;
  VSwitchId?: string;
  VpcCloudInstanceId?: string;
  ZoneId?: string;
  RegionId?: string;
  ConnectionMode?: string;
  ConnectionString?: string;
  /** Not in the list response of the real API; read when an emulator or future version sends it. */
  Port?: string | number;
  CreateTime?: string;
  ExpireTime?: string;
  PayType?: string;
  LockMode?: string;
  MasterInstanceId?: string;
}
/** Note PageRecordCount/TotalRecordCount, not PageSize/TotalCount. */
export interface DescribeDBInstancesResponse extends WireResponse {
  PageNumber?: number;
  PageRecordCount?: number;
  TotalRecordCount?: number;
  NextToken?: string;
  Items: { DBInstance: WireDBInstance[] };
}

export interface DescribeDBInstanceIPArrayListRequest {
  RegionId?: string;
  DBInstanceId: string;
  WhitelistNetworkType?: 'Classic' | 'VPC' | 'MIX';
}
export interface WireDBInstanceIPArray {
  DBInstanceIPArrayName: string;
  DBInstanceIPArrayAttribute?: string;
  SecurityIPType?: string;
  /** Comma-separated. */
  SecurityIPList: string;
  WhitelistNetworkType?: string;
}
export interface DescribeDBInstanceIPArrayListResponse extends WireResponse {
  Items: { DBInstanceIPArray: WireDBInstanceIPArray[] };
}

export interface ModifySecurityIpsRequest {
  RegionId?: string;
  DBInstanceId: string;
  /** Comma-separated IPs/CIDRs. */
  SecurityIps: string;
  DBInstanceIPArrayName?: string;
  ModifyMode?: 'Cover' | 'Append' | 'Delete';
  WhitelistNetworkType?: 'Classic' | 'VPC' | 'MIX';
  SecurityIPType?: string;
  DBInstanceIPArrayAttribute?: string;
  ClientToken?: string;
}
export interface ModifySecurityIpsResponse extends WireResponse {
  TaskId?: string | number;
}

export interface DescribeSecurityGroupConfigurationRequest {
  RegionId?: string;
  DBInstanceId: string;
}
export interface WireEcsSecurityGroupRelation {
  SecurityGroupId: string;
  SecurityGroupName?: string;
  RegionId?: string;
  NetworkType?: string;
}
export interface SecurityGroupConfigurationResponse extends WireResponse {
  DBInstanceName?: string;
  Items: { EcsSecurityGroupRelation: WireEcsSecurityGroupRelation[] };
}

export interface ModifySecurityGroupConfigurationRequest {
  RegionId?: string;
  DBInstanceId: string;
  /** Comma-separated, at most 10; the empty string removes every binding. */
  SecurityGroupId: string;
  ClientToken?: string;
}

/** The RDS operations this extension uses. */
export interface RdsApi {
  describeDBInstances: Operation<DescribeDBInstancesRequest, DescribeDBInstancesResponse>;
  describeDBInstanceIPArrayList: Operation<DescribeDBInstanceIPArrayListRequest, DescribeDBInstanceIPArrayListResponse>;
  modifySecurityIps: Operation<ModifySecurityIpsRequest, ModifySecurityIpsResponse>;
  describeSecurityGroupConfiguration: Operation<DescribeSecurityGroupConfigurationRequest, SecurityGroupConfigurationResponse>;
  modifySecurityGroupConfiguration: Operation<ModifySecurityGroupConfigurationRequest, SecurityGroupConfigurationResponse>;
}

/** The RDS API object of a session. */
function rdsApi(caller: Caller): RdsApi {
  return {
    describeDBInstances: query(caller, RDS_PRODUCT, 'DescribeDBInstances'),
    describeDBInstanceIPArrayList: query(caller, RDS_PRODUCT, 'DescribeDBInstanceIPArrayList'),
    modifySecurityIps: mutation(caller, RDS_PRODUCT, 'ModifySecurityIps'),
    describeSecurityGroupConfiguration: query(caller, RDS_PRODUCT, 'DescribeSecurityGroupConfiguration'),
    modifySecurityGroupConfiguration: mutation(caller, RDS_PRODUCT, 'ModifySecurityGroupConfiguration'),
  };
}

/** Default listening port per RDS engine, for list responses that carry none. */
const DEFAULT_RDS_PORTS: Record<string, number> = { mysql: 3306, mariadb: 3306, postgresql: 5432, sqlserver: 1433 };

/** An RDS instance from DescribeDBInstances. */
export function toRdsInstance(wire: WireDBInstance, regionId: string): RdsInstance {
  const engine = wire.Engine ?? '';
  const port = Number(wire.Port);
  return {
    kind: 'rds',
    instanceId: wire.DBInstanceId,
    regionId: wire.RegionId ?? regionId,
    description: wire.DBInstanceDescription ?? '',
    engine,
    engineVersion: wire.EngineVersion ?? '',
    vpcId: wire.VpcId ?? '',
    vSwitchId: wire.VSwitchId ?? '',
    status: wire.DBInstanceStatus ?? '',
    port: Number.isInteger(port) && port > 0 ? port : (DEFAULT_RDS_PORTS[engine.toLowerCase()] ?? 3306),
  };
}

/** The RDS listing of `cloud.lists`. */
export interface RdsListings {
  rdsInstances(filter?: ListingFilter<DescribeDBInstancesRequest>): PageNumberListing<RdsInstance>;
}

function rdsListings(api: RdsApi, regionId: string): RdsListings {
  return {
    rdsInstances: (filter) => ({
      style: 'page-number',
      pageSize: RDS_MAX_PAGE_SIZE,
      fetch: async (PageNumber, PageSize, options) => {
        const r = await api.describeDBInstances({ ...filter, PageNumber, PageSize }, options);
        // RDS reports PageRecordCount (items on this page) and TotalRecordCount, not PageSize/TotalCount.
        return {
          items: (r.Items?.DBInstance ?? []).map((d) => toRdsInstance(d, filter?.RegionId ?? regionId)),
          totalCount: Number(r.TotalRecordCount ?? 0),
        };
      },
    }),
  };
}

/** RDS in the product table: `cloud.rds`, `cloud.lists.rdsInstances`. */
export const rdsProduct = defineProduct({ key: 'rds', product: RDS_PRODUCT, api: rdsApi, listings: rdsListings });
