/**
 * Lindorm API (product hitsdb) 2020-06-15: instances and their IP whitelist groups.
 *
 * Verified against the generated SDK models (alibabacloud-typescript-sdk hitsdb-20200615) and the
 * API reference:
 * - GetLindormInstanceList: RegionId, PageNumber, PageSize, QueryStr (fuzzy on the name), ServiceType,
 *   SupportEngine, ResourceGroupId, Tag.N.*; no VpcId filter. Answer: {PageNumber, PageSize, Total,
 *   InstanceList:[…]} (a plain array), each with InstanceId, InstanceAlias, InstanceStatus, VpcId,
 *   ZoneId, RegionId, EngineType (a string), ServiceType, NetworkType, PayType, CreateTime,
 *   CreateMilliseconds, AliUid, Tags:[{Key,Value}]; no vSwitch.
 * - GetLindormInstance: InstanceId*. Answer: the instance's fields at the top level, with VpcId and
 *   VswitchId (lower-case "s") and EngineType as a number.
 * - GetInstanceIpWhiteList: InstanceId*. Answer: {InstanceId, IpList:[string], GroupList:[{GroupName,
 *   SecurityIpList (comma-separated)}]}.
 * - UpdateInstanceIpWhiteList: InstanceId*, SecurityIpList* (comma-separated; "if you add 127.0.0.1
 *   to the whitelist, all IP addresses cannot be used to access the Lindorm instance"), GroupName
 *   (default `user`; letters, digits, "_"), Delete (boolean: "clear all IP addresses and CIDR blocks
 *   in the whitelist"). Answer {RequestId}. No ClientToken, no ModifyMode.
 * - Documented errors: Instance.IsDeleted (400), Instance.IsNotValid (400), Lindorm.Errorcode.ParameterInvaild (400).
 * What stays unverified is LINDORM_UNVERIFIED below.
 */
import { parseBlock } from '../cidr';
import type { ActionContext, ProductApi } from '../action';
import { ApiError, missingParameter } from '../errors';
import { findRecord, optionalRegion } from '../lookup';
import { collection, json, type DefaultWorld, type EmulatorProduct } from '../product';
import { SEED_REGION, SEED_TIME, seedId } from '../seedFacts';
import type { AccountState } from '../state';
import { VPC_SEED } from './vpc';

/** One whitelist group of a Lindorm instance. */
export interface LindormWhitelistGroup {
  groupName: string;
  ips: string[];
}

/** A Lindorm instance (hitsdb 2020-06-15). */
export interface LindormInstanceRecord {
  instanceId: string;
  regionId: string;
  zoneId: string;
  vpcId: string;
  vSwitchId: string;
  /** The name the console shows (InstanceAlias). */
  alias: string;
  /** e.g. `ACTIVATION` (running). */
  status: string;
  /** Sum of the engines it runs: 1 search, 2 LindormTSDB, 4 LindormTable, 8 file. */
  engineType: number;
  /** `lindorm`, `lindorm_multizone`, `serverless_lindorm`, `lindorm_standalone` or `lts`. */
  serviceType: string;
  /** Epoch ms. */
  createMilliseconds: number;
  whitelist: LindormWhitelistGroup[];
}

declare module '../state' {
  interface AccountState {
    /** Added with Lindorm: state files written before have none (read as empty). */
    lindormInstances: LindormInstanceRecord[];
  }
}

/** Lindorm (hitsdb 2020-06-15) behaviour the SDK models and API doc do not settle. Each entry is [unverified]. */
export const LINDORM_UNVERIFIED = {
  /** UpdateInstanceIpWhiteList replaces the named group's list (the doc says "sets the access whitelist"); it does not append. */
  updateReplacesGroup: true,
  /**
   * Delete=true: the SDK model says "Specifies whether to clear all IP addresses and CIDR blocks in
   * the whitelist", not which group. Modelled as the widest reading — every group's entries are
   * cleared (the groups go) — so a client that sent it would be seen to touch others' entries.
   * Whether SecurityIpList is still required with it is not documented either (it is here).
   */
  deleteClearsEveryGroup: true,
  /** GetInstanceIpWhiteList's flat IpList is every group's entries, deduplicated (the doc's sample shows different entries there than in GroupList). */
  ipListIsUnion: true,
  /** GetLindormInstanceList PageSize: default 10, at most 100 (no limit is documented). */
  defaultPageSize: 10,
  maxPageSize: 100,
  /** An unknown InstanceId answers Instance.IsNotValid (400), listed in the doc's error table as "The instance is invalid."; a NotFound code is not documented. */
  unknownInstanceCode: 'Instance.IsNotValid',
  /** Group names: letters, digits and "_" (the console doc's rule), 1-64 characters (length not documented). */
  groupNamePattern: /^[A-Za-z0-9_]{1,64}$/,
  /** The code for a bad parameter: documented (400), but which checks answer it is not. */
  parameterCode: 'Lindorm.Errorcode.ParameterInvaild',
} as const;

