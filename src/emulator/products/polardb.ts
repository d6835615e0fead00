/**
 * PolarDB API 2017-08-01: clusters and their access whitelists (IP whitelist groups and ECS
 * security groups).
 *
 * Verified against the generated SDK models (alibabacloud-typescript-sdk polardb-20170801) and the
 * API reference:
 * - DescribeDBClusters: RegionId*, DBClusterIds (comma-separated), DBType, DBClusterStatus,
 *   DBClusterDescription (fuzzy), PageNumber, PageSize (30, 50 or 100; default 30); no VpcId filter.
 *   Answer: {PageNumber, PageRecordCount, TotalRecordCount, Items:{DBCluster:[…]}}, each cluster with
 *   DBClusterId, DBClusterDescription, DBClusterStatus, DBType, DBVersion, Engine ("POLARDB"),
 *   VpcId, VswitchId (lower-case "s"), ZoneId, RegionId, … and no port.
 * - DescribeDBClusterAccessWhitelist: DBClusterId*. Answer: {Items:{DBClusterIPArray:[{DBClusterIPArrayName,
 *   DBClusterIPArrayAttribute, SecurityIps (comma-separated)}]}, DBClusterSecurityGroups:{DBClusterSecurityGroup:
 *   [{SecurityGroupId, SecurityGroupName}]}}.
 * - ModifyDBClusterAccessWhitelist: DBClusterId*, WhiteListType (IP default | SecurityGroup),
 *   SecurityIps, DBClusterIPArrayName (default `default`; 2-120 lowercase letters and digits, a letter
 *   first, a letter or digit last; at most 50 groups; created when absent), DBClusterIPArrayAttribute,
 *   ModifyMode (Cover default | Append | Delete; IP only), SecurityGroupIds (comma-separated, at most 3;
 *   SecurityGroup only). At most 1,000 entries over all groups. Answer {RequestId}. No ClientToken.
 * - A missing cluster: InvalidDBClusterId.NotFound, 404, "The DBClusterId provided does not exist in our records."
 * What stays unverified is POLARDB_UNVERIFIED and POLARDB_UNVERIFIED_CODES below.
 */
import { parseBlock } from '../cidr';
import type { ActionContext, ProductApi } from '../action';
import { ApiError, invalidParameter, missingParameter } from '../errors';
import { findRecord, requiredRegion } from '../lookup';
import { collection, json, type DefaultWorld, type EmulatorProduct } from '../product';
import { SEED_CREATED, SEED_REGION, seedId } from '../seedFacts';
import type { AccountState } from '../state';
import { findSecurityGroup } from './ecsRecords';
import { IP_ARRAY, type IpArrayRecord } from './rds';
import { VPC_SEED } from './vpc';

/** A PolarDB cluster (PolarDB 2017-08-01). `ipArrays` are its IP whitelist groups, `securityGroupIds` its ECS groups (at most 3). */
export interface PolarDbClusterRecord {
  dbClusterId: string;
  regionId: string;
  zoneId: string;
  vpcId: string;
  vSwitchId: string;
  description: string;
  /** `MySQL`, `PostgreSQL` or `Oracle`. */
  dbType: string;
  dbVersion: string;
  /** e.g. `Running`. */
  status: string;
  nodeClass: string;
  createTime: string;
  ipArrays: IpArrayRecord[];
  securityGroupIds: string[];
}

declare module '../state' {
  interface AccountState {
    /** Added with PolarDB: state files written before have none (read as empty). */
    polardbClusters: PolarDbClusterRecord[];
  }
}

/** A missing cluster: the same code and status on every DBClusterId operation (API doc error tables). */
const CLUSTER_NOT_FOUND = 'InvalidDBClusterId.NotFound';
const CLUSTER_NOT_FOUND_STATUS = 404;

export const POLARDB_CLUSTERS = collection({
  name: 'polardbClusters',
  schema: json.record<PolarDbClusterRecord>({
    dbClusterId: json.string,
    regionId: json.string,
    zoneId: json.string,
    vpcId: json.string,
    vSwitchId: json.string,
    description: json.string,
    dbType: json.string,
    dbVersion: json.string,
    status: json.string,
    nodeClass: json.string,
    createTime: json.string,
    ipArrays: json.arrayOf(IP_ARRAY),
    securityGroupIds: json.strings,
  }),
  finder: {
    idField: 'dbClusterId',
    notFound: () => new ApiError(CLUSTER_NOT_FOUND, 'The DBClusterId provided does not exist in our records.', CLUSTER_NOT_FOUND_STATUS),
  },
  addedLater: true,
});

