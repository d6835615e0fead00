/** HBase API 2019-01-01: clusters, IP whitelist groups and security groups (reference §4). */
import { parseBlock } from '../cidr';
import type { ActionContext, ProductApi } from '../action';
import { ApiError, invalidParameter, missingParameter, notFound } from '../errors';
import { findRecord, optionalRegion } from '../lookup';
import { pageByNumber } from '../paging';
import { collection, json, type DefaultWorld, type EmulatorProduct } from '../product';
import { SEED_CREATED, SEED_REGION, seedId } from '../seedFacts';
import { findSecurityGroup, seedGroup } from './ecsRecords';
import { VPC_SEED } from './vpc';

export interface HBaseWhitelistGroup {
  groupName: string;
  ipVersion: number;
  ips: string[];
}

export interface HBaseClusterRecord {
  clusterId: string;
  regionId: string;
  zoneId: string;
  vpcId: string;
  vSwitchId: string;
  name: string;
  engine: string;
  majorVersion: string;
  status: string;
  createdTime: string;
  whitelist: HBaseWhitelistGroup[];
  securityGroupIds: string[];
}

declare module '../state' {
  interface AccountState {
    hbaseClusters: HBaseClusterRecord[];
  }
}

/** HBase codes no reference pins down: the exact strings are [unverified]. */
export const HBASE_UNVERIFIED_CODES = {
  clusterNotFound: 'Instance.NotFound',
  securityIps: 'InvalidSecurityIPs.Format',
} as const;
const UNVERIFIED_CODES = HBASE_UNVERIFIED_CODES;

export const HBASE_CLUSTERS = collection({
  name: 'hbaseClusters',
  schema: json.record<HBaseClusterRecord>({
    clusterId: json.string,
    regionId: json.string,
    zoneId: json.string,
    vpcId: json.string,
    vSwitchId: json.string,
    name: json.string,
    engine: json.string,
    majorVersion: json.string,
    status: json.string,
    createdTime: json.string,
    whitelist: json.arrayOf(json.record<HBaseWhitelistGroup>({ groupName: json.string, ipVersion: json.number, ips: json.strings })),
    securityGroupIds: json.strings,
  }),
  finder: { idField: 'clusterId', notFound: (id) => notFound(UNVERIFIED_CODES.clusterNotFound, 'ClusterId', id) },
});

function findCluster(ctx: ActionContext): HBaseClusterRecord {
  return findRecord(ctx.account, HBASE_CLUSTERS, ctx.params.required('ClusterId'));
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
  return {
    PageNumber: page.pageNumber,
    PageSize: page.pageSize,
    TotalCount: page.totalCount,
    Instances: { Instance: page.items.map(instanceWire) },
  };
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
  return {
    Groups: { Group: cluster.whitelist.map((g) => ({ GroupName: g.groupName, IpVersion: g.ipVersion, IpList: { Ip: [...g.ips] } })) },
  };
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

const HZ = SEED_REGION;

/** The default world's HBase cluster in the app VPC (cn-hangzhou-j), with its own security group. */
export const HBASE_SEED = {
  main: {
    hbaseClusterId: seedId('hb', HZ, 'main/hbase'),
    hbaseGroupId: seedId('sg', HZ, 'main/app/hbase'),
  },
} as const;

function seedRows({ main }: DefaultWorld): void {
  const m = { ...VPC_SEED.main, ...HBASE_SEED.main };
  seedGroup(main, m.hbaseGroupId, m.vpcId, HZ, 'hbase-sg', 'normal');
  main.hbaseClusters.push({
    clusterId: m.hbaseClusterId,
    regionId: HZ,
    zoneId: 'cn-hangzhou-j',
    vpcId: m.vpcId,
    vSwitchId: m.vSwitchIdJ,
    name: 'events-hbase',
    engine: 'hbase',
    majorVersion: '2.0',
    status: 'ACTIVATION',
    createdTime: SEED_CREATED,
    whitelist: [{ groupName: 'default', ipVersion: 4, ips: ['127.0.0.1'] }],
    securityGroupIds: [m.hbaseGroupId],
  });
}

export const hbase = {
  name: 'HBase',
  apis: [HBASE_API],
  collections: [HBASE_CLUSTERS],
  seed: { ids: HBASE_SEED, rows: seedRows },
  unverified: HBASE_UNVERIFIED_CODES,
} satisfies EmulatorProduct;
