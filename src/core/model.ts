/**
 * The domain model: what MaxCompute VPC Connect knows about a region, its VPCs and the
 * services MaxCompute must reach. Plain data, independent of the API's wire shapes
 * (src/cloud maps those into these types). Only what core reasons about lives here; a target
 * kind's resource type lives in its product file (src/cloud/products/index.ts says why).
 */

export interface Vpc {
  vpcId: string;
  regionId: string;
  name: string;
  cidrBlock: string;
  status: string;
  /** The account (UID) that owns the VPC; MaxCompute requires it to be the caller's. */
  ownerId: string;
  isDefault: boolean;
  vSwitchIds: string[];
}

export interface VSwitch {
  vSwitchId: string;
  vpcId: string;
  zoneId: string;
  name: string;
  cidrBlock: string;
  status: string;
  availableIpAddressCount: number;
}

/** `normal` is a basic security group, `enterprise` an advanced one (denies outbound by default). */
export type SecurityGroupType = 'normal' | 'enterprise';

export interface SecurityGroup {
  securityGroupId: string;
  regionId: string;
  vpcId: string;
  name: string;
  description: string;
  type: SecurityGroupType;
  ruleCount?: number;
  /** True for the return-traffic groups MaxCompute creates; they must never be modified. */
  managedByMaxCompute: boolean;
  /** ISO time the group was created (the older of two same-named link groups is kept). */
  creationTime?: string;
}

export type RuleDirection = 'ingress' | 'egress';
export type RulePolicy = 'accept' | 'drop';
export type IpProtocol = 'ALL' | 'TCP' | 'UDP' | 'ICMP' | 'GRE';

export interface SecurityGroupRule {
  ruleId?: string;
  direction: RuleDirection;
  policy: RulePolicy;
  protocol: IpProtocol;
  /** `start/end`, e.g. `3306/3306`, `1/65535`; `-1/-1` means all ports (and is the only value for ALL/ICMP/GRE). */
  portRange: string;
  /** 1–100, smaller wins. */
  priority: number;
  /** Ingress: the source; egress: the destination. Exactly one of cidr or groupId is set. */
  peerCidr?: string;
  peerGroupId?: string;
  description?: string;
}

export interface NetworkInterface {
  networkInterfaceId: string;
  vpcId: string;
  vSwitchId: string;
  zoneId: string;
  privateIpAddress: string;
  securityGroupIds: string[];
  /** Created and owned by a cloud service (MaxCompute's link ENIs are). */
  serviceManaged: boolean;
  status: string;
  /** `Primary` (an ECS instance's own interface) or `Secondary`. */
  type: string;
  description?: string;
  /** The ECS instance it is attached to (always set on a primary ENI; a service's ENIs report none). */
  instanceId?: string;
}

/**
 * True for an interface a cloud service created and attached to no instance (MaxCompute's link
 * interfaces are such): the others using a link group (an ECS instance's, a user's own ENI)
 * would be opened by the link's rules too.
 */
export function isServiceInterface(eni: Pick<NetworkInterface, 'serviceManaged' | 'instanceId'>): boolean {
  return eni.serviceManaged && eni.instanceId === undefined;
}

/** The interfaces that use each security group (an interface carries up to five groups). */
export function interfacesByGroup(interfaces: readonly NetworkInterface[]): Map<string, NetworkInterface[]> {
  const byGroup = new Map<string, NetworkInterface[]>();
  for (const n of interfaces) for (const id of n.securityGroupIds) byGroup.set(id, [...(byGroup.get(id) ?? []), n]);
  return byGroup;
}

/** Who an interface stands for, in words: the instance for an instance's ENI, else the ENI itself. */
export function interfaceUserText(eni: Pick<NetworkInterface, 'networkInterfaceId' | 'instanceId'>): string {
  return eni.instanceId === undefined ? eni.networkInterfaceId : `instance ${eni.instanceId}`;
}

/**
 * A network link as MaxCompute's API tells it (ListNetworkLinks, GetNetworkLink: 2022-01-04).
 * The list gives name, type, status and VPC; the vSwitch and group come from GetNetworkLink.
 */
export interface NetworkLink {
  /** The name SQL (`odps.session.networklink`) and foreign tables use. */
  name: string;
  regionId: string;
  /** `PASSTHROUGH` (MaxCompute into the VPC: what this product creates) or `REVERSEACCESS`, verbatim. */
  type: string;
  /** Verbatim; see networkLinkApi.ts for what is known of its values. */
  status: string;
  vpcId: string;
  /** Milliseconds since the epoch. */
  createTime?: number;
  /** PASSTHROUGH: the vSwitch and security group MaxCompute's interfaces use. */
  vSwitchId?: string;
  securityGroupId?: string;
  /** REVERSEACCESS: `ip-or-domain:port;…` and the zone. */
  reverseTargets?: string;
  zoneId?: string;
}

/** Names of the two return-traffic groups MaxCompute creates in a VPC. */
export function maxComputeManagedGroupNames(vpcId: string): [string, string] {
  return [`MaxCompute-vpc-${vpcId}`, `MaxCompute-backup-vpc-${vpcId}`];
}

/** True when the name is one of MaxCompute's return-traffic groups (of the given VPC, if given). */
export function isMaxComputeManagedGroupName(name: string, vpcId?: string): boolean {
  const m = /^MaxCompute-(?:backup-)?vpc-(.+)$/.exec(name);
  return m !== null && (vpcId === undefined || m[1] === vpcId);
}

/** One of MaxCompute's return-traffic groups, by the service's mark or by name: never to be modified. */
export function isMaxComputeGroup(group: Pick<SecurityGroup, 'managedByMaxCompute' | 'name'>): boolean {
  return group.managedByMaxCompute || isMaxComputeManagedGroupName(group.name);
}

/** A group of the VPC a link may use as its own: basic (advanced groups deny outbound by default) and not MaxCompute's. */
export function canBeLinkGroup(group: SecurityGroup, vpcId: string): boolean {
  return group.vpcId === vpcId && group.type === 'normal' && !isMaxComputeGroup(group);
}
