/**
 * Lindorm instances (the successor of ApsaraDB for HBase): an IP whitelist group only.
 * UpdateInstanceIpWhiteList sets a group's whole list, so grant and revoke read the group, merge,
 * write and read back (shared/convergeList), keeping every other entry.
 */
import { CloudError } from '../../cloud/errors';
import { toLindormInstance } from '../../cloud/mappers';
import { isNotFound, splitList } from '../../cloud/reads';
import type { LindormInstance } from '../../core/model';
import type { PlannedCall } from '../../core/plan';
import type { TargetKindModule } from '../kind';
import { managedServiceKind, type ManagedServiceLive, type ManagedServiceSpec } from '../common/managedService';
import type { ServiceAccessCalls } from '../common/serviceAccess';
import { definition } from './schema';

/**
 * Lindorm answers a missing instance with 400 Instance.IsNotValid or Instance.IsDeleted (documented
 * codes), not with a NotFound code: both mean "not there" for this kind.
 */
function isMissing(err: unknown): boolean {
  return isNotFound(err) || (err instanceof CloudError && ['Instance.IsNotValid', 'Instance.IsDeleted'].includes(err.code));
}

export type LindormTargetSpec = ManagedServiceSpec<'lindorm', 'instanceId'>;

export type LindormLive = ManagedServiceLive<'lindorm', LindormInstance>;

function calls(instanceId: string): ServiceAccessCalls {
  const write = (groupName: string, ips: string[]): PlannedCall => ({ product: 'hitsdb', action: 'UpdateInstanceIpWhiteList', params: { InstanceId: instanceId, GroupName: groupName, SecurityIpList: ips.join(',') } });
  return {
    label: `Lindorm ${instanceId}`,
    whitelistAdd: (groupName, group, cidr) => ({ call: write(groupName, [...(group?.ips ?? []), cidr]), keeps: 'the list is re-read and merged right before writing, and read back after' }),
    whitelistRemove: (groupName, group, entry) => {
      const kept = group.ips.filter((ip) => ip !== entry);
      // An empty list is refused (SecurityIpList is required): a group left empty is deleted instead.
      return kept.length > 0 ? write(groupName, kept) : { ...write(groupName, [entry]), params: { InstanceId: instanceId, GroupName: groupName, SecurityIpList: entry, Delete: true } };
    },
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
  reads: {
    async whitelist(cloud, regionId, instanceId, options) {
      const r = await cloud.lindorm.getInstanceIpWhiteList({ RegionId: regionId, InstanceId: instanceId }, options);
      return (r.GroupList ?? []).map((g) => ({ name: g.GroupName, ips: splitList(g.SecurityIpList) }));
    },
  },
  calls,
  writers(cloud, regionId, instanceId) {
    const write = async (groupName: string, ips: string[]): Promise<void> => {
      await cloud.lindorm.updateInstanceIpWhiteList({ RegionId: regionId, InstanceId: instanceId, GroupName: groupName, SecurityIpList: ips.join(',') });
    };
    return {
      // The group's whole list: `current` was read right before, and convergeList reads back.
      addToWhitelist: (groupName, current, cidr) => write(groupName, [...(current?.ips ?? []), cidr]),
      removeFromWhitelist: async (groupName, current, entry) => {
        const kept = current.ips.filter((ip) => ip !== entry);
        if (kept.length > 0) return write(groupName, kept);
        // Only our entry was left: the group goes (an empty SecurityIpList is refused).
        await cloud.lindorm.updateInstanceIpWhiteList({ RegionId: regionId, InstanceId: instanceId, GroupName: groupName, SecurityIpList: entry, Delete: true });
      },
    };
  },
  usage: { tables: 'HBase foreign tables over Lindorm', foreignTable: 'lindorm' },
  /** [unverified] The console page of an instance. */
  consoleUrl: 'https://lindorm.console.aliyun.com/{regionId}/instance/{id}/overview',

  listScope: 'region',
  list: (cloud, _regionId, _vpcId, options) => cloud.fetchAll(cloud.lists.lindormInstances(), options),
  // [unverified] ports: see defaultPorts.
  formPorts: () => [{ port: 30020, label: 'LindormTable (HBase API)' }, { port: 33060, label: 'LindormTable (MySQL protocol)' }],
  present: (instance) => ({
    label: instance.name || instance.instanceId,
    kindText: 'Lindorm',
    icon: 'table',
    facts: [`- Status: ${instance.status}`, `- Zone: ${instance.zoneId}`],
  }),
});
