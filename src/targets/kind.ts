/**
 * One interface every target kind implements (src/targets/<kind>/index.ts). The spec parser,
 * the planner, the engine, the Network view — and the form and the doctor — loop over the
 * table in ./index.ts and ask the kind's module; nothing outside a kind's folder names a kind.
 */
import type { Cloud, CloudProducts } from '../cloud';
import type { ReadOptions } from '../cloud/reads';
import type { LinkAccess, LinkSource } from '../core/access';
import type { LinkEndpoint, TargetReachability } from '../core/doctor';
import type { EcsInstance } from '../cloud/products/ecsInstances';
import type { SecurityGroup, SecurityGroupRule } from '../core/model';
import type { StepOutcome, TargetLive, TargetPlanning } from '../core/plan';
import type { ProblemSeverity, SourceRange, SpecProblemCode, TargetSpec } from '../core/specModel';

/** The products a kind may call. */
export type TargetCloud = CloudProducts;

/** A JSON Schema object (the parts the assembly reads are typed; the rest passes through). */
export type SchemaObject = { [keyword: string]: unknown };

/** The kind's part of schemas/mcvpc.schema.json. */
export interface TargetSchema {
  /** The kind's definition: `properties` (with `kind: { const }`), `required`, descriptions, examples. */
  definition: SchemaObject;
  /** Extra shared definitions the kind refers to (`#/definitions/<name>`), if any. */
  definitions?: Record<string, SchemaObject>;
  /** One phrase for the `kind` enum's description: `rds (ApsaraDB RDS instance)`. */
  kindWords: string;
  /** An item for the documentation's examples. */
  example: SchemaObject;
}

/** The schema-valid data of one target item, and where each field is written. */
export interface TargetFields {
  /** The item's data; the schema guarantees the kind's shapes. */
  data: Record<string, unknown>;
  /** The value's range when the field is present, else `fallback` (default: the whole item). */
  range(path: string | ReadonlyArray<string | number>, fallback?: SourceRange): SourceRange;
}

/** The fields the parser fills for every kind. */
export type TargetCommon = Pick<TargetSpec, 'index' | 'label' | 'labelGiven' | 'range'> & {
  ranges: { kind: SourceRange; label: SourceRange };
};

/** A problem about one target, relative to it: the parser adds the document and path. */
export interface TargetProblem {
  severity: ProblemSeverity;
  code: SpecProblemCode;
  /** The field, relative to the target item (`whitelistGroup`, `ports[1]`), or '' for the item. */
  field: string;
  range: SourceRange;
  message: string;
}

/** Reads shared with the rest of the read model; the Network view hands in cached ones. */
export interface SharedReads {
  /** A security group by id (undefined when it does not exist). */
  group(securityGroupId: string): Promise<SecurityGroup | undefined>;
  /** The group's rules, both directions. */
  groupRules(securityGroupId: string): Promise<SecurityGroupRule[]>;
  /** An ECS instance by id, where the reads batch such lookups (the doctor's, the planner's); else the kind reads it itself. */
  ecsInstance?(instanceId: string): Promise<EcsInstance | undefined>;
}

/** What applying one target step is given. */
export interface TargetApplyContext {
  cloud: TargetCloud;
  regionId: string;
  vpcId: string;
  /** The link's security group (known by the time target steps run, unless teardown found none). */
  linkGroupId?: string;
  /** The link vSwitch's block (what whitelists admit). */
  vSwitchCidr: string;
  reads: SharedReads;
  signal?: AbortSignal;
  /** Throws when the run was cancelled: called right before every change. */
  throwIfCancelled(): void;
}

/** A cloud resource of a kind, as the Network view and the form list it. */
export interface ServiceResource {
  kind: string;
  regionId: string;
  vpcId?: string;
}

/** How the Network view shows a service (codicon ids, Markdown facts). */
export interface ServicePresentation {
  id: string;
  label: string;
  /** The kind and version in words: `RDS MySQL 8.0`. */
  kindText: string;
  icon: string;
  /** Markdown lines for the tooltip: port, status, security group… */
  facts: string[];
  consoleUrl: string;
}

/** How a service lets MaxCompute in, where its kind offers a choice. */
export type FormAccessMode = 'whitelist' | 'securityGroup';

