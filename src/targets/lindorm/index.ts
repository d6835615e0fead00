/**
 * Lindorm instances (the successor of ApsaraDB for HBase): an IP whitelist group only.
 * UpdateInstanceIpWhiteList sets a group's whole list, so grant and revoke read the group, merge,
 * write and read back (shared/convergeList), keeping every other entry.
 */
import type { Cloud } from '../../cloud';
import { CloudError } from '../../cloud/errors';
import { toLindormInstance } from '../../cloud/mappers';
import { isNotFound, splitList, type ReadOptions } from '../../cloud/reads';
import type { LindormInstance } from '../../core/model';
import { otherVpcCheck, targetError, type PlannedCall, type WhitelistGroup } from '../../core/plan';
import type { SourceRange, TargetAccess, TargetSpec } from '../../core/specModel';
import type { TargetCloud, TargetKindModule } from '../kind';
import { fillConsoleUrl } from '../common/consoleUrl';
import { applyServiceAccess } from '../common/serviceApply';
import { planServiceGrant, planServiceRevoke, serviceAccessFacts, serviceLinkAccess, type ServiceAccessCalls, type ServiceAccessLive } from '../common/serviceAccess';
import { accessOf, accessProblems, accessRanges, serviceFormItem, stringField } from '../common/serviceSpec';
import { definition } from './schema';
import { placementHop, serviceAccessHop } from '../common/reachability';

/** [unverified] The console page of an instance. */
const CONSOLE_URL = 'https://lindorm.console.aliyun.com/{regionId}/instance/{id}/overview';

/**
 * Lindorm answers a missing instance with 400 Instance.IsNotValid or Instance.IsDeleted (documented
 * codes), not with a NotFound code: both mean "not there" for this kind.
 */
function isMissing(err: unknown): boolean {
  return isNotFound(err) || (err instanceof CloudError && ['Instance.IsNotValid', 'Instance.IsDeleted'].includes(err.code));
}

export interface LindormTargetSpec extends TargetSpec {
  kind: 'lindorm';
  instanceId: string;
  access: TargetAccess;
  ranges: TargetSpec['ranges'] & { instanceId: SourceRange; access: SourceRange; whitelistGroup: SourceRange };
}

export interface LindormLive extends ServiceAccessLive<LindormInstance> {
  kind: 'lindorm';
}

async function readWhitelist(cloud: TargetCloud, regionId: string, instanceId: string, options: ReadOptions): Promise<WhitelistGroup[]> {
  const r = await cloud.lindorm.getInstanceIpWhiteList({ RegionId: regionId, InstanceId: instanceId }, options);
  return (r.GroupList ?? []).map((g) => ({ name: g.GroupName, ips: splitList(g.SecurityIpList) }));
}

async function readInstance(cloud: TargetCloud, regionId: string, instanceId: string, options: ReadOptions): Promise<LindormInstance | undefined> {
  try {
    return toLindormInstance(await cloud.lindorm.getLindormInstance({ RegionId: regionId, InstanceId: instanceId }, options), regionId);
  } catch (err) {
    if (isMissing(err)) return undefined;
    throw err;
  }
}

function calls(instanceId: string): ServiceAccessCalls {
  const write = (groupName: string, ips: string[]): PlannedCall => ({ product: 'hitsdb', action: 'UpdateInstanceIpWhiteList', params: { InstanceId: instanceId, GroupName: groupName, SecurityIpList: ips.join(',') } });
  return {
    label: `Lindorm ${instanceId}`,
    whitelistAdd: (groupName, group, cidr) => ({ call: write(groupName, [...(group?.ips ?? []), cidr]), keeps: 'the list is re-read and merged right before writing, and read back after' }),
    whitelistRemove: (groupName, group, entry) => {
      const kept = group.ips.filter((ip) => ip !== entry);
      // An empty list is refused (SecurityIpList is required): a group left empty is deleted instead.
      return kept.length > 0 ? write(groupName, kept) : { ...write(groupName, [entry]), params: { InstanceId: instanceId, GroupName: groupName, SecurityIpList: entry, Delete: true } };
    },
  };
}

