/**
 * What the planner needs of a target kind. The planner loops over a spec's targets and hands
 * each to its kind's planning functions (src/targets/<kind>/ implements them); core names no
 * kind, so a new kind never touches this folder.
 */
import type { SecurityGroup } from '../model';
import type { ConnectionSpec, SourceRange, TargetSpec } from '../specModel';
import type { TargetLive } from './liveState';
import type { LiveCheck, LiveCheckCode, PlanStep } from './steps';

/** What target steps need from the earlier steps of the plan. */
export interface TargetContext {
  regionId: string;
  vpcId: string;
  /** The link group's id, or undefined while it is still to be created. */
  linkGroupId?: string;
  linkGroupLabel: string;
  /** The link vSwitch's CIDR block: what whitelists must allow. */
  vSwitchCidr: string;
  dependsOn: string[];
}

/** What a kind's live checks may look at besides its own target. */
export interface TargetCheckContext {
  spec: ConnectionSpec;
  /** The link group's id when it exists. */
  linkGroupId?: string;
}

/** The pure planning functions of one target kind. */
export interface TargetPlanning<S extends TargetSpec = TargetSpec, L extends TargetLive = TargetLive> {
  /** Live findings about the target: not found, in another VPC, a limit reached… Errors refuse the plan. */
  liveChecks(target: S, live: L, ctx: TargetCheckContext): LiveCheck[];
  /** The step that opens the target to the link (`=` when it already is). */
  planGrant(target: S, live: L, ctx: TargetContext): PlanStep;
  /** The step that takes back exactly what planGrant adds (`=` when nothing of it is there). */
  planRevoke(target: S, live: L, ctx: TargetContext): PlanStep;
  /** Security groups a grant or revoke would modify, for the never-touch-MaxCompute's-groups guard. */
  modifiedGroups(live: L): SecurityGroup[];
  /** Lines for the plan's usage step: how this target is reached through the link (SQL, foreign table, Spark). */
  usageHints(target: S, link: LinkUsageContext): string[];
}

/** The link a usage hint is about. */
export interface LinkUsageContext {
  networkLinkName: string;
  regionId: string;
  vpcId: string;
}

/** The planning functions of a kind, by kind name (throws for an unknown kind). */
export type TargetPlanners = (kind: string) => TargetPlanning;

/** The common fields of a target step. */
export function targetStepBase(
  target: TargetSpec,
  ctx: TargetContext,
  change: 'grant' | 'revoke',
): Pick<PlanStep, 'id' | 'phase' | 'dependsOn' | 'range' | 'targetIndex' | 'details' | 'operation'> {
  return {
    id: `target.${target.index}.${target.kind}`,
    phase: 'target',
    dependsOn: ctx.dependsOn,
    range: target.range,
    targetIndex: target.index,
    details: [],
    operation: { kind: 'target-access', targetKind: target.kind, targetIndex: target.index, change },
  };
}

/** ` ("orders-mysql")` when the spec names the target; derived labels only repeat the id. */
export function namedSuffix(target: TargetSpec): string {
  return target.labelGiven ? ` ("${target.label}")` : '';
}

/** The message, prefixed `Target "orders-mysql": ` when the spec names the target. */
export function aboutTarget(target: TargetSpec, text: string): string {
  return target.labelGiven ? `Target "${target.label}": ${text}` : `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

export function targetError(code: LiveCheckCode, target: TargetSpec, text: string, range: SourceRange): LiveCheck {
  return { code, severity: 'error', message: aboutTarget(target, text), range };
}

export function targetWarning(code: LiveCheckCode, target: TargetSpec, text: string, range: SourceRange): LiveCheck {
  return { code, severity: 'warning', message: aboutTarget(target, text), range };
}

/** A warning when the target is in another VPC than the link (the link reaches only its own VPC). */
export function otherVpcCheck(
  target: TargetSpec,
  words: string,
  vpcId: string | undefined,
  ctx: TargetCheckContext,
  range: SourceRange,
): LiveCheck[] {
  if (vpcId === undefined || vpcId === '' || vpcId === ctx.spec.vpcId) return [];
  return [
    targetWarning(
      'target-other-vpc',
      target,
      `${words} is in ${vpcId}, not in the link's VPC ${ctx.spec.vpcId}: the link only reaches addresses in ${ctx.spec.vpcId}.`,
      range,
    ),
  ];
}
