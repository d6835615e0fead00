/**
 * Reads mapped to the model that more than one layer needs: security groups and their rules,
 * MaxCompute's traces of a link, paging to the end, "not found" as an answer. The engine, the
 * target kinds and the Network view all read through these, so each thing is read one way.
 */
import { CloudError, isNotFoundError } from './errors';
import type { Cloud } from './index';
import { toNetworkInterface, toRule, toSecurityGroup } from './products/ecs';
import { INSTANCES_MAX_RESULTS, toPrimaryInterface } from './products/ecsInstances';
import {
  maxComputeManagedGroupNames,
  type NetworkInterface,
  type NetworkLink,
  type SecurityGroup,
  type SecurityGroupRule,
} from '../core/model';
import { PASSTHROUGH } from '../core/networkLinkApi';
import type { NetworkLinkApiState } from '../core/plan/liveState';
import { toNetworkLink } from './products/maxcompute';
import type { GroupWithIngress } from '../core/plan/liveState';

export interface ReadOptions {
  signal?: AbortSignal;
}

/** The products a read may use. */
export type ReadCloud = Pick<Cloud, 'ecs'>;

/** True when the API said the resource does not exist (so "absent" is an answer, not a failure). */
export function isNotFound(err: unknown): boolean {
  return isNotFoundError(err);
}

