/**
 * ECS API 2014-05-26: security groups, their rules, and network interfaces (reference §2).
 *
 * DescribeNetworkInterfaces, checked against the generated SDK models (alibabacloud-typescript-sdk
 * ecs-20140526, DescribeNetworkInterfacesRequest/ResponseBody): filters RegionId*, VpcId, VSwitchId,
 * SecurityGroupId ("the security group to which the secondary ENI belongs"; primary ENIs by group
 * come from DescribeInstances), InstanceId, Type (Primary | Secondary), Status (Available,
 * Attaching, InUse, Detaching, Deleting), NetworkInterfaceId.N, NetworkInterfaceName,
 * PrimaryIpAddress, PrivateIpAddress.N, ServiceManaged, ResourceGroupId (every resource here is
 * in the default group, which the doc says is always listed), Tag.N; MaxResults 10-500 +
 * NextToken or the deprecated PageNumber/PageSize (1-1000). Each set carries InstanceId ("no
 * instance ID is returned" for a service's ENIs), Type, Status, ServiceManaged, SecurityGroupIds.
 * Every ECS instance's primary ENI is in the state (primaryInterfaces.ts). What stays open is in
 * primaryInterfaces.ts (PRIMARY_ENI_UNVERIFIED).
 */
import { isVisible, type ActionContext, type ProductApi } from '../action';
import { ApiError, invalidParameter } from '../errors';
import { isoSeconds, newResourceId } from '../ids';
import { requiredRegion } from '../lookup';
import { pageByNumber, pageByToken } from '../paging';
import type { DefaultWorld, EmulatorProduct, ScaleWorld } from '../product';
import { scaleId, SEED_CREATED, SEED_REGION, seedId } from '../seedFacts';
import { ECS_INSTANCE_ACTIONS, instancesInGroup } from './ecsInstances';
import {
  ECS_UNVERIFIED_CODES as UNVERIFIED_CODES,
  findSecurityGroup,
  NETWORK_INTERFACES,
  SECURITY_GROUPS,
  securityGroupNotFound,
  seedGroup,
  seedRule,
  type NetworkInterfaceRecord,
  type RuleRecord,
  type SecurityGroupRecord,
} from './ecsRecords';
import { PRIMARY_ENI_UNVERIFIED } from './primaryInterfaces';
import { authorize, parseRule, requestedPermissions, revoke, type Direction } from './securityGroupRules';
import { findVpc, scaleVpcId, VPC_SEED } from './vpc';

function groupWire(g: SecurityGroupRecord, ctx: ActionContext): Record<string, unknown> {
  return {
    SecurityGroupId: g.securityGroupId,
    SecurityGroupName: g.name,
    SecurityGroupType: g.type,
    VpcId: g.vpcId,
    Description: g.description,
    CreationTime: g.creationTime,
    ResourceGroupId: '',
    RuleCount: g.rules.length,
    GroupToGroupRuleCount: g.rules.filter((r) => r.peerGroupId !== undefined).length,
    EcsCount: instancesInGroup(ctx, g.securityGroupId),
    AvailableInstanceAmount: g.type === 'normal' ? 2000 : 65536,
    ServiceManaged: g.serviceManaged,
    ServiceID: 0,
    Tags: { Tag: [] },
  };
}

function parseGroupIdList(text: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalidParameter('SecurityGroupIds', 'it must be a JSON array of ids, like ["sg-1","sg-2"].');
  }
  if (!Array.isArray(parsed) || parsed.some((x) => typeof x !== 'string'))
    throw invalidParameter('SecurityGroupIds', 'it must be a JSON array of id strings.');
  if (parsed.length > 100) throw invalidParameter('SecurityGroupIds', 'at most 100 ids may be given.');
  return parsed as string[];
}

