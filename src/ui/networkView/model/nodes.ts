/**
 * What the Network view shows, as plain data (no vscode: the bench and unit tests build and
 * read these in plain Node). Ids are hierarchical and start with the profile and region, so a
 * node of one account can never stand in for another's after a switch, and refreshing a node
 * clears every cache entry whose key starts with its id.
 */
import type { SecurityGroup, SecurityGroupRule, VSwitch, Vpc } from '../../../core/model';
import type { ServicePresentation, ServiceResource } from '../../../targets';
import type { PageCursor } from '../../../cloud/paging';
import type { DescribedError } from '../../shell/errorReporting';
import type { DeclaredLink, NetworkLinkView } from './links';
import type { ServiceAccess } from './access';

/** The active profile, shown as the root when more than one profile is configured. */
export interface ProfileNode {
  kind: 'profile';
  id: string;
  profile: string;
  /** Where its credentials come from, e.g. the config file path. */
  source: string;
  mode: string;
  /** How many profiles could be switched to. */
  profileCount: number;
}

/** A region the person chose in `mcvpc.regions`. */
export interface RegionNode {
  kind: 'region';
  id: string;
  profile: string;
  regionId: string;
  /** False when MaxCompute network links cannot be created in the region (core's zone table). */
  networkLinksSupported: boolean;
  /** The region's VPC filter (substring of name or id), if one is set. */
  filter?: string;
  /** True when the view lists only this region (it starts expanded). */
  only: boolean;
}

/** A VPC found by DescribeVpcs. */
export interface VpcNode {
  kind: 'vpc';
  id: string;
  profile: string;
  regionId: string;
  vpc: Vpc;
}

/** The four groups under a VPC. */
export type VpcGroupKind = 'vSwitches' | 'securityGroups' | 'networkLinks' | 'services';

/** One group under a VPC; its children are fetched when it is expanded. */
export interface VpcGroupNode {
  kind: 'vpcGroup';
  id: string;
  profile: string;
  regionId: string;
  vpcId: string;
  group: VpcGroupKind;
}

/** A vSwitch, with whether its zone can host a network link. */
export interface VSwitchNode {
  kind: 'vSwitch';
  id: string;
  profile: string;
  regionId: string;
  vSwitch: VSwitch;
  /** Why its zone cannot host a network link; undefined when it can. */
  zoneProblem?: string;
}

/** A security group; MaxCompute's return-traffic groups are locked (never edited). */
export interface SecurityGroupNode {
  kind: 'securityGroup';
  id: string;
  profile: string;
  regionId: string;
  group: SecurityGroup;
  locked: boolean;
}

/** One rule of a security group. */
export interface RuleNode {
  kind: 'rule';
  id: string;
  profile: string;
  regionId: string;
  securityGroupId: string;
  rule: SecurityGroupRule;
  /** The group is MaxCompute's: its rules are shown but offer no editing. */
  locked: boolean;
}

/** A network link: declared in a spec, detected in the VPC, or both. */
export interface NetworkLinkNode {
  kind: 'networkLink';
  id: string;
  profile: string;
  regionId: string;
  link: NetworkLinkView;
  /** The link's vSwitch, when listed (zone and CIDR block for the tooltip). */
  vSwitch?: VSwitch;
}

/** An RDS instance, HBase cluster or EMR cluster in the VPC, with its access from the VPC's links. */
export interface ServiceNode {
  kind: 'service';
  id: string;
  profile: string;
  regionId: string;
  /** The kind's resource (an RDS instance, an HBase cluster…). */
  service: ServiceResource;
  /** How its kind shows it. */
  presentation: ServicePresentation;
  access: ServiceAccess;
}

/** "Load more": the next page of its parent's listing. */
export interface LoadMoreNode {
  kind: 'loadMore';
  id: string;
  /** The node whose children it extends. */
  parentId: string;
  cursor: PageCursor;
  /** Items shown so far and the total, when the API reports one. */
  shown: number;
  total?: number;
}

/** The "Add region…" action at the end of the regions. */
export interface AddRegionNode {
  kind: 'addRegion';
  id: string;
  profile: string;
}

/** A failure where children were expected; the tooltip carries code and RequestId. */
export interface ErrorNode {
  kind: 'error';
  id: string;
  /** What could not be done, e.g. "Could not list VPCs". */
  label: string;
  error: DescribedError;
}

/** A short note instead of children: nothing found, a filter in force. */
export interface NoteNode {
  kind: 'note';
  id: string;
  label: string;
  tooltip?: string;
}

/** Any node of the Network view. */
export type ExplorerNode =
  | ProfileNode
  | RegionNode
  | VpcNode
  | VpcGroupNode
  | VSwitchNode
  | SecurityGroupNode
  | RuleNode
  | NetworkLinkNode
  | ServiceNode
  | LoadMoreNode
  | AddRegionNode
  | ErrorNode
  | NoteNode;

/** The node of the active profile. */
export function profileNode(profile: string, source: string, mode: string, profileCount: number): ProfileNode {
  return { kind: 'profile', id: `${profile}`, profile, source, mode, profileCount };
}

