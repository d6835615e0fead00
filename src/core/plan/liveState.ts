/**
 * The live state a plan is computed from: what the engine read from the cloud for one
 * connection spec. Plain data, so the planner stays pure and the fingerprint can hash it.
 * "Absent" is `undefined` (the resource was looked up and does not exist).
 */
import type { EmrCluster, HBaseCluster, NetworkInterface, RdsInstance, SecurityGroup, SecurityGroupRule, Vpc, VSwitch } from '../model';

/** A security group with its inbound rules (outbound rules are never touched by a plan). */
export interface GroupWithIngress {
  group: SecurityGroup;
  ingress: SecurityGroupRule[];
}

/** One IP whitelist group of an RDS instance or HBase cluster. */
export interface WhitelistGroup {
  name: string;
  ips: string[];
  /** HBase: 4 or 6. */
  ipVersion?: number;
}

export interface RdsLive {
  kind: 'rds';
  instance?: RdsInstance;
  whitelist: WhitelistGroup[];
  securityGroupIds: string[];
}

export interface HBaseLive {
  kind: 'hbase';
  cluster?: HBaseCluster;
  whitelist: WhitelistGroup[];
  securityGroupIds: string[];
}

export interface EmrLive {
  kind: 'emr';
  /** Absent when the spec names the security group directly, or the cluster does not exist. */
  cluster?: EmrCluster;
  /** The group that receives the rules: the spec's, or the cluster's NodeAttributes.SecurityGroupId. */
  group?: GroupWithIngress;
}

export interface CustomLive {
  kind: 'custom';
}

/** Per target of the spec, in the same order as `spec.targets`. */
export type TargetLive = RdsLive | HBaseLive | EmrLive | CustomLive;

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
  /** MaxCompute's return-traffic groups present in the VPC. */
  managedGroups: SecurityGroup[];
  /** Service-managed ENIs in the link's vSwitch and group: the traces of a created link. */
  linkNetworkInterfaces: NetworkInterface[];
  targets: TargetLive[];
}
