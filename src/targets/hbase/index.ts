/**
 * ApsaraDB for HBase clusters: an IP whitelist group (ModifyIpWhitelist replaces the group's whole
 * list, so it is read, merged, written and read back) or the link's security group bound to the
 * cluster (ModifySecurityGroups, also a whole list).
 */
import type { Cloud } from '../../cloud';
import { toHBaseCluster } from '../../cloud/mappers';
import type { ReadOptions } from '../../cloud/reads';
import type { HBaseCluster } from '../../core/model';
import { otherVpcCheck, targetError, type WhitelistGroup } from '../../core/plan';
import type { SourceRange, TargetAccess, TargetSpec } from '../../core/specModel';
import type { TargetCloud, TargetKindModule } from '../kind';
import { fillConsoleUrl } from '../common/consoleUrl';
import { applyServiceAccess } from '../common/serviceApply';
import { planServiceGrant, planServiceRevoke, serviceAccessFacts, serviceLinkAccess, type ServiceAccessCalls, type ServiceAccessLive } from '../common/serviceAccess';
import { accessOf, accessProblems, accessRanges, stringField, SERVICE_FORM_ACCESS, serviceFormItem } from '../common/serviceSpec';
import { definition } from './schema';
import { placementHop, serviceAccessHop } from '../common/reachability';

/** [unverified] The console page of a cluster. */
const CONSOLE_URL = 'https://hbase.console.aliyun.com/hbase/{regionId}/cluster/{id}/overview';

export interface HBaseTargetSpec extends TargetSpec {
  kind: 'hbase';
  clusterId: string;
  access: TargetAccess;
  ranges: TargetSpec['ranges'] & { clusterId: SourceRange; access: SourceRange; whitelistGroup: SourceRange };
}

export interface HBaseLive extends ServiceAccessLive<HBaseCluster> {
  kind: 'hbase';
}

/** A whitelist the answer did not let us read: never written back (it would lose its entries). */
class UnreadableWhitelist extends Error {
  override readonly name = 'UnreadableWhitelist';
}

/**
 * The groups of DescribeIpWhitelist. The SDK models read `IpList.Ip[]`; Alibaba's public sample
 * shows `IpList.IP[]`: both are read, and a group whose list is there in neither shape refuses.
 */
async function readWhitelist(cloud: TargetCloud, regionId: string, clusterId: string, options: ReadOptions): Promise<WhitelistGroup[]> {
  const r = await cloud.hbase.describeIpWhitelist({ RegionId: regionId, ClusterId: clusterId }, options);
  return (r.Groups?.Group ?? []).map((g) => {
    const list = g.IpList as { Ip?: unknown; IP?: unknown } | undefined;
    const ips = list === undefined ? [] : Array.isArray(list.Ip) ? list.Ip : Array.isArray(list.IP) ? list.IP : undefined;
    if (ips === undefined || !ips.every((ip) => typeof ip === 'string')) {
      throw new UnreadableWhitelist(`The whitelist group ${g.GroupName} of HBase cluster ${clusterId} came back in a shape this version cannot read (IpList without Ip or IP); nothing was written.`);
    }
    return { name: g.GroupName, ips: ips as string[], ipVersion: Number(g.IpVersion ?? 4) };
  });
}

async function readSecurityGroups(cloud: TargetCloud, regionId: string, clusterId: string, options: ReadOptions): Promise<string[]> {
  const r = await cloud.hbase.describeSecurityGroups({ RegionId: regionId, ClusterId: clusterId }, options);
  return r.SecurityGroupIds?.SecurityGroupId ?? [];
}

async function readAccess(cloud: TargetCloud, regionId: string, cluster: HBaseCluster, options: ReadOptions): Promise<HBaseLive> {
  const [whitelist, securityGroupIds] = await Promise.all([readWhitelist(cloud, regionId, cluster.clusterId, options), readSecurityGroups(cloud, regionId, cluster.clusterId, options)]);
  return { kind: 'hbase', resource: cluster, whitelist, securityGroupIds };
}

function calls(clusterId: string): ServiceAccessCalls {
  const write = (groupName: string, group: WhitelistGroup | undefined, ips: string[]) => ({ product: 'HBase', action: 'ModifyIpWhitelist', params: { ClusterId: clusterId, GroupName: groupName, IpVersion: String(group?.ipVersion ?? 4), IpList: ips.join(',') } });
  return {
    label: `HBase ${clusterId}`,
    whitelistAdd: (groupName, group, cidr) => ({ call: write(groupName, group, [...(group?.ips ?? []), cidr]), keeps: 'the list is re-read and merged right before writing, and read back after' }),
    whitelistRemove: (groupName, group, entry) => write(groupName, group, group.ips.filter((ip) => ip !== entry)),
    groupsSet: (groupIds) => ({ product: 'HBase', action: 'ModifySecurityGroups', params: { ClusterId: clusterId, SecurityGroupIds: groupIds.join(',') } }),
  };
}

const HBASE_PORTS = [
  { port: 2181, label: 'ZooKeeper' },
  { port: 16000, label: 'HMaster' },
  { port: 16020, label: 'RegionServer' },
];