/** The node of a region listed for `profile`. */
export function regionNode(
  profile: string,
  regionId: string,
  options: { supported: boolean; filter?: string; only?: boolean },
): RegionNode {
  return {
    kind: 'region',
    id: `${profile}/${regionId}`,
    profile,
    regionId,
    networkLinksSupported: options.supported,
    filter: options.filter,
    only: options.only ?? false,
  };
}

/** The node of a VPC found under `region`. */
export function vpcNode(region: Pick<RegionNode, 'id' | 'profile' | 'regionId'>, vpc: Vpc): VpcNode {
  return { kind: 'vpc', id: `${region.id}/vpc/${vpc.vpcId}`, profile: region.profile, regionId: region.regionId, vpc };
}

/** The order and labels of a VPC's groups. */
export const VPC_GROUPS: readonly VpcGroupKind[] = ['vSwitches', 'securityGroups', 'networkLinks', 'services'];

/** The group nodes of a VPC, in display order. */
export function vpcGroupNodes(vpc: VpcNode): VpcGroupNode[] {
  return VPC_GROUPS.map((group) => ({
    kind: 'vpcGroup',
    id: `${vpc.id}/${group}`,
    profile: vpc.profile,
    regionId: vpc.regionId,
    vpcId: vpc.vpc.vpcId,
    group,
  }));
}

/** A vSwitch under its VPC's vSwitches group. */
export function vSwitchNode(parent: VpcGroupNode, vSwitch: VSwitch, zoneProblem: string | undefined): VSwitchNode {
  return {
    kind: 'vSwitch',
    id: `${parent.id}/${vSwitch.vSwitchId}`,
    profile: parent.profile,
    regionId: parent.regionId,
    vSwitch,
    zoneProblem,
  };
}

/** A security group under its VPC's security-groups group; locked when MaxCompute manages it. */
export function securityGroupNode(parent: VpcGroupNode, group: SecurityGroup, locked: boolean): SecurityGroupNode {
  return {
    kind: 'securityGroup',
    id: `${parent.id}/${group.securityGroupId}`,
    profile: parent.profile,
    regionId: parent.regionId,
    group,
    locked,
  };
}

/** A rule under its group; `index` keeps rules without a RuleId apart. */
export function ruleNode(parent: SecurityGroupNode, rule: SecurityGroupRule, index: number): RuleNode {
  const key = rule.ruleId ?? `${rule.direction}-${index}`;
  return {
    kind: 'rule',
    id: `${parent.id}/${key}`,
    profile: parent.profile,
    regionId: parent.regionId,
    securityGroupId: parent.group.securityGroupId,
    rule,
    locked: parent.locked,
  };
}

/** A link under its VPC's network-links group. */
export function networkLinkNode(parent: VpcGroupNode, link: NetworkLinkView, vSwitch?: VSwitch): NetworkLinkNode {
  return { kind: 'networkLink', id: `${parent.id}/${link.key}`, profile: parent.profile, regionId: parent.regionId, link, vSwitch };
}

/** A service under its VPC's services group. */
export function serviceNode(
  parent: VpcGroupNode,
  service: ServiceResource,
  presentation: ServicePresentation,
  access: ServiceAccess,
): ServiceNode {
  return {
    kind: 'service',
    id: `${parent.id}/${presentation.id}`,
    profile: parent.profile,
    regionId: parent.regionId,
    service,
    presentation,
    access,
  };
}

/** The "Load more" node of a parent's listing. */
export function loadMoreNode(parentId: string, cursor: PageCursor, shown: number, total?: number): LoadMoreNode {
  return { kind: 'loadMore', id: `${parentId}/loadMore`, parentId, cursor, shown, total };
}

/** The "Add region…" node. */
export function addRegionNode(profile: string): AddRegionNode {
  return { kind: 'addRegion', id: `${profile}/addRegion`, profile };
}

/** An error node under `parentId` ('' for the root); `slot` keeps two errors of one parent apart. */
export function errorNode(parentId: string, label: string, error: DescribedError, slot = 'error'): ErrorNode {
  return { kind: 'error', id: `${parentId}/${slot}`, label, error };
}

/** A note under `parentId`; `slot` keeps two notes of one parent apart. */
export function noteNode(parentId: string, slot: string, label: string, tooltip?: string): NoteNode {
  return { kind: 'note', id: `${parentId}/note/${slot}`, label, tooltip };
}

/** The profile and region a node belongs to, when it belongs to one. */
export function nodeScope(node: ExplorerNode): { profile: string; regionId: string } | undefined {
  return 'regionId' in node && 'profile' in node ? { profile: node.profile, regionId: node.regionId } : undefined;
}

/** The cloud id a node stands for (what "Copy ID" copies), if it stands for one. */
export function resourceIdOf(node: ExplorerNode): string | undefined {
  switch (node.kind) {
    case 'region':
      return node.regionId;
    case 'vpc':
      return node.vpc.vpcId;
    case 'vSwitch':
      return node.vSwitch.vSwitchId;
    case 'securityGroup':
      return node.group.securityGroupId;
    case 'rule':
      return node.rule.ruleId;
    case 'service':
      return node.presentation.id;
    case 'networkLink':
      return node.link.name ?? node.link.securityGroupId;
    default:
      return undefined;
  }
}

export type { DeclaredLink };
