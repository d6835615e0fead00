/**
 * ApsaraDB RDS instances: MaxCompute gets in through an IP whitelist group (the link vSwitch's
 * block, appended with ModifySecurityIps Append so no other entry is touched) or by binding the
 * link's security group to the instance.
 */
import type { Cloud } from '../../cloud';
import { toRdsInstance } from '../../cloud/mappers';
import { splitList, type ReadOptions } from '../../cloud/reads';
import type { RdsInstance } from '../../core/model';
import { otherVpcCheck, targetError, type LiveCheck, type PlannedCall } from '../../core/plan';
import type { SourceRange, TargetAccess, TargetSpec } from '../../core/specModel';
import type { TargetCloud, TargetKindModule } from '../kind';
import { fillConsoleUrl } from '../common/consoleUrl';
import { applyServiceAccess } from '../common/serviceApply';
import { planServiceGrant, planServiceRevoke, serviceAccessFacts, serviceLinkAccess, type ServiceAccessCalls, type ServiceAccessLive } from '../common/serviceAccess';
import { accessOf, accessProblems, accessRanges, SERVICE_FORM_ACCESS, serviceFormItem, stringField } from '../common/serviceSpec';
import { definition } from './schema';
import { placementHop, serviceAccessHop } from '../common/reachability';

/**
 * [unverified] RDS instances accept up to ten ECS security groups (the reading of
 * ModifySecurityGroupConfiguration's reference; copies of the reference up to 2024 said three).
 */
export const RDS_MAX_SECURITY_GROUPS = 10;

/**
 * ModifySecurityIps' reference: "Delete: … at least one IP address must be kept", and no API
 * deletes a whitelist group. RDS's own default group holds 127.0.0.1, which admits no one; so
 * the link's last entry is taken back by appending 127.0.0.1 first, then deleting the block —
 * two atomic calls, neither of which can drop an entry someone else added meanwhile.
 * [unverified] that RDS then keeps the group (the emulator refuses the emptying Delete).
 */
export const RDS_NO_ACCESS_ENTRY = '127.0.0.1';

/** [unverified] The console page of an instance. */
const CONSOLE_URL = 'https://rdsnext.console.aliyun.com/detail/{id}/basicInfo?region={regionId}';

export interface RdsTargetSpec extends TargetSpec {
  kind: 'rds';
  instanceId: string;
  access: TargetAccess;
  ranges: TargetSpec['ranges'] & { instanceId: SourceRange; access: SourceRange; whitelistGroup: SourceRange };
}

export interface RdsLive extends ServiceAccessLive<RdsInstance> {
  kind: 'rds';
}

async function readWhitelist(cloud: TargetCloud, regionId: string, instanceId: string, options: ReadOptions) {
  const r = await cloud.rds.describeDBInstanceIPArrayList({ RegionId: regionId, DBInstanceId: instanceId }, options);
  return (r.Items?.DBInstanceIPArray ?? []).map((a) => ({ name: a.DBInstanceIPArrayName, ips: splitList(a.SecurityIPList) }));
}

async function readSecurityGroups(cloud: TargetCloud, regionId: string, instanceId: string, options: ReadOptions): Promise<string[]> {
  const r = await cloud.rds.describeSecurityGroupConfiguration({ RegionId: regionId, DBInstanceId: instanceId }, options);
  return (r.Items?.EcsSecurityGroupRelation ?? []).map((g) => g.SecurityGroupId);
}

async function readAccess(cloud: TargetCloud, regionId: string, instance: RdsInstance, options: ReadOptions): Promise<RdsLive> {
  const [whitelist, securityGroupIds] = await Promise.all([readWhitelist(cloud, regionId, instance.instanceId, options), readSecurityGroups(cloud, regionId, instance.instanceId, options)]);
  return { kind: 'rds', resource: instance, whitelist, securityGroupIds };
}

