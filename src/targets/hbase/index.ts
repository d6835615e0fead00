/**
 * ApsaraDB for HBase clusters: an IP whitelist group (ModifyIpWhitelist replaces the group's whole
 * list, so it is read, merged, written and read back) or the link's security group bound to the
 * cluster (ModifySecurityGroups, also a whole list).
 */
import { toHBaseCluster, type HBaseCluster } from '../../cloud/products/hbase';
import type { WhitelistGroup } from '../../core/plan';
import type { TargetKindModule } from '../kind';
import { managedServiceKind, type ManagedServiceLive, type ManagedServiceSpec } from '../common/managedService';
import type { ServiceAccessCalls } from '../common/serviceAccess';
import { definition } from './schema';

export type HBaseTargetSpec = ManagedServiceSpec<'hbase', 'clusterId'>;

export type HBaseLive = ManagedServiceLive<'hbase', HBaseCluster>;

/**
 * A group's entries from DescribeIpWhitelist's `IpList` in any shape Alibaba shows: `{Ip: [...]}`
 * (SDK model), `{IP: [...]}` (public sample), a flat `[...]` (newer doc sample); undefined otherwise.
 */
export function whitelistEntries(ipList: unknown): string[] | undefined {
  if (ipList === undefined) return [];
  const shaped = ipList as { Ip?: unknown; IP?: unknown };
  const ips: unknown = Array.isArray(ipList) ? ipList : Array.isArray(shaped.Ip) ? shaped.Ip : shaped.IP;
  return Array.isArray(ips) && ips.every((ip) => typeof ip === 'string') ? (ips as string[]) : undefined;
}

/** A whitelist the answer did not let us read: never written back (it would lose its entries). */
class UnreadableWhitelist extends Error {
  override readonly name = 'UnreadableWhitelist';
}

function calls(clusterId: string): ServiceAccessCalls {
  const write = (groupName: string, group: WhitelistGroup | undefined, ips: string[]) => ({
    product: 'HBase',
    action: 'ModifyIpWhitelist',
    params: { ClusterId: clusterId, GroupName: groupName, IpVersion: String(group?.ipVersion ?? 4), IpList: ips.join(',') },
  });
  return {
    label: `HBase ${clusterId}`,
    whitelistAdd: (groupName, group, cidr) => ({
      call: write(groupName, group, [...(group?.ips ?? []), cidr]),
      keeps: 'the list is re-read and merged right before writing, and read back after',
    }),
    whitelistRemove: (groupName, group, entry) =>
      write(
        groupName,
        group,
        group.ips.filter((ip) => ip !== entry),
      ),
    groupsSet: (groupIds) => ({
      product: 'HBase',
      action: 'ModifySecurityGroups',
      params: { ClusterId: clusterId, SecurityGroupIds: groupIds.join(',') },
    }),
  };
}

const HBASE_PORTS = [
  { port: 2181, label: 'ZooKeeper' },
  { port: 16000, label: 'HMaster' },
  { port: 16020, label: 'RegionServer' },
];

export const hbaseKind: TargetKindModule<HBaseTargetSpec, HBaseLive, HBaseCluster> = managedServiceKind({
  kind: 'hbase',
  noun: 'HBase cluster',
  idField: 'cluster',
  idProperty: 'clusterId',
  schema: { definition, kindWords: 'hbase (ApsaraDB for HBase cluster)', exampleId: 'hb-bp1abc2def3ghi4jkl5' },
  // ZooKeeper, HMaster, RegionServer.
  defaultPorts: HBASE_PORTS.map((p) => p.port),

  async fetch(cloud, regionId, clusterId, options) {
    const list = await cloud.hbase.describeInstances({ RegionId: regionId, ClusterId: clusterId }, options);
    const wire = (list.Instances?.Instance ?? []).find((i) => i.ClusterId === clusterId);
    return wire === undefined ? undefined : toHBaseCluster(wire, regionId);
  },
  reads: {
    /**
     * The groups of DescribeIpWhitelist. The SDK models read `IpList.Ip[]`; Alibaba's public sample
     * shows `IpList.IP[]`, and the newer doc sample a flat `IpList: [...]`: all three are read, and
     * a group whose list is there in none of these shapes refuses.
     */
    async whitelist(cloud, regionId, clusterId, options) {
      const r = await cloud.hbase.describeIpWhitelist({ RegionId: regionId, ClusterId: clusterId }, options);
      return (r.Groups?.Group ?? []).map((g) => {
        const ips = whitelistEntries(g.IpList);
        if (ips === undefined) {
          throw new UnreadableWhitelist(
            `The whitelist group ${g.GroupName} of HBase cluster ${clusterId} came back in a shape this version cannot read (IpList neither a list nor holding Ip or IP); nothing was written.`,
          );
        }
        return { name: g.GroupName, ips, ipVersion: Number(g.IpVersion ?? 4) };
      });
    },
    async securityGroups(cloud, regionId, clusterId, options) {
      const r = await cloud.hbase.describeSecurityGroups({ RegionId: regionId, ClusterId: clusterId }, options);
      return r.SecurityGroupIds?.SecurityGroupId ?? [];
    },
  },
  calls,
  writers(cloud, regionId, clusterId) {
    const writeList = async (groupName: string, current: WhitelistGroup | undefined, ips: string[]): Promise<void> => {
      await cloud.hbase.modifyIpWhitelist({
        RegionId: regionId,
        ClusterId: clusterId,
        GroupName: groupName,
        IpVersion: String(current?.ipVersion ?? 4),
        IpList: ips.join(','),
      });
    };
    return {
      // ModifyIpWhitelist replaces the list: `current` was read right before, and convergeList reads back.
      addToWhitelist: (groupName, current, cidr) => writeList(groupName, current, [...(current?.ips ?? []), cidr]),
      // [unverified] An empty IpList (the link's entry was the last) leaves the group empty: the reference does not say; the emulator allows it.
      removeFromWhitelist: (groupName, current, entry) =>
        writeList(
          groupName,
          current,
          current.ips.filter((ip) => ip !== entry),
        ),
      writeSecurityGroups: async (ids) =>
        void (await cloud.hbase.modifySecurityGroups({ RegionId: regionId, ClusterId: clusterId, SecurityGroupIds: ids.join(',') })),
    };
  },
  usage: { tables: 'HBase foreign tables over', foreignTable: 'hbase' },
  /** [unverified] The console page of a cluster. */
  consoleUrl: 'https://hbase.console.aliyun.com/hbase/{regionId}/cluster/{id}/overview',

  listScope: 'region',
  list: (cloud, _regionId, _vpcId, options) => cloud.fetchAll(cloud.lists.hbaseClusters(), options),
  // ZooKeeper, HMaster, RegionServer: what the whitelist or group must let through.
  formPorts: () => HBASE_PORTS,
  present: (cluster) => ({
    label: cluster.name || cluster.clusterId,
    kindText: 'HBase',
    icon: 'table',
    facts: [`- Status: ${cluster.status}`],
  }),
});
