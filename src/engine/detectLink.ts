/** Whether a network link exists, through core's one detection predicate. */
import { findDetectedLink, type DetectedLink } from '../core/linkDetection';
import type { EngineCloud } from './engineCloud';
import { findGroups, readLinkInterfaces, readManagedGroups, type ReadOptions } from './liveReads';

/** The link's traces (its interfaces among them) when service-managed ENIs carry the link group in the vSwitch and MaxCompute's return-traffic group is in the VPC. */
export async function readDetectedLink(
  cloud: EngineCloud,
  regionId: string,
  vpcId: string,
  vSwitchId: string,
  linkGroupId: string,
  options: ReadOptions = {},
): Promise<DetectedLink | undefined> {
  const [interfaces, managed, linkGroups] = await Promise.all([
    readLinkInterfaces(cloud, regionId, vSwitchId, linkGroupId, options),
    readManagedGroups(cloud, regionId, vpcId, options),
    findGroups(cloud, regionId, { SecurityGroupId: linkGroupId }, options),
  ]);
  return findDetectedLink(vpcId, vSwitchId, linkGroupId, interfaces, [...managed, ...linkGroups]);
}

/** True when readDetectedLink finds the link's traces. */
export async function detectNetworkLink(
  cloud: EngineCloud,
  regionId: string,
  vpcId: string,
  vSwitchId: string,
  linkGroupId: string,
  options: ReadOptions = {},
): Promise<boolean> {
  return (await readDetectedLink(cloud, regionId, vpcId, vSwitchId, linkGroupId, options)) !== undefined;
}
