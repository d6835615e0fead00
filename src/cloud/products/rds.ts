/** RDS API 2014-08-15: instances, IP whitelists and security-group bindings (reference §3). */

import type { Caller, Product } from '../caller';
import { mutation, query, type Operation, type WireResponse } from './operation';

export const RDS_PRODUCT: Product = { code: 'Rds', version: '2014-08-15', regional: true };

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
export function rdsApi(caller: Caller): RdsApi {
  return {
    describeDBInstances: query(caller, RDS_PRODUCT, 'DescribeDBInstances'),
    describeDBInstanceIPArrayList: query(caller, RDS_PRODUCT, 'DescribeDBInstanceIPArrayList'),
    modifySecurityIps: mutation(caller, RDS_PRODUCT, 'ModifySecurityIps'),
    describeSecurityGroupConfiguration: query(caller, RDS_PRODUCT, 'DescribeSecurityGroupConfiguration'),
    modifySecurityGroupConfiguration: mutation(caller, RDS_PRODUCT, 'ModifySecurityGroupConfiguration'),
  };
}
