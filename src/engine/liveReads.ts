/**
 * The reads the engine shares between building a LiveState and re-checking before each step:
 * the link's group and rules, MaxCompute's traces of a link, and target access settings.
 */
import { toNetworkInterface, toRule, toSecurityGroup } from '../cloud';
import { maxComputeManagedGroupNames, type NetworkInterface, type SecurityGroup, type SecurityGroupRule } from '../core/model';
import type { GroupWithIngress, WhitelistGroup } from '../core/plan';
import { allPages, unlessNotFound, type EngineCloud } from './engineCloud';

export interface ReadOptions {
  signal?: AbortSignal;
}

/** Security groups matching a filter, every page. */
export async function findGroups(cloud: EngineCloud, regionId: string, filter: { VpcId?: string; SecurityGroupName?: string; SecurityGroupId?: string }, options: ReadOptions = {}): Promise<SecurityGroup[]> {
  const wire = await allPages(async (NextToken) => {
    const r = await cloud.ecs.describeSecurityGroups({ RegionId: regionId, ...filter, MaxResults: 100, NextToken }, options);
    return { items: r.SecurityGroups?.SecurityGroup ?? [], nextToken: r.NextToken };
  });
  // The name filter is exact in the emulator; compare again in case the real API matches loosely.
  return wire.map((g) => toSecurityGroup(g, regionId)).filter((g) => filter.SecurityGroupName === undefined || g.name === filter.SecurityGroupName);
}

/** A group's inbound rules; rules the model cannot represent (e.g. ICMPv6) are left out, since they never match IPv4 traffic. */
export async function readIngress(cloud: EngineCloud, regionId: string, securityGroupId: string, options: ReadOptions = {}): Promise<SecurityGroupRule[]> {
  const permissions = await allPages(async (NextToken) => {
    const r = await cloud.ecs.describeSecurityGroupAttribute({ RegionId: regionId, SecurityGroupId: securityGroupId, Direction: 'ingress', MaxResults: 1000, NextToken }, options);
    return { items: r.Permissions?.Permission ?? [], nextToken: r.NextToken };
  });
  const rules: SecurityGroupRule[] = [];
  for (const permission of permissions) {
    try {
      const rule = toRule(permission, 'ingress');
      if (rule.direction === 'ingress') rules.push(rule);
    } catch {
      // An unrepresentable protocol: not an IPv4 rule this plan could rely on.
    }
  }
  return rules;
}

/** A group by id with its inbound rules, or undefined when it does not exist. */
export async function readGroupWithIngress(cloud: EngineCloud, regionId: string, securityGroupId: string, options: ReadOptions = {}): Promise<GroupWithIngress | undefined> {
  const [group] = await findGroups(cloud, regionId, { SecurityGroupId: securityGroupId }, options);
  if (group === undefined || group.securityGroupId !== securityGroupId) return undefined;
  const ingress = await unlessNotFound(readIngress(cloud, regionId, securityGroupId, options));
  return ingress === undefined ? undefined : { group, ingress };
}

/** MaxCompute's return-traffic groups in the VPC. */
export async function readManagedGroups(cloud: EngineCloud, regionId: string, vpcId: string, options: ReadOptions = {}): Promise<SecurityGroup[]> {
  const found = await Promise.all(maxComputeManagedGroupNames(vpcId).map((name) => findGroups(cloud, regionId, { VpcId: vpcId, SecurityGroupName: name }, options)));
  return found.flat();
}

/** Service-managed ENIs in the vSwitch that carry the link's group: what MaxCompute creates for a link. */
export async function readLinkInterfaces(cloud: EngineCloud, regionId: string, vSwitchId: string, linkGroupId: string, options: ReadOptions = {}): Promise<NetworkInterface[]> {
  const wire = await allPages(async (NextToken) => {
    const r = await cloud.ecs.describeNetworkInterfaces({ RegionId: regionId, VSwitchId: vSwitchId, SecurityGroupId: linkGroupId, MaxResults: 100, NextToken }, options);
    return { items: r.NetworkInterfaceSets?.NetworkInterfaceSet ?? [], nextToken: r.NextToken };
  });
  return wire.map(toNetworkInterface).filter((n) => n.serviceManaged && n.vSwitchId === vSwitchId && n.securityGroupIds.includes(linkGroupId));
}

/** An RDS instance's whitelist groups. */
export async function readRdsWhitelist(cloud: EngineCloud, regionId: string, instanceId: string, options: ReadOptions = {}): Promise<WhitelistGroup[]> {
  const r = await cloud.rds.describeDBInstanceIPArrayList({ RegionId: regionId, DBInstanceId: instanceId }, options);
  return (r.Items?.DBInstanceIPArray ?? []).map((a) => ({ name: a.DBInstanceIPArrayName, ips: splitList(a.SecurityIPList) }));
}

/** The ECS security groups bound to an RDS instance. */
export async function readRdsSecurityGroups(cloud: EngineCloud, regionId: string, instanceId: string, options: ReadOptions = {}): Promise<string[]> {
  const r = await cloud.rds.describeSecurityGroupConfiguration({ RegionId: regionId, DBInstanceId: instanceId }, options);
  return (r.Items?.EcsSecurityGroupRelation ?? []).map((g) => g.SecurityGroupId);
}

/** An HBase cluster's whitelist groups. */
export async function readHBaseWhitelist(cloud: EngineCloud, regionId: string, clusterId: string, options: ReadOptions = {}): Promise<WhitelistGroup[]> {
  const r = await cloud.hbase.describeIpWhitelist({ RegionId: regionId, ClusterId: clusterId }, options);
  return (r.Groups?.Group ?? []).map((g) => ({ name: g.GroupName, ips: g.IpList?.Ip ?? [], ipVersion: Number(g.IpVersion ?? 4) }));
}

/** The security groups of an HBase cluster. */
export async function readHBaseSecurityGroups(cloud: EngineCloud, regionId: string, clusterId: string, options: ReadOptions = {}): Promise<string[]> {
  const r = await cloud.hbase.describeSecurityGroups({ RegionId: regionId, ClusterId: clusterId }, options);
  return r.SecurityGroupIds?.SecurityGroupId ?? [];
}

/** A comma-separated API list as entries. */
export function splitList(text: string | undefined): string[] {
  return (text ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
}
