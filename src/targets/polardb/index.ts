/**
 * PolarDB clusters: an IP whitelist group (ModifyDBClusterAccessWhitelist WhiteListType=IP with
 * ModifyMode Append / Delete — atomic on the server, never Cover) or the link's security group
 * among the cluster's (WhiteListType=SecurityGroup replaces the whole set: read, merge, write,
 * read back).
 */
import type { Cloud } from '../../cloud';
import { toPolarDbCluster } from '../../cloud/mappers';
import { splitList, type ReadOptions } from '../../cloud/reads';
import type { PolarDbCluster } from '../../core/model';
import { otherVpcCheck, targetError, type PlannedCall } from '../../core/plan';
import type { SourceRange, TargetAccess, TargetSpec } from '../../core/specModel';
import type { TargetCloud, TargetKindModule } from '../kind';
import { fillConsoleUrl } from '../common/consoleUrl';
import { applyServiceAccess } from '../common/serviceApply';
import { planServiceGrant, planServiceRevoke, serviceAccessFacts, serviceLinkAccess, type ServiceAccessCalls, type ServiceAccessLive } from '../common/serviceAccess';
import { accessOf, accessProblems, accessRanges, SERVICE_FORM_ACCESS, serviceFormItem, stringField } from '../common/serviceSpec';
import { definition } from './schema';
import { placementHop, serviceAccessHop } from '../common/reachability';

/** ModifyDBClusterAccessWhitelist (SecurityGroup): "You can specify up to three security groups." */
export const POLARDB_MAX_SECURITY_GROUPS = 3;

/** [unverified] The console page of a cluster. */
const CONSOLE_URL = 'https://polardb.console.aliyun.com/{regionId}/cluster/{id}/basic';

/** The port of a cluster's engine: the list carries none (MySQL 3306, PostgreSQL 5432, Oracle-compatible 1521). */
function polarDbPorts(engine: string): number[] {
  const lower = engine.toLowerCase();
  if (lower.includes('postgre')) return [5432];
  if (lower.includes('oracle')) return [1521];
  return [3306];
}

export interface PolarDbTargetSpec extends TargetSpec {
  kind: 'polardb';
  clusterId: string;
  access: TargetAccess;
  ranges: TargetSpec['ranges'] & { clusterId: SourceRange; access: SourceRange; whitelistGroup: SourceRange };
}

export interface PolarDbLive extends ServiceAccessLive<PolarDbCluster> {
  kind: 'polardb';
}

async function readAccess(cloud: TargetCloud, regionId: string, cluster: PolarDbCluster, options: ReadOptions): Promise<PolarDbLive> {
  const r = await cloud.polardb.describeDBClusterAccessWhitelist({ RegionId: regionId, DBClusterId: cluster.clusterId }, options);
  return {
    kind: 'polardb',
    resource: cluster,
    whitelist: (r.Items?.DBClusterIPArray ?? []).map((a) => ({ name: a.DBClusterIPArrayName, ips: splitList(a.SecurityIps) })),
    securityGroupIds: (r.DBClusterSecurityGroups?.DBClusterSecurityGroup ?? []).map((g) => g.SecurityGroupId),
  };
}

function calls(clusterId: string): ServiceAccessCalls {
  const modifyIps = (groupName: string, cidr: string, mode: 'Append' | 'Delete'): PlannedCall => ({
    product: 'polardb',
    action: 'ModifyDBClusterAccessWhitelist',
    params: { DBClusterId: clusterId, WhiteListType: 'IP', ModifyMode: mode, DBClusterIPArrayName: groupName, SecurityIps: cidr },
  });
  return {
    label: `PolarDB ${clusterId}`,
    whitelistAdd: (groupName, _group, cidr) => ({ call: modifyIps(groupName, cidr, 'Append'), keeps: 'ModifyMode=Append: no existing entry is replaced or removed' }),
    whitelistRemove: (groupName, _group, entry) => modifyIps(groupName, entry, 'Delete'),
    groupsSet: (groupIds) => ({ product: 'polardb', action: 'ModifyDBClusterAccessWhitelist', params: { DBClusterId: clusterId, WhiteListType: 'SecurityGroup', SecurityGroupIds: groupIds.join(',') } }),
  };
}