function describeSecurityGroups(ctx: ActionContext): Record<string, unknown> {
  const { params } = ctx;
  const regionId = requiredRegion(params);
  const vpcId = params.optional('VpcId');
  const singleId = params.optional('SecurityGroupId');
  const ids = params.optional('SecurityGroupIds') ? parseGroupIdList(params.optional('SecurityGroupIds')!) : undefined;
  const name = params.optional('SecurityGroupName');
  const type = params.optional('SecurityGroupType');
  if (type && type !== 'normal' && type !== 'enterprise')
    throw invalidParameter('SecurityGroupType', `"${type}" is not normal or enterprise.`);
  const serviceManaged = params.boolean('ServiceManaged');
  const matches = ctx.account.securityGroups.filter(
    (g) =>
      g.regionId === regionId &&
      isVisible(g, ctx.now) &&
      (!vpcId || g.vpcId === vpcId) &&
      (!singleId || g.securityGroupId === singleId) &&
      (!ids || ids.includes(g.securityGroupId)) &&
      (!name || g.name === name) &&
      (!type || g.type === type) &&
      (serviceManaged === undefined || g.serviceManaged === serviceManaged),
  );
  // NextToken/MaxResults is the recommended paging; PageNumber/PageSize is deprecated but still accepted.
  const legacy = !params.has('MaxResults') && !params.has('NextToken') && (params.has('PageNumber') || params.has('PageSize'));
  if (legacy) {
    const page = pageByNumber(matches, params, { defaultPageSize: 10, maxPageSize: 50 });
    return {
      RegionId: regionId,
      PageNumber: page.pageNumber,
      PageSize: page.pageSize,
      TotalCount: page.totalCount,
      NextToken: '',
      SecurityGroups: { SecurityGroup: page.items.map((g) => groupWire(g, ctx)) },
    };
  }
  const page = pageByToken(matches, params, { defaultMaxResults: 10, minMaxResults: 1, maxMaxResults: 100 });
  return {
    RegionId: regionId,
    NextToken: page.nextToken,
    TotalCount: page.totalCount,
    SecurityGroups: { SecurityGroup: page.items.map((g) => groupWire(g, ctx)) },
  };
}

function permissionWire(r: RuleRecord, ctx: ActionContext): Record<string, unknown> {
  const peerGroup = r.peerGroupId ? ctx.account.securityGroups.find((g) => g.securityGroupId === r.peerGroupId) : undefined;
  const ingress = r.direction === 'ingress';
  const side = (cidr?: string, ipv6?: string, groupId?: string, prefix?: string): Record<string, string> => ({
    cidr: cidr ?? '',
    ipv6: ipv6 ?? '',
    groupId: groupId ?? '',
    groupName: groupId ? (peerGroup?.name ?? '') : '',
    owner: groupId ? ctx.account.accountId : '',
    prefix: prefix ?? '',
  });
  const peer = side(r.peerCidr, r.peerIpv6Cidr, r.peerGroupId, r.peerPrefixListId);
  const local = side(r.localCidr);
  const source = ingress ? peer : local;
  const dest = ingress ? local : peer;
  return {
    SecurityGroupRuleId: r.ruleId,
    Direction: r.direction,
    IpProtocol: r.ipProtocol,
    PortRange: r.portRange,
    SourcePortRange: r.sourcePortRange,
    Policy: r.policy,
    Priority: String(r.priority),
    NicType: r.nicType,
    SourceCidrIp: source.cidr,
    Ipv6SourceCidrIp: source.ipv6,
    SourceGroupId: source.groupId,
    SourceGroupName: source.groupName,
    SourceGroupOwnerAccount: source.owner,
    SourcePrefixListId: source.prefix,
    SourcePrefixListName: '',
    DestCidrIp: dest.cidr,
    Ipv6DestCidrIp: dest.ipv6,
    DestGroupId: dest.groupId,
    DestGroupName: dest.groupName,
    DestGroupOwnerAccount: dest.owner,
    DestPrefixListId: dest.prefix,
    DestPrefixListName: '',
    PortRangeListId: '',
    PortRangeListName: '',
    Description: r.description,
    CreateTime: r.createTime,
  };
}

