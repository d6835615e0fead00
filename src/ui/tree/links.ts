/**
 * Network links as far as they can be seen. MaxCompute has no public API that lists links, so
 * the explorer puts together two partial views (pure functions, unit-tested in plain Node):
 * - links declared in the workspace's spec files (they carry the name SQL and Spark use);
 * - links detected in the VPC from what the console leaves behind: service-managed ENIs in a
 *   security group, in a VPC that holds MaxCompute's `MaxCompute-vpc-<vpcId>` group.
 * A declared link is "connected" once its ENIs are detected, "waiting for the console step"
 * before; ENIs no spec explains are a "detected (unnamed)" link.
 */
import { isMaxComputeManagedGroupName, type NetworkInterface, type SecurityGroup } from '../../core/model';
import type { DetectedLink } from '../../core/linkDetection';
export { detectLinks, type DetectedLink } from '../../core/linkDetection';
import type { ConnectionSpec } from '../../spec/types';

/** A link declared by one document of a spec file. */
export interface DeclaredLink {
  spec: ConnectionSpec;
  /** The spec file's URI (a string, so this module needs no vscode). */
  file: string;
}

/**
 * A document of a spec file that declares a link but has errors: kept in the view (in its VPC,
 * when the document names one) with its problem count, so fixing a typo never hides the link.
 */
export interface InvalidDeclaredLink {
  file: string;
  documentIndex: number;
  name?: string;
  profile?: string;
  regionId?: string;
  vpcId?: string;
  vSwitchId?: string;
  /** Errors in this document (what the Problems view lists for it). */
  problemCount: number;
}

/** How far a link has got; `spec-has-problems` for a declared link whose document has errors. */
export type LinkState = 'connected' | 'waiting-for-console' | 'detected-unnamed' | 'spec-has-problems';

/** A link as the explorer shows it. */
export interface NetworkLinkView {
  /** Unique among the links of one VPC, stable across refreshes. */
  key: string;
  state: LinkState;
  /** The name SQL and Spark use; only a spec knows it. */
  name?: string;
  regionId: string;
  vpcId: string;
  vSwitchId: string;
  /** The link's security group, when known (a group the spec will create has none yet). */
  securityGroupId?: string;
  /** The group's name as the spec gives it (create mode) or as found. */
  securityGroupName?: string;
  declared?: DeclaredLink;
  networkInterfaces: NetworkInterface[];
  /** Whether MaxCompute's return-traffic groups are in the VPC. */
  returnGroupsPresent: boolean;
  /** Set when the declaring document has errors (state `spec-has-problems`). */
  invalid?: InvalidDeclaredLink;
}

/** The security group a declared link uses: the spec's id, or the one group of the VPC with the name the spec creates. */
export function declaredGroup(spec: ConnectionSpec, groups: readonly SecurityGroup[]): { id?: string; name?: string } {
  if (spec.securityGroup.mode === 'existing') {
    const id = spec.securityGroup.securityGroupId;
    return { id, name: groups.find((g) => g.securityGroupId === id)?.name };
  }
  const name = spec.securityGroup.name;
  const named = groups.filter((g) => g.vpcId === spec.vpcId && g.name === name);
  // Two groups with the name: the plan refuses (ambiguous), and so does matching.
  return { id: named.length === 1 ? named[0]!.securityGroupId : undefined, name };
}

/** True when a spec declares a link of this profile (a spec without a profile follows the active one). */
export function specAppliesTo(spec: ConnectionSpec, profile: string): boolean {
  return spec.profile === undefined || spec.profile === profile;
}

/** Declared and detected links of one VPC, matched: declared first (by name), then unnamed detections. */
export function matchLinks(input: {
  profile: string;
  regionId: string;
  vpcId: string;
  declared: readonly DeclaredLink[];
  detected: readonly DetectedLink[];
  groups: readonly SecurityGroup[];
  invalid?: readonly InvalidDeclaredLink[];
}): NetworkLinkView[] {
  const { regionId, vpcId, groups } = input;
  const returnGroupsPresent = groups.some((g) => isMaxComputeManagedGroupName(g.name, vpcId));
  const explained = new Set<DetectedLink>();
  const views: NetworkLinkView[] = [];
  const seenNames = new Set<string>();
  const declared = input.declared
    .filter((d) => d.spec.regionId === regionId && d.spec.vpcId === vpcId && specAppliesTo(d.spec, input.profile))
    .sort((a, b) => a.spec.networkLinkName.localeCompare(b.spec.networkLinkName) || a.file.localeCompare(b.file));
  for (const link of declared) {
    const { spec } = link;
    // The same name in two files is one link as far as MaxCompute is concerned; show it once.
    if (seenNames.has(spec.networkLinkName)) continue;
    seenNames.add(spec.networkLinkName);
    const group = declaredGroup(spec, groups);
    const match = group.id === undefined ? undefined : input.detected.find((d) => d.vSwitchId === spec.vSwitchId && d.securityGroupId === group.id);
    if (match !== undefined) explained.add(match);
    views.push({
      key: `declared:${spec.networkLinkName}`,
      state: match !== undefined ? 'connected' : 'waiting-for-console',
      name: spec.networkLinkName,
      regionId,
      vpcId,
      vSwitchId: spec.vSwitchId,
      securityGroupId: group.id,
      securityGroupName: group.name,
      declared: link,
      networkInterfaces: match?.networkInterfaces ?? [],
      returnGroupsPresent,
    });
  }
  const invalid = (input.invalid ?? []).filter((d) => d.regionId === regionId && d.vpcId === vpcId && (d.profile === undefined || d.profile === input.profile));
  for (const link of invalid) {
    const name = link.name ?? `(unnamed, ${link.file.split('/').pop() ?? link.file})`;
    if (seenNames.has(name)) continue;
    seenNames.add(name);
    views.push({
      key: `invalid:${link.file}#${link.documentIndex}`,
      state: 'spec-has-problems',
      name,
      regionId,
      vpcId,
      vSwitchId: link.vSwitchId ?? '',
      networkInterfaces: [],
      returnGroupsPresent,
      invalid: link,
    });
  }
  for (const found of input.detected) {
    if (explained.has(found)) continue;
    views.push({
      key: `detected:${found.vSwitchId}:${found.securityGroupId}`,
      state: 'detected-unnamed',
      regionId,
      vpcId,
      vSwitchId: found.vSwitchId,
      securityGroupId: found.securityGroupId,
      securityGroupName: groups.find((g) => g.securityGroupId === found.securityGroupId)?.name,
      networkInterfaces: found.networkInterfaces,
      returnGroupsPresent,
    });
  }
  return views;
}

/** Words for a link's state, as the tree shows them. */
export function linkStateText(state: LinkState): string {
  switch (state) {
    case 'connected':
      return 'connected';
    case 'waiting-for-console':
      return 'waiting for the console step';
    case 'detected-unnamed':
      return 'detected (unnamed)';
    case 'spec-has-problems':
      return 'spec has problems';
  }
}
