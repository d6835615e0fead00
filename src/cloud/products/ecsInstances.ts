/**
 * ECS API 2014-05-26, the instance half: DescribeInstances (services on ECS: which VPC, vSwitch,
 * addresses and security groups an instance has) and DeleteSecurityGroup (teardown of a link's
 * group). Split from ecs.ts; EcsApi carries both halves.
 *
 * Checked against the generated SDK models (alibabacloud-typescript-sdk ecs-20140526,
 * DescribeInstances*, DeleteSecurityGroup*) and the API reference:
 * - DescribeInstances filters InstanceIds and PrivateIpAddresses as JSON array strings (up to 100);
 *   MaxResults 1-100 (below 10 means 10, above 100 means 100) with NextToken; PageNumber/PageSize
 *   still accepted but "will be removed".
 * - DeleteSecurityGroup takes RegionId and SecurityGroupId only, no ClientToken. It is refused with
 *   DependencyViolation (403) while an instance is in the group or another group's rule authorizes
 *   it (the doc adds ENIs); an unknown group is InvalidSecurityGroupId.NotFound, which is also what a
 *   retry after a lost success answers: treat it as done.
 * - Each instance lists its ENIs under NetworkInterfaces.NetworkInterface[] (NetworkInterfaceId,
 *   Type, MacAddress, PrimaryIpAddress, PrivateIpSets); DescribeNetworkInterfaces' SecurityGroupId
 *   finds secondary ENIs only and sends primary ones here ("call DescribeInstances and specify
 *   SecurityGroupId"), so the instances in a group are read through this operation.
 * UNVERIFIED: the DependencyViolation message for a group still used by a network interface, and
 * whether TotalCount comes back in NextToken mode (do not rely on it).
 */

import type { Caller, Product } from '../caller';
import type { NetworkInterface } from '../../core/model';
import type { ListingFilter, NextTokenListing } from '../paging';
import { idempotentMutation, query, type Operation, type WireResponse } from './operation';

/** An ECS instance in a VPC, e.g. one running a self-managed service (Kafka, ClickHouse, MySQL). */
/** Tags as ECS answers them (instances, groups and interfaces alike). */
export interface EcsTags {
  Tag?: Array<{ TagKey?: string; TagValue?: string }>;
}

export interface EcsInstance {
  kind: 'ecs';
  instanceId: string;
  regionId: string;
  name: string;
  description: string;
  vpcId: string;
  vSwitchId: string;
  zoneId: string;
  privateIpAddresses: string[];
  securityGroupIds: string[];
  status: string;
  tags: Record<string, string>;
}

/** MaxResults of DescribeInstances is at most 100. */
export const INSTANCES_MAX_RESULTS = 100;

export interface DescribeEcsInstancesRequest {
  RegionId?: string;
  VpcId?: string;
  VSwitchId?: string;
  ZoneId?: string;
  SecurityGroupId?: string;
  /** A JSON array string of up to 100 ids, e.g. `["i-1","i-2"]`. */
  InstanceIds?: string;
  /** A JSON array string of up to 100 private addresses. */
  PrivateIpAddresses?: string;
  /** `*` wildcards allowed. */
  InstanceName?: string;
  Status?: 'Pending' | 'Running' | 'Starting' | 'Stopping' | 'Stopped';
  MaxResults?: number;
  NextToken?: string;
}
export interface WireInstance {
  InstanceId: string;
  InstanceName?: string;
  Description?: string;
  HostName?: string;
  Status?: string;
  RegionId?: string;
  ZoneId?: string;
  InstanceType?: string;
  InstanceNetworkType?: string;
  CreationTime?: string;
  VpcAttributes?: { VpcId?: string; VSwitchId?: string; NatIpAddress?: string; PrivateIpAddress?: { IpAddress?: string[] } };
  SecurityGroupIds?: { SecurityGroupId?: string[] };
  /** The instance's ENIs; the one of Type Primary is its primary ENI (the same id DescribeNetworkInterfaces lists). */
  NetworkInterfaces?: { NetworkInterface?: WireInstanceInterface[] };
  Tags?: EcsTags;
}
export interface WireInstanceInterface {
  NetworkInterfaceId?: string;
  Type?: string;
  MacAddress?: string;
  PrimaryIpAddress?: string;
  PrivateIpSets?: { PrivateIpSet?: Array<{ PrivateIpAddress?: string; Primary?: boolean }> };
}
export interface DescribeEcsInstancesResponse extends WireResponse {
  /** Empty or absent on the last page. */
  NextToken?: string;
  TotalCount?: number;
  PageNumber?: number;
  PageSize?: number;
  Instances: { Instance: WireInstance[] };
}