function describeSecurityGroupAttribute(ctx: ActionContext): Record<string, unknown> {
  const { params } = ctx;
  const regionId = requiredRegion(params);
  const group = findSecurityGroup(ctx.account, params.required('SecurityGroupId'), regionId);
  if (!isVisible(group, ctx.now)) throw securityGroupNotFound(group.securityGroupId);
  const direction = params.optional('Direction') || 'all';
  if (!['ingress', 'egress', 'all'].includes(direction))
    throw invalidParameter('Direction', `"${direction}" is not ingress, egress or all.`);
  const rules = group.rules.filter((r) => direction === 'all' || r.direction === direction);
  const page = pageByToken(rules, params, { defaultMaxResults: 500, minMaxResults: 10, maxMaxResults: 1000 });
  return {
    RegionId: regionId,
    SecurityGroupId: group.securityGroupId,
    SecurityGroupName: group.name,
    Description: group.description,
    VpcId: group.vpcId,
    InnerAccessPolicy: group.innerAccessPolicy,
    NextToken: page.nextToken,
    Permissions: { Permission: page.items.map((r) => permissionWire(r, ctx)) },
    SnapshotPolicyIds: { SnapshotPolicyId: [] },
  };
}

/** 2–128 characters, a letter first (Chinese allowed), then letters, digits, `:`, `_`, `.` or `-`; not a URL. */
const GROUP_NAME = /^[A-Za-z\u4e00-\u9fa5][A-Za-z0-9\u4e00-\u9fa5:_.-]{1,127}$/;

