/**
 * Every ECS instance has a primary elastic network interface: DescribeNetworkInterfaces lists it
 * with `Type: Primary`, the instance's `InstanceId`, `Status: InUse`, the instance's vSwitch, zone,
 * primary private address and security groups, `ServiceManaged: false` (verified against the ECS
 * 2014-05-26 SDK models; what stays open is PRIMARY_ENI_UNVERIFIED below).
 *
 * The instance record is the one truth for its network placement and groups; its primary
 * interface is a NetworkInterfaceRecord derived from it, so every reader of interfaces (filters,
 * paging, DeleteSecurityGroup's "still in use", a link's address allocation) sees it without a
 * special case. `syncPrimaryInterfaces` is the one place that keeps the two in step: it runs
 * wherever instances enter the state (the seeds, a state file being loaded — which is also the
 * migration of files written before primary interfaces existed). An action that adds, removes or
 * regroups instances must call it too; none does yet (the emulator has no RunInstances,
 * ModifyInstanceAttribute or DeleteInstance).
 */
import { macAddressFor, seededResourceId } from '../ids';
import type { AccountState } from '../state';
import type { EcsInstanceRecord, NetworkInterfaceRecord } from './ecsRecords';

/**
 * ECS primary network interfaces (DescribeNetworkInterfaces) where the SDK models and API doc
 * leave the answer open. Each entry is [unverified].
 */
export const PRIMARY_ENI_UNVERIFIED = {
  /** Attachment's fields (DeviceIndex, InstanceId, TrunkNetworkInterfaceId) are "in invitational preview and not publicly available"; NetworkCardIndex is empty unless one was given at attach time. We send `{}` for every ENI. */
  attachment: 'empty-object',
  /** A primary ENI's DeleteOnRelease is true: it cannot be detached and goes with its instance. */
  deleteOnRelease: true,
  /** A SecurityGroupId filter leaves primary ENIs out entirely (the doc: the parameter is "the security group to which the secondary ENI belongs"; for primary ENIs "call DescribeInstances"), rather than being refused or ignored. */
  groupFilterSecondaryOnly: true,
  /** A primary ENI's Status is InUse while its instance exists, whatever the instance's own Status (Stopped included). */
  statusWhileInstanceExists: 'InUse',
  /** A primary ENI's NetworkInterfaceName and Description are empty (the console names none). */
  emptyNameAndDescription: true,
} as const;

/** The primary interface's id: derived from the instance id, so seeds and reloads agree. */
export function primaryInterfaceId(instance: Pick<EcsInstanceRecord, 'instanceId' | 'regionId'>): string {
  return seededResourceId('eni', instance.regionId, `${instance.instanceId}/primary`);
}

/** The instance's primary interface as the instance record says it is today. */
export function primaryInterfaceOf(instance: EcsInstanceRecord): NetworkInterfaceRecord {
  const networkInterfaceId = primaryInterfaceId(instance);
  return {
    networkInterfaceId,
    regionId: instance.regionId,
    vpcId: instance.vpcId,
    vSwitchId: instance.vSwitchId,
    zoneId: instance.zoneId,
    name: '',
    description: '',
    privateIpAddress: instance.privateIpAddresses[0] ?? '',
    macAddress: macAddressFor(networkInterfaceId),
    securityGroupIds: [...instance.securityGroupIds],
    serviceManaged: false,
    serviceId: '',
    type: 'Primary',
    // Attached for the instance's whole life, stopped or running (the SDK model's InUse: "attached to an instance").
    status: PRIMARY_ENI_UNVERIFIED.statusWhileInstanceExists,
    creationTime: instance.creationTime,
    visibleAt: 0,
    instanceId: instance.instanceId,
  };
}

/**
 * Makes the account's primary interfaces match its instances: one per instance, with the
 * instance's vSwitch, address and groups; none for an instance that is gone. Other interfaces
 * (MaxCompute's) are left as they are. Returns the account.
 */
export function syncPrimaryInterfaces(account: AccountState): AccountState {
  const instances = account.ecsInstances;
  const primaries = new Map(instances.map((i) => [i.instanceId, primaryInterfaceOf(i)]));
  const others = account.networkInterfaces.filter((e) => !(e.type === 'Primary' && e.instanceId !== undefined && e.instanceId !== ''));
  account.networkInterfaces = [...others, ...primaries.values()];
  return account;
}
