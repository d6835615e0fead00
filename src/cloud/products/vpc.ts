/** VPC API 2016-04-28: regions, zones, VPCs and vSwitches (reference §1). */

import type { Caller, Product } from '../caller';
import type { Vpc, VSwitch } from '../../core/model';
import type { ListingFilter, PageNumberListing } from '../paging';
import { defineProduct } from './definition';
import { query, type Operation, type WireResponse, type WireTags } from './operation';

export const VPC_PRODUCT: Product = {
  code: 'Vpc',
  version: '2016-04-28',
  regional: true,
  endpoint: { prefix: 'vpc', rule: 'regional', map: { 'cn-hangzhou': 'vpc.aliyuncs.com' } },
};

/** A region the account can use (core reasons about VPCs, not about the region list). */
export interface Region {
  regionId: string;
  localName: string;
}

/** A zone of a region. */
export interface Zone {
  zoneId: string;
  regionId: string;
  localName: string;
}

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

/** A region from VPC DescribeRegions. */
export function toRegion(wire: WireRegion): Region {
  return { regionId: wire.RegionId, localName: wire.LocalName ?? wire.RegionId };
}

/** A zone from VPC DescribeZones (which does not repeat the region it was asked about). */
export function toZone(wire: WireZone, regionId: string): Zone {
  return { zoneId: wire.ZoneId, regionId, localName: wire.LocalName ?? wire.ZoneId };
}

/** A VPC from DescribeVpcs. */
export function toVpc(wire: WireVpc, regionId: string): Vpc {
  return {
    vpcId: wire.VpcId,
    regionId: wire.RegionId ?? regionId,
    name: wire.VpcName ?? '',
    cidrBlock: wire.CidrBlock ?? '',
    status: wire.Status ?? '',
    ownerId: wire.OwnerId === undefined ? '' : String(wire.OwnerId),
    isDefault: wire.IsDefault === true,
    vSwitchIds: wire.VSwitchIds?.VSwitchId ?? [],
  };
}

/** A vSwitch from DescribeVSwitches. */
export function toVSwitch(wire: WireVSwitch): VSwitch {
  return {
    vSwitchId: wire.VSwitchId,
    vpcId: wire.VpcId,
    zoneId: wire.ZoneId,
    name: wire.VSwitchName ?? '',
    cidrBlock: wire.CidrBlock ?? '',
    status: wire.Status ?? '',
    availableIpAddressCount: Number(wire.AvailableIpAddressCount ?? 0),
  };
}

/** The VPC listings of `cloud.lists`. */
export interface VpcListings {
  vpcs(filter?: ListingFilter<DescribeVpcsRequest>): PageNumberListing<Vpc>;
  /** Region-wide unless filtered by VpcId/ZoneId: one listing serves every VPC. */
  vSwitches(filter?: ListingFilter<DescribeVSwitchesRequest>): PageNumberListing<VSwitch>;
}

function vpcListings(api: VpcApi, regionId: string): VpcListings {
  return {
    vpcs: (filter) => ({
      style: 'page-number',
      pageSize: VPC_MAX_PAGE_SIZE,
      fetch: async (PageNumber, PageSize, options) => {
        const r = await api.describeVpcs({ ...filter, PageNumber, PageSize }, options);
        return {
          items: (r.Vpcs?.Vpc ?? []).map((v) => toVpc(v, filter?.RegionId ?? regionId)),
          totalCount: Number(r.TotalCount ?? 0),
          pageSize: Number(r.PageSize) || undefined,
        };
      },
    }),
    vSwitches: (filter) => ({
      style: 'page-number',
      pageSize: VPC_MAX_PAGE_SIZE,
      fetch: async (PageNumber, PageSize, options) => {
        const r = await api.describeVSwitches({ ...filter, PageNumber, PageSize }, options);
        return {
          items: (r.VSwitches?.VSwitch ?? []).map(toVSwitch),
          totalCount: Number(r.TotalCount ?? 0),
          pageSize: Number(r.PageSize) || undefined,
        };
      },
    }),
  };
}

/** VPC in the product table: `cloud.vpc`, `cloud.lists.vpcs`/`vSwitches`. */
export const vpcProduct = defineProduct({ key: 'vpc', product: VPC_PRODUCT, api: vpcApi, listings: vpcListings });
