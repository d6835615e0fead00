/**
 * Reads everything the planner needs for one spec, in parallel where the reads are independent
 * (the client's concurrency cap bounds them). Missing resources become `undefined`, so the live
 * checks can say what is missing; any other failure is a CloudError for the caller.
 */
import { toEmrCluster, toHBaseCluster, toRdsInstance, toVSwitch, toVpc } from '../cloud';
import type { EmrLive, GroupWithIngress, HBaseLive, LiveState, RdsLive, TargetLive } from '../core/plan';
import { NETWORK_LINK_ROLE_NAME } from '../core/networkLinkConsole';
import type { ConnectionSpec, EmrTargetSpec, HBaseTargetSpec, RdsTargetSpec, TargetSpec } from '../spec/types';
import { unlessNotFound, type EngineCloud } from './engineCloud';
import {
  findGroups,
  readGroupWithIngress,
  readHBaseSecurityGroups,
  readHBaseWhitelist,
  readIngress,
  readLinkInterfaces,
  readManagedGroups,
  readRdsSecurityGroups,
  readRdsWhitelist,
  type ReadOptions,
} from './liveReads';

/** The live state of the spec's VPC, link group, link traces and targets. */
export async function readLiveState(cloud: EngineCloud, spec: ConnectionSpec, options: ReadOptions = {}): Promise<LiveState> {
  const regionId = spec.regionId;
  const [identity, role, vpcs, vSwitches, linkGroup, managedGroups, targets] = await Promise.all([
    cloud.sts.getCallerIdentity({}, options),
    unlessNotFound(cloud.ram.getRole({ RoleName: NETWORK_LINK_ROLE_NAME }, options)),
    cloud.vpc.describeVpcs({ RegionId: regionId, VpcId: spec.vpcId }, options),
    cloud.vpc.describeVSwitches({ RegionId: regionId, VSwitchId: spec.vSwitchId }, options),
    readLinkGroup(cloud, spec, options),
    readManagedGroups(cloud, regionId, spec.vpcId, options),
    Promise.all(spec.targets.map((t) => readTarget(cloud, regionId, t, options))),
  ]);
  const wireVpc = (vpcs.Vpcs?.Vpc ?? []).find((v) => v.VpcId === spec.vpcId);
  const wireVSwitch = (vSwitches.VSwitches?.VSwitch ?? []).find((s) => s.VSwitchId === spec.vSwitchId);
  const linkGroupId = linkGroup.found?.group.securityGroupId;
  const linkNetworkInterfaces = linkGroupId === undefined ? [] : await readLinkInterfaces(cloud, regionId, spec.vSwitchId, linkGroupId, options);
  return {
    regionId,
    callerAccountId: String(identity.AccountId),
    eniRoleExists: role !== undefined,
    vpc: wireVpc === undefined ? undefined : toVpc(wireVpc, regionId),
    vSwitch: wireVSwitch === undefined ? undefined : toVSwitch(wireVSwitch),
    linkGroup: linkGroup.found,
    sameNameGroupIds: linkGroup.others,
    managedGroups,
    linkNetworkInterfaces,
    targets,
  };
}

/**
 * The spec's existing group by id, or the group to create found by name in the VPC. Among
 * several same-named groups the first by id is taken and the others reported (the plan refuses).
 */
async function readLinkGroup(cloud: EngineCloud, spec: ConnectionSpec, options: ReadOptions): Promise<{ found?: GroupWithIngress; others: string[] }> {
  const groupSpec = spec.securityGroup;
  if (groupSpec.mode === 'existing') {
    return { found: await readGroupWithIngress(cloud, spec.regionId, groupSpec.securityGroupId, options), others: [] };
  }
  const named = (await findGroups(cloud, spec.regionId, { VpcId: spec.vpcId, SecurityGroupName: groupSpec.name }, options)).sort((a, b) => a.securityGroupId.localeCompare(b.securityGroupId));
  const [first, ...rest] = named;
  if (first === undefined) return { others: [] };
  const ingress = await readIngress(cloud, spec.regionId, first.securityGroupId, options);
  return { found: { group: first, ingress }, others: rest.map((g) => g.securityGroupId) };
}

async function readTarget(cloud: EngineCloud, regionId: string, target: TargetSpec, options: ReadOptions): Promise<TargetLive> {
  switch (target.kind) {
    case 'rds':
      return readRds(cloud, regionId, target, options);
    case 'hbase':
      return readHBase(cloud, regionId, target, options);
    case 'emr':
      return readEmr(cloud, regionId, target, options);
    case 'custom':
      return { kind: 'custom' };
  }
}

async function readRds(cloud: EngineCloud, regionId: string, target: RdsTargetSpec, options: ReadOptions): Promise<RdsLive> {
  const list = await cloud.rds.describeDBInstances({ RegionId: regionId, DBInstanceId: target.instanceId }, options);
  const wire = (list.Items?.DBInstance ?? []).find((i) => i.DBInstanceId === target.instanceId);
  if (wire === undefined) return { kind: 'rds', whitelist: [], securityGroupIds: [] };
  const [whitelist, securityGroupIds] = await Promise.all([readRdsWhitelist(cloud, regionId, target.instanceId, options), readRdsSecurityGroups(cloud, regionId, target.instanceId, options)]);
  return { kind: 'rds', instance: toRdsInstance(wire, regionId), whitelist, securityGroupIds };
}

async function readHBase(cloud: EngineCloud, regionId: string, target: HBaseTargetSpec, options: ReadOptions): Promise<HBaseLive> {
  const list = await cloud.hbase.describeInstances({ RegionId: regionId, ClusterId: target.clusterId }, options);
  const wire = (list.Instances?.Instance ?? []).find((i) => i.ClusterId === target.clusterId);
  if (wire === undefined) return { kind: 'hbase', whitelist: [], securityGroupIds: [] };
  const [whitelist, securityGroupIds] = await Promise.all([readHBaseWhitelist(cloud, regionId, target.clusterId, options), readHBaseSecurityGroups(cloud, regionId, target.clusterId, options)]);
  return { kind: 'hbase', cluster: toHBaseCluster(wire, regionId), whitelist, securityGroupIds };
}

async function readEmr(cloud: EngineCloud, regionId: string, target: EmrTargetSpec, options: ReadOptions): Promise<EmrLive> {
  const live: EmrLive = { kind: 'emr' };
  if (target.clusterId !== undefined) {
    const response = await unlessNotFound(cloud.emr.getCluster({ RegionId: regionId, ClusterId: target.clusterId }, options));
    if (response === undefined) return live;
    live.cluster = toEmrCluster(response.Cluster, regionId);
  }
  const groupId = target.securityGroupId ?? live.cluster?.securityGroupId;
  if (groupId !== undefined) live.group = await readGroupWithIngress(cloud, regionId, groupId, options);
  return live;
}
