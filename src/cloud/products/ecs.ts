/** ECS API 2014-05-26: security groups, their rules and network interfaces (reference §2). */

import type { Caller, Product } from '../caller';
import {
  isMaxComputeManagedGroupName,
  type IpProtocol,
  type NetworkInterface,
  type RuleDirection,
  type RulePolicy,
  type SecurityGroup,
  type SecurityGroupRule,
} from '../../core/model';
import type { Listing, ListingFilter, NextTokenListing } from '../paging';
import { defineProduct } from './definition';
import { ecsInstanceApi, ecsInstanceListings, type EcsInstanceApi, type EcsInstanceListings, type EcsTags } from './ecsInstances';
import { mutation, query, type Operation, type WireResponse } from './operation';

export const ECS_PRODUCT: Product = {
  code: 'Ecs',
  version: '2014-05-26',
  regional: true,
  endpoint: { prefix: 'ecs', rule: 'regional', map: { 'cn-hangzhou': 'ecs-cn-hangzhou.aliyuncs.com' } },
  /**
   * The actions whose reference documents a ClientToken ("保证请求幂等性"), checked in the generated
   * SDK request models (ecs-20140526). RDS ModifySecurityIps and ModifySecurityGroupConfiguration,
   * HBase ModifyIpWhitelist and ModifySecurityGroups have none: they are not sent one, and a retry
   * of theirs may act twice, which their callers make harmless by reading first and verifying after.
   */
  clientTokenActions: new Set(['CreateSecurityGroup', 'AuthorizeSecurityGroup', 'AuthorizeSecurityGroupEgress', 'RevokeSecurityGroup']),
};

/** ECS tags use TagKey/TagValue, unlike the other products' Key/Value. */

/** MaxResults is at most 100 for DescribeSecurityGroups; PageSize (deprecated paging) at most 50. */
export const SECURITY_GROUPS_MAX_RESULTS = 100;
export const SECURITY_GROUPS_MAX_PAGE_SIZE = 50;

export interface DescribeSecurityGroupsRequest {
  RegionId?: string;
  VpcId?: string;
  SecurityGroupId?: string;
  /** A JSON array string of up to 100 ids. */
  SecurityGroupIds?: string;
  SecurityGroupName?: string;
  SecurityGroupType?: 'normal' | 'enterprise';
  NetworkType?: 'vpc' | 'classic';
  ResourceGroupId?: string;
  ServiceManaged?: boolean;
  MaxResults?: number;
  NextToken?: string;
  /** Deprecated paging, still accepted; lets pages be fetched in parallel. */
  PageNumber?: number;
  PageSize?: number;
}
export interface WireSecurityGroup {
  SecurityGroupId: string;
  SecurityGroupName?: string;
  SecurityGroupType?: string;
  VpcId?: string;
  Description?: string;
  CreationTime?: string;
  ResourceGroupId?: string;
  RuleCount?: number;
  GroupToGroupRuleCount?: number;
  EcsCount?: number;
  AvailableInstanceAmount?: number;
  ServiceManaged?: boolean;
  ServiceID?: number | string;
  Tags?: EcsTags;
}
export interface DescribeSecurityGroupsResponse extends WireResponse {
  RegionId?: string;
  /** Empty or absent on the last page. */
  NextToken?: string;
  PageNumber?: number;
  PageSize?: number;
  TotalCount?: number;
  SecurityGroups: { SecurityGroup: WireSecurityGroup[] };
}