/** PolarDB codes no reference pins down: the exact strings are [unverified]. */
export const POLARDB_UNVERIFIED_CODES = {
  polardbIpArrayName: 'InvalidDBClusterIPArrayName.Malformed',
  polardbIpArrayNotFound: 'InvalidDBClusterIPArrayName.NotFound',
  polardbSecurityIps: 'InvalidSecurityIps.Malformed',
  polardbSecurityIpsQuota: 'QuotaExceeded.SecurityIps',
  polardbIpArrayQuota: 'QuotaExceeded.DBClusterIPArray',
  polardbGroupQuota: 'QuotaExceeded.SecurityGroup',
  polardbPageSize: 'InvalidPageSize.Malformed',
} as const;
const UNVERIFIED_CODES = POLARDB_UNVERIFIED_CODES;

/**
 * PolarDB 2017-08-01 behaviour the SDK models and API doc do not settle (the verified facts are in
 * this file's header). Each entry is [unverified].
 */
export const POLARDB_UNVERIFIED = {
  /** ModifyMode=Delete that empties a group: we remove the group (the `default` group stays, empty). */
  deleteEmptiesGroup: 'remove-group-except-default',
  /** ModifyMode=Delete on a group name the cluster does not have is refused (polardbIpArrayNotFound). */
  deleteMissingGroupRefused: true,
  /** WhiteListType=SecurityGroup ignores ModifyMode: the doc says ModifyMode applies to IP whitelists only, so SecurityGroupIds replaces the set. */
  securityGroupIdsReplace: true,
  /** New clusters start with the `default` group holding 127.0.0.1, as RDS and HBase do. */
  defaultGroupEntries: ['127.0.0.1'],
  /** DescribeDBClusters PageSize other than 30, 50 or 100 (the doc's valid values) is refused rather than rounded. */
  pageSizes: [30, 50, 100],
} as const;

/** The caller's PolarDB cluster; InvalidDBClusterId.NotFound (404) otherwise. */
function findPolarDbCluster(account: AccountState, dbClusterId: string): PolarDbClusterRecord {
  return findRecord(account, POLARDB_CLUSTERS, dbClusterId);
}

/** Whitelist entries over all groups of a cluster (API doc). */
export const POLARDB_MAX_SECURITY_IPS = 1000;
/** Whitelist groups per cluster (API doc). */
export const POLARDB_MAX_IP_ARRAYS = 50;
/** ECS security groups per cluster (API doc). */
export const POLARDB_MAX_SECURITY_GROUPS = 3;
const DEFAULT_GROUP = 'default';
/** 2-120 characters: lowercase letters and digits, a letter first, a letter or digit last (API doc). */
const GROUP_NAME = /^[a-z][a-z0-9]{0,118}[a-z0-9]$/;

function clusterWire(c: PolarDbClusterRecord): Record<string, unknown> {
  return {
    DBClusterId: c.dbClusterId,
    DBClusterDescription: c.description,
    DBClusterStatus: c.status,
    DBClusterNetworkType: 'VPC',
    DBType: c.dbType,
    DBVersion: c.dbVersion,
    Engine: 'POLARDB',
    DBNodeClass: c.nodeClass,
    DBNodeNumber: 2,
    DBNodes: {
      DBNode: [
        {
          DBNodeId: `pi-${c.dbClusterId.slice(3)}w`,
          DBNodeRole: 'Writer',
          DBNodeClass: c.nodeClass,
          RegionId: c.regionId,
          ZoneId: c.zoneId,
        },
        {
          DBNodeId: `pi-${c.dbClusterId.slice(3)}r`,
          DBNodeRole: 'Reader',
          DBNodeClass: c.nodeClass,
          RegionId: c.regionId,
          ZoneId: c.zoneId,
        },
      ],
    },
    Category: 'Normal',
    PayType: 'Postpaid',
    LockMode: 'Unlock',
    DeletionLock: 0,
    CreateTime: c.createTime,
    ExpireTime: '',
    Expired: 'false',
    RegionId: c.regionId,
    ZoneId: c.zoneId,
    VpcId: c.vpcId,
    // Lower-case "s": this is how DescribeDBClusters spells it.
    VswitchId: c.vSwitchId,
    ResourceGroupId: '',
    StorageType: 'essdautopl',
    Tags: { Tag: [] },
  };
}

