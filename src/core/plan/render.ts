/** A plan as text for a terminal or output channel: Terraform-style symbols, then one summary line. */
import type { SourceRange } from '../specModel';
import { STEP_SYMBOLS, type LiveCheck, type Plan, type PlanStep, type PlanSummary, type PlannedCall } from './steps';

/** `file:line:col` with 1-based numbers, as compilers print positions. */
export function formatPosition(range: SourceRange, fileName?: string): string {
  return `${fileName ?? '<spec>'}:${range.start.line + 1}:${range.start.column + 1}`;
}

/** One check as `file:line:col: error: message`. */
export function formatCheck(check: LiveCheck, fileName?: string): string {
  return `${formatPosition(check.range, fileName)}: ${check.severity}: ${check.message}`;
}

function formatValue(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** An API call as `Ecs.AuthorizeSecurityGroup SecurityGroupId=sg-… Permissions=[…]`. */
export function formatCall(call: PlannedCall): string {
  const params = Object.entries(call.params).map(([key, value]) => `${key}=${formatValue(value)}`);
  return [`${call.product}.${call.action}`, ...params].join(' ');
}

function formatStep(step: PlanStep): string[] {
  const lines = [`  ${STEP_SYMBOLS[step.action]} ${step.title}`];
  for (const detail of step.details) lines.push(detail === '' ? '' : `      ${detail}`);
  if (step.call !== undefined) lines.push(`      call: ${formatCall(step.call)}`);
  return lines;
}

/** `Plan: 3 to add, 1 to change, 2 unchanged, 1 manual.` */
export function formatSummary(summary: PlanSummary): string {
  const remove = summary.remove > 0 ? `${summary.remove} to remove, ` : '';
  return `Plan: ${summary.add} to add, ${summary.change} to change, ${remove}${summary.unchanged} unchanged, ${summary.manual} manual.`;
}

/** Adds several plans' counts (a spec file can hold several links). */
export function addSummaries(summaries: readonly PlanSummary[]): PlanSummary {
  return summaries.reduce(
    (a, b) => ({
      add: a.add + b.add,
      change: a.change + b.change,
      remove: a.remove + b.remove,
      unchanged: a.unchanged + b.unchanged,
      manual: a.manual + b.manual,
    }),
    { add: 0, change: 0, remove: 0, unchanged: 0, manual: 0 },
  );
}

/** The plan of one link as readable text; the summary line is printed by the caller, once for all links. */
export function renderPlan(plan: Plan, fileName?: string): string {
  const lines = [`Network link "${plan.networkLinkName}" (${plan.regionId}, ${plan.vpcId})`];
  for (const check of plan.checks) lines.push(`  ${formatCheck(check, fileName)}`);
  if (plan.refused) {
    const errors = plan.checks.filter((c) => c.severity === 'error').length;
    lines.push(`  Plan refused: ${errors} ${errors === 1 ? 'problem' : 'problems'} must be fixed first; nothing will be changed.`);
    return lines.join('\n');
  }
  for (const step of plan.steps) lines.push(...formatStep(step));
  return lines.join('\n');
}

/** What a teardown will remove (`-`) and leave to a person (`!`), one line each: the list a confirmation shows. */
export function removalLines(plan: Plan): string[] {
  return plan.steps.filter((s) => s.action === 'remove' || s.action === 'manual').map((s) => `${STEP_SYMBOLS[s.action]} ${s.title}`);
}