export interface DescribeSecurityGroupAttributeRequest {
  RegionId?: string;
  SecurityGroupId: string;
  Direction?: 'ingress' | 'egress' | 'all';
  NicType?: 'intranet' | 'internet';
  MaxResults?: number;
  NextToken?: string;
}
export interface WirePermission {
  SecurityGroupRuleId?: string;
  Direction?: string;
  IpProtocol?: string;
  PortRange?: string;
  SourcePortRange?: string;
  Policy?: string;
  /** A string on the wire ("1"). */
  Priority?: string | number;
  NicType?: string;
  SourceCidrIp?: string;
  Ipv6SourceCidrIp?: string;
  SourceGroupId?: string;
  SourceGroupName?: string;
  SourceGroupOwnerAccount?: string;
  SourcePrefixListId?: string;
  DestCidrIp?: string;
  Ipv6DestCidrIp?: string;
  DestGroupId?: string;
  DestGroupName?: string;
  DestGroupOwnerAccount?: string;
  DestPrefixListId?: string;
  Description?: string;
  CreateTime?: string;
}
export interface DescribeSecurityGroupAttributeResponse extends WireResponse {
  RegionId?: string;
  SecurityGroupId: string;
  SecurityGroupName?: string;
  Description?: string;
  VpcId?: string;
  InnerAccessPolicy?: 'Accept' | 'Drop' | string;
  NextToken?: string;
  Permissions: { Permission: WirePermission[] };
}

export interface CreateSecurityGroupRequest {
  RegionId?: string;
  VpcId?: string;
  SecurityGroupName?: string;
  Description?: string;
  SecurityGroupType?: 'normal' | 'enterprise';
  ResourceGroupId?: string;
  /** Filled automatically with a UUID reused on retries. */
  ClientToken?: string;
  Tag?: Array<{ Key: string; Value?: string }>;
}
export interface CreateSecurityGroupResponse extends WireResponse {
  SecurityGroupId: string;
}

/** One rule to add or remove, in the `Permissions.N.*` form (flattened by the caller). */
export interface PermissionRequest {
  IpProtocol: string;
  PortRange: string;
  SourcePortRange?: string;
  Policy?: 'accept' | 'drop';
  /** 1–100, sent as a string. */
  Priority?: string;
  SourceCidrIp?: string;
  Ipv6SourceCidrIp?: string;
  SourceGroupId?: string;
  SourceGroupOwnerAccount?: string;
  SourcePrefixListId?: string;
  DestCidrIp?: string;
  Ipv6DestCidrIp?: string;
  DestGroupId?: string;
  DestGroupOwnerAccount?: string;
  DestPrefixListId?: string;
  NicType?: 'intranet' | 'internet';
  Description?: string;
}

export interface AuthorizeSecurityGroupRequest {
  RegionId?: string;
  SecurityGroupId: string;
  /** 1–100 rules. */
  Permissions: PermissionRequest[];
  ClientToken?: string;
}
export type AuthorizeSecurityGroupEgressRequest = AuthorizeSecurityGroupRequest;

/** Revoke by rule ids (recommended) or by rule content; the two cannot be combined. */
export type RevokeSecurityGroupRequest = {
  RegionId?: string;
  SecurityGroupId: string;
  ClientToken?: string;
} & ({ SecurityGroupRuleId: string[]; Permissions?: never } | { Permissions: PermissionRequest[]; SecurityGroupRuleId?: never });

export interface DescribeNetworkInterfacesRequest {
  RegionId?: string;
  VpcId?: string;
  VSwitchId?: string;
  /** Finds secondary ENIs only (SDK model); an instance's primary ENI in the group comes from DescribeInstances' SecurityGroupId. */
  SecurityGroupId?: string;
  /** The instance the ENI is attached to (its primary ENI, and any secondary ones). */
  InstanceId?: string;
  Type?: 'Primary' | 'Secondary';
  Status?: string;
  NetworkInterfaceId?: string[];
  ServiceManaged?: boolean;
  ResourceGroupId?: string;
  /** 10–500. */
  MaxResults?: number;
  NextToken?: string;
}
export interface WireNetworkInterface {
  NetworkInterfaceId: string;
  NetworkInterfaceName?: string;
  Type?: string;
  Status?: string;
  Description?: string;
  CreationTime?: string;
  OwnerId?: string;
  ResourceGroupId?: string;
  ServiceManaged?: boolean;
  ServiceID?: number | string;
  VpcId?: string;
  VSwitchId?: string;
  ZoneId?: string;
  PrivateIpAddress?: string;
  MacAddress?: string;
  /** The attached ECS instance; empty for a service's ENIs (MaxCompute's). */
  InstanceId?: string;
  SecurityGroupIds?: { SecurityGroupId?: string[] };
  PrivateIpSets?: { PrivateIpSet?: Array<{ PrivateIpAddress?: string; Primary?: boolean }> };
  Tags?: EcsTags;
}
export interface DescribeNetworkInterfacesResponse extends WireResponse {
  NextToken?: string;
  TotalCount?: number;
  PageNumber?: number;
  PageSize?: number;
  NetworkInterfaceSets: { NetworkInterfaceSet: WireNetworkInterface[] };
}