function createSecurityGroup(ctx: ActionContext): Record<string, unknown> {
  const { params } = ctx;
  const regionId = requiredRegion(params);
  // The emulator models VPC-type groups only; classic network groups are long deprecated.
  const vpc = findVpc(ctx.account, params.required('VpcId'), regionId);
  const name = params.optional('SecurityGroupName') ?? '';
  if (name !== '' && (!GROUP_NAME.test(name) || /^https?:\/\//.test(name))) {
    throw new ApiError(
      UNVERIFIED_CODES.groupName,
      `The specified SecurityGroupName "${name}" is not valid: 2-128 characters, starting with a letter; letters, digits, ":", "_", "." and "-".`,
    );
  }
  const description = params.optional('Description') ?? '';
  if (description !== '' && (description.length < 2 || description.length > 256 || /^https?:\/\//.test(description))) {
    throw new ApiError(
      UNVERIFIED_CODES.groupDescription,
      'The specified Description is not valid: 2-256 characters, not starting with http:// or https://.',
    );
  }
  const type = params.optional('SecurityGroupType') || 'normal';
  if (type !== 'normal' && type !== 'enterprise') throw invalidParameter('SecurityGroupType', `"${type}" is not normal or enterprise.`);
  const group: SecurityGroupRecord = {
    securityGroupId: newResourceId('sg', regionId),
    regionId,
    vpcId: vpc.vpcId,
    name,
    description,
    type,
    // New basic groups let members talk to each other; advanced groups isolate them, unchangeably.
    innerAccessPolicy: type === 'normal' ? 'Accept' : 'Drop',
    serviceManaged: false,
    creationTime: isoSeconds(ctx.now),
    visibleAt: ctx.now + ctx.visibilityDelayMs,
    rules: [],
  };
  ctx.account.securityGroups.push(group);
  return { SecurityGroupId: group.securityGroupId };
}

function authorizeRules(direction: Direction) {
  return (ctx: ActionContext): Record<string, unknown> => {
    const { params } = ctx;
    const regionId = requiredRegion(params);
    const group = findSecurityGroup(ctx.account, params.required('SecurityGroupId'), regionId);
    const permissions = requestedPermissions(params);
    if (permissions.length === 0) throw invalidParameter('Permissions', 'at least one permission (Permissions.N.*) must be given.');
    // Validate everything first: a request either adds all its rules or none.
    const rules = permissions.map(({ fields, label }) => parseRule(ctx.account, group, direction, fields, label));
    authorize(group, rules, ctx.now);
    return {};
  };
}

function revokeRules(direction: Direction) {
  return (ctx: ActionContext): Record<string, unknown> => {
    const regionId = requiredRegion(ctx.params);
    const group = findSecurityGroup(ctx.account, ctx.params.required('SecurityGroupId'), regionId);
    revoke(ctx.account, group, direction, ctx.params);
    return {};
  };
}

function eniWire(e: NetworkInterfaceRecord, ctx: ActionContext): Record<string, unknown> {
  const instanceId = e.instanceId ?? '';
  return {
    NetworkInterfaceId: e.networkInterfaceId,
    NetworkInterfaceName: e.name,
    Type: e.type,
    Status: e.status,
    Description: e.description,
    CreationTime: e.creationTime,
    OwnerId: ctx.account.accountId,
    ResourceGroupId: '',
    ServiceManaged: e.serviceManaged,
    ServiceID: e.serviceManaged ? Number(e.serviceId) : 0,
    VpcId: e.vpcId,
    VSwitchId: e.vSwitchId,
    ZoneId: e.zoneId,
    PrivateIpAddress: e.privateIpAddress,
    MacAddress: e.macAddress,
    PrivateIpSets: { PrivateIpSet: [{ PrivateIpAddress: e.privateIpAddress, Primary: true, PrivateDnsName: '', AssociatedPublicIp: {} }] },
    AssociatedPublicIp: {},
    // The attached instance; a service's ENIs (MaxCompute's) report none (SDK model).
    InstanceId: instanceId,
    // Attachment's fields are "in invitational preview and not publicly available" (SDK model): empty (PRIMARY_ENI_UNVERIFIED.attachment).
    Attachment: {},
    SecurityGroupIds: { SecurityGroupId: [...e.securityGroupIds] },
    // A primary ENI goes with its instance (PRIMARY_ENI_UNVERIFIED.deleteOnRelease).
    DeleteOnRelease: e.type === 'Primary' && instanceId !== '' ? PRIMARY_ENI_UNVERIFIED.deleteOnRelease : false,
    SourceDestCheck: false,
    NetworkInterfaceTrafficMode: 'Standard',
    Tags: { Tag: [] },
    Ipv6Sets: { Ipv6Set: [] },
    Ipv4PrefixSets: { Ipv4PrefixSet: [] },
    Ipv6PrefixSets: { Ipv6PrefixSet: [] },
  };
}

function describeNetworkInterfaces(ctx: ActionContext): Record<string, unknown> {
  const { params } = ctx;
  const regionId = requiredRegion(params);
  const vpcId = params.optional('VpcId');
  const vSwitchId = params.optional('VSwitchId');
  const groupId = params.optional('SecurityGroupId');
  const serviceManaged = params.boolean('ServiceManaged');
  const ids = params.list('NetworkInterfaceId');
  if (ids.length > 100) throw invalidParameter('NetworkInterfaceId', 'at most 100 ids may be given.');
  const privateIps = params.list('PrivateIpAddress');
  const primaryIp = params.optional('PrimaryIpAddress');
  const name = params.optional('NetworkInterfaceName');
  const instanceId = params.optional('InstanceId');
  const type = params.optional('Type');
  const status = params.optional('Status');
  const matches = ctx.account.networkInterfaces.filter(
    (e) =>
      e.regionId === regionId &&
      isVisible(e, ctx.now) &&
      (!vpcId || e.vpcId === vpcId) &&
      (!vSwitchId || e.vSwitchId === vSwitchId) &&
      // "The security group to which the secondary ENI belongs"; primary ENIs by group are DescribeInstances' (SDK model; PRIMARY_ENI_UNVERIFIED.groupFilterSecondaryOnly).
      (!groupId || (e.type === 'Secondary' && e.securityGroupIds.includes(groupId))) &&
      (!instanceId || e.instanceId === instanceId) &&
      (!primaryIp || e.privateIpAddress === primaryIp) &&
      (serviceManaged === undefined || e.serviceManaged === serviceManaged) &&
      (ids.length === 0 || ids.includes(e.networkInterfaceId)) &&
      (privateIps.length === 0 || privateIps.includes(e.privateIpAddress)) &&
      (!name || e.name === name) &&
      (!type || e.type === type) &&
      (!status || e.status === status),
  );
  const legacy = !params.has('MaxResults') && !params.has('NextToken') && (params.has('PageNumber') || params.has('PageSize'));
  if (legacy) {
    const page = pageByNumber(matches, params, { defaultPageSize: 10, maxPageSize: 1000 });
    return {
      NextToken: '',
      TotalCount: page.totalCount,
      PageNumber: page.pageNumber,
      PageSize: page.pageSize,
      NetworkInterfaceSets: { NetworkInterfaceSet: page.items.map((e) => eniWire(e, ctx)) },
    };
  }
  const page = pageByToken(matches, params, { defaultMaxResults: 10, minMaxResults: 10, maxMaxResults: 500 });
  return {
    NextToken: page.nextToken,
    TotalCount: page.totalCount,
    NetworkInterfaceSets: { NetworkInterfaceSet: page.items.map((e) => eniWire(e, ctx)) },
  };
}

export const ECS_API: ProductApi = {
  product: 'Ecs',
  version: '2014-05-26',
  hostId: 'ecs.aliyuncs.com',
  actions: {
    DescribeSecurityGroups: { mutates: false, handle: describeSecurityGroups },
    DescribeSecurityGroupAttribute: { mutates: false, handle: describeSecurityGroupAttribute },
    CreateSecurityGroup: { mutates: true, handle: createSecurityGroup },
    AuthorizeSecurityGroup: { mutates: true, handle: authorizeRules('ingress') },
    AuthorizeSecurityGroupEgress: { mutates: true, handle: authorizeRules('egress') },
    RevokeSecurityGroup: { mutates: true, handle: revokeRules('ingress') },
    RevokeSecurityGroupEgress: { mutates: true, handle: revokeRules('egress') },
    DescribeNetworkInterfaces: { mutates: false, handle: describeNetworkInterfaces },
    ...ECS_INSTANCE_ACTIONS,
  },
};

const HZ = SEED_REGION;

/** The default world's security groups of the app VPC (the other products seed their own groups). */
export const ECS_SEED = {
  main: {
    basicGroupId: seedId('sg', HZ, 'main/app/basic'),
    advancedGroupId: seedId('sg', HZ, 'main/app/advanced'),
  },
  second: {
    basicGroupId: seedId('sg', HZ, 'second/app/basic'),
  },
} as const;

function seedRows({ main, second }: DefaultWorld): void {
  const m = ECS_SEED.main;
  seedGroup(main, m.basicGroupId, VPC_SEED.main.vpcId, HZ, 'app-basic', 'normal', [
    seedRule(seedId('sgr', HZ, 'main/basic/ssh'), 'ingress', 'TCP', '22/22', '10.0.0.0/8', 'ssh from office'),
    seedRule(seedId('sgr', HZ, 'main/basic/egress'), 'egress', 'ALL', '-1/-1', '0.0.0.0/0', ''),
  ]);
  seedGroup(main, m.advancedGroupId, VPC_SEED.main.vpcId, HZ, 'app-advanced', 'enterprise');
  seedGroup(second, ECS_SEED.second.basicGroupId, VPC_SEED.second.vpcId, HZ, 'second-basic', 'normal');
}

/** Each scale VPC's groups; every fifth an advanced one. Ids continue each VPC's vSwitch count (vpc.ts). */
function scaleRows(world: ScaleWorld): void {
  const { seed, main } = world;
  const perVpc = seed.vSwitchesPerVpc + seed.securityGroupsPerVpc;
  for (let v = 0; v < seed.vpcs; v++) {
    for (let g = 0; g < seed.securityGroupsPerVpc; g++) {
      main.securityGroups.push({
        securityGroupId: scaleId('sg', seed.regionId, v * perVpc + seed.vSwitchesPerVpc + g),
        regionId: seed.regionId,
        vpcId: scaleVpcId(world, v),
        name: `scale-sg-${v}-${g}`,
        description: '',
        type: g % 5 === 4 ? 'enterprise' : 'normal',
        innerAccessPolicy: g % 5 === 4 ? 'Drop' : 'Accept',
        serviceManaged: false,
        creationTime: SEED_CREATED,
        visibleAt: 0,
        rules: [],
      });
    }
  }
}

/** ECS: security groups, their rules and network interfaces (instances: ecsInstances.ts). */
export const ecs = {
  name: 'ECS',
  apis: [ECS_API],
  collections: [SECURITY_GROUPS, NETWORK_INTERFACES],
  seed: { ids: ECS_SEED, rows: seedRows, scaleRows },
  unverified: UNVERIFIED_CODES,
} satisfies EmulatorProduct;
