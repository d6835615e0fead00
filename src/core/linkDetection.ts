/**
 * The one predicate for "do a link's traces exist": a link is recognised by what creating it
 * leaves behind (what MaxCompute's ListNetworkLinks says is checked against this, and this is
 * all there is when the link API cannot be used) — service-managed network interfaces
 * in a vSwitch carrying a (non-MaxCompute) security group, in a VPC that holds MaxCompute's
 * return-traffic group `MaxCompute-vpc-<vpcId>`. The tree, the planner and the executor all ask
 * this file.
 */
import { isMaxComputeManagedGroupName, maxComputeManagedGroupNames, type NetworkInterface, type SecurityGroup } from './model';

/** Service-managed ENIs sharing a vSwitch and a security group: what one link leaves behind. */
export interface DetectedLink {
  vpcId: string;
  vSwitchId: string;
  securityGroupId: string;
  networkInterfaces: NetworkInterface[];
}

/** The links of a VPC as far as its interfaces and groups show them. */
export function detectLinks(vpcId: string, interfaces: readonly NetworkInterface[], groups: readonly SecurityGroup[]): DetectedLink[] {
  const [returnGroupName] = maxComputeManagedGroupNames(vpcId);
  // Other cloud services (RDS, NAS…) also create service-managed ENIs: without MaxCompute's
  // return-traffic group in the VPC, none of them can be a network link's.
  if (!groups.some((g) => g.vpcId === vpcId && g.name === returnGroupName)) return [];
  const managedIds = new Set(groups.filter((g) => isMaxComputeManagedGroupName(g.name)).map((g) => g.securityGroupId));
  const byPlace = new Map<string, DetectedLink>();
  for (const eni of interfaces) {
    if (!eni.serviceManaged || eni.vpcId !== vpcId) continue;
    const securityGroupId = eni.securityGroupIds.find((id) => !managedIds.has(id));
    if (securityGroupId === undefined) continue;
    const key = `${eni.vSwitchId}/${securityGroupId}`;
    const found = byPlace.get(key) ?? { vpcId, vSwitchId: eni.vSwitchId, securityGroupId, networkInterfaces: [] };
    found.networkInterfaces.push(eni);
    byPlace.set(key, found);
  }
  return [...byPlace.values()].sort((a, b) => a.vSwitchId.localeCompare(b.vSwitchId) || a.securityGroupId.localeCompare(b.securityGroupId));
}

/** The link with this vSwitch and group, if the interfaces and groups show one. */
export function findDetectedLink(
  vpcId: string,
  vSwitchId: string,
  securityGroupId: string,
  interfaces: readonly NetworkInterface[],
  groups: readonly SecurityGroup[],
): DetectedLink | undefined {
  return detectLinks(vpcId, interfaces, groups).find((d) => d.vSwitchId === vSwitchId && d.securityGroupId === securityGroupId);
}
