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
 * What stays unverified is in constants.ts (LINDORM_UNVERIFIED).
 */
import { parseBlock } from '../cidr';
import type { ActionContext, ProductApi } from '../action';
import { LINDORM_UNVERIFIED, UNVERIFIED_CODES } from '../constants';
import { ApiError, missingParameter } from '../errors';
import { findLindormInstance, optionalRegion, ownList } from '../lookup';
import type { AccountState, LindormInstanceRecord } from '../state';

/** The group UpdateInstanceIpWhiteList changes when no GroupName is given (API doc). */
export const LINDORM_DEFAULT_GROUP = 'user';

/** `2021-09-16 14:13:13`, the list's CreateTime format (SDK example). */
function localTime(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, '');
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
  const matches = ownList(ctx.account, 'lindormInstances').filter(
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
    throw new ApiError(UNVERIFIED_CODES.lindormParameter, `The parameter is invalid: GroupName "${groupName}" may contain only letters, digits and "_".`);
  }
  if (params.boolean('Delete') === true) {
    // "Clear all IP addresses and CIDR blocks in the whitelist": scope unverified, modelled widest (constants.ts).
    instance.whitelist = LINDORM_UNVERIFIED.deleteClearsEveryGroup ? [] : instance.whitelist.filter((g) => g.groupName !== groupName);
    return {};
  }
  const ips = [...new Set(params.commaList('SecurityIpList') ?? [])];
  if (ips.length === 0) throw missingParameter('SecurityIpList');
  for (const ip of ips) {
    if (!parseBlock(ip)) throw new ApiError(UNVERIFIED_CODES.lindormParameter, `The parameter is invalid: SecurityIpList entry "${ip}" is not an IPv4 address or CIDR block.`);
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
