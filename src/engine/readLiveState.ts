/**
 * Reads everything the planner needs for one spec, in parallel where the reads are independent
 * (the client's concurrency cap bounds them). Missing resources become `undefined`, so the live
 * checks can say what is missing; any other failure is a CloudError for the caller.
 */
import { toVSwitch, toVpc } from '../cloud/products/vpc';
import { batchedGroups, batchedInstances } from '../cloud/batchReads';
import { readGroupRules, readSpecLink } from '../cloud/reads';
import { chooseLinkGroup, type GroupWithIngress, type LiveState, type NetworkLinkApiState, type TargetLive } from '../core/plan';
import { NETWORK_LINK_ROLE_NAME } from '../core/networkLinkConsole';
import type { NetworkInterface, NetworkLink, SecurityGroup } from '../core/model';
import type { ConnectionSpec } from '../core/specModel';
import type { Cloud } from '../cloud';
import { serviceKinds, targetKind, type ServiceResource, type SharedReads } from '../targets';
import { unlessNotFound, type EngineCloud } from './engineCloud';
import {
  findGroups,
  readGroupInterfaces,
  readGroupWithIngress,
  readIngress,
  readLinkInterfaces,
  readManagedGroups,
  type ReadOptions,
} from './liveReads';

type Answer<F extends (...args: never[]) => Promise<unknown>> = Awaited<ReturnType<F>>;

/**
 * The reads that answer the same for every spec of one region and session: the caller, the ENI
 * role, a VPC, a vSwitch, MaxCompute's groups of a VPC, a link by name. `regionReads` makes each
 * once however many specs name it (mcvpc check over a repository); a single plan reads them plainly.
 */
export interface RegionReads {
  identity(): Promise<Answer<EngineCloud['sts']['getCallerIdentity']>>;
  /** The ENI role; undefined when it does not exist. */
  role(): Promise<Answer<EngineCloud['ram']['getRole']> | undefined>;
  vpcs(vpcId: string): Promise<Answer<EngineCloud['vpc']['describeVpcs']>>;
  vSwitches(vSwitchId: string): Promise<Answer<EngineCloud['vpc']['describeVSwitches']>>;
  managedGroups(vpcId: string): Promise<SecurityGroup[]>;
  specLink(networkLinkName: string): Promise<{ link?: NetworkLink; api: NetworkLinkApiState }>;
}

/** Each read of one region made as it is asked for (no sharing). */
function plainRegionReads(cloud: EngineCloud, regionId: string, options: ReadOptions): RegionReads {
  return {
    identity: () => cloud.sts.getCallerIdentity({}, options),
    role: () => unlessNotFound(cloud.ram.getRole({ RoleName: NETWORK_LINK_ROLE_NAME }, options)),
    vpcs: (VpcId) => cloud.vpc.describeVpcs({ RegionId: regionId, VpcId }, options),
    vSwitches: (VSwitchId) => cloud.vpc.describeVSwitches({ RegionId: regionId, VSwitchId }, options),
    managedGroups: (vpcId) => readManagedGroups(cloud, regionId, vpcId, options),
    specLink: (name) => readSpecLink(cloud, regionId, name, options),
  };
}

/**
 * The region's reads, each made once per argument and the answer shared by every spec that asks
 * (a failed read is not remembered: the next spec asks again). A link is read by name — one
 * GetNetworkLink per link, not one listing: whether ListNetworkLinks pages is not documented
 * (core/networkLinkApi.ts), and a link missed on a second page would read as drift.
 */
export function regionReads(cloud: EngineCloud, regionId: string, options: ReadOptions = {}): RegionReads {
  const plain = plainRegionReads(cloud, regionId, options);
  const caches = new Map<string, Promise<unknown>>();
  const once = <T>(key: string, read: () => Promise<T>): Promise<T> => {
    let found = caches.get(key) as Promise<T> | undefined;
    if (found === undefined) {
      found = read();
      caches.set(key, found);
      found.catch(() => caches.delete(key));
    }
    return found;
  };
  return {
    identity: () => once('identity', plain.identity),
    role: () => once('role', plain.role),
    vpcs: (vpcId) => once(`vpc ${vpcId}`, () => plain.vpcs(vpcId)),
    vSwitches: (vSwitchId) => once(`vsw ${vSwitchId}`, () => plain.vSwitches(vSwitchId)),
    managedGroups: (vpcId) => once(`managed ${vpcId}`, () => plain.managedGroups(vpcId)),
    specLink: (name) => once(`link ${name}`, () => plain.specLink(name)),
  };
}

/** The live state of the spec's VPC, link group, link traces and targets; `region` shares the region's reads between specs. */
export async function readLiveState(
  cloud: EngineCloud,
  spec: ConnectionSpec,
  options: ReadOptions = {},
  sharedReads?: SharedReads,
  region?: RegionReads,
): Promise<LiveState> {
  const regionId = spec.regionId;
  const reads = sharedReads ?? plainReads(cloud, regionId, options);
  const regional = region ?? plainRegionReads(cloud, regionId, options);
  const [identity, role, vpcs, vSwitches, linkGroup, managedGroups, specLink, targets] = await Promise.all([
    regional.identity(),
    regional.role(),
    regional.vpcs(spec.vpcId),
    regional.vSwitches(spec.vSwitchId),
    readLinkGroup(cloud, spec, options, sharedReads),
    regional.managedGroups(spec.vpcId),
    regional.specLink(spec.networkLinkName),
    Promise.all(spec.targets.map((t) => targetKind(t.kind).readLive(cloud, regionId, t, reads, options))),
  ]);
  const wireVpc = (vpcs.Vpcs?.Vpc ?? []).find((v) => v.VpcId === spec.vpcId);
  const wireVSwitch = (vSwitches.VSwitches?.VSwitch ?? []).find((s) => s.VSwitchId === spec.vSwitchId);
  const linkGroupId = linkGroup.found?.group.securityGroupId;
  const linkNetworkInterfaces =
    linkGroupId === undefined ? [] : await readLinkInterfaces(cloud, regionId, spec.vSwitchId, linkGroupId, options);
  return {
    regionId,
    callerAccountId: String(identity.AccountId),
    eniRoleExists: role !== undefined,
    vpc: wireVpc === undefined ? undefined : toVpc(wireVpc, regionId),
    vSwitch: wireVSwitch === undefined ? undefined : toVSwitch(wireVSwitch),
    linkGroup: linkGroup.found,
    sameNameGroupIds: linkGroup.others,
    sameNameGroupsInUse: linkGroup.inUse,
    linkGroupUsers: linkGroup.users,
    managedGroups,
    linkNetworkInterfaces,
    networkLink: specLink.link,
    networkLinkApi: specLink.api,
    targets,
  };
}

