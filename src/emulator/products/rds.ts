/** RDS API 2014-08-15: instances, their address and port, IP whitelists and ECS security-group bindings (reference §3). */
import { formatAddress, parseBlock } from '../cidr';
import type { ActionContext, ProductApi } from '../action';
import { ApiError, invalidParameter, missingParameter, notFound } from '../errors';
import { findRecord, requiredRegion } from '../lookup';
import { pageByNumber, pageByToken } from '../paging';
import { collection, json, type DefaultWorld, type EmulatorProduct } from '../product';
import { SEED_CREATED, SEED_REGION, seedId } from '../seedFacts';
import type { AccountState } from '../state';
import { findSecurityGroup } from './ecsRecords';
import { VPC_SEED } from './vpc';

/** One IP whitelist group (RDS's, and PolarDB's of the same shape). */
export interface IpArrayRecord {
  name: string;
  attribute: string;
  ips: string[];
}

export interface RdsInstanceRecord {
  dbInstanceId: string;
  regionId: string;
  zoneId: string;
  vpcId: string;
  vSwitchId: string;
  description: string;
  engine: string;
  engineVersion: string;
  instanceClass: string;
  port: number;
  status: string;
  connectionString: string;
  createTime: string;
  ipArrays: IpArrayRecord[];
  securityGroupIds: string[];
}

declare module '../state' {
  interface AccountState {
    rdsInstances: RdsInstanceRecord[];
  }
}

/** An IP whitelist group's schema. */
export const IP_ARRAY = json.record<IpArrayRecord>({ name: json.string, attribute: json.string, ips: json.strings });

export const RDS_INSTANCES = collection({
  name: 'rdsInstances',
  schema: json.record<RdsInstanceRecord>({
    dbInstanceId: json.string,
    regionId: json.string,
    zoneId: json.string,
    vpcId: json.string,
    vSwitchId: json.string,
    description: json.string,
    engine: json.string,
    engineVersion: json.string,
    instanceClass: json.string,
    port: json.number,
    status: json.string,
    connectionString: json.string,
    createTime: json.string,
    ipArrays: json.arrayOf(IP_ARRAY),
    securityGroupIds: json.strings,
  }),
  finder: { idField: 'dbInstanceId', notFound: (id) => notFound('InvalidDBInstanceId.NotFound', 'DBInstanceId', id) },
});

/**
 * RDS `ModifySecurityGroupConfiguration`: up to 10 ECS security groups per instance. Verified: the
 * SDK model's text changed from "three" to "10" on 2024-04-09 and still says 10 in 2026-02 (the
 * quota's error code stays unverified below).
 */
export const RDS_MAX_SECURITY_GROUPS = 10;

/** RDS whitelist: at most 1,000 entries per instance (API doc). */
export const RDS_MAX_SECURITY_IPS = 1000;

/**
 * Name of the whitelist group ModifySecurityIps uses when none is given. The API doc says `Default`,
 * the console and DescribeDBInstanceIPArrayList show `default`. [unverified: we use `default`]
 */
export const RDS_DEFAULT_IP_ARRAY_NAME = 'default';

/** RDS codes no reference pins down (the shapes follow RDS naming; the exact strings are [unverified]). */
export const RDS_UNVERIFIED_CODES = {
  securityIps: 'InvalidSecurityIPs.Format',
  securityIpsQuota: 'QuotaExceeded.SecurityIps',
  securityIpsDeleteAll: 'InvalidSecurityIPs.DeleteAll',
  ipArrayName: 'InvalidDBInstanceIPArrayName.Format',
  ipArrayNotFound: 'InvalidDBInstanceIPArrayName.NotFound',
  rdsGroupQuota: 'QuotaExceeded.SecurityGroup',
} as const;
const UNVERIFIED_CODES = RDS_UNVERIFIED_CODES;

/** The caller's RDS instance; InvalidDBInstanceId.NotFound otherwise. */
function findRdsInstance(account: AccountState, dbInstanceId: string): RdsInstanceRecord {
  return findRecord(account, RDS_INSTANCES, dbInstanceId);
}

