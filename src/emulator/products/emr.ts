/** EMR API 2021-03-20: ListClusters (bare `Clusters` array) and GetCluster (reference §5). */
import type { ActionContext, ProductApi } from '../action';
import { UNVERIFIED_CODES } from '../constants';
import { notFound } from '../errors';
import { requiredRegion } from '../lookup';
import { pageByToken } from '../paging';
import type { EmrClusterRecord } from '../state';

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
  const cluster = ctx.account.emrClusters.find((c) => c.clusterId === clusterId && c.regionId === regionId);
  if (!cluster) throw notFound(UNVERIFIED_CODES.emrClusterNotFound, 'ClusterId', clusterId);
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