/** Undefined instead of a not-found error. */
export async function unlessNotFound<T>(read: Promise<T>): Promise<T | undefined> {
  try {
    return await read;
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}

/** Follows NextToken until the last page. */
export async function allPages<Item>(
  fetch: (nextToken: string | undefined) => Promise<{ items: Item[]; nextToken?: string }>,
): Promise<Item[]> {
  const items: Item[] = [];
  let token: string | undefined;
  do {
    const page = await fetch(token);
    items.push(...page.items);
    token = page.nextToken === undefined || page.nextToken === '' ? undefined : page.nextToken;
  } while (token !== undefined);
  return items;
}

/** A comma-separated API list as entries. */
export function splitList(text: string | undefined): string[] {
  return (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Security groups matching a filter, every page. */
export async function findGroups(
  cloud: ReadCloud,
  regionId: string,
  filter: { VpcId?: string; SecurityGroupName?: string; SecurityGroupId?: string; ServiceManaged?: boolean },
  options: ReadOptions = {},
): Promise<SecurityGroup[]> {
  const wire = await allPages(async (NextToken) => {
    const r = await cloud.ecs.describeSecurityGroups({ RegionId: regionId, ...filter, MaxResults: 100, NextToken }, options);
    return { items: r.SecurityGroups?.SecurityGroup ?? [], nextToken: r.NextToken };
  });
  // The name filter is exact in the emulator; compare again in case the real API matches loosely.
  return wire
    .map((g) => toSecurityGroup(g, regionId))
    .filter((g) => filter.SecurityGroupName === undefined || g.name === filter.SecurityGroupName);
}

/**
 * A group's rules in one direction or both; rules the model cannot represent (e.g. ICMPv6) are
 * left out, since they never match IPv4 traffic.
 */
export async function readGroupRules(
  cloud: ReadCloud,
  regionId: string,
  securityGroupId: string,
  direction: 'ingress' | 'all',
  options: ReadOptions = {},
): Promise<SecurityGroupRule[]> {
  const permissions = await allPages(async (NextToken) => {
    const r = await cloud.ecs.describeSecurityGroupAttribute(
      { RegionId: regionId, SecurityGroupId: securityGroupId, Direction: direction, MaxResults: 1000, NextToken },
      options,
    );
    return { items: r.Permissions?.Permission ?? [], nextToken: r.NextToken };
  });
  const rules: SecurityGroupRule[] = [];
  for (const permission of permissions) {
    try {
      const rule = direction === 'ingress' ? toRule(permission, 'ingress') : toRule(permission);
      if (direction === 'all' || rule.direction === 'ingress') rules.push(rule);
    } catch {
      // An unrepresentable protocol: not an IPv4 rule anything could rely on.
    }
  }
  return rules;
}

/** A group's inbound rules. */
export function readIngress(
  cloud: ReadCloud,
  regionId: string,
  securityGroupId: string,
  options: ReadOptions = {},
): Promise<SecurityGroupRule[]> {
  return readGroupRules(cloud, regionId, securityGroupId, 'ingress', options);
}

/** A group by id with its inbound rules, or undefined when it does not exist. */
export async function readGroupWithIngress(
  cloud: ReadCloud,
  regionId: string,
  securityGroupId: string,
  options: ReadOptions = {},
): Promise<GroupWithIngress | undefined> {
  const [group] = await findGroups(cloud, regionId, { SecurityGroupId: securityGroupId }, options);
  if (group === undefined || group.securityGroupId !== securityGroupId) return undefined;
  const ingress = await unlessNotFound(readIngress(cloud, regionId, securityGroupId, options));
  return ingress === undefined ? undefined : { group, ingress };
}

/**
 * MaxCompute's return-traffic groups in the VPC. The reference does not say whether
 * DescribeSecurityGroups lists service-managed groups when ServiceManaged is not set, so both
 * answers are asked for and merged.
 */
export async function readManagedGroups(
  cloud: ReadCloud,
  regionId: string,
  vpcId: string,
  options: ReadOptions = {},
): Promise<SecurityGroup[]> {
  const found = await Promise.all(
    maxComputeManagedGroupNames(vpcId).map((name) =>
      askedBothWays(
        (flag) => findGroups(cloud, regionId, { VpcId: vpcId, SecurityGroupName: name, ...flag }, options),
        (g) => g.securityGroupId,
      ),
    ),
  );
  return found.flat();
}

/**
 * One listing asked with and without ServiceManaged=true and merged by id. The reference does
 * not say whether service-managed resources (MaxCompute's link interfaces and groups) are listed
 * when the flag is not set, so every reader that must see them asks both ways, through here.
 */
export async function askedBothWays<T>(
  list: (flag: { ServiceManaged?: true }) => Promise<readonly T[]>,
  id: (item: T) => string,
): Promise<T[]> {
  const [plain, managed] = await Promise.all([list({}), list({ ServiceManaged: true })]);
  return [...new Map([...plain, ...managed].map((item) => [id(item), item])).values()];
}

/** Service-managed ENIs in the vSwitch that carry the group: what MaxCompute creates for a link. */
export async function readLinkInterfaces(
  cloud: ReadCloud,
  regionId: string,
  vSwitchId: string,
  linkGroupId: string,
  options: ReadOptions = {},
): Promise<NetworkInterface[]> {
  const wire = await allPages(async (NextToken) => {
    // ServiceManaged=true: the link's interfaces are the service's, and the reference does not say they are listed without it.
    const r = await cloud.ecs.describeNetworkInterfaces(
      { RegionId: regionId, VSwitchId: vSwitchId, SecurityGroupId: linkGroupId, ServiceManaged: true, MaxResults: 100, NextToken },
      options,
    );
    return { items: r.NetworkInterfaceSets?.NetworkInterfaceSet ?? [], nextToken: r.NextToken };
  });
  return wire
    .map(toNetworkInterface)
    .filter((n) => n.serviceManaged && n.vSwitchId === vSwitchId && n.securityGroupIds.includes(linkGroupId));
}

/**
 * Every network interface using a group (any owner, MaxCompute's included): a group in use cannot
 * be deleted, and is not a new link's. DescribeNetworkInterfaces' SecurityGroupId finds secondary
 * ENIs only; the instances in the group, whose primary ENIs carry it, come from DescribeInstances
 * (the SDK model's advice), so an ECS instance's group counts as in use.
 */
export async function readGroupInterfaces(
  cloud: ReadCloud,
  regionId: string,
  securityGroupId: string,
  options: ReadOptions = {},
): Promise<NetworkInterface[]> {
  const [secondary, instances] = await Promise.all([
    askedBothWays(
      (flag) =>
        allPages(async (NextToken) => {
          const r = await cloud.ecs.describeNetworkInterfaces(
            { RegionId: regionId, SecurityGroupId: securityGroupId, ...flag, MaxResults: 100, NextToken },
            options,
          );
          return { items: r.NetworkInterfaceSets?.NetworkInterfaceSet ?? [], nextToken: r.NextToken };
        }),
      (w) => w.NetworkInterfaceId,
    ),
    allPages(async (NextToken) => {
      const r = await cloud.ecs.describeInstances(
        { RegionId: regionId, SecurityGroupId: securityGroupId, MaxResults: INSTANCES_MAX_RESULTS, NextToken },
        options,
      );
      return { items: r.Instances?.Instance ?? [], nextToken: r.NextToken };
    }),
  ]);
  const listed = secondary.map(toNetworkInterface);
  const known = new Set(listed.map((n) => n.networkInterfaceId));
  const primaries = instances.map(toPrimaryInterface).filter((n) => !known.has(n.networkInterfaceId));
  return [...listed, ...primaries].filter((n) => n.securityGroupIds.includes(securityGroupId));
}

/** The products the link reads use. */
export type LinkReadCloud = Pick<Cloud, 'maxcompute'>;

/**
 * Why the link API cannot be used, when the error says so: a permission refusal (`denied`) or an
 * action the region's endpoint does not offer (`unavailable`). Undefined for any other error.
 */
export function linkApiRefusal(err: unknown): NetworkLinkApiState | undefined {
  if (!(err instanceof CloudError) || err.product !== 'MaxCompute') return undefined;
  if (err.kind === 'permission') return { state: 'denied', reason: `${err.code}: ${err.detail}` };
  // [unverified] How a region without the API answers is not documented: an unknown action or
  // path, or a host that does not resolve.
  if (err.code === 'InvalidAction.NotFound' || err.code === 'InvalidApi.NotFound' || err.code === 'ENOTFOUND')
    return { state: 'unavailable', reason: `${err.code}: ${err.detail}` };
  return undefined;
}

/** One link by name with its properties (GetNetworkLink); undefined when no link has the name. */
export async function readNetworkLink(
  cloud: LinkReadCloud,
  regionId: string,
  name: string,
  options: ReadOptions = {},
): Promise<NetworkLink | undefined> {
  const answer = await unlessNotFound(cloud.maxcompute.getNetworkLink({ networkLinkName: name, regionId }, options));
  return answer?.data === undefined ? undefined : toNetworkLink(answer.data, regionId);
}

/** The link the spec names and whether the API could be asked, for the live state. */
export async function readSpecLink(
  cloud: LinkReadCloud,
  regionId: string,
  name: string,
  options: ReadOptions = {},
): Promise<{ link?: NetworkLink; api: NetworkLinkApiState }> {
  try {
    return { link: await readNetworkLink(cloud, regionId, name, options), api: { state: 'ok' } };
  } catch (err) {
    const refusal = linkApiRefusal(err);
    if (refusal === undefined) throw err;
    return { api: refusal };
  }
}

/**
 * Every link of the session's region (ListNetworkLinks), each PASSTHROUGH one completed by
 * GetNetworkLink (the list does not promise its vSwitch and group). Sorted by name.
 */
export async function readRegionNetworkLinks(cloud: LinkReadCloud, regionId: string, options: ReadOptions = {}): Promise<NetworkLink[]> {
  const listed = (await cloud.maxcompute.listNetworkLinks({ regionId }, options)).data?.networkLinkInfoList ?? [];
  const links = await Promise.all(
    listed.map(async (wire) => {
      const link = toNetworkLink(wire, regionId);
      if (link.type !== PASSTHROUGH || (link.vSwitchId !== undefined && link.securityGroupId !== undefined)) return link;
      // Removed between the two calls: keep what the list said.
      return (await readNetworkLink(cloud, regionId, link.name, options)) ?? link;
    }),
  );
  return links.sort((a, b) => a.name.localeCompare(b.name));
}
