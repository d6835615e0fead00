/**
 * ECS's records: security groups with their rules, and network interfaces; their schemas,
 * finders and seed helpers. Apart from ecs.ts (the handlers) because RDS, HBase, PolarDB and
 * MaxCompute's network links use groups and interfaces too.
 */
import { ApiError } from '../errors';
import { findRecord } from '../lookup';
import { collection, json } from '../product';
import { SEED_CREATED } from '../seedFacts';
import type { AccountState } from '../state';

/**
 * An ECS instance in a VPC. Its primary network interface is a NetworkInterfaceRecord of the
 * account, kept in step with this record (vSwitch, address, security groups) by
 * syncPrimaryInterfaces in primaryInterfaces.ts; its collection and routes are ecsInstances.ts's: the instance is the one truth for its groups.
 */
export interface EcsInstanceRecord {
  instanceId: string;
  regionId: string;
  zoneId: string;
  vpcId: string;
  vSwitchId: string;
  name: string;
  description: string;
  /** `Pending`, `Running`, `Starting`, `Stopping` or `Stopped`. */
  status: string;
  instanceType: string;
  privateIpAddresses: string[];
  securityGroupIds: string[];
  creationTime: string;
  tags: Array<{ key: string; value: string }>;
}

export interface RuleRecord {
  ruleId: string;
  direction: 'ingress' | 'egress';
  /** Upper case: TCP, UDP, ICMP, GRE, ALL, ICMPV6. */
  ipProtocol: string;
  portRange: string;
  sourcePortRange: string;
  policy: 'Accept' | 'Drop';
  priority: number;
  nicType: string;
  /** The peer: the source for ingress, the destination for egress. Exactly one is set. */
  peerCidr?: string;
  peerIpv6Cidr?: string;
  peerGroupId?: string;
  peerPrefixListId?: string;
  /** The other side's address (DestCidrIp on ingress, SourceCidrIp on egress), rarely used. */
  localCidr?: string;
  description: string;
  createTime: string;
}

export interface SecurityGroupRecord {
  securityGroupId: string;
  regionId: string;
  vpcId: string;
  name: string;
  description: string;
  type: 'normal' | 'enterprise';
  innerAccessPolicy: 'Accept' | 'Drop';
  serviceManaged: boolean;
  creationTime: string;
  visibleAt: number;
  rules: RuleRecord[];
}

export interface NetworkInterfaceRecord {
  networkInterfaceId: string;
  regionId: string;
  vpcId: string;
  vSwitchId: string;
  zoneId: string;
  name: string;
  description: string;
  privateIpAddress: string;
  macAddress: string;
  securityGroupIds: string[];
  serviceManaged: boolean;
  serviceId: string;
  type: 'Primary' | 'Secondary';
  status: string;
  creationTime: string;
  visibleAt: number;
  /**
   * The ECS instance the interface is attached to: set on every instance's primary interface
   * (primaryInterfaces.ts), absent on MaxCompute's (a service's ENIs report no instance) and in
   * state files written before primary interfaces existed.
   */
  instanceId?: string;
}

/**
 * ECS codes for security groups and rules that no reference pins down: the shapes follow ECS
 * naming, the exact strings are [unverified]; the product never matches on them.
 */
export const ECS_UNVERIFIED_CODES = {
  ipProtocol: 'InvalidIpProtocol.Malformed',
  portRange: 'InvalidPortRange.Malformed',
  priority: 'InvalidPriority.Malformed',
  policy: 'InvalidPolicy.Malformed',
  cidr: 'InvalidSourceCidrIp.Malformed',
  groupName: 'InvalidSecurityGroupName.Malformed',
  groupDescription: 'InvalidSecurityGroupDescription.Malformed',
  groupRuleQuota: 'QuotaExceeded.AuthorizedSecurityGroupRule',
  advancedGroupReference: 'InvalidParam.GroupAuthorization',
} as const;

