/** EMR API 2021-03-20: ListClusters (bare `Clusters` array) and GetCluster (reference §5). */
import { createHash } from 'node:crypto';
import type { ActionContext, ProductApi } from '../action';
import { notFound } from '../errors';
import { findRecord, requiredRegion } from '../lookup';
import { pageByToken } from '../paging';
import { collection, json, type DefaultWorld, type EmulatorProduct } from '../product';
import { SEED_REGION, SEED_TIME, seedId } from '../seedFacts';
import { seedGroup, seedRule } from './ecsRecords';
import { VPC_SEED } from './vpc';

export interface EmrClusterRecord {
  clusterId: string;
  regionId: string;
  zoneId: string;
  vpcId: string;
  securityGroupId: string;
  name: string;
  clusterType: string;
  state: string;
  releaseVersion: string;
  createTime: number;
}

declare module '../state' {
  interface AccountState {
    emrClusters: EmrClusterRecord[];
  }
}

/** EMR's code for an unknown cluster: [unverified]. */
export const EMR_UNVERIFIED_CODES = { clusterNotFound: 'Cluster.NotFound' } as const;

export const EMR_CLUSTERS = collection({
  name: 'emrClusters',
  schema: json.record<EmrClusterRecord>({
    clusterId: json.string,
    regionId: json.string,
    zoneId: json.string,
    vpcId: json.string,
    securityGroupId: json.string,
    name: json.string,
    clusterType: json.string,
    state: json.string,
    releaseVersion: json.string,
    createTime: json.number,
  }),
  finder: { idField: 'clusterId', notFound: (id) => notFound(EMR_UNVERIFIED_CODES.clusterNotFound, 'ClusterId', id) },
});

function summary(c: EmrClusterRecord): Record<string, unknown> {
  return {
    ClusterId: c.clusterId,
    ClusterName: c.name,
    ClusterState: c.state,
    ClusterType: c.clusterType,
    CreateTime: c.createTime,
    ReadyTime: c.createTime + 600_000,
    ExpireTime: 0,
    EndTime: 0,
    PaymentType: 'PayAsYouGo',
    ReleaseVersion: c.releaseVersion,
    ResourceGroupId: '',
    DeletionProtection: false,
    EmrDefaultRole: 'AliyunEMRDefaultRole',
    Description: '',
    StateChangeReason: { Code: '', Message: '' },
    Tags: [],
  };
}

function listClusters(ctx: ActionContext): Record<string, unknown> {
  const { params } = ctx;
  const regionId = requiredRegion(params);
  const ids = params.list('ClusterIds');
  const states = params.list('ClusterStates');
  const types = params.list('ClusterTypes');
  const name = params.optional('ClusterName');
  const matches = ctx.account.emrClusters.filter(
    (c) =>
      c.regionId === regionId &&
      (ids.length === 0 || ids.includes(c.clusterId)) &&
      (states.length === 0 || states.includes(c.state)) &&
      (types.length === 0 || types.includes(c.clusterType)) &&
      (!name || c.name.includes(name)),
  );
  const page = pageByToken(matches, params, { defaultMaxResults: 20, minMaxResults: 1, maxMaxResults: 100 });
  return { TotalCount: page.totalCount, MaxResults: page.maxResults, NextToken: page.nextToken, Clusters: page.items.map(summary) };
}

function getCluster(ctx: ActionContext): Record<string, unknown> {
  const regionId = requiredRegion(ctx.params);
  const clusterId = ctx.params.required('ClusterId');
  const cluster = findRecord(ctx.account, EMR_CLUSTERS, clusterId, regionId);
  return {
    Cluster: {
      ...summary(cluster),
      RegionId: cluster.regionId,
      DeployMode: 'NORMAL',
      SecurityMode: 'NORMAL',
      SubscriptionConfig: {},
      NodeAttributes: {
        VpcId: cluster.vpcId,
        ZoneId: cluster.zoneId,
        SecurityGroupId: cluster.securityGroupId,
        RamRole: 'AliyunECSInstanceForEMRRole',
        KeyPairName: '',
      },
    },
  };
}

export const EMR_API: ProductApi = {
  product: 'Emr',
  version: '2021-03-20',
  hostId: 'emr.aliyuncs.com',
  actions: {
    ListClusters: { mutates: false, handle: listClusters },
    GetCluster: { mutates: false, handle: getCluster },
  },
};

const HZ = SEED_REGION;

/** The default world's EMR HADOOP cluster in the app VPC, with its own security group. */
export const EMR_SEED = {
  main: {
    emrClusterId: `c-${createHash('sha256').update('main/emr').digest('hex').slice(0, 16)}`,
    emrGroupId: seedId('sg', HZ, 'main/app/emr'),
  },
} as const;

function seedRows({ main }: DefaultWorld): void {
  const m = { ...VPC_SEED.main, ...EMR_SEED.main };
  seedGroup(main, m.emrGroupId, m.vpcId, HZ, 'emr-hadoop-sg', 'normal', [
    seedRule(seedId('sgr', HZ, 'main/emr/internal'), 'ingress', 'TCP', '1/65535', '192.168.1.0/24', 'cluster internal'),
  ]);
  main.emrClusters.push({
    clusterId: m.emrClusterId,
    regionId: HZ,
    zoneId: 'cn-hangzhou-h',
    vpcId: m.vpcId,
    securityGroupId: m.emrGroupId,
    name: 'etl-hadoop',
    clusterType: 'HADOOP',
    state: 'RUNNING',
    releaseVersion: 'EMR-3.46.2',
    createTime: SEED_TIME,
  });
}

export const emr = {
  name: 'EMR',
  apis: [EMR_API],
  collections: [EMR_CLUSTERS],
  seed: { ids: EMR_SEED, rows: seedRows },
  unverified: EMR_UNVERIFIED_CODES,
} satisfies EmulatorProduct;
