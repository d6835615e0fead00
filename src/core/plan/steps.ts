/** The shape of a plan: ordered steps with Terraform-like symbols, and why a plan may refuse. */
import type { SecurityGroupRule } from '../model';
import type { SourceRange } from '../specModel';

/** `create` +, `change` ~, `remove` - (teardown), `unchanged` =, `manual` ! (a hand-over to a person), `info` (usage lines). */
export type StepAction = 'create' | 'change' | 'remove' | 'unchanged' | 'manual' | 'info';

export const STEP_SYMBOLS: Record<StepAction, string> = { create: '+', change: '~', remove: '-', unchanged: '=', manual: '!', info: '#' };

/** Which part of the procedure (seed doc steps 1–4 and "use the link") a step belongs to. */
export type StepPhase = 'preflight' | 'security-group' | 'network-link' | 'target' | 'usage';

/** What a plan is for: bringing the link up (apply) or taking back what apply added (destroy). */
export type PlanPurpose = 'apply' | 'destroy';

/** Stands for a value known only once an earlier step ran (the id of a group still to create). */
export const KNOWN_AFTER_APPLY = '(known after apply)';

/** One API call a step will make: product, action and parameters (never a secret). */
export interface PlannedCall {
  /** The product code as the API names it: `Ecs`, `Rds`, `HBase`, `polardb`, … */
  product: string;
  action: string;
  params: Record<string, unknown>;
}

/** The values a person enters in the MaxCompute console to create the link. */
export interface ConsoleHandover {
  url: string;
  fields: Array<{ label: string; value: string }>;
}

/** What the executor must do for a step; the executor re-reads live state before acting on it. */
export type StepOperation =
  /** Preflight, re-checked at apply time: the caller's account owns the VPC. */
  | { kind: 'check-account'; vpcId: string }
  /** Preflight: MaxCompute may create ENIs (or the link already exists, which proves it could). */
  | { kind: 'check-eni-role'; linkDetected: boolean }
  /** Preflight: the vSwitch's zone supports network links. */
  | { kind: 'check-zone'; vSwitchId: string }
  /** The group to create: found again by name in the VPC, created only when absent. */
  | { kind: 'ensure-link-group'; vpcId: string; name: string; description: string }
  /** The spec's existing group: still there, basic, in the VPC, not MaxCompute's. */
  | { kind: 'use-link-group'; securityGroupId: string }
  | { kind: 'authorize-link-group'; sourceCidr: string }
  /** Hand-over fallback (the link API cannot be used): done when MaxCompute's interfaces appear. */
  | { kind: 'await-network-link'; vpcId: string; vSwitchId: string }
  /**
   * CreateNetworkLink unless the link exists with the spec's configuration (adopted), then wait
   * for SUCCESS and MaxCompute's interfaces. A same-named link configured otherwise is refused.
   */
  | { kind: 'create-network-link'; networkLinkName: string; vpcId: string; vSwitchId: string }
  /**
   * Open a target to the link (`grant`) or take back what a grant added (`revoke`): the target's
   * kind module re-reads the target and decides again at apply time.
   */
  | { kind: 'target-access'; targetKind: string; targetIndex: number; change: 'grant' | 'revoke' }
  | { kind: 'usage' }
  /** Delete the newer, empty groups with the link group's name that concurrent applies left (the oldest is kept). */
  | { kind: 'delete-extra-link-groups'; vpcId: string; name: string }
  /** Teardown: delete the link's own security group once no network interface uses it. */
  | { kind: 'delete-link-group'; vpcId: string; name: string }
  /** Teardown fallback (the link API cannot be used): deleted in the console; done when its interfaces are gone. */
  | { kind: 'await-network-link-removal'; vpcId: string; vSwitchId: string }
  /** Teardown: RemoveNetworkLink when the link is still the spec's, then wait until it and its interfaces are gone. */
  | { kind: 'remove-network-link'; networkLinkName: string; vpcId: string; vSwitchId: string }
  /** A doctor's fix: add these rules to the group unless rules in force already cover each. */
  | { kind: 'authorize-rules'; securityGroupId: string; rules: SecurityGroupRule[] }
  /** A doctor's fix: remove exactly these rules from the group, where still present. */
  | { kind: 'revoke-rules'; securityGroupId: string; rules: SecurityGroupRule[] };

export interface PlanStep {
  /** Stable within a plan: `preflight.account`, `link-group.create`, `target.0.rds`, … */
  id: string;
  phase: StepPhase;
  action: StepAction;
  /** One line, e.g. "Create basic security group mc-link in vpc-…". */
  title: string;
  /** More lines: the rule, the values, the reason it is already so. */
  details: string[];
  /** The API call the step makes when it is not `=`. */
  call?: PlannedCall;
  /** For the console hand-over. */
  handover?: ConsoleHandover;
  operation: StepOperation;
  /** Steps that must be done first. */
  dependsOn: string[];
  /** The spec text the step comes from. */
  range: SourceRange;
  /** Index in spec.targets for target steps. */
  targetIndex?: number;
}

export type CheckSeverity = 'error' | 'warning';

/** A live check's finding; an error makes the plan refuse. */
export interface LiveCheck {
  code: LiveCheckCode;
  severity: CheckSeverity;
  message: string;
  range: SourceRange;
}

export type LiveCheckCode =
  | 'other-account'
  | 'eni-role-missing'
  | 'vpc-not-found'
  | 'vswitch-not-found'
  | 'vswitch-other-vpc'
  | 'zone-unsupported'
  | 'group-not-found'
  | 'group-other-vpc'
  | 'group-advanced'
  | 'group-managed'
  | 'group-name-ambiguous'
  | 'group-in-use'
  | 'group-shared'
  | 'whole-internet'
  | 'target-not-found'
  | 'target-other-vpc'
  | 'target-group-missing'
  | 'target-group-managed'
  | 'target-group-advanced'
  | 'too-many-security-groups'
  | 'rule-overridden'
  | 'link-other-config'
  | 'link-api-unusable';

export interface PlanSummary {
  add: number;
  change: number;
  /** Teardown steps (`-`). */
  remove: number;
  unchanged: number;
  manual: number;
}

/** A plan for one connection spec. */
export interface Plan {
  formatVersion: 1;
  /** Absent in plans saved before teardown existed: those are apply plans. */
  purpose?: PlanPurpose;
  networkLinkName: string;
  regionId: string;
  vpcId: string;
  /** Hash of the spec's meaning (not its text layout), so a saved plan is not applied to another spec. */
  specHash: string;
  /** Hash of the live state read, for the stale-plan rule. */
  fingerprint: string;
  /** True when an error check makes the plan refuse; `steps` then holds only what was checked. */
  refused: boolean;
  checks: LiveCheck[];
  steps: PlanStep[];
  summary: PlanSummary;
}

/** How a step ended when it did not throw. */
export type StepOutcome =
  | { status: 'done'; detail: string }
  | { status: 'already'; detail: string }
  | { status: 'manual' | 'info' | 'waiting-for-console'; detail: string };

/** A refusal found only at apply time (e.g. the RDS instance gained groups since the plan). */
export class ApplyRefusal extends Error {
  override readonly name = 'ApplyRefusal';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