export const polardbKind: TargetKindModule<PolarDbTargetSpec, PolarDbLive, PolarDbCluster> = {
  kind: 'polardb',
  noun: 'PolarDB cluster',
  schema: { definition, kindWords: 'polardb (PolarDB cluster)', example: { kind: 'polardb', cluster: 'pc-bp1abc2def3ghi4jk' } },
  // MySQL-compatible clusters listen on 3306 (the list does not carry the port).
  defaultPorts: [3306],

  buildSpec(fields, common) {
    return { ...common, kind: 'polardb', clusterId: stringField(fields, 'cluster'), access: accessOf(fields), ranges: { ...common.ranges, clusterId: fields.range('cluster'), ...accessRanges(fields) } };
  },
  derivedLabel: (data) => `polardb ${String(data.cluster ?? '')}`,
  specProblems: (target, fields) => accessProblems(target.access, target.ranges.whitelistGroup, fields),
  identity: (target) => ({ words: `PolarDB cluster ${target.clusterId}`, range: target.ranges.clusterId }),
  targetPorts: () => [],
  resourceIdOf: (target) => target.clusterId,

  async readLive(cloud, regionId, target, _reads, options) {
    const list = await cloud.polardb.describeDBClusters({ RegionId: regionId, DBClusterIds: target.clusterId }, options);
    const wire = (list.Items?.DBCluster ?? []).find((c) => c.DBClusterId === target.clusterId);
    if (wire === undefined) return { kind: 'polardb', whitelist: [], securityGroupIds: [] };
    return readAccess(cloud, regionId, toPolarDbCluster(wire, regionId), options);
  },

  liveChecks(target, live, ctx) {
    if (live.resource === undefined) return [targetError('target-not-found', target, `PolarDB cluster ${target.clusterId} was not found in ${ctx.spec.regionId}.`, target.ranges.clusterId)];
    const checks = otherVpcCheck(target, `PolarDB cluster ${target.clusterId}`, live.resource.vpcId, ctx, target.ranges.clusterId);
    const bound = ctx.linkGroupId !== undefined && live.securityGroupIds.includes(ctx.linkGroupId);
    if (target.access.mode === 'securityGroup' && !bound && live.securityGroupIds.length >= POLARDB_MAX_SECURITY_GROUPS) {
      checks.push(targetError('too-many-security-groups', target, `PolarDB cluster ${target.clusterId} already has ${live.securityGroupIds.length} security groups (${live.securityGroupIds.join(', ')}), the most it accepts is ${POLARDB_MAX_SECURITY_GROUPS}; use access: whitelist, or remove one.`, target.ranges.access));
    }
    return checks;
  },
  planGrant: (target, live, ctx) => planServiceGrant(target, live, ctx, calls(target.clusterId)),
  planRevoke: (target, live, ctx) => planServiceRevoke(target, live, ctx, calls(target.clusterId)),
  modifiedGroups: () => [],

  apply(target, change, ctx) {
    const { cloud, regionId } = ctx;
    const clusterId = target.clusterId;
    const options = { signal: ctx.signal };
    const read = async (): Promise<PolarDbLive> => {
      const list = await cloud.polardb.describeDBClusters({ RegionId: regionId, DBClusterIds: clusterId }, options);
      const wire = (list.Items?.DBCluster ?? []).find((c) => c.DBClusterId === clusterId);
      if (wire === undefined) return { kind: 'polardb', whitelist: [], securityGroupIds: [] };
      return readAccess(cloud, regionId, toPolarDbCluster(wire, regionId), options);
    };
    const modifyIps = async (groupName: string, cidr: string, mode: 'Append' | 'Delete'): Promise<void> => {
      await cloud.polardb.modifyDBClusterAccessWhitelist({ RegionId: regionId, DBClusterId: clusterId, WhiteListType: 'IP', ModifyMode: mode, DBClusterIPArrayName: groupName, SecurityIps: cidr });
    };
    return applyServiceAccess(target.access, change, {
      label: `PolarDB cluster ${clusterId}`,
      readWhitelist: async () => (await read()).whitelist,
      addToWhitelist: (groupName, _current, cidr) => modifyIps(groupName, cidr, 'Append'),
      removeFromWhitelist: (groupName, _current, entry) => modifyIps(groupName, entry, 'Delete'),
      readSecurityGroups: async () => (await read()).securityGroupIds,
      writeSecurityGroups: async (ids) => void (await cloud.polardb.modifyDBClusterAccessWhitelist({ RegionId: regionId, DBClusterId: clusterId, WhiteListType: 'SecurityGroup', SecurityGroupIds: ids.join(',') })),
      maxSecurityGroups: POLARDB_MAX_SECURITY_GROUPS,
    }, ctx);
  },

  usageHints: (target, link) => [`-- ${target.label}: JDBC foreign tables over PolarDB ${target.clusterId} add 'networklink'='${link.networkLinkName}' to TBLPROPERTIES`],
  reachability: (target, live, link) => {
    const words = `PolarDB cluster ${target.clusterId}`;
    const placement = placementHop(words, live.resource !== undefined, live.resource?.vpcId, link);
    if (placement.verdict === 'fail' || live.resource === undefined) return { ports: [], addresses: [], hops: [placement] };
    return { ports: polarDbPorts(live.resource.engine), addresses: [], hops: [placement, serviceAccessHop(target, live, link, words)] };
  },

  service: {
    listScope: 'region',
    // DescribeDBClusters cannot filter by VPC: one listing serves every VPC of the region.
    list: (cloud: Cloud, _regionId, _vpcId, options) => cloud.fetchAll(cloud.lists.polardbClusters(), options),
    readAccess: (cloud, regionId, cluster, _reads, options) => readAccess(cloud, regionId, cluster, options),
    linkAccess: (live, source) => serviceLinkAccess(live, source, 'cluster'),
    accessFacts: serviceAccessFacts,
    formOffer: () => ({ ports: [{ port: 3306, label: 'MySQL port', checked: true, fixed: true }], access: SERVICE_FORM_ACCESS }),
    formItem: (cluster, choice) => serviceFormItem('polardb', 'cluster', cluster.clusterId, choice.access),
    idOf: (cluster) => cluster.clusterId,
    matches: (target, cluster) => target.clusterId === cluster.clusterId,
    present: (cluster) => ({
      id: cluster.clusterId,
      label: cluster.description || cluster.clusterId,
      kindText: `PolarDB ${cluster.engine} ${cluster.engineVersion}`.trim(),
      icon: 'database',
      facts: [`- Status: ${cluster.status}`, `- Zone: ${cluster.zoneId}`],
      consoleUrl: fillConsoleUrl(CONSOLE_URL, cluster.regionId, cluster.clusterId),
    }),
  },
};