/**
 * The spec's existing group by id, or the group to create found by name in the VPC. Among
 * several same-named groups the first by id is taken and the others reported (the plan refuses).
 */
async function readLinkGroup(
  cloud: EngineCloud,
  spec: ConnectionSpec,
  options: ReadOptions,
  shared?: SharedReads,
): Promise<{ found?: GroupWithIngress; others: string[]; inUse: string[]; users: NetworkInterface[] }> {
  const groupSpec = spec.securityGroup;
  // Shared reads (the doctor's, the tree's cache) read a group's rules once, both directions.
  const ingressOf = async (id: string): Promise<GroupWithIngress['ingress']> =>
    shared === undefined
      ? readIngress(cloud, spec.regionId, id, options)
      : (await shared.groupRules(id)).filter((r) => r.direction === 'ingress');
  // Who uses the group: an instance's or a user's own interface would be opened by the link's rule too.
  const usersOf = (id: string): Promise<NetworkInterface[]> => readGroupInterfaces(cloud, spec.regionId, id, options);
  if (groupSpec.mode === 'existing') {
    const id = groupSpec.securityGroupId;
    if (shared === undefined) {
      const [found, users] = await Promise.all([readGroupWithIngress(cloud, spec.regionId, id, options), unlessNotFound(usersOf(id))]);
      return { found, others: [], inUse: [], users: found === undefined ? [] : (users ?? []) };
    }
    const group = await shared.group(id);
    if (group === undefined) return { others: [], inUse: [], users: [] };
    const [ingress, users] = await Promise.all([unlessNotFound(ingressOf(group.securityGroupId)), unlessNotFound(usersOf(id))]);
    return {
      found: ingress === undefined ? undefined : { group, ingress },
      others: [],
      inUse: [],
      users: ingress === undefined ? [] : (users ?? []),
    };
  }
  const { keep, extra } = chooseLinkGroup(
    await findGroups(cloud, spec.regionId, { VpcId: spec.vpcId, SecurityGroupName: groupSpec.name }, options),
  );
  if (keep === undefined) return { others: [], inUse: [], users: [] };
  const [ingress, extraUsers, users] = await Promise.all([
    ingressOf(keep.securityGroupId),
    Promise.all(extra.map((g) => usersOf(g.securityGroupId))),
    usersOf(keep.securityGroupId),
  ]);
  return {
    found: { group: keep, ingress },
    others: extra.map((g) => g.securityGroupId),
    inUse: extra.filter((_, i) => extraUsers[i]!.length > 0).map((g) => g.securityGroupId),
    users,
  };
}

/** The engine's shared reads: cloud calls, lookups by id batched (the Network view hands kinds cached ones). */
export function plainReads(cloud: EngineCloud, regionId: string, options: ReadOptions): SharedReads {
  return {
    group: batchedGroups(cloud, regionId, options),
    groupRules: (securityGroupId) => readGroupRules(cloud, regionId, securityGroupId, 'all', options),
    ecsInstance: batchedInstances(cloud, regionId, options),
  };
}

/** A service of a VPC with its access settings, read the way a plan reads a target's. */
export interface VpcService {
  kind: string;
  id: string;
  resource: ServiceResource;
  live: TargetLive;
}

/**
 * Every service of the VPC that a kind can list, with its access settings: where a target removed
 * from a spec after apply leaves its traces (core/drift.ts). One listing per kind serves every
 * spec of the VPC; the group reads go through `reads`.
 */
export async function readVpcServices(
  cloud: Cloud,
  regionId: string,
  vpcId: string,
  reads: SharedReads,
  options: ReadOptions = {},
): Promise<VpcService[]> {
  const perKind = await Promise.all(
    serviceKinds().map(async (kind) => {
      const binding = kind.service!;
      const resources = (await binding.list(cloud, regionId, binding.listScope === 'vpc' ? vpcId : undefined, options)).filter(
        (r: ServiceResource) => r.vpcId === vpcId,
      );
      return Promise.all(
        resources.map(async (resource: ServiceResource) => ({
          kind: kind.kind,
          id: binding.idOf(resource),
          resource,
          live: (await binding.readAccess(cloud, regionId, resource, reads, options)) as TargetLive,
        })),
      );
    }),
  );
  return perKind.flat();
}

/** True when a target of one of the specs names the service. */
export function serviceNamedBy(specs: readonly ConnectionSpec[], service: VpcService): boolean {
  return specs.some((spec) =>
    spec.targets.some((t) => t.kind === service.kind && targetKind(t.kind).service?.matches(t, service.resource) === true),
  );
}
