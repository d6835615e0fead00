/** EMR API 2021-03-20: clusters and their network attributes (reference §5). */

import type { Caller, Product } from '../caller';
import { query, type Operation, type WireResponse } from './operation';

export const EMR_PRODUCT: Product = { code: 'Emr', version: '2021-03-20', regional: true };

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
export function emrApi(caller: Caller): EmrApi {
  return {
    listClusters: query(caller, EMR_PRODUCT, 'ListClusters'),
    getCluster: query(caller, EMR_PRODUCT, 'GetCluster'),
  };
}