function describeDBClusters(ctx: ActionContext): Record<string, unknown> {
  const { params } = ctx;
  const regionId = requiredRegion(params);
  const ids = params.commaList('DBClusterIds');
  const dbType = params.optional('DBType');
  const status = params.optional('DBClusterStatus');
  const description = params.optional('DBClusterDescription');
  const pageNumber = params.integer('PageNumber', 1, 1, 1_000_000);
  const pageSize = params.integer('PageSize', 30, 1, 100);
  if (!(POLARDB_UNVERIFIED.pageSizes as readonly number[]).includes(pageSize)) {
    throw new ApiError(UNVERIFIED_CODES.polardbPageSize, `The specified PageSize ${pageSize} is not valid: use 30, 50 or 100.`);
  }
  const matches = ctx.account.polardbClusters.filter(
    (c) =>
      c.regionId === regionId &&
      (!ids || ids.length === 0 || ids.includes(c.dbClusterId)) &&
      (!dbType || c.dbType.toLowerCase() === dbType.toLowerCase()) &&
      (!status || c.status === status) &&
      (!description || c.description.includes(description)),
  );
  const items = matches.slice((pageNumber - 1) * pageSize, pageNumber * pageSize);
  return {
    PageNumber: pageNumber,
    PageRecordCount: items.length,
    TotalRecordCount: matches.length,
    Items: { DBCluster: items.map(clusterWire) },
  };
}

function describeAccessWhitelist(ctx: ActionContext): Record<string, unknown> {
  const cluster = findPolarDbCluster(ctx.account, ctx.params.required('DBClusterId'));
  return {
    Items: {
      DBClusterIPArray: cluster.ipArrays.map((a) => ({
        DBClusterIPArrayName: a.name,
        DBClusterIPArrayAttribute: a.attribute,
        SecurityIps: a.ips.join(','),
      })),
    },
    DBClusterSecurityGroups: {
      DBClusterSecurityGroup: cluster.securityGroupIds.map((id) => ({
        SecurityGroupId: id,
        SecurityGroupName: ctx.account.securityGroups.find((g) => g.securityGroupId === id)?.name ?? '',
      })),
    },
  };
}

/** An IPv4 address or CIDR block with a prefix of 1 to 32 (API doc). */
function checkEntry(entry: string): void {
  const block = parseBlock(entry);
  if (!block || block.prefix < 1) {
    throw new ApiError(
      UNVERIFIED_CODES.polardbSecurityIps,
      `The specified SecurityIps entry "${entry}" is not an IPv4 address or a CIDR block with a prefix of 1 to 32.`,
    );
  }
}

function modifyIpWhitelist(ctx: ActionContext, cluster: PolarDbClusterRecord): void {
  const { params } = ctx;
  const name = params.optional('DBClusterIPArrayName') || DEFAULT_GROUP;
  if (!GROUP_NAME.test(name)) {
    throw new ApiError(
      UNVERIFIED_CODES.polardbIpArrayName,
      `The specified DBClusterIPArrayName "${name}" is not valid: 2-120 lowercase letters and digits, starting with a letter and ending with a letter or digit.`,
    );
  }
  const mode = params.optional('ModifyMode') || 'Cover';
  if (mode !== 'Cover' && mode !== 'Append' && mode !== 'Delete')
    throw invalidParameter('ModifyMode', `"${mode}" is not Cover, Append or Delete.`);
  const entries = [...new Set(params.commaList('SecurityIps') ?? [])];
  if (entries.length === 0) throw missingParameter('SecurityIps');
  entries.forEach(checkEntry);
  const existing = cluster.ipArrays.find((a) => a.name === name);
  if (mode === 'Delete') {
    if (!existing) {
      throw new ApiError(
        UNVERIFIED_CODES.polardbIpArrayNotFound,
        `The whitelist group "${name}" does not exist on ${cluster.dbClusterId}.`,
      );
    }
    const doomed = new Set(entries);
    existing.ips = existing.ips.filter((ip) => !doomed.has(ip));
    if (existing.ips.length === 0 && existing.name !== DEFAULT_GROUP) cluster.ipArrays = cluster.ipArrays.filter((a) => a !== existing);
    return;
  }
  const next = mode === 'Cover' ? entries : [...new Set([...(existing?.ips ?? []), ...entries])];
  if (!existing && cluster.ipArrays.length >= POLARDB_MAX_IP_ARRAYS) {
    throw new ApiError(
      UNVERIFIED_CODES.polardbIpArrayQuota,
      `${cluster.dbClusterId} already has ${POLARDB_MAX_IP_ARRAYS} whitelist groups, the most a cluster can have.`,
    );
  }
  const total = cluster.ipArrays.filter((a) => a !== existing).reduce((n, a) => n + a.ips.length, 0) + next.length;
  if (total > POLARDB_MAX_SECURITY_IPS) {
    throw new ApiError(
      UNVERIFIED_CODES.polardbSecurityIpsQuota,
      `The cluster would have ${total} whitelist entries; at most ${POLARDB_MAX_SECURITY_IPS} are allowed over all groups.`,
    );
  }
  if (existing) existing.ips = next;
  else cluster.ipArrays.push({ name, attribute: params.optional('DBClusterIPArrayAttribute') ?? '', ips: next });
}

