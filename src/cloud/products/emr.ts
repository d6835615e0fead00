/** EMR API 2021-03-20: clusters and their network attributes (reference §5). */

import type { Caller, Product } from '../caller';
import type { ListingFilter, NextTokenListing } from '../paging';
import { defineProduct } from './definition';
import { query, type Operation, type WireResponse } from './operation';

export const EMR_PRODUCT: Product = { code: 'Emr', version: '2021-03-20', regional: true, endpoint: { prefix: 'emr', rule: 'regional' } };

/** An E-MapReduce cluster (ListClusters; its network from GetCluster). */
export interface EmrCluster {
  kind: 'emr';
  clusterId: string;
  regionId: string;
  name: string;
  clusterType: string;
  state: string;
  vpcId?: string;
  /** The cluster's (basic) security group, from GetCluster's NodeAttributes. */
  securityGroupId?: string;
}

/** MaxResults is 1–100 for ListClusters. */
export const EMR_MAX_RESULTS = 100;

export interface ListClustersRequest {
  RegionId?: string;
  ClusterIds?: string[];
  ClusterName?: string;
  ClusterStates?: string[];
  ClusterTypes?: string[];
  PaymentTypes?: string[];
  ResourceGroupId?: string;
  MaxResults?: number;
  NextToken?: string;
}
export interface WireClusterSummary {
  ClusterId: string;
  ClusterName?: string;
  ClusterState?: string;
  ClusterType?: string;
  CreateTime?: number;
  ReadyTime?: number;
  ExpireTime?: number;
  EndTime?: number;
  PaymentType?: string;
  ReleaseVersion?: string;
  ResourceGroupId?: string;
  DeletionProtection?: boolean;
  Description?: string;
  Tags?: Array<{ Key?: string; Value?: string }>;
}
export interface ListClustersResponse extends WireResponse {
  TotalCount?: number;
  MaxResults?: number;
  NextToken?: string;
  /** A plain array, no wrapper object. */
  Clusters: WireClusterSummary[];
}

export interface GetClusterRequest {
  RegionId?: string;
  ClusterId: string;
}
export interface WireCluster extends WireClusterSummary {
  DeployMode?: string;
  SecurityMode?: string;
  NodeAttributes?: {
    VpcId?: string;
    ZoneId?: string;
    SecurityGroupId?: string;
    RamRole?: string;
    KeyPairName?: string;
  };
}
export interface GetClusterResponse extends WireResponse {
  Cluster: WireCluster;
}

/** The EMR operations this extension uses. */
export interface EmrApi {
  listClusters: Operation<ListClustersRequest, ListClustersResponse>;
  getCluster: Operation<GetClusterRequest, GetClusterResponse>;
}

/** The EMR API object of a session. */
function emrApi(caller: Caller): EmrApi {
  return {
    listClusters: query(caller, EMR_PRODUCT, 'ListClusters'),
    getCluster: query(caller, EMR_PRODUCT, 'GetCluster'),
  };
}

/** An EMR cluster from ListClusters, completed with GetCluster's network attributes when given. */
export function toEmrCluster(wire: WireClusterSummary | WireCluster, regionId: string): EmrCluster {
  const cluster: EmrCluster = {
    kind: 'emr',
    clusterId: wire.ClusterId,
    regionId,
    name: wire.ClusterName ?? '',
    clusterType: wire.ClusterType ?? '',
    state: wire.ClusterState ?? '',
  };
  const attributes = 'NodeAttributes' in wire ? wire.NodeAttributes : undefined;
  if (attributes?.VpcId) cluster.vpcId = attributes.VpcId;
  if (attributes?.SecurityGroupId) cluster.securityGroupId = attributes.SecurityGroupId;
  return cluster;
}

/** The EMR listing of `cloud.lists`. */
export interface EmrListings {
  /** Summaries only: vpcId and securityGroupId need GetCluster (see toEmrCluster). */
  emrClusters(filter?: ListingFilter<ListClustersRequest>): NextTokenListing<EmrCluster>;
}

function emrListings(api: EmrApi, regionId: string): EmrListings {
  return {
    emrClusters: (filter) => ({
      style: 'next-token',
      maxResults: EMR_MAX_RESULTS,
      fetch: async (NextToken, MaxResults, options) => {
        const r = await api.listClusters({ ...filter, NextToken, MaxResults }, options);
        return {
          items: (r.Clusters ?? []).map((c) => toEmrCluster(c, filter?.RegionId ?? regionId)),
          nextToken: r.NextToken,
          totalCount: r.TotalCount,
        };
      },
    }),
  };
}

/** EMR in the product table: `cloud.emr`, `cloud.lists.emrClusters`. */
export const emrProduct = defineProduct({ key: 'emr', product: EMR_PRODUCT, api: emrApi, listings: emrListings });
