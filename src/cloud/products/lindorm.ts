/**
 * Lindorm API (product code `hitsdb`) 2020-06-15: instances and their IP whitelist groups.
 *
 * Checked against the generated SDK models (alibabacloud-typescript-sdk hitsdb-20200615,
 * GetLindormInstanceList*, GetLindormInstance*, GetInstanceIpWhiteList*, UpdateInstanceIpWhiteList*)
 * and the API reference. Things the models say that shape how this product must be used:
 * - GetLindormInstanceList has no VpcId filter and no vSwitch: filter on VpcId client-side; the
 *   vSwitch (`VswitchId`, lower-case "s") comes from GetLindormInstance.
 * - Its instances are a plain array `InstanceList`, the total is `Total`; EngineType is a string
 *   there and a number in GetLindormInstance (a sum: 1 search, 2 LindormTSDB, 4 LindormTable, 8 file).
 * - The whitelist has groups: GetInstanceIpWhiteList answers `GroupList[{GroupName, SecurityIpList}]`
 *   (comma-separated) next to a flat `IpList`.
 * - UpdateInstanceIpWhiteList sets one group (GroupName, default `user`) to SecurityIpList; there is
 *   no Append/Delete mode, so granting and revoking read every group, merge the one, write it and
 *   read every group back (src/targets/lindorm/whitelistGuard.ts). `127.0.0.1` in SecurityIpList
 *   admits no one (the model's own words). `Delete` is "whether to clear all IP addresses and CIDR
 *   blocks in the whitelist" — the group's or the instance's, it does not say: never sent.
 *   It takes no ClientToken (sent as an idempotent request, see operation.ts).
 * - Lindorm V2 instances have their own APIs (GetLindormV2InstanceList, UpdateLindormV2WhiteIpList…)
 *   not used here (src/targets/lindorm/index.ts, LINDORM_V2_NOTE).
 * - Documented errors: Instance.IsDeleted, Instance.IsNotValid, Lindorm.Errorcode.ParameterInvaild (all 400).
 *
 * UNVERIFIED (the emulator's copy is LINDORM_UNVERIFIED in src/emulator/products/lindorm.ts):
 * - whether SecurityIpList replaces the group (assumed) or adds to it;
 * - what Delete=true clears (one group or every group; the emulator models every group) — never sent;
 * - which code an id that never existed gets (assumed Instance.IsNotValid, 400: not a 404);
 * - how the flat IpList relates to GroupList (assumed: every group's entries);
 * - GetLindormInstanceList's largest PageSize (assumed 100) and whether the whitelist calls accept RegionId.
 */

import type { Caller, Product } from '../caller';
import type { ListingFilter, PageNumberListing } from '../paging';
import { defineProduct } from './definition';
import { idempotentMutation, query, type Operation, type WireResponse } from './operation';

/** The SDK has no endpoint map for Lindorm, only the regional rule. */
export const LINDORM_PRODUCT: Product = {
  code: 'hitsdb',
  version: '2020-06-15',
  regional: true,
  endpoint: { prefix: 'hitsdb', rule: 'regional' },
};

/** A Lindorm instance (GetLindormInstanceList; the vSwitch only from GetLindormInstance). */
export interface LindormInstance {
  kind: 'lindorm';
  instanceId: string;
  regionId: string;
  name: string;
  vpcId: string;
  /** Absent when read from the list, which does not carry it. */
  vSwitchId?: string;
  zoneId: string;
  status: string;
  /** The engines it runs, as a sum of flags: 1 search, 2 LindormTSDB, 4 LindormTable, 8 file. */
  engineType: number;
  /** lindorm, lindorm_multizone, serverless_lindorm, lindorm_standalone or lts. */
  serviceType: string;
}

/** [unverified] No maximum is documented; 100 is assumed (see the header). */
export const LINDORM_PAGE_SIZE = 100;

export interface GetLindormInstanceListRequest {
  RegionId?: string;
  /** Fuzzy match on the instance name. */
  QueryStr?: string;
  /** lindorm | lindorm_multizone | serverless_lindorm | lindorm_standalone | lts. */
  ServiceType?: string;
  /** Instances running at least these engines (sum of 1, 2, 4, 8). */
  SupportEngine?: number;
  ResourceGroupId?: string;
  PageNumber?: number;
  PageSize?: number;
}
export interface WireLindormInstanceSummary {
  InstanceId: string;
  InstanceAlias?: string;
  /** e.g. ACTIVATION (running), CREATING, LOCKED. */
  InstanceStatus?: string;
  ServiceType?: string;
  /** A string here (e.g. "15"). */
  EngineType?: string;
  NetworkType?: string;
  PayType?: string;
  RegionId?: string;
  ZoneId?: string;
  VpcId?: string;
  AliUid?: number;
  CreateTime?: string;
  CreateMilliseconds?: number;
  ResourceGroupId?: string;
  Tags?: Array<{ Key?: string; Value?: string }>;
}
export interface GetLindormInstanceListResponse extends WireResponse {
  PageNumber?: number;
  PageSize?: number;
  Total?: number;
  InstanceList?: WireLindormInstanceSummary[];
}

