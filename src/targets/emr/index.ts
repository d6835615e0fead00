/**
 * E-MapReduce (Hadoop) clusters: the cluster's security group gets one inbound rule per port
 * (HiveMetaStore 9083, NameNode 8020, DataNode 50010 by default) with the link's group as source.
 * The spec names the cluster (its group comes from GetCluster) or the group directly.
 */
import type { Cloud } from '../../cloud';
import { toEmrCluster, type EmrCluster } from '../../cloud/products/emr';
import { unlessNotFound, type ReadOptions } from '../../cloud/reads';
import { otherVpcCheck, targetError, type GroupWithIngress, type TargetLive } from '../../core/plan';
import type { SourceRange, TargetSpec } from '../../core/specModel';
import type { SharedReads, TargetCloud, TargetKindModule } from '../kind';
import { fillConsoleUrl } from '../common/consoleUrl';
import { applyPortRules, planPortGrant, planPortRevoke, portGroupChecks, portLinkAccess } from '../common/portRules';
import { portsOf } from '../common/portsSpec';
import { definition } from './schema';
import { placementHop, portAccessHop } from '../common/reachability';

/** HiveMetaStore, HDFS NameNode, HDFS DataNode (the direct-connection doc; Hadoop 3 uses 9866 for DataNode). */
export const DEFAULT_EMR_PORTS: readonly number[] = [9083, 8020, 50010];

/** The ports the form offers: the defaults ticked, Hadoop 2's NameNode RPC and Hadoop 3's DataNode port to choose. */
const EMR_FORM_PORTS = [
  { port: 9083, label: 'HiveMetaStore' },
  { port: 8020, label: 'HDFS NameNode' },
  { port: 50010, label: 'HDFS DataNode' },
  { port: 9000, label: 'HDFS NameNode (fs.defaultFS :9000)' },
  { port: 9866, label: 'HDFS DataNode (Hadoop 3)' },
];

/** Ports that serve the same role: NameNode RPC 8020 or 9000, DataNode 50010 (Hadoop 2) or 9866 (Hadoop 3). */
const HADOOP_ALTERNATIVES: Record<number, number[]> = { 8020: [8020, 9000], 50010: [50010, 9866] };

/** [unverified] The console page of a cluster. */
const CONSOLE_URL = 'https://emr-next.console.aliyun.com/#/region/{regionId}/resource/all/ecs/detail/{id}/overview';

/** An EMR cluster, named by its ClusterId or directly by its security group (exactly one is set). */
export interface EmrTargetSpec extends TargetSpec {
  kind: 'emr';
  clusterId?: string;
  securityGroupId?: string;
  /** TCP ports; defaulted to HiveMetaStore 9083, NameNode 8020, DataNode 50010. */
  ports: number[];
  portsDefaulted: boolean;
  ranges: TargetSpec['ranges'] & { cluster: SourceRange; ports: SourceRange; portItems: SourceRange[] };
}

export interface EmrLive extends TargetLive {
  kind: 'emr';
  /** Absent when the spec names the security group directly, or the cluster does not exist. */
  cluster?: EmrCluster;
  /** The group that receives the rules: the spec's, or the cluster's NodeAttributes.SecurityGroupId. */
  group?: GroupWithIngress;
}

async function groupOf(reads: SharedReads, groupId: string): Promise<GroupWithIngress | undefined> {
  const group = await reads.group(groupId);
  if (group === undefined) return undefined;
  const rules = await unlessNotFound(reads.groupRules(groupId));
  return rules === undefined ? undefined : { group, ingress: rules.filter((r) => r.direction === 'ingress') };
}

async function readCluster(cloud: TargetCloud, regionId: string, clusterId: string, options: ReadOptions): Promise<EmrCluster | undefined> {
  const response = await unlessNotFound(cloud.emr.getCluster({ RegionId: regionId, ClusterId: clusterId }, options));
  return response === undefined ? undefined : toEmrCluster(response.Cluster, regionId);
}

