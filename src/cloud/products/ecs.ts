/** ECS API 2014-05-26: security groups, their rules and network interfaces (reference §2). */

import type { Caller, Product } from '../caller';
import { ecsInstanceApi, type EcsInstanceApi } from './ecsInstances';
import { mutation, query, type EcsTags, type Operation, type WireResponse } from './operation';

export const ECS_PRODUCT: Product = { code: 'Ecs', version: '2014-05-26', regional: true };

export type { EcsTags } from './operation';

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
export function ecsApi(caller: Caller): EcsApi {
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
