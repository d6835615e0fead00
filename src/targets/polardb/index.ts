/**
 * PolarDB clusters: an IP whitelist group (ModifyDBClusterAccessWhitelist WhiteListType=IP with
 * ModifyMode Append / Delete — atomic on the server, never Cover) or the link's security group
 * among the cluster's (WhiteListType=SecurityGroup replaces the whole set: read, merge, write,
 * read back).
 */
import { toPolarDbCluster, type PolarDbCluster } from '../../cloud/products/polardb';
import { splitList } from '../../cloud/reads';
import type { PlannedCall } from '../../core/plan';
import type { TargetKindModule } from '../kind';
import { managedServiceKind, type ManagedServiceLive, type ManagedServiceSpec } from '../common/managedService';
import type { ServiceAccessCalls } from '../common/serviceAccess';
import { definition } from './schema';

/** ModifyDBClusterAccessWhitelist (SecurityGroup): "You can specify up to three security groups." */
export const POLARDB_MAX_SECURITY_GROUPS = 3;

/** The port of a cluster's engine: the list carries none (MySQL 3306, PostgreSQL 5432, Oracle-compatible 1521). */
function polarDbPorts(engine: string): number[] {
  const lower = engine.toLowerCase();
  if (lower.includes('postgre')) return [5432];
  if (lower.includes('oracle')) return [1521];
  return [3306];
}

export type PolarDbTargetSpec = ManagedServiceSpec<'polardb', 'clusterId'>;

export type PolarDbLive = ManagedServiceLive<'polardb', PolarDbCluster>;

function calls(clusterId: string): ServiceAccessCalls {
  const modifyIps = (groupName: string, cidr: string, mode: 'Append' | 'Delete'): PlannedCall => ({
    product: 'polardb',
    action: 'ModifyDBClusterAccessWhitelist',
    params: { DBClusterId: clusterId, WhiteListType: 'IP', ModifyMode: mode, DBClusterIPArrayName: groupName, SecurityIps: cidr },
  });
  return {
    label: `PolarDB ${clusterId}`,
    whitelistAdd: (groupName, _group, cidr) => ({
      call: modifyIps(groupName, cidr, 'Append'),
      keeps: 'ModifyMode=Append: no existing entry is replaced or removed',
    }),
    whitelistRemove: (groupName, _group, entry) => modifyIps(groupName, entry, 'Delete'),
    groupsSet: (groupIds) => ({
      product: 'polardb',
      action: 'ModifyDBClusterAccessWhitelist',
      params: { DBClusterId: clusterId, WhiteListType: 'SecurityGroup', SecurityGroupIds: groupIds.join(',') },
    }),
  };
}

export const polardbKind: TargetKindModule<PolarDbTargetSpec, PolarDbLive, PolarDbCluster> = managedServiceKind({
  kind: 'polardb',
  noun: 'PolarDB cluster',
  idField: 'cluster',
  idProperty: 'clusterId',
  schema: { definition, kindWords: 'polardb (PolarDB cluster)', exampleId: 'pc-bp1abc2def3ghi4jk' },
  // MySQL-compatible clusters listen on 3306 (the list does not carry the port).
  defaultPorts: [3306],
  portsOf: (cluster: PolarDbCluster) => polarDbPorts(cluster.engine),

  async fetch(cloud, regionId, clusterId, options) {
    const list = await cloud.polardb.describeDBClusters({ RegionId: regionId, DBClusterIds: clusterId }, options);
    const wire = (list.Items?.DBCluster ?? []).find((c) => c.DBClusterId === clusterId);
    return wire === undefined ? undefined : toPolarDbCluster(wire, regionId);
  },
  reads: {
    // DescribeDBClusterAccessWhitelist answers with the IP groups and the security groups.
    async whitelistAndGroups(cloud, regionId, clusterId, options) {
      const r = await cloud.polardb.describeDBClusterAccessWhitelist({ RegionId: regionId, DBClusterId: clusterId }, options);
      return {
        whitelist: (r.Items?.DBClusterIPArray ?? []).map((a) => ({ name: a.DBClusterIPArrayName, ips: splitList(a.SecurityIps) })),
        securityGroupIds: (r.DBClusterSecurityGroups?.DBClusterSecurityGroup ?? []).map((g) => g.SecurityGroupId),
      };
    },
  },
  calls,
  writers(cloud, regionId, clusterId) {
    const modifyIps = async (groupName: string, cidr: string, mode: 'Append' | 'Delete'): Promise<void> => {
      await cloud.polardb.modifyDBClusterAccessWhitelist({
        RegionId: regionId,
        DBClusterId: clusterId,
        WhiteListType: 'IP',
        ModifyMode: mode,
        DBClusterIPArrayName: groupName,
        SecurityIps: cidr,
      });
    };
    return {
      addToWhitelist: (groupName, _current, cidr) => modifyIps(groupName, cidr, 'Append'),
      removeFromWhitelist: (groupName, _current, entry) => modifyIps(groupName, entry, 'Delete'),
      writeSecurityGroups: async (ids) =>
        void (await cloud.polardb.modifyDBClusterAccessWhitelist({
          RegionId: regionId,
          DBClusterId: clusterId,
          WhiteListType: 'SecurityGroup',
          SecurityGroupIds: ids.join(','),
        })),
    };
  },
  maxSecurityGroups: POLARDB_MAX_SECURITY_GROUPS,
  usage: { tables: 'JDBC foreign tables over PolarDB', foreignTable: 'rds' },
  /** [unverified] The console page of a cluster. */
  consoleUrl: 'https://polardb.console.aliyun.com/{regionId}/cluster/{id}/basic',

  listScope: 'region',
  // DescribeDBClusters cannot filter by VPC: one listing serves every VPC of the region.
  list: (cloud, _regionId, _vpcId, options) => cloud.fetchAll(cloud.lists.polardbClusters(), options),
  formPorts: () => [{ port: 3306, label: 'MySQL port' }],
  present: (cluster) => ({
    label: cluster.description || cluster.clusterId,
    kindText: `PolarDB ${cluster.engine} ${cluster.engineVersion}`.trim(),
    icon: 'database',
    facts: [`- Status: ${cluster.status}`, `- Zone: ${cluster.zoneId}`],
  }),
});