function owner(target: EmrTargetSpec, groupId: string): string {
  return target.clusterId === undefined ? `security group ${groupId}` : `EMR ${target.clusterId}'s security group ${groupId}`;
}

export const emrKind: TargetKindModule<EmrTargetSpec, EmrLive, EmrCluster> = {
  kind: 'emr',
  noun: 'EMR cluster',
  schema: { definition, kindWords: 'emr (E-MapReduce / Hadoop cluster)', example: { kind: 'emr', cluster: 'c-b933c5aac8fe4a2b' } },
  defaultPorts: DEFAULT_EMR_PORTS,

  buildSpec(fields, common) {
    const data = fields.data;
    const clusterField = data.cluster !== undefined ? 'cluster' : 'securityGroup';
    const { ports, portsDefaulted, ranges } = portsOf(fields, DEFAULT_EMR_PORTS);
    const spec: EmrTargetSpec = {
      ...common,
      kind: 'emr',
      ports,
      portsDefaulted,
      ranges: { ...common.ranges, cluster: fields.range(clusterField), ...ranges },
    };
    if (typeof data.cluster === 'string') spec.clusterId = data.cluster;
    if (typeof data.securityGroup === 'string') spec.securityGroupId = data.securityGroup;
    return spec;
  },
  derivedLabel: (data) => `emr ${String(data.cluster ?? data.securityGroup ?? '')}`,
  // Port range and uniqueness are in the schema: nothing more to check.
  specProblems: () => [],
  identity: (target) => ({
    words: target.clusterId !== undefined ? `EMR cluster ${target.clusterId}` : `EMR security group ${target.securityGroupId ?? ''}`,
    range: target.ranges.cluster,
  }),
  targetPorts: (target) => target.ports,
  resourceIdOf: (target) => target.clusterId ?? target.securityGroupId,

  async readLive(cloud, regionId, target, reads, options) {
    const live: EmrLive = { kind: 'emr' };
    if (target.clusterId !== undefined) {
      live.cluster = await readCluster(cloud, regionId, target.clusterId, options);
      if (live.cluster === undefined) return live;
    }
    const groupId = target.securityGroupId ?? live.cluster?.securityGroupId;
    if (groupId !== undefined) live.group = await groupOf(reads, groupId);
    return live;
  },

  liveChecks(target, live, ctx) {
    if (target.clusterId !== undefined && live.cluster === undefined) {
      return [
        targetError(
          'target-not-found',
          target,
          `EMR cluster ${target.clusterId} was not found in ${ctx.spec.regionId}.`,
          target.ranges.cluster,
        ),
      ];
    }
    if (live.group === undefined) {
      const which = target.securityGroupId ?? live.cluster?.securityGroupId;
      const message =
        which === undefined
          ? `EMR cluster ${target.clusterId} reports no security group (NodeAttributes.SecurityGroupId); name it with securityGroup.`
          : `security group ${which} was not found in ${ctx.spec.regionId}.`;
      return [targetError('target-group-missing', target, message, target.ranges.cluster)];
    }
    const group = live.group.group;
    return [
      ...otherVpcCheck(
        target,
        target.clusterId !== undefined ? `EMR cluster ${target.clusterId}` : `the EMR security group ${target.securityGroupId}`,
        live.cluster?.vpcId ?? group.vpcId,
        ctx,
        target.ranges.cluster,
      ),
      ...portGroupChecks(target, group, live.group.ingress, target.ports, ctx, target.ranges.ports),
    ];
  },
  planGrant(target, live, ctx) {
    if (live.group === undefined)
      throw new Error(`EMR target ${target.index} has no security group; the live checks should have refused the plan.`);
    return planPortGrant(target, owner(target, live.group.group.securityGroupId), live.group, target.ports, ctx);
  },
  planRevoke: (target, live, ctx) =>
    planPortRevoke(
      target,
      owner(target, live.group?.group.securityGroupId ?? target.securityGroupId ?? '(unknown)'),
      live.group,
      target.ports,
      ctx,
    ),
  modifiedGroups: (live) => (live.group === undefined ? [] : [live.group.group]),

  async apply(target, change, ctx) {
    let groupId = target.securityGroupId;
    if (groupId === undefined && target.clusterId !== undefined)
      groupId = (await readCluster(ctx.cloud, ctx.regionId, target.clusterId, { signal: ctx.signal }))?.securityGroupId;
    return applyPortRules(groupId, target.ports, change, ctx);
  },

  usageHints: (target, link) => [
    `# ${target.label}: Spark jobs reach HiveMetaStore/HDFS with spark.hadoop.odps.cupid.eni.enable=true and spark.hadoop.odps.cupid.eni.info=${link.regionId}:${link.vpcId}`,
  ],
  reachability: (target, live, link) => {
    const words = target.clusterId !== undefined ? `EMR cluster ${target.clusterId}` : `EMR security group ${target.securityGroupId ?? ''}`;
    const found = target.clusterId !== undefined ? live.cluster !== undefined : live.group !== undefined;
    const placement = placementHop(words, found, live.cluster?.vpcId ?? live.group?.group.vpcId, link);
    if (placement.verdict === 'fail') return { ports: [], addresses: [], hops: [placement] };
    // Default ports: NameNode may listen on 9000 and a Hadoop 3 DataNode on 9866 instead.
    const needs = target.portsDefaulted ? target.ports.map((p) => HADOOP_ALTERNATIVES[p] ?? [p]) : target.ports.map((p) => [p]);
    return {
      ports: [...target.ports],
      addresses: [],
      hops: [placement, portAccessHop(target, words, live.group?.group, live.group?.ingress ?? [], needs, link)],
    };
  },

  service: {
    listScope: 'region',
    // ListClusters gives no VPC: GetCluster per cluster says where it is and which group guards it.
    async list(cloud: Cloud, regionId, _vpcId, options) {
      const clusters = await cloud.fetchAll(cloud.lists.emrClusters(), options);
      return Promise.all(
        clusters.map(async (c) =>
          toEmrCluster((await cloud.emr.getCluster({ ClusterId: c.clusterId }, options)).Cluster, c.regionId || regionId),
        ),
      );
    },
    async readAccess(_cloud, _regionId, cluster, reads) {
      const live: EmrLive = { kind: 'emr', cluster };
      if (cluster.securityGroupId !== undefined) live.group = await groupOf(reads, cluster.securityGroupId);
      return live;
    },
    linkAccess: (live, source, ports) => portLinkAccess(live.group?.group, live.group?.ingress ?? [], ports ?? DEFAULT_EMR_PORTS, source),
    accessFacts: (live) => {
      if (live.group === undefined) return [];
      const inbound = live.group.ingress.length;
      return [
        `- Group type: ${live.group.group.type === 'enterprise' ? 'advanced' : 'basic'}, ${inbound} inbound rule${inbound === 1 ? '' : 's'}`,
      ];
    },
    idOf: (cluster) => cluster.clusterId,
    formOffer: () => ({ ports: EMR_FORM_PORTS.map((p) => ({ ...p, checked: DEFAULT_EMR_PORTS.includes(p.port) })) }),
    formItem: (cluster, choice) => ({ kind: 'emr', cluster: cluster.clusterId, ports: [...choice.ports] }),
    matches: (target, cluster) =>
      target.clusterId === cluster.clusterId ||
      (target.securityGroupId !== undefined && target.securityGroupId === cluster.securityGroupId),
    present: (cluster) => ({
      id: cluster.clusterId,
      label: cluster.name || cluster.clusterId,
      kindText: `EMR ${cluster.clusterType}`.trim(),
      icon: 'server',
      facts: [
        `- State: ${cluster.state}`,
        `- Cluster security group: ${cluster.securityGroupId !== undefined ? `\`${cluster.securityGroupId}\`` : 'unknown'}`,
      ],
      consoleUrl: fillConsoleUrl(CONSOLE_URL, cluster.regionId, cluster.clusterId),
    }),
  },
};
