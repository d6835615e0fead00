/**
 * What the New Connection Spec picks show, as plain data (no vscode, so unit tests read it):
 * the vSwitch rows with the unsupported zones marked, the security-group rows with the groups
 * in use marked, and the words that refuse such a row.
 */
import { interfacesByGroup, type NetworkInterface, type SecurityGroup, type VSwitch } from '../../../core/model';
import type { KnownLink } from '../../../core/usage/knownLinks';
import { SUPPORTED_REGIONS, zoneSupportProblem } from '../../../core/zones';

/** One row of the vSwitch pick. */
export interface VSwitchChoice {
  label: string;
  description: string;
  /** Why the vSwitch cannot hold a link (unsupported zones only). */
  detail?: string;
  vSwitch: VSwitch;
  /** Set when choosing this row must be refused: the words the pick then shows. */
  refusal?: string;
}

/**
 * The VPC's vSwitches: those in zones with network-link support first (so the first row, the
 * one Enter takes, is usable), then the others, marked and explained: the user sees why a
 * vSwitch they expected is not offered, and choosing it is refused rather than failing later.
 */
export function vSwitchChoices(regionId: string, vSwitches: readonly VSwitch[]): VSwitchChoice[] {
  const byZoneThenName = (a: VSwitch, b: VSwitch): number =>
    a.zoneId.localeCompare(b.zoneId) || (a.name || a.vSwitchId).localeCompare(b.name || b.vSwitchId);
  const supported: VSwitchChoice[] = [];
  const unsupported: VSwitchChoice[] = [];
  for (const s of [...vSwitches].sort(byZoneThenName)) {
    const problem = zoneSupportProblem(regionId, s.zoneId);
    const name = s.name || s.vSwitchId;
    if (problem === undefined) {
      supported.push({ label: name, description: `${s.vSwitchId} · ${s.zoneId} · ${s.cidrBlock}`, vSwitch: s });
    } else {
      unsupported.push({
        label: `$(circle-slash) ${name}`,
        description: `${s.vSwitchId} · ${s.zoneId} · not supported`,
        detail: problem,
        vSwitch: s,
        refusal: `${name} cannot hold the link: zone ${s.zoneId} has no network-link support. Choose a vSwitch in a supported zone.`,
      });
    }
  }
  return [...supported, ...unsupported];
}

/** One row of the link group's pick: a new group, or an existing basic group of the VPC. */
export interface GroupChoice {
  label: string;
  description: string;
  /** Who uses the group (groups in use only). */
  detail?: string;
  value: { mode: 'existing'; id: string; words: string } | 'new';
  /** Set when choosing this row must be refused: the words the pick then shows. */
  refusal?: string;
}

/** Who the network interfaces using a group stand for, in a person's words: instances by id, the others counted. */
function usersInWords(interfaces: readonly NetworkInterface[]): string {
  const instances = [...new Set(interfaces.flatMap((n) => (n.instanceId ? [n.instanceId] : [])))];
  const managed = interfaces.filter((n) => !n.instanceId && n.serviceManaged).length;
  const other = interfaces.filter((n) => !n.instanceId && !n.serviceManaged).length;
  const parts = instances.slice(0, 2).map((id) => `instance ${id}`);
  if (instances.length > 2) parts.push(`${instances.length - 2} more instance${instances.length === 3 ? '' : 's'}`);
  // MaxCompute's link interfaces are service-managed, as are other cloud services' ones.
  if (managed > 0) parts.push(`${managed} service-managed network interface${managed === 1 ? '' : 's'}`);
  if (other > 0) parts.push(`${other} other network interface${other === 1 ? '' : 's'}`);
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)!}`;
}

/**
 * The link group's rows: a new basic group first (Enter takes it), then the VPC's basic groups no
 * network interface uses, then those some interface does (an ECS instance's primary interface,
 * another service's), marked with who uses them and refused if chosen — the link's group must
 * guard the link's interfaces alone (the form's rule), and the user sees why a group they
 * expected is not offered. `groups` are the VPC's basic groups that are not MaxCompute's.
 */
export function groupChoices(groups: readonly SecurityGroup[], interfaces: readonly NetworkInterface[]): GroupChoice[] {
  const users = interfacesByGroup(interfaces);
  const usable: GroupChoice[] = [];
  const inUse: GroupChoice[] = [];
  for (const g of groups) {
    const name = g.name || g.securityGroupId;
    const by = users.get(g.securityGroupId);
    if (by === undefined) {
      usable.push({
        label: name,
        description: `${g.securityGroupId} · basic`,
        value: { mode: 'existing', id: g.securityGroupId, words: g.name },
      });
      continue;
    }
    const who = usersInWords(by);
    inUse.push({
      label: `$(circle-slash) ${name}`,
      description: `${g.securityGroupId} · in use`,
      detail: `Used by ${who}`,
      value: { mode: 'existing', id: g.securityGroupId, words: g.name },
      refusal: `${name} guards ${who}: the link's group must guard the link's network interfaces alone. Choose a group no one uses, or a new one.`,
    });
  }
  return [
    { label: '$(add) A new basic security group', description: "created by Apply, open to the VPC's block", value: 'new' },
    ...usable,
    ...inUse,
  ];
}

/**
 * The path a spec is saved at: the editor and the Network view read specs from `*.mcvpc.yaml`
 * files only, so a name chosen without that ending gets it (`orders.yaml` → `orders.mcvpc.yaml`),
 * and an ending a save dialog doubled (it appends its filter's extension when it reads the
 * typed name's extension as `.yaml` alone) is taken once. `renamed` says whether the user
 * should be told.
 */
export function specSavePath(chosen: string): { path: string; renamed: boolean } {
  const doubled = /(\.mcvpc\.yaml)+$/i;
  if (doubled.test(chosen)) return { path: chosen.replace(doubled, '.mcvpc.yaml'), renamed: false };
  return { path: `${chosen.replace(/\.ya?ml$/i, '')}.mcvpc.yaml`, renamed: true };
}

/** A link of the same name already known in the region (declared in a spec, or seen in the cloud). */
export function linkNameWarning(name: string, regionId: string, links: readonly KnownLink[]): string | undefined {
  const same = links.find((l) => l.name === name && l.regionId === regionId);
  if (same === undefined) return undefined;
  return `A link named ${name} is already known in ${regionId} (${same.source}, VPC ${same.vpcId}): a second spec of that name describes the same link.`;
}

/** The name offered first: `<vpc name>_link` in MaxCompute's alphabet, numbered when a known link of the region has it. */
export function proposedLinkName(vpcName: string | undefined, regionId: string, links: readonly KnownLink[]): string {
  const base = `${(vpcName || 'vpc').replace(/[^A-Za-z0-9_]/g, '_')}_link`.replace(/^[^A-Za-z]+/, 'link_');
  let name = base;
  for (let n = 2; linkNameWarning(name, regionId, links) !== undefined; n++) name = `${base}_${n}`;
  return name;
}

/** The regions with network links, the profile's own region first (where the user most likely works). */
export function regionChoices(profileRegionId: string | undefined): Array<{ label: string; description: string; value: string }> {
  const rows = SUPPORTED_REGIONS.map((r) => ({
    label: r.regionId,
    description: r.regionId === profileRegionId ? `${r.name} · the profile's region` : r.name,
    value: r.regionId,
  }));
  return [...rows.filter((r) => r.value === profileRegionId), ...rows.filter((r) => r.value !== profileRegionId)];
}