/** Basic security groups allow at most 20 rules that authorize another group (ECS doc). */
export const BASIC_GROUP_MAX_GROUP_RULES = 20;

declare module '../state' {
  interface AccountState {
    securityGroups: SecurityGroupRecord[];
    networkInterfaces: NetworkInterfaceRecord[];
  }
}

const RULE = json.record<RuleRecord>(
  {
    ruleId: json.string,
    direction: json.string,
    ipProtocol: json.string,
    portRange: json.string,
    sourcePortRange: json.string,
    policy: json.string,
    priority: json.number,
    nicType: json.string,
    peerCidr: json.string,
    peerIpv6Cidr: json.string,
    peerGroupId: json.string,
    peerPrefixListId: json.string,
    localCidr: json.string,
    description: json.string,
    createTime: json.string,
  },
  ['peerCidr', 'peerIpv6Cidr', 'peerGroupId', 'peerPrefixListId', 'localCidr'],
);

/** `InvalidSecurityGroupId.NotFound` with the ECS doc's message. */
export function securityGroupNotFound(securityGroupId: string): ApiError {
  return new ApiError('InvalidSecurityGroupId.NotFound', `The specified SecurityGroupId "${securityGroupId}" does not exist.`);
}

export const SECURITY_GROUPS = collection({
  name: 'securityGroups',
  schema: json.record<SecurityGroupRecord>({
    securityGroupId: json.string,
    regionId: json.string,
    vpcId: json.string,
    name: json.string,
    description: json.string,
    type: json.string,
    innerAccessPolicy: json.string,
    serviceManaged: json.boolean,
    creationTime: json.string,
    visibleAt: json.number,
    rules: json.arrayOf(RULE),
  }),
  finder: { idField: 'securityGroupId', notFound: securityGroupNotFound },
});

export const NETWORK_INTERFACES = collection({
  name: 'networkInterfaces',
  schema: json.record<NetworkInterfaceRecord>(
    {
      networkInterfaceId: json.string,
      regionId: json.string,
      vpcId: json.string,
      vSwitchId: json.string,
      zoneId: json.string,
      name: json.string,
      description: json.string,
      privateIpAddress: json.string,
      macAddress: json.string,
      securityGroupIds: json.strings,
      serviceManaged: json.boolean,
      serviceId: json.string,
      type: json.string,
      status: json.string,
      creationTime: json.string,
      visibleAt: json.number,
      instanceId: json.string,
    },
    ['instanceId'],
  ),
});

/** The caller's security group (in the region, when given); InvalidSecurityGroupId.NotFound otherwise. */
export function findSecurityGroup(account: AccountState, securityGroupId: string, regionId?: string): SecurityGroupRecord {
  return findRecord(account, SECURITY_GROUPS, securityGroupId, regionId);
}

/** A seeded security group (no description, visible at once), added to the account. */
export function seedGroup(
  account: AccountState,
  securityGroupId: string,
  vpcId: string,
  regionId: string,
  name: string,
  type: 'normal' | 'enterprise',
  rules: RuleRecord[] = [],
): SecurityGroupRecord {
  const record: SecurityGroupRecord = {
    securityGroupId,
    regionId,
    vpcId,
    name,
    description: '',
    type,
    innerAccessPolicy: type === 'normal' ? 'Accept' : 'Drop',
    serviceManaged: false,
    creationTime: SEED_CREATED,
    visibleAt: 0,
    rules,
  };
  account.securityGroups.push(record);
  return record;
}

/** A seeded Accept rule of priority 1 on the intranet NIC. */
export function seedRule(
  ruleId: string,
  direction: 'ingress' | 'egress',
  ipProtocol: string,
  portRange: string,
  peerCidr: string,
  description: string,
): RuleRecord {
  return {
    ruleId,
    direction,
    ipProtocol,
    portRange,
    sourcePortRange: '',
    policy: 'Accept',
    priority: 1,
    nicType: 'intranet',
    peerCidr,
    description,
    createTime: SEED_CREATED,
  };
}