function modifySecurityGroups(ctx: ActionContext, cluster: PolarDbClusterRecord): void {
  // An empty SecurityGroupIds unbinds every group; an absent one is a mistake.
  if (!ctx.params.has('SecurityGroupIds')) throw missingParameter('SecurityGroupIds');
  const ids = [...new Set(ctx.params.commaList('SecurityGroupIds') ?? [])];
  if (ids.length > POLARDB_MAX_SECURITY_GROUPS) {
    throw new ApiError(
      UNVERIFIED_CODES.polardbGroupQuota,
      `At most ${POLARDB_MAX_SECURITY_GROUPS} security groups can be associated with a cluster; ${ids.length} were given.`,
    );
  }
  for (const id of ids) findSecurityGroup(ctx.account, id, cluster.regionId);
  // ModifyMode applies to IP whitelists only (API doc): the given set replaces the cluster's.
  cluster.securityGroupIds = ids;
}

function modifyAccessWhitelist(ctx: ActionContext): Record<string, unknown> {
  const cluster = findPolarDbCluster(ctx.account, ctx.params.required('DBClusterId'));
  const type = ctx.params.optional('WhiteListType') || 'IP';
  if (type === 'IP') modifyIpWhitelist(ctx, cluster);
  else if (type === 'SecurityGroup') modifySecurityGroups(ctx, cluster);
  else throw invalidParameter('WhiteListType', `"${type}" is not IP or SecurityGroup.`);
  return {};
}

export const POLARDB_API: ProductApi = {
  product: 'polardb',
  version: '2017-08-01',
  hostId: 'polardb.aliyuncs.com',
  actions: {
    DescribeDBClusters: { mutates: false, handle: describeDBClusters },
    DescribeDBClusterAccessWhitelist: { mutates: false, handle: describeAccessWhitelist },
    ModifyDBClusterAccessWhitelist: { mutates: true, handle: modifyAccessWhitelist },
  },
};

const HZ = SEED_REGION;

/** The default world's PolarDB MySQL cluster in the app VPC (cn-hangzhou-h); whitelist groups `default` (127.0.0.1) and `app` (10.0.0.0/24). */
export const POLARDB_SEED = {
  main: {
    polardbClusterId: seedId('pc', HZ, 'main/polardb'),
    polardbWhitelist: { default: ['127.0.0.1'], app: ['10.0.0.0/24'] },
  },
} as const;

function seedRows({ main }: DefaultWorld): void {
  const m = { ...VPC_SEED.main, ...POLARDB_SEED.main };
  main.polardbClusters.push({
    dbClusterId: m.polardbClusterId,
    regionId: HZ,
    zoneId: 'cn-hangzhou-h',
    vpcId: m.vpcId,
    vSwitchId: m.vSwitchIdH,
    description: 'billing-polardb',
    dbType: 'MySQL',
    dbVersion: '8.0',
    status: 'Running',
    nodeClass: 'polar.mysql.x4.large',
    createTime: SEED_CREATED,
    ipArrays: Object.entries(m.polardbWhitelist).map(([name, ips]) => ({ name, attribute: '', ips: [...ips] })),
    securityGroupIds: [],
  });
}

export const polardb = {
  name: 'PolarDB',
  apis: [POLARDB_API],
  collections: [POLARDB_CLUSTERS],
  seed: { ids: POLARDB_SEED, rows: seedRows },
  errorStatus: { [CLUSTER_NOT_FOUND]: CLUSTER_NOT_FOUND_STATUS },
  unverified: { ...POLARDB_UNVERIFIED_CODES, ...POLARDB_UNVERIFIED },
} satisfies EmulatorProduct;
