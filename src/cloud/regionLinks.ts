/**
 * The network links of a whole region, as the one detection predicate (core/linkDetection) sees
 * them: for callers that do not start from a VPC (`mcvpc lint --profile`). One pass over the
 * region — its security groups and network interfaces, every page, each asked for both with and
 * without ServiceManaged (whether service-managed ones are listed without the flag is not
 * documented) — then the predicate per VPC that holds MaxCompute's return-traffic group.
 */
import { detectLinks, type DetectedLink } from '../core/linkDetection';
import { maxComputeManagedGroupNames, type NetworkInterface, type NetworkLink, type SecurityGroup } from '../core/model';
import type { NetworkLinkApiState } from '../core/plan/liveState';
import type { Cloud } from './index';
import { toNetworkLink } from './products/maxcompute';
import { askedBothWays, linkApiRefusal, type LinkReadCloud, type ReadOptions } from './reads';

/** The session's region's detected links, sorted by VPC; rejects with the cloud's error when a listing fails. */
export async function detectRegionLinks(cloud: Pick<Cloud, 'lists' | 'fetchAll'>, options: ReadOptions = {}): Promise<DetectedLink[]> {
  const [groups, interfaces] = await Promise.all([
    askedBothWays(
      (flag) => cloud.fetchAll(cloud.lists.securityGroups(flag), options),
      (g: SecurityGroup) => g.securityGroupId,
    ),
    askedBothWays(
      (flag) => cloud.fetchAll(cloud.lists.networkInterfaces(flag), options),
      (n: NetworkInterface) => n.networkInterfaceId,
    ),
  ]);
  // Only a VPC holding MaxCompute-vpc-<vpcId> can have a link (the predicate checks it again).
  const candidates = new Set(groups.filter((g) => g.name === maxComputeManagedGroupNames(g.vpcId)[0]).map((g) => g.vpcId));
  return [...candidates].sort().flatMap((vpcId) => detectLinks(vpcId, interfaces, groups));
}

/**
 * The links MaxCompute lists in the session's region (ListNetworkLinks alone: name, type, status
 * and VPC are all a caller that checks names needs), or why the link API could not be asked
 * (denied, not offered in the region). Any other failure rejects with the cloud's error.
 */
export async function listRegionLinks(
  cloud: LinkReadCloud,
  regionId: string,
  options: ReadOptions = {},
): Promise<{ links: NetworkLink[] } | { refused: Exclude<NetworkLinkApiState, { state: 'ok' }> }> {
  try {
    const listed = (await cloud.maxcompute.listNetworkLinks({ regionId }, options)).data?.networkLinkInfoList ?? [];
    return { links: listed.map((wire) => toNetworkLink(wire, regionId)).sort((a, b) => a.name.localeCompare(b.name)) };
  } catch (err) {
    const refused = linkApiRefusal(err);
    if (refused === undefined || refused.state === 'ok') throw err;
    return { refused };
  }
}
