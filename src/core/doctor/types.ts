/**
 * The doctor's words: a hop is one thing MaxCompute's traffic must get through on its way to a
 * target (a zone, a security group, a whitelist…), judged pass / warn / fail / unknown from the
 * live configuration alone, with the evidence it rests on and, for what can be repaired, the
 * fix as plan steps the engine applies like any other step.
 */
import type { NetworkInterface, SecurityGroup, SecurityGroupRule } from '../model';
import type { PlanStep } from '../plan';

export type HopVerdict = 'pass' | 'warn' | 'fail' | 'unknown';

/** What a verdict rests on: the rule, group, whitelist entry or API answer, with its ids. */
export interface Evidence {
  /** One line a person reads: `rule sgr-… in sg-…: accept TCP 3306 from 192.168.1.0/24 (priority 1)`. */
  text: string;
  /** The ids it names (groups, rules, instances, ENIs), for search and for the JSON report. */
  ids: string[];
}

/** How a failing (or warning) hop is repaired. */
export type HopFix =
  /** Steps the engine applies (re-reading and deciding again before each change). */
  | { kind: 'steps'; summary: string; steps: PlanStep[] }
  /** What only a person can do (the MaxCompute console, another account, the spec). */
  | { kind: 'manual'; summary: string };

/** One hop of the path, judged. */
export interface Hop {
  /** Stable within a report: `zone`, `link-group.type`, `target.0.access`… */
  id: string;
  /** Which part of the path: the link itself, or the target (its index in the spec). */
  scope: { kind: 'link' } | { kind: 'target'; index: number; label: string };
  title: string;
  verdict: HopVerdict;
  /** The verdict in one sentence. */
  reason: string;
  evidence: Evidence[];
  fix?: HopFix;
}

/** A kind's fix: its own grant step (planGrant, applied by the engine like apply's), or any fix. */
export type TargetHopFix = HopFix | { kind: 'grant'; summary: string };

/** A target's part of the hops, as its kind judges it (see TargetKindModule.reachability); ids are relative (`access`). */
export type TargetHop = Omit<Hop, 'scope' | 'fix'> & { fix?: TargetHopFix };

/** Where the link's traffic comes from, as far as the live state shows. */
export interface LinkEndpoint {
  regionId: string;
  vpcId: string;
  vpcCidr?: string;
  vSwitchId: string;
  vSwitchCidr?: string;
  /** The link's security group, when it exists. */
  linkGroupId?: string;
  /** Today's addresses of MaxCompute's ENIs (they change; the block does not). */
  eniAddresses: string[];
  callerAccountId: string;
}

/** What a kind says about one target: which ports and addresses its traffic goes to, and its hops. */
export interface TargetReachability {
  /** The TCP ports MaxCompute must reach (empty when the target does not exist or they are unknown). */
  ports: number[];
  /** Addresses the traffic goes to, when known (an ECS instance's IPs, a custom block's ends). */
  addresses: string[];
  hops: TargetHop[];
}

/** A security group with all its rules, both directions. */
export interface GroupWithRules {
  group: SecurityGroup;
  rules: SecurityGroupRule[];
}

/** What the doctor reads beyond the planner's live state. */
export interface DoctorExtras {
  /** The link group's rules in both directions (the live state holds only its inbound ones). */
  linkGroupRules?: SecurityGroupRule[];
  /** MaxCompute's return-traffic groups with their rules. */
  managedGroups: GroupWithRules[];
  /** Every network interface carrying the link group (any owner): anything but MaxCompute's shares the group. */
  linkGroupInterfaces: NetworkInterface[];
}

/** The doctor's answer for one link. */
export interface DoctorReport {
  formatVersion: 1;
  networkLinkName: string;
  regionId: string;
  vpcId: string;
  vSwitchId: string;
  /** The worst verdict of all hops (warn counts as passing). */
  verdict: HopVerdict;
  hops: Hop[];
  counts: Record<HopVerdict, number>;
}