export const lindormKind: TargetKindModule<LindormTargetSpec, LindormLive, LindormInstance> = {
  kind: 'lindorm',
  noun: 'Lindorm instance',
  schema: { definition, kindWords: 'lindorm (Lindorm instance)', example: { kind: 'lindorm', instance: 'ld-bp1abc2def3ghi4jk' } },
  // [unverified] LindormTable's HBase-compatible endpoint (ZooKeeper 30020) and its MySQL protocol (33060).
  defaultPorts: [30020, 33060],

  buildSpec(fields, common) {
    return { ...common, kind: 'lindorm', instanceId: stringField(fields, 'instance'), access: accessOf(fields), ranges: { ...common.ranges, instanceId: fields.range('instance'), ...accessRanges(fields) } };
  },
  derivedLabel: (data) => `lindorm ${String(data.instance ?? '')}`,
  specProblems: (target, fields) => accessProblems(target.access, target.ranges.whitelistGroup, fields),
  identity: (target) => ({ words: `Lindorm instance ${target.instanceId}`, range: target.ranges.instanceId }),
  targetPorts: () => [],
  resourceIdOf: (target) => target.instanceId,

  async readLive(cloud, regionId, target, _reads, options) {
    const instance = await readInstance(cloud, regionId, target.instanceId, options);
    if (instance === undefined) return { kind: 'lindorm', whitelist: [], securityGroupIds: [] };
    return { kind: 'lindorm', resource: instance, whitelist: await readWhitelist(cloud, regionId, target.instanceId, options), securityGroupIds: [] };
  },

  liveChecks(target, live, ctx) {
    if (live.resource === undefined) return [targetError('target-not-found', target, `Lindorm instance ${target.instanceId} was not found in ${ctx.spec.regionId}.`, target.ranges.instanceId)];
    return otherVpcCheck(target, `Lindorm instance ${target.instanceId}`, live.resource.vpcId, ctx, target.ranges.instanceId);
  },
  planGrant: (target, live, ctx) => planServiceGrant(target, live, ctx, calls(target.instanceId)),
  planRevoke: (target, live, ctx) => planServiceRevoke(target, live, ctx, calls(target.instanceId)),
  modifiedGroups: () => [],

  apply(target, change, ctx) {
    const { cloud, regionId } = ctx;
    const instanceId = target.instanceId;
    const write = async (groupName: string, ips: string[]): Promise<void> => {
      await cloud.lindorm.updateInstanceIpWhiteList({ RegionId: regionId, InstanceId: instanceId, GroupName: groupName, SecurityIpList: ips.join(',') });
    };
    return applyServiceAccess(target.access, change, {
      label: `Lindorm instance ${instanceId}`,
      readWhitelist: () => readWhitelist(cloud, regionId, instanceId, { signal: ctx.signal }),
      // The group's whole list: `current` was read right before, and convergeList reads back.
      addToWhitelist: (groupName, current, cidr) => write(groupName, [...(current?.ips ?? []), cidr]),
      removeFromWhitelist: async (groupName, current, entry) => {
        const kept = current.ips.filter((ip) => ip !== entry);
        if (kept.length > 0) return write(groupName, kept);
        // Only our entry was left: the group goes (an empty SecurityIpList is refused).
        await cloud.lindorm.updateInstanceIpWhiteList({ RegionId: regionId, InstanceId: instanceId, GroupName: groupName, SecurityIpList: entry, Delete: true });
      },
    }, ctx);
  },

  usageHints: (target, link) => [`-- ${target.label}: HBase foreign tables over Lindorm ${target.instanceId} add 'networklink'='${link.networkLinkName}' to TBLPROPERTIES`],
  reachability: (target, live, link) => {
    const words = `Lindorm instance ${target.instanceId}`;
    const placement = placementHop(words, live.resource !== undefined, live.resource?.vpcId, link);
    if (placement.verdict === 'fail' || live.resource === undefined) return { ports: [], addresses: [], hops: [placement] };
    return { ports: [...lindormKind.defaultPorts], addresses: [], hops: [placement, serviceAccessHop(target, live, link, words)] };
  },

  service: {
    listScope: 'region',
    list: (cloud: Cloud, _regionId, _vpcId, options) => cloud.fetchAll(cloud.lists.lindormInstances(), options),
    readAccess: async (cloud, regionId, instance, _reads, options) => ({ kind: 'lindorm', resource: instance, whitelist: await readWhitelist(cloud, regionId, instance.instanceId, options), securityGroupIds: [] }),
    linkAccess: (live, source) => serviceLinkAccess(live, source, 'instance'),
    accessFacts: serviceAccessFacts,
    // Whitelist only: no access choice to offer. [unverified] ports: see defaultPorts.
    formOffer: () => ({ ports: [{ port: 30020, label: 'LindormTable (HBase API)', checked: true, fixed: true }, { port: 33060, label: 'LindormTable (MySQL protocol)', checked: true, fixed: true }] }),
    formItem: (instance) => serviceFormItem('lindorm', 'instance', instance.instanceId, 'whitelist'),
    idOf: (instance) => instance.instanceId,
    matches: (target, instance) => target.instanceId === instance.instanceId,
    present: (instance) => ({
      id: instance.instanceId,
      label: instance.name || instance.instanceId,
      kindText: 'Lindorm',
      icon: 'table',
      facts: [`- Status: ${instance.status}`, `- Zone: ${instance.zoneId}`],
      consoleUrl: fillConsoleUrl(CONSOLE_URL, instance.regionId, instance.instanceId),
    }),
  },
};