export const LINDORM_INSTANCES = collection({
  name: 'lindormInstances',
  schema: json.record<LindormInstanceRecord>({
    instanceId: json.string,
    regionId: json.string,
    zoneId: json.string,
    vpcId: json.string,
    vSwitchId: json.string,
    alias: json.string,
    status: json.string,
    engineType: json.number,
    serviceType: json.string,
    createMilliseconds: json.number,
    whitelist: json.arrayOf(json.record<LindormWhitelistGroup>({ groupName: json.string, ips: json.strings })),
  }),
  finder: {
    idField: 'instanceId',
    notFound: (id) => new ApiError(LINDORM_UNVERIFIED.unknownInstanceCode, `The instance is invalid: "${id}" does not exist.`),
  },
  addedLater: true,
});

/** The caller's Lindorm instance; the code for an unknown id is [unverified] (LINDORM_UNVERIFIED). */
function findLindormInstance(account: AccountState, instanceId: string): LindormInstanceRecord {
  return findRecord(account, LINDORM_INSTANCES, instanceId);
}

/** The group UpdateInstanceIpWhiteList changes when no GroupName is given (API doc). */
export const LINDORM_DEFAULT_GROUP = 'user';

/** `2021-09-16 14:13:13`, the list's CreateTime format (SDK example). */
function localTime(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d{3}Z$/, '');
}

function summaryWire(i: LindormInstanceRecord, account: AccountState): Record<string, unknown> {
  return {
    InstanceId: i.instanceId,
    InstanceAlias: i.alias,
    InstanceStatus: i.status,
    ServiceType: i.serviceType,
    EngineType: String(i.engineType),
    NetworkType: 'vpc',
    PayType: 'POSTPAY',
    RegionId: i.regionId,
    ZoneId: i.zoneId,
    VpcId: i.vpcId,
    AliUid: Number(account.accountId),
    CreateTime: localTime(i.createMilliseconds),
    CreateMilliseconds: i.createMilliseconds,
    ResourceGroupId: '',
    EnableCompute: false,
    EnableStream: false,
    Tags: [],
  };
}

function instanceList(ctx: ActionContext): Record<string, unknown> {
  const { params } = ctx;
  const regionId = optionalRegion(params);
  const query = params.optional('QueryStr');
  const serviceType = params.optional('ServiceType');
  const supportEngine = params.integer('SupportEngine', 0, 0, 1_000_000);
  const pageNumber = params.integer('PageNumber', 1, 1, 1_000_000);
  const pageSize = params.integer('PageSize', LINDORM_UNVERIFIED.defaultPageSize, 1, LINDORM_UNVERIFIED.maxPageSize);
  const matches = ctx.account.lindormInstances.filter(
    (i) =>
      (!regionId || i.regionId === regionId) &&
      (!query || i.alias.includes(query)) &&
      (!serviceType || i.serviceType === serviceType) &&
      // SupportEngine asks for instances that run at least these engines (a sum of flags).
      (supportEngine === 0 || (i.engineType & supportEngine) === supportEngine),
  );
  const items = matches.slice((pageNumber - 1) * pageSize, pageNumber * pageSize);
  return { PageNumber: pageNumber, PageSize: pageSize, Total: matches.length, InstanceList: items.map((i) => summaryWire(i, ctx.account)) };
}

