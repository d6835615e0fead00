/** VPC API 2016-04-28: regions, zones, VPCs and vSwitches (reference §1). */

import type { Caller, Product } from '../caller';
import { query, type Operation, type WireResponse, type WireTags } from './operation';

export const VPC_PRODUCT: Product = { code: 'Vpc', version: '2016-04-28', regional: true };

export interface DescribeRegionsRequest {
  AcceptLanguage?: 'zh-CN' | 'en-US';
  ProductType?: string;
}
export interface WireRegion {
  RegionId: string;
  LocalName?: string;
  RegionEndpoint?: string;
}
export interface DescribeRegionsResponse extends WireResponse {
  Regions: { Region: WireRegion[] };
}

export interface DescribeZonesRequest {
  RegionId?: string;
  ZoneType?: string;
  AcceptLanguage?: string;
}
export interface WireZone {
  ZoneId: string;
  LocalName?: string;
  ZoneType?: string;
}
export interface DescribeZonesResponse extends WireResponse {
  Zones: { Zone: WireZone[] };
}

/** PageSize is at most 50 for DescribeVpcs and DescribeVSwitches. */
export const VPC_MAX_PAGE_SIZE = 50;

export interface DescribeVpcsRequest {
  RegionId?: string;
  /** Up to 20 ids, comma-separated. */
  VpcId?: string;
  VpcName?: string;
  IsDefault?: boolean;
  ResourceGroupId?: string;
  PageNumber?: number;
  PageSize?: number;
}
export interface WireVpc {
  VpcId: string;
  VpcName?: string;
  CidrBlock?: string;
  Status?: string;
  RegionId?: string;
  VRouterId?: string;
  CreationTime?: string;
  Description?: string;
  IsDefault?: boolean;
  OwnerId?: number | string;
  ResourceGroupId?: string;
  VSwitchIds?: { VSwitchId?: string[] };
  SecondaryCidrBlocks?: { SecondaryCidrBlock?: string[] };
  Tags?: WireTags;
}
export interface DescribeVpcsResponse extends WireResponse {
  TotalCount: number;
  PageNumber: number;
  PageSize: number;
  Vpcs: { Vpc: WireVpc[] };
}

export interface DescribeVSwitchesRequest {
  RegionId?: string;
  VpcId?: string;
  VSwitchId?: string;
  ZoneId?: string;
  VSwitchName?: string;
  IsDefault?: boolean;
  ResourceGroupId?: string;
  PageNumber?: number;
  PageSize?: number;
}
export interface WireVSwitch {
  VSwitchId: string;
  VSwitchName?: string;
  VpcId: string;
  ZoneId: string;
  CidrBlock?: string;
  AvailableIpAddressCount?: number;
  Status?: string;
  CreationTime?: string;
  Description?: string;
  IsDefault?: boolean;
  OwnerId?: number | string;
  ResourceGroupId?: string;
  Tags?: WireTags;
}
export interface DescribeVSwitchesResponse extends WireResponse {
  TotalCount: number;
  PageNumber: number;
  PageSize: number;
  VSwitches: { VSwitch: WireVSwitch[] };
}

/** The VPC operations this extension uses. */
export interface VpcApi {
  describeRegions: Operation<DescribeRegionsRequest, DescribeRegionsResponse>;
  describeZones: Operation<DescribeZonesRequest, DescribeZonesResponse>;
  describeVpcs: Operation<DescribeVpcsRequest, DescribeVpcsResponse>;
  describeVSwitches: Operation<DescribeVSwitchesRequest, DescribeVSwitchesResponse>;
}

/** The VPC API object of a session. */
export function vpcApi(caller: Caller): VpcApi {
  return {
    describeRegions: query(caller, VPC_PRODUCT, 'DescribeRegions'),
    describeZones: query(caller, VPC_PRODUCT, 'DescribeZones'),
    describeVpcs: query(caller, VPC_PRODUCT, 'DescribeVpcs'),
    describeVSwitches: query(caller, VPC_PRODUCT, 'DescribeVSwitches'),
  };
}
