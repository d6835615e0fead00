/**
 * Ready-made listings of domain objects (see paging.ts): which call, which page size, which
 * mapper. The UI's tree pages through these; commands and the bench fetch them whole.
 */

import type { EcsInstance, EmrCluster, HBaseCluster, LindormInstance, NetworkInterface, PolarDbCluster, RdsInstance, SecurityGroup, SecurityGroupRule, VSwitch, Vpc } from '../core/model';
import { toEcsInstance, toEmrCluster, toHBaseCluster, toLindormInstance, toNetworkInterface, toPolarDbCluster, toRdsInstance, toRule, toSecurityGroup, toVSwitch, toVpc } from './mappers';
import type { Listing, NextTokenListing, PageNumberListing } from './paging';
import { SECURITY_GROUPS_MAX_PAGE_SIZE, SECURITY_GROUPS_MAX_RESULTS, type DescribeNetworkInterfacesRequest, type DescribeSecurityGroupsRequest, type EcsApi } from './products/ecs';
import { INSTANCES_MAX_RESULTS, type DescribeEcsInstancesRequest } from './products/ecsInstances';
import { EMR_MAX_RESULTS, type EmrApi, type ListClustersRequest } from './products/emr';
import type { DescribeInstancesRequest as DescribeHBaseInstancesRequest, HBaseApi } from './products/hbase';
import { LINDORM_PAGE_SIZE, type GetLindormInstanceListRequest, type LindormApi } from './products/lindorm';
import { POLARDB_PAGE_SIZE, type DescribeDBClustersRequest, type PolarDbApi } from './products/polardb';
import { RDS_MAX_PAGE_SIZE, type DescribeDBInstancesRequest, type RdsApi } from './products/rds';
import { VPC_MAX_PAGE_SIZE, type DescribeVSwitchesRequest, type DescribeVpcsRequest, type VpcApi } from './products/vpc';

type Filter<Request> = Omit<Request, 'PageNumber' | 'PageSize' | 'MaxResults' | 'NextToken'>;

/**
 * [unverified] HBase DescribeInstances' maximum PageSize is not documented in the sources the
 * reference used; 50 is the common Alibaba maximum and is assumed here.
 */
const HBASE_PAGE_SIZE = 50;
/** MaxResults of DescribeNetworkInterfaces is 10–500. */
const NETWORK_INTERFACES_MAX_RESULTS = 500;
/** MaxResults of DescribeSecurityGroupAttribute is 10–1000. */
const RULES_MAX_RESULTS = 1000;

/** The product APIs a set of listings draws on. */
export interface ListingApis {
  regionId: string;
  vpc: VpcApi;
  ecs: EcsApi;
  rds: RdsApi;
  hbase: HBaseApi;
  emr: EmrApi;
  polardb: PolarDbApi;
  lindorm: LindormApi;
}

/** Listings of the domain objects this extension shows. */
export interface CloudListings {
  vpcs(filter?: Filter<DescribeVpcsRequest>): PageNumberListing<Vpc>;
  /** Region-wide unless filtered by VpcId/ZoneId: one listing serves every VPC. */
  vSwitches(filter?: Filter<DescribeVSwitchesRequest>): PageNumberListing<VSwitch>;
  /**
   * Security groups. 'next-token' (default) is the paging ECS recommends; 'page-number' is the
   * deprecated but still accepted style, whose pages can be fetched in parallel.
   */
  securityGroups(filter?: Filter<DescribeSecurityGroupsRequest>, style?: 'next-token' | 'page-number'): Listing<SecurityGroup>;
  securityGroupRules(securityGroupId: string, direction?: 'ingress' | 'egress' | 'all', regionId?: string): NextTokenListing<SecurityGroupRule>;
  networkInterfaces(filter?: Filter<DescribeNetworkInterfacesRequest>): NextTokenListing<NetworkInterface>;
  rdsInstances(filter?: Filter<DescribeDBInstancesRequest>): PageNumberListing<RdsInstance>;
  hbaseClusters(filter?: Filter<DescribeHBaseInstancesRequest>): PageNumberListing<HBaseCluster>;
  /** Summaries only: vpcId and securityGroupId need GetCluster (see toEmrCluster). */
  emrClusters(filter?: Filter<ListClustersRequest>): NextTokenListing<EmrCluster>;
  /** Region-wide: DescribeDBClusters cannot filter by VPC, so callers keep the clusters whose vpcId they want. */
  polardbClusters(filter?: Filter<DescribeDBClustersRequest>): PageNumberListing<PolarDbCluster>;
  /** Region-wide, without vSwitches: GetLindormInstanceList can neither filter by VPC nor name the vSwitch. */
  lindormInstances(filter?: Filter<GetLindormInstanceListRequest>): PageNumberListing<LindormInstance>;
  /** ECS instances, filtered by the API (VpcId, InstanceIds, …). */
  ecsInstances(filter?: Filter<DescribeEcsInstancesRequest>): NextTokenListing<EcsInstance>;
}