function calls(instanceId: string): ServiceAccessCalls {
  const modifyIps = (groupName: string, cidr: string, mode: 'Append' | 'Delete'): PlannedCall => ({ product: 'Rds', action: 'ModifySecurityIps', params: { DBInstanceId: instanceId, DBInstanceIPArrayName: groupName, SecurityIps: cidr, ModifyMode: mode } });
  return {
    label: `RDS ${instanceId}`,
    whitelistAdd: (groupName, _group, cidr) => ({ call: modifyIps(groupName, cidr, 'Append'), keeps: 'ModifyMode=Append: no existing entry is replaced or removed' }),
    whitelistRemove: (groupName, _group, entry) => modifyIps(groupName, entry, 'Delete'),
    lastEntryNote: `RDS keeps at least one entry in a group and has no call that deletes one: ${RDS_NO_ACCESS_ENTRY} (admits no one) is appended first, and the group stays`,
    groupsSet: (groupIds) => ({ product: 'Rds', action: 'ModifySecurityGroupConfiguration', params: { DBInstanceId: instanceId, SecurityGroupId: groupIds.join(',') } }),
  };
}

export const rdsKind: TargetKindModule<RdsTargetSpec, RdsLive, RdsInstance> = {
  kind: 'rds',
  noun: 'RDS instance',
  schema: { definition, kindWords: 'rds (ApsaraDB RDS instance)', example: { kind: 'rds', instance: 'rm-bp1abc2def3ghi4jkl5' } },
  // The instance's own port (3306, 5432…): known only once it is read.
  defaultPorts: [],

  buildSpec(fields, common) {
    const ranges = accessRanges(fields);
    return { ...common, kind: 'rds', instanceId: stringField(fields, 'instance'), access: accessOf(fields), ranges: { ...common.ranges, instanceId: fields.range('instance'), ...ranges } };
  },
  derivedLabel: (data) => `rds ${String(data.instance ?? '')}`,
  specProblems: (target, fields) => accessProblems(target.access, target.ranges.whitelistGroup, fields),
  identity: (target) => ({ words: `RDS instance ${target.instanceId}`, range: target.ranges.instanceId }),
  targetPorts: () => [],
  resourceIdOf: (target) => target.instanceId,

  async readLive(cloud, regionId, target, _reads, options) {
    const list = await cloud.rds.describeDBInstances({ RegionId: regionId, DBInstanceId: target.instanceId }, options);
    const wire = (list.Items?.DBInstance ?? []).find((i) => i.DBInstanceId === target.instanceId);
    if (wire === undefined) return { kind: 'rds', whitelist: [], securityGroupIds: [] };
    return readAccess(cloud, regionId, toRdsInstance(wire, regionId), options);
  },

  liveChecks(target, live, ctx): LiveCheck[] {
    if (live.resource === undefined) return [targetError('target-not-found', target, `RDS instance ${target.instanceId} was not found in ${ctx.spec.regionId}.`, target.ranges.instanceId)];
    const checks = otherVpcCheck(target, `RDS instance ${target.instanceId}`, live.resource.vpcId, ctx, target.ranges.instanceId);
    const bound = ctx.linkGroupId !== undefined && live.securityGroupIds.includes(ctx.linkGroupId);
    if (target.access.mode === 'securityGroup' && !bound && live.securityGroupIds.length >= RDS_MAX_SECURITY_GROUPS) {
      checks.push(targetError('too-many-security-groups', target, `RDS instance ${target.instanceId} already has ${live.securityGroupIds.length} security groups (${live.securityGroupIds.join(', ')}), the most it accepts is ${RDS_MAX_SECURITY_GROUPS}; use access: whitelist, or remove one.`, target.ranges.access));
    }
    return checks;
  },
  planGrant: (target, live, ctx) => planServiceGrant(target, live, ctx, calls(target.instanceId)),
  planRevoke: (target, live, ctx) => planServiceRevoke(target, live, ctx, calls(target.instanceId)),
  modifiedGroups: () => [],

  apply(target, change, ctx) {
    const { cloud, regionId } = ctx;
    const instanceId = target.instanceId;
    const options = { signal: ctx.signal };
    return applyServiceAccess(target.access, change, {
      label: `RDS instance ${instanceId}`,
      readWhitelist: () => readWhitelist(cloud, regionId, instanceId, options),
      // ModifySecurityIps Append and Delete change only the given entries: atomic on the server.
      addToWhitelist: async (groupName, _current, cidr) => void (await cloud.rds.modifySecurityIps({ RegionId: regionId, DBInstanceId: instanceId, DBInstanceIPArrayName: groupName, SecurityIps: cidr, ModifyMode: 'Append' })),
      removeFromWhitelist: async (groupName, current, entry) => {
        const modify = (ips: string, mode: 'Append' | 'Delete') => cloud.rds.modifySecurityIps({ RegionId: regionId, DBInstanceId: instanceId, DBInstanceIPArrayName: groupName, SecurityIps: ips, ModifyMode: mode });
        if (current.ips.every((ip) => ip === entry)) await modify(RDS_NO_ACCESS_ENTRY, 'Append');
        await modify(entry, 'Delete');
      },
      readSecurityGroups: () => readSecurityGroups(cloud, regionId, instanceId, options),
      // [unverified] An empty SecurityGroupId unbinds the last group (teardown of an instance bound only to the link's group).
      writeSecurityGroups: async (ids) => void (await cloud.rds.modifySecurityGroupConfiguration({ RegionId: regionId, DBInstanceId: instanceId, SecurityGroupId: ids.join(',') })),
      maxSecurityGroups: RDS_MAX_SECURITY_GROUPS,
    }, ctx);
  },

  usageHints: (target, link) => [`-- ${target.label}: JDBC foreign tables over RDS ${target.instanceId} add 'networklink'='${link.networkLinkName}' to TBLPROPERTIES (STORED BY 'com.aliyun.odps.jdbc.JdbcStorageHandler')`],

  reachability: (target, live, link) => {
    const words = `RDS instance ${target.instanceId}`;
    const placement = placementHop(words, live.resource !== undefined, live.resource?.vpcId, link);
    if (placement.verdict === 'fail' || live.resource === undefined) return { ports: [], addresses: [], hops: [placement] };
    return { ports: [live.resource.port], addresses: [], hops: [placement, serviceAccessHop(target, live, link, words)] };
  },

  service: {
    listScope: 'vpc',
    list: (cloud: Cloud, _regionId, vpcId, options) => cloud.fetchAll(cloud.lists.rdsInstances(vpcId === undefined ? {} : { VpcId: vpcId }), options),
    readAccess: (cloud, regionId, instance, _reads, options) => readAccess(cloud, regionId, instance, options),
    linkAccess: (live, source) => serviceLinkAccess(live, source, 'instance'),
    accessFacts: serviceAccessFacts,
    idOf: (instance) => instance.instanceId,
    matches: (target, instance) => target.instanceId === instance.instanceId,
    // The instance listens on one port; the whitelist or group opens the instance, not single ports.
    formOffer: (instance) => ({ ports: [{ port: instance.port, label: `${instance.engine} port`, checked: true, fixed: true }], access: SERVICE_FORM_ACCESS }),
    formItem: (instance, choice) => serviceFormItem('rds', 'instance', instance.instanceId, choice.access),
    present: (instance) => ({
      id: instance.instanceId,
      label: instance.description || instance.instanceId,
      kindText: `RDS ${instance.engine} ${instance.engineVersion}`.trim(),
      icon: 'database',
      facts: [`- Port: ${instance.port}`, `- Status: ${instance.status}`],
      consoleUrl: fillConsoleUrl(CONSOLE_URL, instance.regionId, instance.instanceId),
    }),
  },
};
