/** HBase API 2019-01-01: clusters, IP whitelist groups and security groups (reference §4). */
import { parseBlock } from '../cidr';
import type { ActionContext, ProductApi } from '../action';
import { UNVERIFIED_CODES } from '../constants';
import { ApiError, invalidParameter, missingParameter, notFound } from '../errors';
import { findSecurityGroup, optionalRegion } from '../lookup';
import { pageByNumber } from '../paging';
import type { HBaseClusterRecord } from '../state';

function findCluster(ctx: ActionContext): HBaseClusterRecord {
  const clusterId = ctx.params.required('ClusterId');
  const cluster = ctx.account.hbaseClusters.find((c) => c.clusterId === clusterId);
  if (!cluster) throw notFound(UNVERIFIED_CODES.hbaseClusterNotFound, 'ClusterId', clusterId);
  return cluster;
}

function instanceWire(c: HBaseClusterRecord): Record<string, unknown> {
  return {
    InstanceId: c.clusterId,
    ClusterId: c.clusterId,
    InstanceName: c.name,
    ClusterName: c.name,
    Engine: c.engine,
    MajorVersion: c.majorVersion,
    Status: c.status,
    RegionId: c.regionId,
    ZoneId: c.zoneId,
    VpcId: c.vpcId,
    // Lower-case "s": this is how the HBase API spells it.
    VswitchId: c.vSwitchId,
    NetworkType: 'VPC',
    IsHa: true,
    ClusterType: 'cluster',
    PayType: 'Postpaid',
    CreatedTime: c.createdTime,
    CreatedTimeUTC: c.createdTime,
    Tags: { Tag: [] },
  };
}

function describeInstances(ctx: ActionContext): Record<string, unknown> {
  const { params } = ctx;
  const regionId = optionalRegion(params);
  const clusterId = params.optional('ClusterId');
  const name = params.optional('ClusterName');
  const matches = ctx.account.hbaseClusters.filter(
    (c) => (!regionId || c.regionId === regionId) && (!clusterId || c.clusterId === clusterId) && (!name || c.name.includes(name)),
  );
  const page = pageByNumber(matches, params, { defaultPageSize: 10, maxPageSize: 100 });
  return { PageNumber: page.pageNumber, PageSize: page.pageSize, TotalCount: page.totalCount, Instances: { Instance: page.items.map(instanceWire) } };
}

/** The ZooKeeper quorum HBase clients connect to: three hosts on 2181 (the Apache default). */
function describeClusterConnection(ctx: ActionContext): Record<string, unknown> {
  const cluster = findCluster(ctx);
  const host = (i: number): string => `${cluster.clusterId}-master${i}-001.hbase.rds.aliyuncs.com`;
  return {
    NetType: 'VPC',
    VpcId: cluster.vpcId,
    VSwitchId: cluster.vSwitchId,
    DbType: 'hbase',
    IsMultimod: 'false',
    ZkConnAddrs: { ZkConnAddr: [1, 2, 3].map((i) => ({ ConnAddr: host(i), ConnAddrPort: '2181', NetType: '2' })) },
    UiProxyConnAddrInfo: { ConnAddr: `${cluster.clusterId}-master1-001.hbaseue.rds.aliyuncs.com`, ConnAddrPort: '443', NetType: '2' },
    ThriftConn: { ConnAddr: '', ConnAddrPort: '', NetType: '' },
    SlbConnAddrs: { SlbConnAddr: [] },
    ServiceConnAddrs: { ServiceConnAddr: [] },
  };
}

function describeIpWhitelist(ctx: ActionContext): Record<string, unknown> {
  const cluster = findCluster(ctx);
  return { Groups: { Group: cluster.whitelist.map((g) => ({ GroupName: g.groupName, IpVersion: g.ipVersion, IpList: { Ip: [...g.ips] } })) } };
}

function modifyIpWhitelist(ctx: ActionContext): Record<string, unknown> {
  const { params } = ctx;
  const cluster = findCluster(ctx);
  const groupName = params.required('GroupName');
  const ipVersion = params.required('IpVersion');
  if (ipVersion !== '4') throw invalidParameter('IpVersion', `"${ipVersion}" is not supported by the emulator; use 4.`);
  const ips = [...new Set(params.commaList('IpList') ?? [])];
  for (const ip of ips) {
    if (!parseBlock(ip)) throw new ApiError(UNVERIFIED_CODES.securityIps, `The IpList entry "${ip}" is not an IPv4 address or CIDR block.`);
  }
  const group = cluster.whitelist.find((g) => g.groupName === groupName);
  if (group) group.ips = ips;
  else cluster.whitelist.push({ groupName, ipVersion: 4, ips });
  return {};
}

function describeSecurityGroups(ctx: ActionContext): Record<string, unknown> {
  const cluster = findCluster(ctx);
  return { SecurityGroupIds: { SecurityGroupId: [...cluster.securityGroupIds] } };
}

function modifySecurityGroups(ctx: ActionContext): Record<string, unknown> {
  const cluster = findCluster(ctx);
  if (!ctx.params.has('SecurityGroupIds')) throw missingParameter('SecurityGroupIds');
  const ids = [...new Set(ctx.params.commaList('SecurityGroupIds') ?? [])];
  for (const id of ids) findSecurityGroup(ctx.account, id, cluster.regionId);
  cluster.securityGroupIds = ids;
  return {};
}

export const HBASE_API: ProductApi = {
  product: 'HBase',
  version: '2019-01-01',
  hostId: 'hbase.aliyuncs.com',
  actions: {
    DescribeInstances: { mutates: false, handle: describeInstances },
    DescribeClusterConnection: { mutates: false, handle: describeClusterConnection },
    DescribeIpWhitelist: { mutates: false, handle: describeIpWhitelist },
    ModifyIpWhitelist: { mutates: true, handle: modifyIpWhitelist },
    DescribeSecurityGroups: { mutates: false, handle: describeSecurityGroups },
    ModifySecurityGroups: { mutates: true, handle: modifySecurityGroups },
  },
};
