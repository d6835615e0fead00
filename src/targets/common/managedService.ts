/**
 * One module for every managed service that admits MaxCompute through an IP whitelist group or
 * the link's security group bound to it (RDS, PolarDB, HBase, Lindorm). The spec fields, the
 * checks, the plan's decisions, apply, the doctor's hops and the Network view's binding are the
 * same for all of them; a kind's folder holds only its product's facts: the calls, the limits,
 * the quirks (managedServiceKind below turns them into the kind's module).
 */
import type { Cloud } from '../../cloud';
import type { ReadOptions } from '../../cloud/reads';
import { otherVpcCheck, targetError, type WhitelistGroup } from '../../core/plan';
import type { SourceRange, TargetSpec } from '../../core/specModel';
import { foreignTableHandler, foreignTableSets, type ForeignTableKind } from '../../core/usage';
import type { FormOffer, ServiceBinding, ServicePresentation, ServiceResource, TargetCloud, TargetKindModule, TargetSchema } from '../kind';
import { fillConsoleUrl } from './consoleUrl';
import { placementHop, serviceAccessHop } from './reachability';
import {
  planServiceGrant,
  planServiceRevoke,
  serviceAccessFacts,
  serviceLinkAccess,
  type ServiceAccessCalls,
  type ServiceAccessLive,
  type ServiceAccessTarget,
} from './serviceAccess';
import { applyServiceAccess, type ServiceAccessOps } from './serviceApply';
import { accessOf, accessProblems, accessRanges, SERVICE_FORM_ACCESS, serviceFormItem, stringField } from './serviceSpec';

/** A target of a managed-service kind: the resource's id under `Id` (`instanceId`, `clusterId`), and the access it asks for. */
export type ManagedServiceSpec<K extends string, Id extends string> = ServiceAccessTarget & { [P in Id]: string } & {
  kind: K;
  ranges: TargetSpec['ranges'] & { [P in Id]: SourceRange } & { access: SourceRange; whitelistGroup: SourceRange };
};

/** What was read of a managed-service target (no `resource` when it does not exist). */
export type ManagedServiceLive<K extends string, R> = ServiceAccessLive<R> & { kind: K };

/** A resource of such a kind: the model carries its id under the same name as the typed spec (`instanceId`, `clusterId`). */
export type ManagedResource<Id extends string> = ServiceResource & { [P in Id]: string };

/** The whitelist groups and the bound security groups of one resource. */
export interface AccessSettings {
  whitelist: WhitelistGroup[];
  securityGroupIds: string[];
}

type AccessRead<T> = (cloud: TargetCloud, regionId: string, id: string, options: ReadOptions) => Promise<T>;

/** How a kind reads its access settings. */
export type AccessReads =
  /**
   * One call per list: plans read both side by side, apply re-reads only the list it changes.
   * Without `securityGroups` the service admits clients by whitelist only (no access choice).
   */
  | { whitelist: AccessRead<WhitelistGroup[]>; securityGroups?: AccessRead<string[]> }
  /**
   * One call answers both lists: apply re-reads the resource along with them, so a resource
   * deleted meanwhile reads as holding nothing (a revoke has nothing left to take back).
   */
  | { whitelistAndGroups: AccessRead<AccessSettings> };

/** The calls apply makes to change access (each one what the plan's ServiceAccessCalls showed). */
export type AccessWriters = Pick<ServiceAccessOps, 'addToWhitelist' | 'removeFromWhitelist' | 'writeSecurityGroups'>;