/** The ECS operations this extension uses (DescribeInstances and DeleteSecurityGroup are in ecsInstances.ts). */
export interface EcsApi extends EcsInstanceApi {
  describeSecurityGroups: Operation<DescribeSecurityGroupsRequest, DescribeSecurityGroupsResponse>;
  describeSecurityGroupAttribute: Operation<DescribeSecurityGroupAttributeRequest, DescribeSecurityGroupAttributeResponse>;
  createSecurityGroup: Operation<CreateSecurityGroupRequest, CreateSecurityGroupResponse>;
  authorizeSecurityGroup: Operation<AuthorizeSecurityGroupRequest, WireResponse>;
  authorizeSecurityGroupEgress: Operation<AuthorizeSecurityGroupEgressRequest, WireResponse>;
  revokeSecurityGroup: Operation<RevokeSecurityGroupRequest, WireResponse>;
  revokeSecurityGroupEgress: Operation<RevokeSecurityGroupRequest, WireResponse>;
  describeNetworkInterfaces: Operation<DescribeNetworkInterfacesRequest, DescribeNetworkInterfacesResponse>;
}

/** The ECS API object of a session. */
function ecsApi(caller: Caller): EcsApi {
  return {
    describeSecurityGroups: query(caller, ECS_PRODUCT, 'DescribeSecurityGroups'),
    describeSecurityGroupAttribute: query(caller, ECS_PRODUCT, 'DescribeSecurityGroupAttribute'),
    createSecurityGroup: mutation(caller, ECS_PRODUCT, 'CreateSecurityGroup'),
    authorizeSecurityGroup: mutation(caller, ECS_PRODUCT, 'AuthorizeSecurityGroup'),
    authorizeSecurityGroupEgress: mutation(caller, ECS_PRODUCT, 'AuthorizeSecurityGroupEgress'),
    revokeSecurityGroup: mutation(caller, ECS_PRODUCT, 'RevokeSecurityGroup'),
    revokeSecurityGroupEgress: mutation(caller, ECS_PRODUCT, 'RevokeSecurityGroupEgress'),
    describeNetworkInterfaces: query(caller, ECS_PRODUCT, 'DescribeNetworkInterfaces'),
    ...ecsInstanceApi(caller, ECS_PRODUCT),
  };
}

/** A security group from DescribeSecurityGroups, flagging MaxCompute's return-traffic groups. */
export function toSecurityGroup(wire: WireSecurityGroup, regionId: string): SecurityGroup {
  const name = wire.SecurityGroupName ?? '';
  const vpcId = wire.VpcId ?? '';
  return {
    securityGroupId: wire.SecurityGroupId,
    regionId,
    vpcId,
    name,
    description: wire.Description ?? '',
    type: wire.SecurityGroupType === 'enterprise' ? 'enterprise' : 'normal',
    ruleCount: wire.RuleCount === undefined ? undefined : Number(wire.RuleCount),
    managedByMaxCompute: isMaxComputeManagedGroupName(name, vpcId === '' ? undefined : vpcId),
    ...(wire.CreationTime !== undefined ? { creationTime: wire.CreationTime } : {}),
  };
}

/** IANA protocol numbers some regions return instead of names. */
const PROTOCOL_NUMBERS: Record<string, IpProtocol> = { '1': 'ICMP', '6': 'TCP', '17': 'UDP', '47': 'GRE', '-1': 'ALL' };
const PROTOCOLS: readonly IpProtocol[] = ['ALL', 'TCP', 'UDP', 'ICMP', 'GRE'];