/** Builds the listings over a session's APIs. */
export function cloudListings(apis: ListingApis): CloudListings {
  const regionOf = (filter: { RegionId?: string } | undefined): string => filter?.RegionId ?? apis.regionId;
  return {
    vpcs: (filter) => ({
      style: 'page-number',
      pageSize: VPC_MAX_PAGE_SIZE,
      fetch: async (PageNumber, PageSize, options) => {
        const r = await apis.vpc.describeVpcs({ ...filter, PageNumber, PageSize }, options);
        return { items: (r.Vpcs?.Vpc ?? []).map((v) => toVpc(v, regionOf(filter))), totalCount: Number(r.TotalCount ?? 0), pageSize: Number(r.PageSize) || undefined };
      },
    }),
    vSwitches: (filter) => ({
      style: 'page-number',
      pageSize: VPC_MAX_PAGE_SIZE,
      fetch: async (PageNumber, PageSize, options) => {
        const r = await apis.vpc.describeVSwitches({ ...filter, PageNumber, PageSize }, options);
        return { items: (r.VSwitches?.VSwitch ?? []).map(toVSwitch), totalCount: Number(r.TotalCount ?? 0), pageSize: Number(r.PageSize) || undefined };
      },
    }),
    securityGroups: (filter, style = 'next-token') =>
      style === 'page-number'
        ? {
            style: 'page-number',
            pageSize: SECURITY_GROUPS_MAX_PAGE_SIZE,
            fetch: async (PageNumber, PageSize, options) => {
              const r = await apis.ecs.describeSecurityGroups({ ...filter, PageNumber, PageSize }, options);
              const items = (r.SecurityGroups?.SecurityGroup ?? []).map((g) => toSecurityGroup(g, regionOf(filter)));
              return { items, totalCount: Number(r.TotalCount ?? 0), pageSize: Number(r.PageSize) || undefined };
            },
          }
        : {
            style: 'next-token',
            maxResults: SECURITY_GROUPS_MAX_RESULTS,
            fetch: async (NextToken, MaxResults, options) => {
              const r = await apis.ecs.describeSecurityGroups({ ...filter, NextToken, MaxResults }, options);
              const items = (r.SecurityGroups?.SecurityGroup ?? []).map((g) => toSecurityGroup(g, regionOf(filter)));
              return { items, nextToken: r.NextToken, totalCount: r.TotalCount };
            },
          },
    securityGroupRules: (SecurityGroupId, Direction = 'all', RegionId) => ({
      style: 'next-token',
      maxResults: RULES_MAX_RESULTS,
      fetch: async (NextToken, MaxResults, options) => {
        const r = await apis.ecs.describeSecurityGroupAttribute({ RegionId, SecurityGroupId, Direction, NextToken, MaxResults }, options);
        return { items: (r.Permissions?.Permission ?? []).map((p) => toRule(p)), nextToken: r.NextToken };
      },
    }),
    networkInterfaces: (filter) => ({
      style: 'next-token',
      maxResults: NETWORK_INTERFACES_MAX_RESULTS,
      fetch: async (NextToken, MaxResults, options) => {
        const r = await apis.ecs.describeNetworkInterfaces({ ...filter, NextToken, MaxResults }, options);
        return { items: (r.NetworkInterfaceSets?.NetworkInterfaceSet ?? []).map(toNetworkInterface), nextToken: r.NextToken, totalCount: r.TotalCount };
      },
    }),
    rdsInstances: (filter) => ({
      style: 'page-number',
      pageSize: RDS_MAX_PAGE_SIZE,
      fetch: async (PageNumber, PageSize, options) => {
        const r = await apis.rds.describeDBInstances({ ...filter, PageNumber, PageSize }, options);
        // RDS reports PageRecordCount (items on this page) and TotalRecordCount, not PageSize/TotalCount.
        return { items: (r.Items?.DBInstance ?? []).map((d) => toRdsInstance(d, regionOf(filter))), totalCount: Number(r.TotalRecordCount ?? 0) };
      },
    }),
    hbaseClusters: (filter) => ({
      style: 'page-number',
      pageSize: HBASE_PAGE_SIZE,
      fetch: async (PageNumber, PageSize, options) => {
        const r = await apis.hbase.describeInstances({ ...filter, PageNumber, PageSize }, options);
        return { items: (r.Instances?.Instance ?? []).map((i) => toHBaseCluster(i, regionOf(filter))), totalCount: Number(r.TotalCount ?? 0), pageSize: Number(r.PageSize) || undefined };
      },
    }),
    emrClusters: (filter) => ({
      style: 'next-token',
      maxResults: EMR_MAX_RESULTS,
      fetch: async (NextToken, MaxResults, options) => {
        const r = await apis.emr.listClusters({ ...filter, NextToken, MaxResults }, options);
        return { items: (r.Clusters ?? []).map((c) => toEmrCluster(c, regionOf(filter))), nextToken: r.NextToken, totalCount: r.TotalCount };
      },
    }),
    polardbClusters: (filter) => ({
      style: 'page-number',
      pageSize: POLARDB_PAGE_SIZE,
      fetch: async (PageNumber, PageSize, options) => {
        const r = await apis.polardb.describeDBClusters({ ...filter, PageNumber, PageSize }, options);
        // Like RDS: PageRecordCount (items on this page) and TotalRecordCount, no PageSize echoed.
        return { items: (r.Items?.DBCluster ?? []).map((c) => toPolarDbCluster(c, regionOf(filter))), totalCount: Number(r.TotalRecordCount ?? 0) };
      },
    }),
    lindormInstances: (filter) => ({
      style: 'page-number',
      pageSize: LINDORM_PAGE_SIZE,
      fetch: async (PageNumber, PageSize, options) => {
        const r = await apis.lindorm.getLindormInstanceList({ ...filter, PageNumber, PageSize }, options);
        return { items: (r.InstanceList ?? []).map((i) => toLindormInstance(i, regionOf(filter))), totalCount: Number(r.Total ?? 0), pageSize: Number(r.PageSize) || undefined };
      },
    }),
    ecsInstances: (filter) => ({
      style: 'next-token',
      maxResults: INSTANCES_MAX_RESULTS,
      fetch: async (NextToken, MaxResults, options) => {
        const r = await apis.ecs.describeInstances({ ...filter, NextToken, MaxResults }, options);
        return { items: (r.Instances?.Instance ?? []).map((i) => toEcsInstance(i, regionOf(filter))), nextToken: r.NextToken };
      },
    }),
  };
}
