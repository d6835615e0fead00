/**
 * What the Network view shows, as plain data. Ids are hierarchical and start with the profile
 * and region, so a node of one account can never stand in for another's after a switch.
 */
import type { Vpc } from '../../core/model';
import type { DescribedError } from '../errorReporting';

/** A region the person chose in `mcvpc.regions`. */
export interface RegionNode {
  kind: 'region';
  id: string;
  profile: string;
  regionId: string;
}

/** A VPC found by DescribeVpcs. */
export interface VpcNode {
  kind: 'vpc';
  id: string;
  profile: string;
  regionId: string;
  vpc: Vpc;
}

/** A failure where children were expected; the tooltip carries code and RequestId. */
export interface ErrorNode {
  kind: 'error';
  id: string;
  /** What could not be done, e.g. "Could not list VPCs". */
  label: string;
  error: DescribedError;
}

/** A short note instead of children: nothing found, or more than one page. */
export interface NoteNode {
  kind: 'note';
  id: string;
  label: string;
  tooltip?: string;
}

/** Any node of the Network view. */
export type ExplorerNode = RegionNode | VpcNode | ErrorNode | NoteNode;

/** The node of a region listed for `profile`. */
export function regionNode(profile: string, regionId: string): RegionNode {
  return { kind: 'region', id: `${profile}/${regionId}`, profile, regionId };
}

/** The node of a VPC found under `region`. */
export function vpcNode(region: RegionNode, vpc: Vpc): VpcNode {
  return { kind: 'vpc', id: `${region.id}/vpc/${vpc.vpcId}`, profile: region.profile, regionId: region.regionId, vpc };
}

/** An error node under `parentId` ('' for the root). */
export function errorNode(parentId: string, label: string, error: DescribedError): ErrorNode {
  return { kind: 'error', id: `${parentId}/error`, label, error };
}

/** A note under `parentId`; `slot` keeps two notes of one parent apart. */
export function noteNode(parentId: string, slot: string, label: string, tooltip?: string): NoteNode {
  return { kind: 'note', id: `${parentId}/note/${slot}`, label, tooltip };
}