/** The protocol in the model's spelling; throws for one the model cannot represent (e.g. ICMPv6). */
export function toProtocol(wire: string | undefined): IpProtocol {
  const upper = (wire ?? 'ALL').trim().toUpperCase();
  const named = PROTOCOL_NUMBERS[upper] ?? (PROTOCOLS as readonly string[]).find((p) => p === upper);
  if (named === undefined) throw new Error(`Unsupported security group rule protocol "${wire}" (expected one of ${PROTOCOLS.join(', ')}).`);
  return named as IpProtocol;
}

/** Maps one Permission of DescribeSecurityGroupAttribute to a rule. */
export function toRule(wire: WirePermission, fallbackDirection: RuleDirection = 'ingress'): SecurityGroupRule {
  const direction: RuleDirection =
    wire.Direction?.toLowerCase() === 'egress' ? 'egress' : wire.Direction?.toLowerCase() === 'ingress' ? 'ingress' : fallbackDirection;
  const policy: RulePolicy = wire.Policy?.toLowerCase() === 'drop' ? 'drop' : 'accept';
  const protocol = toProtocol(wire.IpProtocol);
  const priority = Number.parseInt(String(wire.Priority ?? '1'), 10);
  // Per the API, a CIDR wins when a rule names both a CIDR and a group.
  const cidr = direction === 'ingress' ? wire.SourceCidrIp || wire.Ipv6SourceCidrIp : wire.DestCidrIp || wire.Ipv6DestCidrIp;
  const groupId = direction === 'ingress' ? wire.SourceGroupId : wire.DestGroupId;
  const rule: SecurityGroupRule = {
    direction,
    policy,
    protocol,
    // ALL, ICMP and GRE cover every port; the API spells that -1/-1.
    portRange: protocol === 'TCP' || protocol === 'UDP' ? (wire.PortRange ?? '-1/-1') : '-1/-1',
    priority: Number.isFinite(priority) ? priority : 1,
  };
  if (wire.SecurityGroupRuleId) rule.ruleId = wire.SecurityGroupRuleId;
  if (cidr) rule.peerCidr = cidr;
  else if (groupId) rule.peerGroupId = groupId;
  if (wire.Description) rule.description = wire.Description;
  return rule;
}

/** A rule as the `Permissions.N.*` of Authorize/Revoke calls (direction picks Source vs Dest). */
export function toPermissionRequest(rule: SecurityGroupRule): PermissionRequest {
  const request: PermissionRequest = {
    IpProtocol: rule.protocol,
    PortRange: rule.portRange,
    Policy: rule.policy,
    Priority: String(rule.priority),
  };
  const ipv6 = rule.peerCidr?.includes(':') === true;
  if (rule.direction === 'ingress') {
    if (rule.peerCidr !== undefined) request[ipv6 ? 'Ipv6SourceCidrIp' : 'SourceCidrIp'] = rule.peerCidr;
    else if (rule.peerGroupId !== undefined) request.SourceGroupId = rule.peerGroupId;
  } else {
    if (rule.peerCidr !== undefined) request[ipv6 ? 'Ipv6DestCidrIp' : 'DestCidrIp'] = rule.peerCidr;
    else if (rule.peerGroupId !== undefined) request.DestGroupId = rule.peerGroupId;
  }
  if (rule.description !== undefined) request.Description = rule.description;
  return request;
}

/** A network interface from DescribeNetworkInterfaces. */
export function toNetworkInterface(wire: WireNetworkInterface): NetworkInterface {
  const ni: NetworkInterface = {
    networkInterfaceId: wire.NetworkInterfaceId,
    vpcId: wire.VpcId ?? '',
    vSwitchId: wire.VSwitchId ?? '',
    zoneId: wire.ZoneId ?? '',
    privateIpAddress: wire.PrivateIpAddress ?? '',
    securityGroupIds: wire.SecurityGroupIds?.SecurityGroupId ?? [],
    serviceManaged: wire.ServiceManaged === true,
    status: wire.Status ?? '',
    type: wire.Type ?? '',
  };
  if (wire.Description) ni.description = wire.Description;
  if (wire.InstanceId) ni.instanceId = wire.InstanceId;
  return ni;
}

