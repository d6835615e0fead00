/**
 * Network links as the Network view shows them (pure functions, unit-tested in plain Node), put
 * together from three views of the VPC:
 * - the links MaxCompute lists (ListNetworkLinks, completed by GetNetworkLink): name, type,
 *   status, vSwitch and group;
 * - links declared in the workspace's spec files;
 * - what creating a link leaves behind (core/linkDetection): service-managed ENIs in a security
 *   group, in a VPC that holds MaxCompute's `MaxCompute-vpc-<vpcId>` group.
 * Each listed link is checked against the detection: a SUCCESS link without its interfaces, or
 * interfaces no listed link explains, is flagged. When the link API cannot be asked (denied, not
 * offered in the region), declared and detected links are matched as before, and each link says why.
 */
import { isMaxComputeManagedGroupName, type NetworkInterface, type NetworkLink, type SecurityGroup } from '../../../core/model';
import { isNetworkLinkReady, NETWORK_LINK_READY_STATUS, PASSTHROUGH } from '../../../core/networkLinkApi';
import type { NetworkLinkApiState } from '../../../core/plan/liveState';
import type { DetectedLink } from '../../../core/linkDetection';
export { detectLinks, type DetectedLink } from '../../../core/linkDetection';
import type { ConnectionSpec } from '../../../connectionSpec/types';

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

/**
 * How far a link has got. With the link API: `connected` (listed SUCCESS, interfaces there),
 * `in-progress` (listed in another status, shown verbatim), `no-interfaces` (listed SUCCESS, no
 * interface: flagged), `not-created` (declared, not listed), `unlisted-interfaces` (interfaces no
 * listed link explains: flagged). Without it: `connected`, `waiting-for-console`,
 * `detected-unnamed`. `spec-has-problems` for a declared link whose document has errors.
 */
export type LinkState =
  | 'connected'
  | 'in-progress'
  | 'no-interfaces'
  | 'not-created'
  | 'unlisted-interfaces'
  | 'waiting-for-console'
  | 'detected-unnamed'
  | 'spec-has-problems';