function instanceWire(i: RdsInstanceRecord): Record<string, unknown> {
  return {
    DBInstanceId: i.dbInstanceId,
    DBInstanceDescription: i.description,
    DBInstanceStatus: i.status,
    DBInstanceType: 'Primary',
    DBInstanceClass: i.instanceClass,
    DBInstanceNetType: 'Intranet',
    InstanceNetworkType: 'VPC',
    Engine: i.engine,
    EngineVersion: i.engineVersion,
    Category: 'HighAvailability',
    VpcId: i.vpcId,
    VSwitchId: i.vSwitchId,
    VpcCloudInstanceId: `${i.dbInstanceId}_${i.vpcId}`,
    ZoneId: i.zoneId,
    RegionId: i.regionId,
    ConnectionMode: 'Standard',
    ConnectionString: i.connectionString,
    CreateTime: i.createTime,
    ExpireTime: '',
    PayType: 'Postpaid',
    LockMode: 'Unlock',
    MasterInstanceId: '',
    ReadOnlyDBInstanceIds: { ReadOnlyDBInstanceId: [] },
    ResourceGroupId: '',
  };
}

function describeDBInstances(ctx: ActionContext): Record<string, unknown> {
  const { params } = ctx;
  const regionId = requiredRegion(params);
  const vpcId = params.optional('VpcId');
  const vSwitchId = params.optional('VSwitchId');
  const ids = params.commaList('DBInstanceId');
  const engine = params.optional('Engine');
  const matches = ctx.account.rdsInstances.filter(
    (i) =>
      i.regionId === regionId &&
      (!vpcId || i.vpcId === vpcId) &&
      (!vSwitchId || i.vSwitchId === vSwitchId) &&
      (!ids || ids.length === 0 || ids.includes(i.dbInstanceId)) &&
      (!engine || i.engine.toLowerCase() === engine.toLowerCase()),
  );
  if (params.has('MaxResults') || params.has('NextToken')) {
    const page = pageByToken(matches, params, { defaultMaxResults: 30, minMaxResults: 1, maxMaxResults: 100 });
    return {
      NextToken: page.nextToken,
      PageRecordCount: page.items.length,
      TotalRecordCount: page.totalCount,
      Items: { DBInstance: page.items.map(instanceWire) },
    };
  }
  const page = pageByNumber(matches, params, { defaultPageSize: 30, maxPageSize: 100 });
  return {
    PageNumber: page.pageNumber,
    PageRecordCount: page.items.length,
    TotalRecordCount: page.totalCount,
    NextToken: '',
    Items: { DBInstance: page.items.map(instanceWire) },
  };
}

function describeIpArrays(ctx: ActionContext): Record<string, unknown> {
  const instance = findRdsInstance(ctx.account, ctx.params.required('DBInstanceId'));
  return {
    Items: {
      DBInstanceIPArray: instance.ipArrays.map((a) => ({
        DBInstanceIPArrayName: a.name,
        DBInstanceIPArrayAttribute: a.attribute,
        SecurityIPType: 'IPv4',
        SecurityIPList: a.ips.join(','),
        WhitelistNetworkType: 'MIX',
      })),
    },
  };
}

/** An IPv4 address or CIDR block; RDS's other forms (`%`, IPv6 groups) are not modelled. */
function checkWhitelistEntry(entry: string): void {
  if (!parseBlock(entry))
    throw new ApiError(UNVERIFIED_CODES.securityIps, `The specified SecurityIps entry "${entry}" is not an IPv4 address or CIDR block.`);
}

/** Group names: lowercase letter first, then lowercase letters, digits or `_`; 2–120 characters. */
const IP_ARRAY_NAME = /^[a-z][a-z0-9_]{1,119}$/;