/** MaxResults of DescribeNetworkInterfaces is 10–500. */
const NETWORK_INTERFACES_MAX_RESULTS = 500;
/** MaxResults of DescribeSecurityGroupAttribute is 10–1000. */
const RULES_MAX_RESULTS = 1000;

/** The ECS listings of `cloud.lists`. */
export interface EcsListings extends EcsInstanceListings {
  /**
   * Security groups. 'next-token' (default) is the paging ECS recommends; 'page-number' is the
   * deprecated but still accepted style, whose pages can be fetched in parallel.
   */
  securityGroups(filter?: ListingFilter<DescribeSecurityGroupsRequest>, style?: 'next-token' | 'page-number'): Listing<SecurityGroup>;
  securityGroupRules(
    securityGroupId: string,
    direction?: 'ingress' | 'egress' | 'all',
    regionId?: string,
  ): NextTokenListing<SecurityGroupRule>;
  networkInterfaces(filter?: ListingFilter<DescribeNetworkInterfacesRequest>): NextTokenListing<NetworkInterface>;
}

function ecsListings(api: EcsApi, regionId: string): EcsListings {
  return {
    securityGroups: (filter, style = 'next-token') =>
      style === 'page-number'
        ? {
            style: 'page-number',
            pageSize: SECURITY_GROUPS_MAX_PAGE_SIZE,
            fetch: async (PageNumber, PageSize, options) => {
              const r = await api.describeSecurityGroups({ ...filter, PageNumber, PageSize }, options);
              const items = (r.SecurityGroups?.SecurityGroup ?? []).map((g) => toSecurityGroup(g, filter?.RegionId ?? regionId));
              return { items, totalCount: Number(r.TotalCount ?? 0), pageSize: Number(r.PageSize) || undefined };
            },
          }
        : {
            style: 'next-token',
            maxResults: SECURITY_GROUPS_MAX_RESULTS,
            fetch: async (NextToken, MaxResults, options) => {
              const r = await api.describeSecurityGroups({ ...filter, NextToken, MaxResults }, options);
              const items = (r.SecurityGroups?.SecurityGroup ?? []).map((g) => toSecurityGroup(g, filter?.RegionId ?? regionId));
              return { items, nextToken: r.NextToken, totalCount: r.TotalCount };
            },
          },
    securityGroupRules: (SecurityGroupId, Direction = 'all', RegionId) => ({
      style: 'next-token',
      maxResults: RULES_MAX_RESULTS,
      fetch: async (NextToken, MaxResults, options) => {
        const r = await api.describeSecurityGroupAttribute({ RegionId, SecurityGroupId, Direction, NextToken, MaxResults }, options);
        return { items: (r.Permissions?.Permission ?? []).map((p) => toRule(p)), nextToken: r.NextToken };
      },
    }),
    networkInterfaces: (filter) => ({
      style: 'next-token',
      maxResults: NETWORK_INTERFACES_MAX_RESULTS,
      fetch: async (NextToken, MaxResults, options) => {
        const r = await api.describeNetworkInterfaces({ ...filter, NextToken, MaxResults }, options);
        return {
          items: (r.NetworkInterfaceSets?.NetworkInterfaceSet ?? []).map(toNetworkInterface),
          nextToken: r.NextToken,
          totalCount: r.TotalCount,
        };
      },
    }),
    ...ecsInstanceListings(api, regionId),
  };
}

/** ECS in the product table: `cloud.ecs`, its security-group, interface and instance listings. */
export const ecsProduct = defineProduct({ key: 'ecs', product: ECS_PRODUCT, api: ecsApi, listings: ecsListings });