/** A link as the explorer shows it. */
export interface NetworkLinkView {
  /** Unique among the links of one VPC, stable across refreshes. */
  key: string;
  state: LinkState;
  /** The name SQL and Spark use (MaxCompute's list, or the spec's). */
  name?: string;
  regionId: string;
  vpcId: string;
  vSwitchId: string;
  /** The link's security group, when known (a group the spec will create has none yet). */
  securityGroupId?: string;
  /** The group's name as the spec gives it (create mode) or as found. */
  securityGroupName?: string;
  declared?: DeclaredLink;
  /** The link as MaxCompute lists it. */
  listed?: NetworkLink;
  /** Listed, but not a PASSTHROUGH link (REVERSEACCESS): shown, never removed or saved from the view. */
  readOnly?: boolean;
  /** What does not add up (a listed link without interfaces, interfaces without a listed link, a spec that differs). */
  problem?: string;
  /** Why the link API could not be asked, when it could not (the view then falls back to the detection). */
  linkApi?: Exclude<NetworkLinkApiState, { state: 'ok' }>;
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

/** The links of one VPC, matched: listed and declared (by name), then invalid specs, then unexplained detections. */
export function matchLinks(input: {
  profile: string;
  regionId: string;
  vpcId: string;
  declared: readonly DeclaredLink[];
  detected: readonly DetectedLink[];
  groups: readonly SecurityGroup[];
  invalid?: readonly InvalidDeclaredLink[];
  /** The region's links as MaxCompute lists them; absent when the link API was not asked. */
  listed?: readonly NetworkLink[];
  /** Whether the link API answered; `ok` when absent. */
  linkApi?: NetworkLinkApiState;
}): NetworkLinkView[] {
  const { regionId, vpcId, groups } = input;
  const returnGroupsPresent = groups.some((g) => isMaxComputeManagedGroupName(g.name, vpcId));
  const refused = input.linkApi !== undefined && input.linkApi.state !== 'ok' ? input.linkApi : undefined;
  const explained = new Set<DetectedLink>();
  const views: NetworkLinkView[] = [];
  const seenNames = new Set<string>();
  const declared = input.declared
    .filter((d) => d.spec.regionId === regionId && specAppliesTo(d.spec, input.profile))
    .sort((a, b) => a.spec.networkLinkName.localeCompare(b.spec.networkLinkName) || a.file.localeCompare(b.file));
  const groupName = (id: string | undefined): string | undefined =>
    id === undefined ? undefined : groups.find((g) => g.securityGroupId === id)?.name;
  if (input.listed !== undefined && refused === undefined) {
    // A name is one link in the region: the listed link wins wherever a spec puts it.
    for (const link of input.listed) seenNames.add(link.name);
    for (const link of input.listed.filter((l) => l.vpcId === vpcId))
      views.push(
        listedView(
          link,
          declared.find((d) => d.spec.networkLinkName === link.name),
          input.detected,
          explained,
          groupName,
          returnGroupsPresent,
        ),
      );
  }
  for (const link of declared.filter((d) => d.spec.vpcId === vpcId)) {
    const { spec } = link;
    // The same name in two files is one link as far as MaxCompute is concerned; show it once.
    if (seenNames.has(spec.networkLinkName)) continue;
    seenNames.add(spec.networkLinkName);
    const group = declaredGroup(spec, groups);
    // Asked, the API is the truth: interfaces alone do not make a declared link created.
    const match =
      input.listed !== undefined && refused === undefined
        ? undefined
        : group.id === undefined
          ? undefined
          : input.detected.find((d) => d.vSwitchId === spec.vSwitchId && d.securityGroupId === group.id);
    if (match !== undefined) explained.add(match);
    const state: LinkState =
      input.listed !== undefined && refused === undefined ? 'not-created' : match !== undefined ? 'connected' : 'waiting-for-console';
    views.push({
      key: `declared:${spec.networkLinkName}`,
      state,
      name: spec.networkLinkName,
      regionId,
      vpcId,
      vSwitchId: spec.vSwitchId,
      securityGroupId: group.id,
      securityGroupName: group.name,
      declared: link,
      networkInterfaces: match?.networkInterfaces ?? [],
      returnGroupsPresent,
      ...(refused !== undefined ? { linkApi: refused } : {}),
    });
  }
  views.sort((a, b) => (a.name ?? '').localeCompare(b.name ?? ''));
  const invalid = (input.invalid ?? []).filter(
    (d) => d.regionId === regionId && d.vpcId === vpcId && (d.profile === undefined || d.profile === input.profile),
  );
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
  const listedAsked = input.listed !== undefined && refused === undefined;
  for (const found of input.detected) {
    if (explained.has(found)) continue;
    views.push({
      key: `detected:${found.vSwitchId}:${found.securityGroupId}`,
      state: listedAsked ? 'unlisted-interfaces' : 'detected-unnamed',
      regionId,
      vpcId,
      vSwitchId: found.vSwitchId,
      securityGroupId: found.securityGroupId,
      securityGroupName: groupName(found.securityGroupId),
      networkInterfaces: found.networkInterfaces,
      returnGroupsPresent,
      ...(listedAsked
        ? {
            problem: `MaxCompute's network interfaces are in ${found.vSwitchId} with ${found.securityGroupId}, but MaxCompute lists no link with them (a link being removed, or one of another region's list).`,
          }
        : {}),
      ...(refused !== undefined ? { linkApi: refused } : {}),
    });
  }
  return views;
}

/** A listed link, checked against the detection (PASSTHROUGH) and the spec that names it. */
function listedView(
  link: NetworkLink,
  declared: DeclaredLink | undefined,
  detected: readonly DetectedLink[],
  explained: Set<DetectedLink>,
  groupName: (id: string | undefined) => string | undefined,
  returnGroupsPresent: boolean,
): NetworkLinkView {
  const passthrough = link.type === PASSTHROUGH;
  const match = passthrough
    ? detected.find((d) => d.vSwitchId === link.vSwitchId && d.securityGroupId === link.securityGroupId)
    : undefined;
  if (match !== undefined) explained.add(match);
  const ready = isNetworkLinkReady(link);
  const state: LinkState = !ready ? 'in-progress' : match !== undefined || !passthrough ? 'connected' : 'no-interfaces';
  const problems: string[] = [];
  if (state === 'no-interfaces')
    problems.push(
      `MaxCompute lists ${link.name} as ${NETWORK_LINK_READY_STATUS}, but none of its network interfaces is in ${link.vSwitchId ?? '(no vSwitch)'} with ${link.securityGroupId ?? '(no group)'}.`,
    );
  if (declared !== undefined && passthrough) {
    const { spec } = declared;
    const specGroup = spec.securityGroup.mode === 'existing' ? spec.securityGroup.securityGroupId : undefined;
    const differs =
      spec.vpcId !== link.vpcId || spec.vSwitchId !== link.vSwitchId || (specGroup !== undefined && specGroup !== link.securityGroupId);
    if (differs)
      problems.push(
        `The spec declares VPC ${spec.vpcId}, vSwitch ${spec.vSwitchId}${specGroup !== undefined ? `, group ${specGroup}` : ''}; MaxCompute has VPC ${link.vpcId}, vSwitch ${link.vSwitchId ?? '?'}, group ${link.securityGroupId ?? '?'}.`,
      );
  }
  return {
    key: `listed:${link.name}`,
    state,
    name: link.name,
    regionId: link.regionId,
    vpcId: link.vpcId,
    vSwitchId: link.vSwitchId ?? '',
    securityGroupId: link.securityGroupId,
    securityGroupName: groupName(link.securityGroupId),
    ...(declared !== undefined ? { declared } : {}),
    listed: link,
    ...(passthrough ? {} : { readOnly: true }),
    ...(problems.length > 0 ? { problem: problems.join(' ') } : {}),
    networkInterfaces: match?.networkInterfaces ?? [],
    returnGroupsPresent,
  };
}

/** Words for a link's state, as the tree shows them; a listed link's status is shown verbatim, SUCCESS as ready. */
export function linkStateText(state: LinkState, status?: string): string {
  switch (state) {
    case 'connected':
      return status === undefined ? 'connected' : 'ready';
    case 'in-progress':
      return status || '(no status)';
    case 'no-interfaces':
      return `${status ?? NETWORK_LINK_READY_STATUS}, but no network interfaces`;
    case 'not-created':
      return 'not created: run Apply';
    case 'unlisted-interfaces':
      return 'interfaces without a link MaxCompute lists';
    case 'waiting-for-console':
      return 'waiting for the console step';
    case 'detected-unnamed':
      return 'detected (unnamed)';
    case 'spec-has-problems':
      return 'spec has problems';
  }
}