export interface LindormInstanceRequest {
  RegionId?: string;
  InstanceId: string;
}
/** GetLindormInstance: the summary's fields at the top level, plus the vSwitch. */
export interface GetLindormInstanceResponse extends WireResponse, Omit<WireLindormInstanceSummary, 'EngineType' | 'Tags'> {
  /** A number here. */
  EngineType?: number | string;
  /** Lower-case "s", as in the SDK model. */
  VswitchId?: string;
}

export interface WireLindormWhitelistGroup {
  GroupName: string;
  /** Comma-separated. */
  SecurityIpList: string;
}
export interface GetInstanceIpWhiteListResponse extends WireResponse {
  InstanceId?: string;
  IpList?: string[];
  GroupList?: WireLindormWhitelistGroup[];
}

export interface UpdateInstanceIpWhiteListRequest {
  RegionId?: string;
  InstanceId: string;
  /** Comma-separated: the group's whole list afterwards. */
  SecurityIpList: string;
  /** `user` when absent. */
  GroupName?: string;
  /** "Clear all IP addresses and CIDR blocks in the whitelist": scope unverified (header); never sent. */
  Delete?: boolean;
}

/** The Lindorm operations this extension uses. */
export interface LindormApi {
  getLindormInstanceList: Operation<GetLindormInstanceListRequest, GetLindormInstanceListResponse>;
  getLindormInstance: Operation<LindormInstanceRequest, GetLindormInstanceResponse>;
  getInstanceIpWhiteList: Operation<LindormInstanceRequest, GetInstanceIpWhiteListResponse>;
  updateInstanceIpWhiteList: Operation<UpdateInstanceIpWhiteListRequest, WireResponse>;
}

/** The Lindorm API object of a session. */
function lindormApi(caller: Caller): LindormApi {
  return {
    getLindormInstanceList: query(caller, LINDORM_PRODUCT, 'GetLindormInstanceList'),
    getLindormInstance: query(caller, LINDORM_PRODUCT, 'GetLindormInstance'),
    getInstanceIpWhiteList: query(caller, LINDORM_PRODUCT, 'GetInstanceIpWhiteList'),
    updateInstanceIpWhiteList: idempotentMutation(caller, LINDORM_PRODUCT, 'UpdateInstanceIpWhiteList'),
  };
}

/** A Lindorm instance from GetLindormInstanceList, or from GetLindormInstance (which adds the vSwitch). */
export function toLindormInstance(wire: WireLindormInstanceSummary | GetLindormInstanceResponse, regionId: string): LindormInstance {
  const engineType = Number(wire.EngineType);
  const instance: LindormInstance = {
    kind: 'lindorm',
    instanceId: wire.InstanceId ?? '',
    regionId: wire.RegionId ?? regionId,
    name: wire.InstanceAlias ?? '',
    vpcId: wire.VpcId ?? '',
    zoneId: wire.ZoneId ?? '',
    status: wire.InstanceStatus ?? '',
    engineType: Number.isInteger(engineType) ? engineType : 0,
    serviceType: wire.ServiceType ?? '',
  };
  if ('VswitchId' in wire && wire.VswitchId) instance.vSwitchId = wire.VswitchId;
  return instance;
}

/** The Lindorm listing of `cloud.lists`. */
export interface LindormListings {
  /** Region-wide, without vSwitches: GetLindormInstanceList can neither filter by VPC nor name the vSwitch. */
  lindormInstances(filter?: ListingFilter<GetLindormInstanceListRequest>): PageNumberListing<LindormInstance>;
}

function lindormListings(api: LindormApi, regionId: string): LindormListings {
  return {
    lindormInstances: (filter) => ({
      style: 'page-number',
      pageSize: LINDORM_PAGE_SIZE,
      fetch: async (PageNumber, PageSize, options) => {
        const r = await api.getLindormInstanceList({ ...filter, PageNumber, PageSize }, options);
        return {
          items: (r.InstanceList ?? []).map((i) => toLindormInstance(i, filter?.RegionId ?? regionId)),
          totalCount: Number(r.Total ?? 0),
          pageSize: Number(r.PageSize) || undefined,
        };
      },
    }),
  };
}

/** Lindorm in the product table: `cloud.lindorm`, `cloud.lists.lindormInstances`. */
export const lindormProduct = defineProduct({ key: 'lindorm', product: LINDORM_PRODUCT, api: lindormApi, listings: lindormListings });