/** What differs between the managed-service kinds: the product's facts. */
export interface ManagedServiceFacts<K extends string, Id extends string, R extends ManagedResource<Id>> {
  kind: K;
  /** The thing in words (`RDS instance`): checks, apply and the doctor say `<noun> <id>`. */
  noun: string;
  /** The spec's field naming the resource (`instance`, `cluster`): also what the Network view says the link's group is bound to. */
  idField: string;
  /** The typed spec's property holding the id, which the model uses too (`instanceId`, `clusterId`). */
  idProperty: Id;
  schema: Omit<TargetSchema, 'example'> & { exampleId: string };
  /** The ports MaxCompute must reach by default (see TargetKindModule). */
  defaultPorts: readonly number[];
  /** The ports the doctor checks once the resource is read (default: defaultPorts). */
  portsOf?(resource: R): readonly number[];
  /** One resource by id; undefined when it does not exist. */
  fetch(cloud: TargetCloud, regionId: string, id: string, options: ReadOptions): Promise<R | undefined>;
  reads: AccessReads;
  /** The calls the plan shows for the resource. */
  calls(id: string): ServiceAccessCalls;
  /** The calls apply makes on the resource. */
  writers(cloud: TargetCloud, regionId: string, id: string): AccessWriters;
  /** The most security groups the service accepts: the plan refuses, and apply stops, a grant that would go beyond it. */
  maxSecurityGroups?: number;
  /** Said after "… was not found" where the kind knows a likely reason (e.g. an instance generation it does not support). */
  notFoundNote?: string;
  /** The words before the id in the usage hint (`JDBC foreign tables over RDS`), and which foreign-table template (core/usage) its tables follow. */
  usage: { tables: string; foreignTable: ForeignTableKind };
  /** The resource's console page ({regionId}, {id}: see fillConsoleUrl). */
  consoleUrl: string;
  listScope: ServiceBinding<ManagedServiceSpec<K, Id>, ManagedServiceLive<K, R>, R>['listScope'];
  list(cloud: Cloud, regionId: string, vpcId: string | undefined, options: ReadOptions): Promise<R[]>;
  /** The ports the Create Network Link form shows for the resource. */
  formPorts(resource: R): ReadonlyArray<{ port: number; label: string }>;
  /** How the Network view shows the resource (its id and console page are added). */
  present(resource: R): Omit<ServicePresentation, 'id' | 'consoleUrl'>;
}

