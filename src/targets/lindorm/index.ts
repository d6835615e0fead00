/**
 * Lindorm instances (the successor of ApsaraDB for HBase): an IP whitelist group only.
 * UpdateInstanceIpWhiteList sets a group's whole list, so grant and revoke read every group, write
 * the one group merged from that read, and read every group back (whitelistGuard.ts), inside
 * convergeList's read-back. Delete=true is never sent: it is documented as clearing the whitelist,
 * and which groups it clears is not (a group is left with 127.0.0.1, admitting no one, instead).
 * Lindorm V2 instances are not supported yet (LINDORM_V2_NOTE).
 */
import { CloudError } from '../../cloud/errors';
import { toLindormInstance, type LindormInstance } from '../../cloud/products/lindorm';
import { isNotFound, splitList, type ReadOptions } from '../../cloud/reads';
import type { PlannedCall, WhitelistGroup } from '../../core/plan';
import type { TargetCloud, TargetKindModule } from '../kind';
import { managedServiceKind, type ManagedServiceLive, type ManagedServiceSpec } from '../common/managedService';
import type { ServiceAccessCalls } from '../common/serviceAccess';
import { definition } from './schema';
import { changedList, guardedWhitelistWrite, LINDORM_NO_ACCESS_ENTRY } from './whitelistGuard';

/**
 * Lindorm's newer (V2) instances have their own APIs (GetLindormV2InstanceList,
 * UpdateLindormV2WhiteIpList…; hitsdb ChangeLog 2025-09, 2025-12) whose parameters and whitelist
 * semantics are not verified here, so they are not supported yet — and never written with the V1
 * call above, which does not know them (GetLindormInstance answers Instance.IsNotValid).
 */
export const LINDORM_V2_NOTE =
  "If it is a Lindorm V2 instance (the newer generation, with its own whitelist API UpdateLindormV2WhiteIpList), mcvpc does not support it yet: that API is not verified here, and the V1 whitelist call must not be used on it. Add the link vSwitch's CIDR block to its whitelist in the Lindorm console.";

/**
 * Lindorm answers a missing instance with 400 Instance.IsNotValid or Instance.IsDeleted (documented
 * codes), not with a NotFound code: both mean "not there" for this kind.
 */
function isMissing(err: unknown): boolean {
  return isNotFound(err) || (err instanceof CloudError && ['Instance.IsNotValid', 'Instance.IsDeleted'].includes(err.code));
}

/** Every whitelist group of the instance. */
async function readWhitelist(cloud: TargetCloud, regionId: string, instanceId: string, options: ReadOptions): Promise<WhitelistGroup[]> {
  const r = await cloud.lindorm.getInstanceIpWhiteList({ RegionId: regionId, InstanceId: instanceId }, options);
  return (r.GroupList ?? []).map((g) => ({ name: g.GroupName, ips: splitList(g.SecurityIpList) }));
}

export type LindormTargetSpec = ManagedServiceSpec<'lindorm', 'instanceId'>;

export type LindormLive = ManagedServiceLive<'lindorm', LindormInstance>;

/** The calls the plan shows (exported for the decision's test). */
export function lindormCalls(instanceId: string): ServiceAccessCalls {
  const write = (groupName: string, ips: string[]): PlannedCall => ({
    product: 'hitsdb',
    action: 'UpdateInstanceIpWhiteList',
    params: { InstanceId: instanceId, GroupName: groupName, SecurityIpList: ips.join(',') },
  });
  return {
    label: `Lindorm ${instanceId}`,
    whitelistAdd: (groupName, group, cidr) => ({
      call: write(groupName, changedList(group?.ips ?? [], { add: cidr })),
      keeps: 'every group is re-read right before writing this one, and read back after: a change to any other entry stops apply',
    }),
    whitelistRemove: (groupName, group, entry) => write(groupName, changedList(group.ips, { remove: entry })),
    lastEntryNote: `Lindorm has no call that removes one group (Delete=true is documented as clearing the whitelist): the group is set to ${LINDORM_NO_ACCESS_ENTRY}, which admits no one, and stays`,
  };
}

export const lindormKind: TargetKindModule<LindormTargetSpec, LindormLive, LindormInstance> = managedServiceKind({
  kind: 'lindorm',
  noun: 'Lindorm instance',
  idField: 'instance',
  idProperty: 'instanceId',
  schema: { definition, kindWords: 'lindorm (Lindorm instance)', exampleId: 'ld-bp1abc2def3ghi4jk' },
  // [unverified] LindormTable's HBase-compatible endpoint (ZooKeeper 30020) and its MySQL protocol (33060).
  defaultPorts: [30020, 33060],

  async fetch(cloud, regionId, instanceId, options) {
    try {
      return toLindormInstance(await cloud.lindorm.getLindormInstance({ RegionId: regionId, InstanceId: instanceId }, options), regionId);
    } catch (err) {
      if (isMissing(err)) return undefined;
      throw err;
    }
  },
  // Whitelist only: no security groups to read, bind or offer in the form.
  reads: { whitelist: readWhitelist },
  calls: lindormCalls,
  writers(cloud, regionId, instanceId) {
    const write = async (groupName: string, ips: string[]): Promise<void> => {
      await cloud.lindorm.updateInstanceIpWhiteList({
        RegionId: regionId,
        InstanceId: instanceId,
        GroupName: groupName,
        SecurityIpList: ips.join(','),
      });
    };
    const readAll = () => readWhitelist(cloud, regionId, instanceId, {});
    const label = `Lindorm instance ${instanceId}`;
    return {
      // The one group's whole list, merged from a read of every group right before; every group read back after.
      addToWhitelist: (groupName, _current, cidr) => guardedWhitelistWrite(label, readAll, groupName, { add: cidr }, write),
      removeFromWhitelist: (groupName, _current, entry) => guardedWhitelistWrite(label, readAll, groupName, { remove: entry }, write),
    };
  },
  notFoundNote: LINDORM_V2_NOTE,
  usage: { tables: 'HBase foreign tables over Lindorm', foreignTable: 'lindorm' },
  /** [unverified] The console page of an instance. */
  consoleUrl: 'https://lindorm.console.aliyun.com/{regionId}/instance/{id}/overview',

  listScope: 'region',
  list: (cloud, _regionId, _vpcId, options) => cloud.fetchAll(cloud.lists.lindormInstances(), options),
  // [unverified] ports: see defaultPorts.
  formPorts: () => [
    { port: 30020, label: 'LindormTable (HBase API)' },
    { port: 33060, label: 'LindormTable (MySQL protocol)' },
  ],
  present: (instance) => ({
    label: instance.name || instance.instanceId,
    kindText: 'Lindorm',
    icon: 'table',
    facts: [`- Status: ${instance.status}`, `- Zone: ${instance.zoneId}`],
  }),
});