function instanceDetail(ctx: ActionContext): Record<string, unknown> {
  const instance = findLindormInstance(ctx.account, ctx.params.required('InstanceId'));
  const { Tags: _tags, EngineType: _engine, ...summary } = summaryWire(instance, ctx.account);
  return { ...summary, EngineType: instance.engineType, VswitchId: instance.vSwitchId, DeletionProtection: 'false', EnableSSL: false };
}

function getWhitelist(ctx: ActionContext): Record<string, unknown> {
  const instance = findLindormInstance(ctx.account, ctx.params.required('InstanceId'));
  return {
    InstanceId: instance.instanceId,
    IpList: [...new Set(instance.whitelist.flatMap((g) => g.ips))],
    GroupList: instance.whitelist.map((g) => ({ GroupName: g.groupName, SecurityIpList: g.ips.join(',') })),
  };
}

function updateWhitelist(ctx: ActionContext): Record<string, unknown> {
  const { params } = ctx;
  const instance = findLindormInstance(ctx.account, params.required('InstanceId'));
  if (!params.has('SecurityIpList')) throw missingParameter('SecurityIpList');
  const groupName = params.optional('GroupName') || LINDORM_DEFAULT_GROUP;
  if (!LINDORM_UNVERIFIED.groupNamePattern.test(groupName)) {
    throw new ApiError(
      LINDORM_UNVERIFIED.parameterCode,
      `The parameter is invalid: GroupName "${groupName}" may contain only letters, digits and "_".`,
    );
  }
  if (params.boolean('Delete') === true) {
    // "Clear all IP addresses and CIDR blocks in the whitelist": scope unverified, modelled widest (constants.ts).
    instance.whitelist = LINDORM_UNVERIFIED.deleteClearsEveryGroup ? [] : instance.whitelist.filter((g) => g.groupName !== groupName);
    return {};
  }
  const ips = [...new Set(params.commaList('SecurityIpList') ?? [])];
  if (ips.length === 0) throw missingParameter('SecurityIpList');
  for (const ip of ips) {
    if (!parseBlock(ip))
      throw new ApiError(
        LINDORM_UNVERIFIED.parameterCode,
        `The parameter is invalid: SecurityIpList entry "${ip}" is not an IPv4 address or CIDR block.`,
      );
  }
  const group = instance.whitelist.find((g) => g.groupName === groupName);
  if (group) group.ips = ips;
  else instance.whitelist.push({ groupName, ips });
  return {};
}

export const LINDORM_API: ProductApi = {
  product: 'hitsdb',
  version: '2020-06-15',
  hostId: 'hitsdb.aliyuncs.com',
  actions: {
    GetLindormInstanceList: { mutates: false, handle: instanceList },
    GetLindormInstance: { mutates: false, handle: instanceDetail },
    GetInstanceIpWhiteList: { mutates: false, handle: getWhitelist },
    UpdateInstanceIpWhiteList: { mutates: true, handle: updateWhitelist },
  },
};

const HZ = SEED_REGION;

/** The default world's Lindorm instance in the app VPC (cn-hangzhou-j); whitelist group `user` holds 192.168.1.10. */
export const LINDORM_SEED = {
  main: {
    lindormInstanceId: seedId('ld', HZ, 'main/lindorm'),
    lindormWhitelist: { user: ['192.168.1.10'] },
  },
} as const;

function seedRows({ main }: DefaultWorld): void {
  const m = { ...VPC_SEED.main, ...LINDORM_SEED.main };
  main.lindormInstances.push({
    instanceId: m.lindormInstanceId,
    regionId: HZ,
    zoneId: 'cn-hangzhou-j',
    vpcId: m.vpcId,
    vSwitchId: m.vSwitchIdJ,
    alias: 'metrics-lindorm',
    status: 'ACTIVATION',
    // LindormTable (4) + LindormTSDB (2).
    engineType: 6,
    serviceType: 'lindorm',
    createMilliseconds: SEED_TIME,
    whitelist: Object.entries(m.lindormWhitelist).map(([groupName, ips]) => ({ groupName, ips: [...ips] })),
  });
}

export const lindorm = {
  name: 'Lindorm',
  apis: [LINDORM_API],
  collections: [LINDORM_INSTANCES],
  seed: { ids: LINDORM_SEED, rows: seedRows },
  unverified: LINDORM_UNVERIFIED,
} satisfies EmulatorProduct;
