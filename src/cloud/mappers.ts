/**
 * Wire shapes → domain types of src/core/model.ts, so the UI and the engine never see PascalCase
 * API fields, string priorities or mixed-case policies. The inverse for rules is here too.
 */

import {
  isMaxComputeManagedGroupName,
  type EcsInstance,
  type EmrCluster,
  type HBaseCluster,
  type LindormInstance,
  type IpProtocol,
  type NetworkInterface,
  type PolarDbCluster,
  type RdsInstance,
  type Region,
  type RuleDirection,
  type RulePolicy,
  type SecurityGroup,
  type SecurityGroupRule,
  type VSwitch,
  type Vpc,
  type Zone,
} from '../core/model';
import type { PermissionRequest, WireNetworkInterface, WirePermission, WireSecurityGroup } from './products/ecs';
import type { WireClusterSummary, WireCluster } from './products/emr';
import type { WireInstance } from './products/ecsInstances';
import type { WireHBaseInstance } from './products/hbase';
import type { GetLindormInstanceResponse, WireLindormInstanceSummary } from './products/lindorm';
import type { WireDBCluster } from './products/polardb';
import type { WireDBInstance } from './products/rds';
import type { WireRegion, WireVSwitch, WireVpc, WireZone } from './products/vpc';

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
  const direction: RuleDirection = wire.Direction?.toLowerCase() === 'egress' ? 'egress' : wire.Direction?.toLowerCase() === 'ingress' ? 'ingress' : fallbackDirection;
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

/** An EMR cluster from ListClusters, completed with GetCluster's network attributes when given. */
export function toEmrCluster(wire: WireClusterSummary | WireCluster, regionId: string): EmrCluster {
  const cluster: EmrCluster = {
    kind: 'emr',
    clusterId: wire.ClusterId,
    regionId,
    name: wire.ClusterName ?? '',
    clusterType: wire.ClusterType ?? '',
    state: wire.ClusterState ?? '',
  };
  const attributes = 'NodeAttributes' in wire ? wire.NodeAttributes : undefined;
  if (attributes?.VpcId) cluster.vpcId = attributes.VpcId;
  if (attributes?.SecurityGroupId) cluster.securityGroupId = attributes.SecurityGroupId;
  return cluster;
}

/** A PolarDB cluster from DescribeDBClusters. */
export function toPolarDbCluster(wire: WireDBCluster, regionId: string): PolarDbCluster {
  return {
    kind: 'polardb',
    clusterId: wire.DBClusterId,
    regionId: wire.RegionId ?? regionId,
    description: wire.DBClusterDescription ?? '',
    engine: wire.DBType ?? '',
    engineVersion: wire.DBVersion ?? '',
    vpcId: wire.VpcId ?? '',
    vSwitchId: wire.VswitchId ?? '',
    zoneId: wire.ZoneId ?? '',
    status: wire.DBClusterStatus ?? '',
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