export interface DeleteSecurityGroupRequest {
  RegionId?: string;
  SecurityGroupId: string;
}

/** The instance operations of ECS. */
export interface EcsInstanceApi {
  describeInstances: Operation<DescribeEcsInstancesRequest, DescribeEcsInstancesResponse>;
  deleteSecurityGroup: Operation<DeleteSecurityGroupRequest, WireResponse>;
}

/** The instance half of a session's ECS API object; `ecs` is ECS_PRODUCT (passed in, so the two files do not import each other). */
export function ecsInstanceApi(caller: Caller, ecs: Product): EcsInstanceApi {
  return {
    describeInstances: query(caller, ecs, 'DescribeInstances'),
    deleteSecurityGroup: idempotentMutation(caller, ecs, 'DeleteSecurityGroup'),
  };
}

/**
 * An instance's primary network interface, from DescribeInstances: its NetworkInterfaces entry of
 * Type Primary names the ENI and its address; vSwitch, zone and security groups are the
 * instance's own (a primary ENI's groups are the instance's). The ENI id falls back to the
 * instance id when an answer lists no interface.
 */
export function toPrimaryInterface(wire: WireInstance): NetworkInterface {
  const listed = wire.NetworkInterfaces?.NetworkInterface ?? [];
  const primary = listed.find((n) => n.Type === 'Primary') ?? listed[0];
  return {
    networkInterfaceId: primary?.NetworkInterfaceId || wire.InstanceId,
    vpcId: wire.VpcAttributes?.VpcId ?? '',
    vSwitchId: wire.VpcAttributes?.VSwitchId ?? '',
    zoneId: wire.ZoneId ?? '',
    privateIpAddress: primary?.PrimaryIpAddress || wire.VpcAttributes?.PrivateIpAddress?.IpAddress?.[0] || '',
    securityGroupIds: wire.SecurityGroupIds?.SecurityGroupId ?? [],
    serviceManaged: false,
    status: 'InUse',
    type: 'Primary',
    instanceId: wire.InstanceId,
  };
}

/** An ECS instance from DescribeInstances. */
export function toEcsInstance(wire: WireInstance, regionId: string): EcsInstance {
  const tags: Record<string, string> = {};
  for (const tag of wire.Tags?.Tag ?? []) if (tag.TagKey) tags[tag.TagKey] = tag.TagValue ?? '';
  return {
    kind: 'ecs',
    instanceId: wire.InstanceId,
    regionId: wire.RegionId ?? regionId,
    name: wire.InstanceName ?? '',
    description: wire.Description ?? '',
    vpcId: wire.VpcAttributes?.VpcId ?? '',
    vSwitchId: wire.VpcAttributes?.VSwitchId ?? '',
    zoneId: wire.ZoneId ?? '',
    privateIpAddresses: wire.VpcAttributes?.PrivateIpAddress?.IpAddress ?? [],
    securityGroupIds: wire.SecurityGroupIds?.SecurityGroupId ?? [],
    status: wire.Status ?? '',
    tags,
  };
}

/** The instance listing of `cloud.lists` (part of ECS's). */
export interface EcsInstanceListings {
  /** ECS instances, filtered by the API (VpcId, InstanceIds, …). */
  ecsInstances(filter?: ListingFilter<DescribeEcsInstancesRequest>): NextTokenListing<EcsInstance>;
}

/** The instance listing over a session's ECS API. */
export function ecsInstanceListings(api: EcsInstanceApi, regionId: string): EcsInstanceListings {
  return {
    ecsInstances: (filter) => ({
      style: 'next-token',
      maxResults: INSTANCES_MAX_RESULTS,
      fetch: async (NextToken, MaxResults, options) => {
        const r = await api.describeInstances({ ...filter, NextToken, MaxResults }, options);
        return { items: (r.Instances?.Instance ?? []).map((i) => toEcsInstance(i, filter?.RegionId ?? regionId)), nextToken: r.NextToken };
      },
    }),
  };
}