function modifySecurityIps(ctx: ActionContext): Record<string, unknown> {
  const { params } = ctx;
  const instance = findRdsInstance(ctx.account, params.required('DBInstanceId'));
  if (!params.has('SecurityIps')) throw missingParameter('SecurityIps');
  const entries = [...new Set(params.commaList('SecurityIps') ?? [])];
  entries.forEach(checkWhitelistEntry);
  const name = params.optional('DBInstanceIPArrayName') || RDS_DEFAULT_IP_ARRAY_NAME;
  if (!IP_ARRAY_NAME.test(name)) {
    throw new ApiError(
      UNVERIFIED_CODES.ipArrayName,
      `The specified DBInstanceIPArrayName "${name}" is not valid: 2-120 characters, lowercase letters, digits and "_", starting with a letter.`,
    );
  }
  const mode = params.optional('ModifyMode') || 'Cover';
  if (mode !== 'Cover' && mode !== 'Append' && mode !== 'Delete')
    throw invalidParameter('ModifyMode', `"${mode}" is not Cover, Append or Delete.`);
  const existing = instance.ipArrays.find((a) => a.name === name);
  let next: string[];
  if (mode === 'Delete') {
    if (!existing)
      throw new ApiError(UNVERIFIED_CODES.ipArrayNotFound, `The whitelist group "${name}" does not exist on ${instance.dbInstanceId}.`);
    const doomed = new Set(entries);
    next = existing.ips.filter((ip) => !doomed.has(ip));
    if (next.length === 0) {
      throw new ApiError(
        UNVERIFIED_CODES.securityIpsDeleteAll,
        `Deleting these entries would leave whitelist group "${name}" empty; at least one entry must remain.`,
      );
    }
  } else {
    if (entries.length === 0) throw missingParameter('SecurityIps');
    next = mode === 'Cover' ? entries : [...new Set([...(existing?.ips ?? []), ...entries])];
  }
  const total = instance.ipArrays.filter((a) => a.name !== name).reduce((n, a) => n + a.ips.length, 0) + next.length;
  if (total > RDS_MAX_SECURITY_IPS) {
    throw new ApiError(
      UNVERIFIED_CODES.securityIpsQuota,
      `The instance would have ${total} whitelist entries; at most ${RDS_MAX_SECURITY_IPS} are allowed.`,
    );
  }
  if (existing) existing.ips = next;
  else instance.ipArrays.push({ name, attribute: params.optional('DBInstanceIPArrayAttribute') ?? '', ips: next });
  return { TaskId: String(Math.floor(ctx.now / 1000) % 1_000_000_000) };
}

/** The instance's private address: a fixed host of its vSwitch, far from where link ENIs are placed. */
function privateAddress(ctx: ActionContext, instance: RdsInstanceRecord): string {
  const vSwitch = ctx.account.vSwitches.find((v) => v.vSwitchId === instance.vSwitchId);
  const cidr = vSwitch ? parseBlock(vSwitch.cidrBlock) : undefined;
  return cidr ? formatAddress(cidr.network + Math.min(200, 2 ** (32 - cidr.prefix) - 4)) : '';
}

function describeNetInfo(ctx: ActionContext): Record<string, unknown> {
  const instance = findRdsInstance(ctx.account, ctx.params.required('DBInstanceId'));
  return {
    InstanceNetworkType: 'VPC',
    SecurityIPMode: 'normal',
    DBInstanceNetInfos: {
      DBInstanceNetInfo: [
        {
          ConnectionString: instance.connectionString,
          ConnectionStringType: 'Normal',
          IPAddress: privateAddress(ctx, instance),
          IPType: 'Private',
          // A string, as in the API.
          Port: String(instance.port),
          VPCId: instance.vpcId,
          VSwitchId: instance.vSwitchId,
          Upgradeable: 'Disabled',
          SecurityIPGroups: {
            securityIPGroup: instance.ipArrays.map((a) => ({ SecurityIPGroupName: a.name, SecurityIPs: a.ips.join(',') })),
          },
          DBInstanceWeights: { DBInstanceWeight: [] },
        },
      ],
    },
  };
}

