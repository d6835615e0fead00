/** Whether a network link exists: MaxCompute has no API for links, so we look for what creating one leaves behind. */
import { maxComputeManagedGroupNames } from '../core/model';
import type { EngineCloud } from './engineCloud';
import { findGroups, readLinkInterfaces, type ReadOptions } from './liveReads';

/** True when service-managed ENIs carry the link group in the vSwitch and MaxCompute's return-traffic group is in the VPC. */
export async function detectNetworkLink(cloud: EngineCloud, regionId: string, vpcId: string, vSwitchId: string, linkGroupId: string, options: ReadOptions = {}): Promise<boolean> {
  const [returnGroupName] = maxComputeManagedGroupNames(vpcId);
  const [interfaces, returnGroups] = await Promise.all([
    readLinkInterfaces(cloud, regionId, vSwitchId, linkGroupId, options),
    findGroups(cloud, regionId, { VpcId: vpcId, SecurityGroupName: returnGroupName }, options),
  ]);
  return interfaces.length > 0 && returnGroups.length > 0;
}
