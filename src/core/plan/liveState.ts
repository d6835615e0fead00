/**
 * The live state a plan is computed from: what the engine read from the cloud for one
 * connection spec. Plain data, so the planner stays pure and the fingerprint can hash it.
 * "Absent" is `undefined` (the resource was looked up and does not exist).
 */
import type { NetworkInterface, NetworkLink, SecurityGroup, SecurityGroupRule, Vpc, VSwitch } from '../model';

/** A security group with its inbound rules (outbound rules are never touched by a plan). */
export interface GroupWithIngress {
  group: SecurityGroup;
  ingress: SecurityGroupRule[];
}

/** One IP whitelist group of a service (RDS, HBase, PolarDB, Lindorm…). */
export interface WhitelistGroup {
  name: string;
  ips: string[];
  /** HBase: 4 or 6. */
  ipVersion?: number;
}

/**
 * What was read for one target: `kind` names the target kind, whose module (src/targets/<kind>)
 * defines and reads the rest. Plain data, so the fingerprint can hash it.
 */
export interface TargetLive {
  kind: string;
  /** Kinds reached by an IP whitelist: every group as read (the policy rules read it by this name, naming no kind). */
  whitelist?: WhitelistGroup[];
  /** Kinds reached by port rules: the security group that receives them, with its inbound rules. */
  group?: GroupWithIngress;
  /** Kinds that bind security groups: the groups bound to the resource. */
  securityGroupIds?: string[];
}

/**
 * Whether MaxCompute's link API answered: `ok`, or why it could not be used — `denied` (the caller
 * lacks odps:GetNetworkLink or the tenant role) or `unavailable` (not offered in the region) —
 * with the API's words. Only then does the plan fall back to the console hand-over.
 */
export type NetworkLinkApiState = { state: 'ok' } | { state: 'denied' | 'unavailable'; reason: string };

/** Everything the planner needs to know about the cloud for one spec. */
export interface LiveState {
  regionId: string;
  /** STS GetCallerIdentity's AccountId. */
  callerAccountId: string;
  /** Whether RAM GetRole found the ENI role (see networkLinkConsole.ts). */
  eniRoleExists: boolean;
  vpc?: Vpc;
  vSwitch?: VSwitch;
  /**
   * The link's security group: the spec's existing group by id, or the group to create found
   * again by name in the VPC (so a re-run after a crash does not create a second one).
   */
  linkGroup?: GroupWithIngress;
  /** More groups with the to-be-created name in the VPC (ambiguous: the plan refuses). */
  sameNameGroupIds: string[];
  /** Those of them some network interface uses (not safe to delete: the plan refuses). */
  sameNameGroupsInUse?: string[];
  /**
   * Every network interface that uses the link group (readGroupInterfaces). Those that are not a
   * service's (an ECS instance's primary interface, a user's own ENI) would be opened by its
   * inbound rule too: a group to create that exists with such users is someone else's (the plan
   * refuses to adopt it). The doctor judges the same list.
   */
  linkGroupUsers?: NetworkInterface[];
  /** MaxCompute's return-traffic groups present in the VPC. */
  managedGroups: SecurityGroup[];
  /** The link named by the spec as MaxCompute's API tells it (GetNetworkLink); undefined when absent or not askable. */
  networkLink?: NetworkLink;
  networkLinkApi: NetworkLinkApiState;
  /** Service-managed ENIs in the link's vSwitch and group: the traces of a created link. */
  linkNetworkInterfaces: NetworkInterface[];
  targets: TargetLive[];
}
