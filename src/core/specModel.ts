/**
 * The parsed, defaulted connection spec (`*.mcvpc.yaml`) as typed objects, each carrying the
 * source ranges of its fields so the editor can point at them ("Reveal in spec", diagnostics)
 * and the planner can say which line a step comes from.
 */

/** A place in the text: 0-based line and column (UTF-16 code units, as VS Code counts) and 0-based offset. */
export interface SourcePosition {
  line: number;
  column: number;
  offset: number;
}

/** A span of text; `end` is exclusive. */
export interface SourceRange {
  start: SourcePosition;
  end: SourcePosition;
}

export type ProblemSeverity = 'error' | 'warning' | 'info';

/** Stable identifiers of problems, for quick fixes and tests (the message may be reworded). */
export type SpecProblemCode =
  | 'yaml-syntax'
  | 'yaml-warning'
  | 'empty-file'
  | 'file-too-large'
  | 'binary-content'
  | 'too-deep'
  | 'too-many-documents'
  | 'too-many-aliases'
  | 'not-a-spec'
  | 'missing-property'
  | 'unknown-property'
  | 'wrong-type'
  | 'invalid-value'
  | 'wrong-id-kind'
  | 'invalid-port'
  | 'duplicate-port'
  | 'invalid-cidr'
  | 'whole-internet'
  | 'unsupported-region'
  | 'duplicate-target'
  | 'duplicate-target-name'
  | 'duplicate-link-name'
  | 'managed-group-name'
  | 'shared-whitelist-group'
  | 'ignored-property'
  | 'more-problems'
  | 'internal-error';

/** One thing wrong (or worth knowing) about a spec file, with the exact text it is about. */
export interface SpecProblem {
  /** What is wrong, in the user's words, prefixed with the field path (e.g. `targets[1].ports[0]: …`). */
  message: string;
  severity: ProblemSeverity;
  range: SourceRange;
  code: SpecProblemCode;
  /** The field path in the document, e.g. `targets[1].ports[0]`; absent for file-level problems. */
  path?: string;
  /** 0-based index of the YAML document (`---`) the problem is in; absent for file-level problems. */
  documentIndex?: number;
}

/** The ranges of the fields of a spec object, by field name. A defaulted field points at its parent object. */
export type FieldRanges<K extends string> = Record<K, SourceRange>;

/** How a service lets MaxCompute in (kinds that offer a choice). */
export type TargetAccess =
  /** Add the link vSwitch's CIDR block to this IP whitelist group of the service. */
  | { mode: 'whitelist'; whitelistGroup: string }
  /** Add the link's security group to the service's security groups. */
  | { mode: 'securityGroup' };

/**
 * What every target of a spec has, whatever its kind. Each kind (src/targets/<kind>/) extends it
 * with its own fields; code outside the kind's folder reads only these, and asks the kind's
 * module (looked up by `kind`) for anything else.
 */
export interface TargetSpec {
  /** The kind's name as written in the spec (`rds`, `hbase`, …). */
  kind: string;
  /** Position in `targets` (0-based). */
  index: number;
  /** The user's `name`, or one derived from the kind and id, for plans and the editor. */
  label: string;
  /** True when the user wrote `name` (false when `label` was derived). */
  labelGiven: boolean;
  /** The whole target item. */
  range: SourceRange;
  /** Ranges of the kind's fields (a list field may have one per item); `kind` and `label` are always there. */
  ranges: { kind: SourceRange; label: SourceRange; [field: string]: SourceRange | SourceRange[] };
}

/** Kind name of a target; the set of kinds is the table in src/targets. */
export type TargetKind = string;

/** Where the new security group accepts inbound (return) traffic from. */
export type InboundSource = { kind: 'vpc-cidr' } | { kind: 'vswitch-cidr' } | { kind: 'cidr'; cidr: string };

/** The link's security group: an existing one, or a new basic group to create. */
export type SecurityGroupSpec =
  | { mode: 'existing'; securityGroupId: string; range: SourceRange; ranges: FieldRanges<'securityGroupId'> }
  | {
      mode: 'create';
      name: string;
      description?: string;
      inboundSource: InboundSource;
      /** True only when the user set `allowWholeInternet: true`. */
      allowWholeInternet: boolean;
      range: SourceRange;
      ranges: FieldRanges<'name' | 'description' | 'inboundSource' | 'allowWholeInternet'>;
    };

/** One YAML document of a spec file: one network link and what it must reach. */
export interface ConnectionSpec {
  /** 0-based index of the YAML document in the file. */
  documentIndex: number;
  version: 'mcvpc/v1';
  /** The network link's name (`metadata.name`), as SQL and Spark use it. */
  networkLinkName: string;
  description?: string;
  /** aliyun CLI profile; undefined means the current one. */
  profile?: string;
  regionId: string;
  vpcId: string;
  vSwitchId: string;
  securityGroup: SecurityGroupSpec;
  targets: TargetSpec[];
  /** The whole document. */
  range: SourceRange;
  ranges: FieldRanges<
    'version' | 'kind' | 'networkLinkName' | 'description' | 'profile' | 'regionId' | 'vpcId' | 'vSwitchId' | 'securityGroup' | 'targets'
  >;
}

/** What `parseSpecFile` returns: the structurally valid links, and every problem found. */
export interface SpecFileResult {
  /**
   * One entry per document that passed the schema, in file order. Semantic problems (duplicates,
   * a refused 0.0.0.0/0…) do not remove a spec; callers that act on specs must refuse when
   * `problems` holds any error (see `hasErrors`).
   */
  specs: ConnectionSpec[];
  problems: SpecProblem[];
  /**
   * Documents the schema refused, read without the refused parts (an unknown key, a bad value, a
   * broken target) when what is left is a link: for the editor's live checks only, never to plan
   * or apply. Absent when there are none.
   */
  partialSpecs?: ConnectionSpec[];
}