function relations(ctx: ActionContext, instance: RdsInstanceRecord, withName: boolean): Record<string, unknown>[] {
  return instance.securityGroupIds.map((id) => {
    const group = ctx.account.securityGroups.find((g) => g.securityGroupId === id);
    return {
      SecurityGroupId: id,
      ...(withName ? { SecurityGroupName: group?.name ?? '' } : {}),
      RegionId: instance.regionId,
      NetworkType: 'VPC',
    };
  });
}

function describeSecurityGroupConfiguration(ctx: ActionContext): Record<string, unknown> {
  const instance = findRdsInstance(ctx.account, ctx.params.required('DBInstanceId'));
  return { DBInstanceName: instance.dbInstanceId, Items: { EcsSecurityGroupRelation: relations(ctx, instance, true) } };
}

function modifySecurityGroupConfiguration(ctx: ActionContext): Record<string, unknown> {
  const { params } = ctx;
  const instance = findRdsInstance(ctx.account, params.required('DBInstanceId'));
  // An empty SecurityGroupId is allowed and removes every binding; an absent one is not.
  if (!params.has('SecurityGroupId')) throw missingParameter('SecurityGroupId');
  const ids = [...new Set(params.commaList('SecurityGroupId') ?? [])];
  if (ids.length > RDS_MAX_SECURITY_GROUPS) {
    throw new ApiError(
      UNVERIFIED_CODES.rdsGroupQuota,
      `At most ${RDS_MAX_SECURITY_GROUPS} security groups can be bound to an instance; ${ids.length} were given.`,
    );
  }
  for (const id of ids) findSecurityGroup(ctx.account, id, instance.regionId);
  instance.securityGroupIds = ids;
  return { DBInstanceName: instance.dbInstanceId, Items: { EcsSecurityGroupRelation: relations(ctx, instance, false) } };
}

export const RDS_API: ProductApi = {
  product: 'Rds',
  version: '2014-08-15',
  hostId: 'rds.aliyuncs.com',
  actions: {
    DescribeDBInstances: { mutates: false, handle: describeDBInstances },
    DescribeDBInstanceIPArrayList: { mutates: false, handle: describeIpArrays },
    DescribeDBInstanceNetInfo: { mutates: false, handle: describeNetInfo },
    ModifySecurityIps: { mutates: true, handle: modifySecurityIps },
    DescribeSecurityGroupConfiguration: { mutates: false, handle: describeSecurityGroupConfiguration },
    ModifySecurityGroupConfiguration: { mutates: true, handle: modifySecurityGroupConfiguration },
  },
};

const HZ = SEED_REGION;

/** The default world's RDS MySQL instance in the app VPC (cn-hangzhou-h). */
export const RDS_SEED = {
  main: {
    rdsInstanceId: seedId('rm', HZ, 'main/rds'),
    rdsPort: 3306,
  },
} as const;

function seedRows({ main }: DefaultWorld): void {
  const m = { ...VPC_SEED.main, ...RDS_SEED.main };
  main.rdsInstances.push({
    dbInstanceId: m.rdsInstanceId,
    regionId: HZ,
    zoneId: 'cn-hangzhou-h',
    vpcId: m.vpcId,
    vSwitchId: m.vSwitchIdH,
    description: 'orders-mysql',
    engine: 'MySQL',
    engineVersion: '8.0',
    instanceClass: 'mysql.n2.medium.1',
    port: m.rdsPort,
    status: 'Running',
    connectionString: `${m.rdsInstanceId}.mysql.rds.aliyuncs.com`,
    createTime: SEED_CREATED,
    ipArrays: [
      { name: 'default', attribute: '', ips: ['127.0.0.1', '192.168.1.10'] },
      { name: 'ali_dms_group', attribute: 'hidden', ips: ['100.104.0.0/16'] },
    ],
    securityGroupIds: [],
  });
}

export const rds = {
  name: 'RDS',
  apis: [RDS_API],
  collections: [RDS_INSTANCES],
  seed: { ids: RDS_SEED, rows: seedRows },
  unverified: { ...RDS_UNVERIFIED_CODES, defaultIpArrayName: RDS_DEFAULT_IP_ARRAY_NAME },
} satisfies EmulatorProduct;