export const hbaseKind: TargetKindModule<HBaseTargetSpec, HBaseLive, HBaseCluster> = {
  kind: 'hbase',
  noun: 'HBase cluster',
  schema: { definition, kindWords: 'hbase (ApsaraDB for HBase cluster)', example: { kind: 'hbase', cluster: 'hb-bp1abc2def3ghi4jkl5' } },
  // ZooKeeper, HMaster, RegionServer.
  defaultPorts: HBASE_PORTS.map((p) => p.port),

  buildSpec(fields, common) {
    return { ...common, kind: 'hbase', clusterId: stringField(fields, 'cluster'), access: accessOf(fields), ranges: { ...common.ranges, clusterId: fields.range('cluster'), ...accessRanges(fields) } };
  },
  derivedLabel: (data) => `hbase ${String(data.cluster ?? '')}`,
  specProblems: (target, fields) => accessProblems(target.access, target.ranges.whitelistGroup, fields),
  identity: (target) => ({ words: `HBase cluster ${target.clusterId}`, range: target.ranges.clusterId }),
  targetPorts: () => [],
  resourceIdOf: (target) => target.clusterId,

  async readLive(cloud, regionId, target, _reads, options) {
    const list = await cloud.hbase.describeInstances({ RegionId: regionId, ClusterId: target.clusterId }, options);
    const wire = (list.Instances?.Instance ?? []).find((i) => i.ClusterId === target.clusterId);
    if (wire === undefined) return { kind: 'hbase', whitelist: [], securityGroupIds: [] };
    return readAccess(cloud, regionId, toHBaseCluster(wire, regionId), options);
  },

  liveChecks(target, live, ctx) {
    if (live.resource === undefined) return [targetError('target-not-found', target, `HBase cluster ${target.clusterId} was not found in ${ctx.spec.regionId}.`, target.ranges.clusterId)];
    return otherVpcCheck(target, `HBase cluster ${target.clusterId}`, live.resource.vpcId, ctx, target.ranges.clusterId);
  },
  planGrant: (target, live, ctx) => planServiceGrant(target, live, ctx, calls(target.clusterId)),
  planRevoke: (target, live, ctx) => planServiceRevoke(target, live, ctx, calls(target.clusterId)),
  modifiedGroups: () => [],

  apply(target, change, ctx) {
    const { cloud, regionId } = ctx;
    const clusterId = target.clusterId;
    const options = { signal: ctx.signal };
    const writeList = async (groupName: string, current: WhitelistGroup | undefined, ips: string[]): Promise<void> => {
      await cloud.hbase.modifyIpWhitelist({ RegionId: regionId, ClusterId: clusterId, GroupName: groupName, IpVersion: String(current?.ipVersion ?? 4), IpList: ips.join(',') });
    };
    return applyServiceAccess(target.access, change, {
      label: `HBase cluster ${clusterId}`,
      readWhitelist: () => readWhitelist(cloud, regionId, clusterId, options),
      // ModifyIpWhitelist replaces the list: `current` was read right before, and convergeList reads back.
      addToWhitelist: (groupName, current, cidr) => writeList(groupName, current, [...(current?.ips ?? []), cidr]),
      // [unverified] An empty IpList (the link's entry was the last) leaves the group empty: the reference does not say; the emulator allows it.
      removeFromWhitelist: (groupName, current, entry) => writeList(groupName, current, current.ips.filter((ip) => ip !== entry)),
      readSecurityGroups: () => readSecurityGroups(cloud, regionId, clusterId, options),
      writeSecurityGroups: async (ids) => void (await cloud.hbase.modifySecurityGroups({ RegionId: regionId, ClusterId: clusterId, SecurityGroupIds: ids.join(',') })),
    }, ctx);
  },

  usageHints: (target, link) => [`-- ${target.label}: HBase foreign tables over ${target.clusterId} add 'networklink'='${link.networkLinkName}' to TBLPROPERTIES`],
  reachability: (target, live, link) => {
    const words = `HBase cluster ${target.clusterId}`;
    const placement = placementHop(words, live.resource !== undefined, live.resource?.vpcId, link);
    if (placement.verdict === 'fail' || live.resource === undefined) return { ports: [], addresses: [], hops: [placement] };
    return { ports: [...hbaseKind.defaultPorts], addresses: [], hops: [placement, serviceAccessHop(target, live, link, words)] };
  },

  service: {
    listScope: 'region',
    list: (cloud: Cloud, _regionId, _vpcId, options) => cloud.fetchAll(cloud.lists.hbaseClusters(), options),
    readAccess: (cloud, regionId, cluster, _reads, options) => readAccess(cloud, regionId, cluster, options),
    linkAccess: (live, source) => serviceLinkAccess(live, source, 'cluster'),
    accessFacts: serviceAccessFacts,
    idOf: (cluster) => cluster.clusterId,
    matches: (target, cluster) => target.clusterId === cluster.clusterId,
    // ZooKeeper, HMaster, RegionServer: what the whitelist or group must let through.
    formOffer: () => ({ ports: HBASE_PORTS.map(({ port, label }) => ({ port, label, checked: true, fixed: true })), access: SERVICE_FORM_ACCESS }),
    formItem: (cluster, choice) => serviceFormItem('hbase', 'cluster', cluster.clusterId, choice.access),
    present: (cluster) => ({
      id: cluster.clusterId,
      label: cluster.name || cluster.clusterId,
      kindText: 'HBase',
      icon: 'table',
      facts: [`- Status: ${cluster.status}`],
      consoleUrl: fillConsoleUrl(CONSOLE_URL, cluster.regionId, cluster.clusterId),
    }),
  },
};
