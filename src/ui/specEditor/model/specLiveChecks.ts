/**
 * Live checks in the editor: the planner's own `liveChecks` (core/plan and each kind's), run on a
 * live state put together from the editor's cached read model instead of a plan's fresh reads,
 * shown as warnings; with a quick fix where one is obvious (the existing resource with the
 * closest id or name; a supported vSwitch of the same VPC; a usable basic group). Pure. No vscode.
 */
import {
  canBeLinkGroup,
  isMaxComputeManagedGroupName,
  type SecurityGroup,
  type SecurityGroupRule,
  type VSwitch,
  type Vpc,
} from '../../../core/model';
import { liveChecks, type LiveCheck, type LiveCheckCode, type LiveState, type TargetLive, type TargetPlanners } from '../../../core/plan';
import type { ConnectionSpec, SourceRange } from '../../../core/specModel';
import { isZoneSupported } from '../../../core/zones';
import type { CatalogService } from './specCatalog';

/** What the read model knows for one spec's region. */
export interface EditorLiveInput {
  vpcs: readonly Vpc[];
  vSwitches: readonly VSwitch[];
  groups: readonly SecurityGroup[];
  services: readonly CatalogService[];
  /** Inbound rules of the link's group, when it exists. */
  linkGroupIngress?: readonly SecurityGroupRule[];
  /** Per target (spec order): what its kind's readLive read. */
  targets: readonly TargetLive[];
}

/** A replacement of the flagged text. */
export interface QuickFix {
  title: string;
  range: SourceRange;
  newText: string;
}

/** One live finding as the editor shows it. */
export interface EditorFinding {
  check: LiveCheck;
  fix?: QuickFix;
}

/** Findings that need reads the editor does not make (RAM role, caller identity): left to Plan. */
const PLAN_ONLY: ReadonlySet<LiveCheckCode> = new Set<LiveCheckCode>(['eni-role-missing', 'other-account']);

/** The live state the planner would read, from the read model. */
export function editorLiveState(spec: ConnectionSpec, input: EditorLiveInput): LiveState {
  const vpc = input.vpcs.find((v) => v.vpcId === spec.vpcId);
  const vSwitch = input.vSwitches.find((s) => s.vSwitchId === spec.vSwitchId);
  const inVpc = input.groups.filter((g) => g.vpcId === spec.vpcId);
  const group = spec.securityGroup;
  const named = group.mode === 'create' ? inVpc.filter((g) => g.name === group.name) : [];
  const linkGroup = group.mode === 'existing' ? input.groups.find((g) => g.securityGroupId === group.securityGroupId) : named[0];
  return {
    regionId: spec.regionId,
    // The editor does not ask who is signed in; Plan does (other-account is left to it).
    callerAccountId: vpc?.ownerId ?? '',
    eniRoleExists: true,
    vpc,
    vSwitch,
    linkGroup: linkGroup === undefined ? undefined : { group: linkGroup, ingress: [...(input.linkGroupIngress ?? [])] },
    sameNameGroupIds: named.slice(1).map((g) => g.securityGroupId),
    managedGroups: inVpc.filter((g) => g.managedByMaxCompute || isMaxComputeManagedGroupName(g.name, spec.vpcId)),
    linkNetworkInterfaces: [],
    // The editor does not ask MaxCompute for the link: Plan does.
    networkLinkApi: { state: 'ok' },
    targets: [...input.targets],
  };
}

/** Edit distance, for "did you mean": ids differ by a typo, names by a word. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** The candidate whose id or name is closest to what was written. */
export function closest<T>(written: string, candidates: readonly T[], id: (c: T) => string, name: (c: T) => string): T | undefined {
  let best: { candidate: T; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = Math.min(
      editDistance(written, id(candidate)),
      name(candidate) === '' ? Infinity : editDistance(written, name(candidate)),
    );
    if (best === undefined || distance < best.distance) best = { candidate, distance };
  }
  return best?.candidate;
}

function usableGroups(spec: ConnectionSpec, groups: readonly SecurityGroup[]): SecurityGroup[] {
  return groups.filter((g) => canBeLinkGroup(g, spec.vpcId));
}

function contains(outer: SourceRange, inner: SourceRange): boolean {
  return outer.start.offset <= inner.start.offset && inner.end.offset <= outer.end.offset;
}

function fixFor(check: LiveCheck, spec: ConnectionSpec, input: EditorLiveInput, written: string): QuickFix | undefined {
  const replace = (id: string, words: string): QuickFix => ({
    title: `Use ${id}${words === '' ? '' : ` (${words})`}`,
    range: check.range,
    newText: id,
  });
  const supported = (): VSwitch | undefined =>
    input.vSwitches
      .filter((s) => s.vpcId === spec.vpcId && isZoneSupported(spec.regionId, s.zoneId))
      .sort((a, b) => b.availableIpAddressCount - a.availableIpAddressCount)[0];
  switch (check.code) {
    case 'vpc-not-found': {
      const vpc = closest(
        written,
        input.vpcs,
        (v) => v.vpcId,
        (v) => v.name,
      );
      return vpc && replace(vpc.vpcId, vpc.name);
    }
    case 'vswitch-not-found': {
      const inVpc = input.vSwitches.filter((s) => s.vpcId === spec.vpcId);
      const vSwitch = closest(
        written,
        inVpc,
        (s) => s.vSwitchId,
        (s) => s.name,
      );
      return vSwitch && replace(vSwitch.vSwitchId, `${vSwitch.name}, ${vSwitch.zoneId}`);
    }
    case 'vswitch-other-vpc':
    case 'zone-unsupported': {
      const vSwitch = supported();
      return vSwitch && replace(vSwitch.vSwitchId, `${vSwitch.name}, ${vSwitch.zoneId}`);
    }
    case 'group-not-found':
    case 'group-advanced':
    case 'group-managed':
    case 'group-other-vpc': {
      if (spec.securityGroup.mode !== 'existing') return undefined;
      const group = closest(
        written,
        usableGroups(spec, input.groups),
        (g) => g.securityGroupId,
        (g) => g.name,
      );
      return group && replace(group.securityGroupId, group.name);
    }
    case 'target-not-found': {
      const target = spec.targets.find((t) => contains(t.range, check.range));
      if (target === undefined) return undefined;
      const ofKind = input.services.filter((s) => s.kind.kind === target.kind && s.kind.service !== undefined);
      const found = closest(
        written,
        ofKind,
        (s) => s.kind.service!.idOf(s.resource),
        (s) => s.kind.service!.present(s.resource).label,
      );
      if (found === undefined) return undefined;
      const shown = found.kind.service!.present(found.resource);
      return replace(shown.id, shown.label === shown.id ? '' : shown.label);
    }
    default:
      return undefined;
  }
}

/**
 * The planner's live checks for one spec, as warnings (the plan decides; the editor advises),
 * each with a quick fix where one is obvious. `text` is the file, for what the flagged range says.
 */
export function editorLiveFindings(spec: ConnectionSpec, input: EditorLiveInput, planners: TargetPlanners, text: string): EditorFinding[] {
  return liveChecks(spec, editorLiveState(spec, input), planners)
    .filter((check) => !PLAN_ONLY.has(check.code))
    .map((check) => {
      const written = text.slice(check.range.start.offset, check.range.end.offset);
      return { check: { ...check, severity: 'warning' as const }, fix: fixFor(check, spec, input, written) };
    });
}