/** What the Create Network Link form offers for one resource of a kind. */
export interface FormOffer {
  /** TCP ports MaxCompute must reach: `checked` ones are the defaults; `fixed` ones cannot be unticked (the service has one port). */
  ports: Array<{ port: number; label: string; checked: boolean; fixed?: boolean }>;
  /** The access choice, where the kind offers both (the first mode is the recommended one, `why` says why). */
  access?: { modes: FormAccessMode[]; why: string };
}

/** The person's choices for one resource in the form. */
export interface FormChoice {
  ports: number[];
  access?: FormAccessMode;
}

/** The cloud side of a kind that has resources to list (custom targets have none). */
export interface ServiceBinding<S extends TargetSpec, L extends TargetLive, R extends ServiceResource> {
  /** Whether one listing serves a whole region (filtered by VPC after) or is asked per VPC. */
  listScope: 'region' | 'vpc';
  /** The kind's resources (in the VPC when given and the API filters by it). */
  list(cloud: Cloud, regionId: string, vpcId: string | undefined, options: ReadOptions): Promise<R[]>;
  /** The resource's access settings: the same reads a plan makes. */
  readAccess(cloud: TargetCloud, regionId: string, resource: R, reads: SharedReads, options: ReadOptions): Promise<L>;
  /** One link's access as far as the settings tell (ports: the spec's, else the defaults). */
  linkAccess(live: L, source: LinkSource, ports?: readonly number[]): LinkAccess;
  present(resource: R): ServicePresentation;
  /** Markdown lines on the access settings (whitelists, groups, rules) for the tooltip. */
  accessFacts(live: L): string[];
  /** The resource's id. */
  idOf(resource: R): string;
  /** True when the spec's target names this resource. */
  matches(target: S, resource: R): boolean;
  /** What the Create Network Link form offers for the resource (ports, access choice). */
  formOffer(resource: R): FormOffer;
  /** The spec's target item (YAML data) for the resource and the form's choices. */
  formItem(resource: R, choice: FormChoice): Record<string, unknown>;
}

/** Everything about one target kind. */
export interface TargetKindModule<
  S extends TargetSpec = TargetSpec,
  L extends TargetLive = TargetLive,
  R extends ServiceResource = ServiceResource,
> extends TargetPlanning<S, L> {
  readonly kind: string;
  /** The thing in words: `RDS instance`. */
  readonly noun: string;
  readonly schema: TargetSchema;
  /** The ports MaxCompute must reach by default (empty where the service says: RDS uses the instance's port). */
  readonly defaultPorts: readonly number[];
  /** The typed target of a schema-valid item. */
  buildSpec(fields: TargetFields, common: TargetCommon): S;
  /** The label when the spec gives no name: `rds rm-…`. */
  derivedLabel(data: Record<string, unknown>): string;
  /** Checks the schema cannot express. */
  specProblems(target: S, fields: TargetFields): TargetProblem[];
  /** What makes two targets the same service (duplicates), in words, and where it is written. */
  identity(target: S): { words: string; range: SourceRange };
  /** The TCP ports the target's access is about (the spec's, or the kind's defaults); [] when the service decides. */
  targetPorts(target: S): readonly number[];
  /** The resource id the target names, for Reveal in Spec, completion and hover. */
  resourceIdOf(target: S): string | undefined;
  /** What the planner needs of the target, read from the cloud. */
  readLive(cloud: TargetCloud, regionId: string, target: S, reads: SharedReads, options: ReadOptions): Promise<L>;
  /** Carries out a grant or a revoke: re-reads, decides again with the planner's functions, changes, verifies. */
  apply(target: S, change: 'grant' | 'revoke', ctx: TargetApplyContext): Promise<StepOutcome>;
  /** The doctor's hops for the target from what readLive read (no call): its ports, addresses and whether it admits the link. */
  reachability(target: S, live: L, link: LinkEndpoint): TargetReachability;
  readonly service?: ServiceBinding<S, L, R>;
  /** Kinds that reach any address block (no resource to list): the form's "custom CIDR and ports" item. */
  addressBlockItem?(name: string, cidr: string, ports: readonly number[]): Record<string, unknown>;
}

/** A kind module of any types (the table holds them side by side). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyTargetKind = TargetKindModule<any, any, any>;
