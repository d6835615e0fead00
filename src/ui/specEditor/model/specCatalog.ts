/**
 * The editor's read model: what completion, hover and the live checks know of the cloud, read
 * through the open session only (never opening one: typing must not trigger a sign-in) and
 * kept in a CallCache (the same memoized, abortable calls as the Network view) until a refresh
 * or a session change. Region-wide listings, so an id in another VPC is found and said so.
 * No vscode.
 */
import type { Cloud } from '../../../cloud';
import { readGroupRules } from '../../../cloud/reads';
import type { SecurityGroup, SecurityGroupRule, VSwitch, Vpc } from '../../../core/model';
import type { TargetLive } from '../../../core/plan';
import type { TargetSpec } from '../../../core/specModel';
import { serviceKinds, targetKind, type AnyTargetKind, type ServiceResource, type SharedReads } from '../../../targets';
import { CallCache } from '../../networkView/model/callCache';

/** A listed service with what its kind says about it. */
export interface CatalogService {
  kind: AnyTargetKind;
  resource: ServiceResource;
}

/** Cached region-wide reads for the spec editor. */
export class SpecCatalog {
  private readonly calls = new CallCache();

  /** `session()` is the open session, or undefined when none is open. */
  constructor(private readonly session: () => Cloud | undefined) {}

  /** True when a cloud session is open (live features are offered only then). */
  get available(): boolean {
    return this.session() !== undefined;
  }

  /** Forgets every answer (a refresh, a profile switch), aborting calls in flight. */
  clear(): void {
    this.calls.clear();
  }

  vpcs(regionId: string): Promise<Vpc[]> {
    return this.read(regionId, 'vpcs', (cloud, signal) => cloud.fetchAll(cloud.lists.vpcs(), { signal }));
  }

  vSwitches(regionId: string): Promise<VSwitch[]> {
    return this.read(regionId, 'vSwitches', (cloud, signal) => cloud.fetchAll(cloud.lists.vSwitches(), { signal }));
  }

  securityGroups(regionId: string): Promise<SecurityGroup[]> {
    return this.read(regionId, 'securityGroups', (cloud, signal) => cloud.fetchAll(cloud.lists.securityGroups(), { signal }));
  }

  groupRules(regionId: string, securityGroupId: string): Promise<SecurityGroupRule[]> {
    return this.read(regionId, `rules/${securityGroupId}`, (cloud, signal) =>
      readGroupRules(cloud, regionId, securityGroupId, 'all', { signal }),
    );
  }

  /** The services of every kind that has resources, region-wide; a kind whose listing fails is left out. */
  async services(regionId: string): Promise<CatalogService[]> {
    const listed = await Promise.all(
      serviceKinds().map(async (kind) => {
        try {
          const resources = await this.read(
            regionId,
            `services/${kind.kind}`,
            (cloud, signal) => kind.service!.list(cloud, regionId, undefined, { signal }) as Promise<ServiceResource[]>,
          );
          return resources.map((resource) => ({ kind, resource }));
        } catch {
          return [];
        }
      }),
    );
    return listed.flat();
  }

  /** What the planner would read for a target (its kind's readLive), cached by the id it names. */
  targetLive(regionId: string, target: TargetSpec): Promise<TargetLive> {
    const kind = targetKind(target.kind);
    const id = kind.resourceIdOf(target) ?? `#${target.index}`;
    return this.read(regionId, `live/${target.kind}/${id}`, (cloud, signal) =>
      kind.readLive(cloud, regionId, target, this.sharedReads(regionId), { signal }),
    );
  }

  /** Group reads through this catalog's cache. */
  sharedReads(regionId: string): SharedReads {
    return {
      group: async (securityGroupId) => (await this.securityGroups(regionId)).find((g) => g.securityGroupId === securityGroupId),
      groupRules: (securityGroupId) => this.groupRules(regionId, securityGroupId),
    };
  }

  /** One cached call in a region (the key says what it is). */
  read<T>(regionId: string, what: string, fetch: (cloud: Cloud, signal: AbortSignal) => Promise<T>): Promise<T> {
    const open = this.session();
    if (open === undefined) return Promise.reject(new Error('No cloud session is open.'));
    const cloud = open.withRegion(regionId);
    return this.calls.get(`${open.accountProfile}/${regionId}/${what}`, (signal) => fetch(cloud, signal));
  }
}