/** The module of a managed-service kind. */
export function managedServiceKind<K extends string, Id extends string, R extends ManagedResource<Id>>(
  facts: ManagedServiceFacts<K, Id, R>,
): TargetKindModule<ManagedServiceSpec<K, Id>, ManagedServiceLive<K, R>, R> {
  type S = ManagedServiceSpec<K, Id>;
  type L = ManagedServiceLive<K, R>;
  const { kind, noun, idField, idProperty, reads } = facts;
  const idOf = (target: S): string => target[idProperty];
  const words = (id: string) => `${noun} ${id}`;
  const hasSecurityGroups = 'whitelistAndGroups' in reads || reads.securityGroups !== undefined;

  const readAccess = async (cloud: TargetCloud, regionId: string, id: string, options: ReadOptions): Promise<AccessSettings> => {
    if ('whitelistAndGroups' in reads) return reads.whitelistAndGroups(cloud, regionId, id, options);
    const readGroups = reads.securityGroups;
    if (readGroups === undefined) return { whitelist: await reads.whitelist(cloud, regionId, id, options), securityGroupIds: [] };
    const [whitelist, securityGroupIds] = await Promise.all([
      reads.whitelist(cloud, regionId, id, options),
      readGroups(cloud, regionId, id, options),
    ]);
    return { whitelist, securityGroupIds };
  };
  const liveOf = async (cloud: TargetCloud, regionId: string, resource: R, options: ReadOptions): Promise<L> => {
    const { whitelist, securityGroupIds } = await readAccess(cloud, regionId, resource[idProperty], options);
    return { kind, resource, whitelist, securityGroupIds };
  };
  const readLive = async (cloud: TargetCloud, regionId: string, id: string, options: ReadOptions): Promise<L> => {
    const resource = await facts.fetch(cloud, regionId, id, options);
    if (resource === undefined) return { kind, whitelist: [], securityGroupIds: [] };
    return liveOf(cloud, regionId, resource, options);
  };
  /** What apply re-reads before and after each change. */
  const applyReads = (
    cloud: TargetCloud,
    regionId: string,
    id: string,
    options: ReadOptions,
  ): Pick<ServiceAccessOps, 'readWhitelist' | 'readSecurityGroups'> => {
    if ('whitelistAndGroups' in reads) {
      return {
        readWhitelist: async () => (await readLive(cloud, regionId, id, options)).whitelist,
        readSecurityGroups: async () => (await readLive(cloud, regionId, id, options)).securityGroupIds,
      };
    }
    const readGroups = reads.securityGroups;
    return {
      readWhitelist: () => reads.whitelist(cloud, regionId, id, options),
      readSecurityGroups: readGroups && (() => readGroups(cloud, regionId, id, options)),
    };
  };

  return {
    kind,
    noun,
    schema: {
      definition: facts.schema.definition,
      kindWords: facts.schema.kindWords,
      example: { kind, [idField]: facts.schema.exampleId },
    },
    defaultPorts: facts.defaultPorts,

    buildSpec(fields, common) {
      // The computed keys lose their names in TypeScript's eyes: the shape is S by construction.
      return {
        ...common,
        kind,
        [idProperty]: stringField(fields, idField),
        access: accessOf(fields),
        ranges: { ...common.ranges, [idProperty]: fields.range(idField), ...accessRanges(fields) },
      } as S;
    },
    derivedLabel: (data) => `${kind} ${String(data[idField] ?? '')}`,
    specProblems: (target, fields) => accessProblems(target.access, target.ranges.whitelistGroup, fields),
    identity: (target) => ({ words: words(idOf(target)), range: target.ranges[idProperty] }),
    targetPorts: () => [],
    resourceIdOf: idOf,

    readLive: (cloud, regionId, target, _reads, options) => readLive(cloud, regionId, idOf(target), options),

    liveChecks(target, live, ctx) {
      const what = words(idOf(target));
      const range = target.ranges[idProperty];
      if (live.resource === undefined)
        return [
          targetError(
            'target-not-found',
            target,
            `${what} was not found in ${ctx.spec.regionId}.${facts.notFoundNote === undefined ? '' : ` ${facts.notFoundNote}`}`,
            range,
          ),
        ];
      const checks = otherVpcCheck(target, what, live.resource.vpcId, ctx, range);
      const max = facts.maxSecurityGroups;
      const bound = ctx.linkGroupId !== undefined && live.securityGroupIds.includes(ctx.linkGroupId);
      if (max !== undefined && target.access.mode === 'securityGroup' && !bound && live.securityGroupIds.length >= max) {
        checks.push(
          targetError(
            'too-many-security-groups',
            target,
            `${what} already has ${live.securityGroupIds.length} security groups (${live.securityGroupIds.join(', ')}), the most it accepts is ${max}; use access: whitelist, or remove one.`,
            target.ranges.access,
          ),
        );
      }
      return checks;
    },
    planGrant: (target, live, ctx) => planServiceGrant(target, live, ctx, facts.calls(idOf(target))),
    planRevoke: (target, live, ctx) => planServiceRevoke(target, live, ctx, facts.calls(idOf(target))),
    modifiedGroups: () => [],

    apply(target, change, ctx) {
      const { cloud, regionId } = ctx;
      const id = idOf(target);
      return applyServiceAccess(
        target.access,
        change,
        {
          label: words(id),
          ...applyReads(cloud, regionId, id, { signal: ctx.signal }),
          ...facts.writers(cloud, regionId, id),
          maxSecurityGroups: facts.maxSecurityGroups,
        },
        ctx,
      );
    },

    // The handler and SETs come from the same templates as the inserted statement (core/usage/lines.ts).
    usageHints: (target, link) => [
      `-- ${target.label}: ${facts.usage.tables} ${idOf(target)}: ${foreignTableSets(facts.usage.foreignTable).join(' ')} then CREATE EXTERNAL TABLE … STORED BY '${foreignTableHandler(facts.usage.foreignTable)}' … TBLPROPERTIES (…, 'networklink'='${link.networkLinkName}') (Insert Foreign Table writes it whole)`,
    ],

    reachability: (target, live, link) => {
      const what = words(idOf(target));
      const placement = placementHop(what, live.resource !== undefined, live.resource?.vpcId, link);
      if (placement.verdict === 'fail' || live.resource === undefined) return { ports: [], addresses: [], hops: [placement] };
      return {
        ports: [...(facts.portsOf?.(live.resource) ?? facts.defaultPorts)],
        addresses: [],
        hops: [placement, serviceAccessHop(target, live, link, what)],
      };
    },

    service: {
      listScope: facts.listScope,
      list: facts.list,
      readAccess: (cloud, regionId, resource, _reads, options) => liveOf(cloud, regionId, resource, options),
      linkAccess: (live, source) => serviceLinkAccess(live, source, idField),
      accessFacts: serviceAccessFacts,
      idOf: (resource) => resource[idProperty],
      matches: (target, resource) => idOf(target) === resource[idProperty],
      // Every port is needed, and the whitelist or group opens the whole service, not single ports: none can be unticked.
      formOffer: (resource): FormOffer => ({
        ports: facts.formPorts(resource).map(({ port, label }) => ({ port, label, checked: true, fixed: true })),
        ...(hasSecurityGroups ? { access: SERVICE_FORM_ACCESS } : {}),
      }),
      formItem: (resource, choice) => serviceFormItem(kind, idField, resource[idProperty], hasSecurityGroups ? choice.access : 'whitelist'),
      present: (resource) => ({
        id: resource[idProperty],
        ...facts.present(resource),
        consoleUrl: fillConsoleUrl(facts.consoleUrl, resource.regionId, resource[idProperty]),
      }),
    },
  };
}
