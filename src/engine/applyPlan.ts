/**
 * The executor: runs a plan's steps in dependency order, independent steps (the targets) in
 * parallel within the client's concurrency cap; reports progress as events, stops on
 * cancellation after the call in flight, and ends with a report of what was done, what failed
 * (with the API's code, message and RequestId) and what was not started.
 */
import { CloudError, isCancellation } from '../cloud/errors';
import { KNOWN_AFTER_APPLY, type ConsoleHandover, type Plan, type PlanStep } from '../core/plan';
import type { ConnectionSpec } from '../core/specModel';
import { NETWORK_LINK_DEFAULT_WAIT_MS } from '../core/networkLinkApi';
import { CancelledError, type EngineCloud } from './engineCloud';
import { runOperation } from './stepActions';
import { ApplyRefusal, type StepContext } from './stepContext';

export type StepStatus = 'done' | 'already' | 'manual' | 'info' | 'failed' | 'waiting-for-console' | 'cancelled' | 'not-started';

/** What went wrong in a failed step; never holds a secret (CloudError texts are redacted). */
export interface StepFailure {
  code: string;
  message: string;
  requestId?: string;
  action?: string;
}

export interface StepResult {
  stepId: string;
  title: string;
  status: StepStatus;
  detail?: string;
  error?: StepFailure;
}

/** done: all steps done or already so; waiting-for-console: run again once the link exists (exit 4). */
export type ApplyOutcome = 'done' | 'failed' | 'waiting-for-console' | 'cancelled';

export interface ApplyReport {
  networkLinkName: string;
  outcome: ApplyOutcome;
  steps: StepResult[];
  /** The link's security group as resolved by this run (created, found by name, or given). */
  linkGroupId?: string;
  /** When waiting for the console: what to enter there, with the group's id now known. */
  handover?: ConsoleHandover;
}

export type ApplyEvent =
  | { type: 'step-started'; step: PlanStep }
  | { type: 'step-finished'; step: PlanStep; result: StepResult }
  | { type: 'waiting-for-console'; step: PlanStep; handover?: ConsoleHandover; deadline: number; reason?: string }
  /** The link's status as MaxCompute reports it (verbatim), first read and on each change while apply waits. */
  | { type: 'link-status'; step: PlanStep; status: string; deadline: number };

export interface ApplyOptions {
  signal?: AbortSignal;
  onEvent?: (event: ApplyEvent) => void;
  /** How long to wait for the network link to appear; 0 (default) checks once and hands over. */
  waitForConsoleMs?: number;
  /** First and longest pause between polls; default 1 s and 10 s. */
  pollInitialMs?: number;
  pollMaxMs?: number;
  /** How long a group created a moment ago may take to become visible; default 30 s. */
  visibilityTimeoutMs?: number;
  /** How long to wait for a created link to reach SUCCESS, or a removed one to go; default networkLinkApi's. */
  linkWaitMs?: number;
}

const OK: ReadonlySet<StepStatus> = new Set(['done', 'already', 'manual', 'info']);

function failureOf(err: unknown): StepFailure {
  if (err instanceof CloudError)
    return { code: err.code, message: err.detail, requestId: err.requestId, action: `${err.product}.${err.action}` };
  if (err instanceof ApplyRefusal) return { code: err.code, message: err.message };
  return { code: 'Error', message: err instanceof Error ? err.message : String(err) };
}

/** Applies a plan that was not refused. Resolves with a report; only programming errors reject. */
export async function applyPlan(cloud: EngineCloud, spec: ConnectionSpec, plan: Plan, options: ApplyOptions = {}): Promise<ApplyReport> {
  if (plan.refused) throw new Error(`The plan for "${plan.networkLinkName}" was refused; fix its problems and plan again.`);
  if (plan.networkLinkName !== spec.networkLinkName)
    throw new Error(`The plan is for "${plan.networkLinkName}", not for "${spec.networkLinkName}".`);
  const emit = (event: ApplyEvent): void => options.onEvent?.(event);
  const byId = new Map(plan.steps.map((s) => [s.id, s]));
  const results = new Map<string, Promise<StepResult>>();
  const ctx: StepContext = {
    cloud,
    spec,
    signal: options.signal,
    link: {},
    visibilityTimeoutMs: options.visibilityTimeoutMs ?? 30_000,
    waitForConsoleMs: options.waitForConsoleMs ?? 0,
    pollInitialMs: options.pollInitialMs ?? 1000,
    pollMaxMs: options.pollMaxMs ?? 10_000,
    onWaiting: () => undefined,
    linkWaitMs: options.linkWaitMs ?? NETWORK_LINK_DEFAULT_WAIT_MS,
    onLinkStatus: () => undefined,
  };

  const run = (step: PlanStep): Promise<StepResult> => {
    let result = results.get(step.id);
    if (result === undefined) {
      result = runStep(step);
      results.set(step.id, result);
    }
    return result;
  };

  const runStep = async (step: PlanStep): Promise<StepResult> => {
    const base = { stepId: step.id, title: step.title };
    const deps = await Promise.all(
      step.dependsOn.map((id) => {
        const dep = byId.get(id);
        if (dep === undefined) throw new Error(`Step ${step.id} depends on unknown step ${id}.`);
        return run(dep);
      }),
    );
    const blocked = deps.find((d) => !OK.has(d.status));
    if (blocked !== undefined) return { ...base, status: 'not-started', detail: `waits for "${blocked.title}" (${blocked.status})` };
    if (options.signal?.aborted) return { ...base, status: 'not-started', detail: 'cancelled before it started' };
    emit({ type: 'step-started', step });
    let result: StepResult;
    try {
      const stepCtx: StepContext = {
        ...ctx,
        onWaiting: (deadline: number, reason?: string) =>
          emit({
            type: 'waiting-for-console',
            step,
            handover: resolvedHandover(step.handover, ctx.link.groupId),
            deadline,
            ...(reason !== undefined ? { reason } : {}),
          }),
        onLinkStatus: (status: string, deadline: number) => emit({ type: 'link-status', step, status, deadline }),
      };
      const outcome = await runOperation(step, stepCtx);
      result = { ...base, status: outcome.status, detail: outcome.detail };
    } catch (err) {
      result =
        err instanceof CancelledError || isCancellation(err)
          ? { ...base, status: 'cancelled', detail: 'cancelled before its change was sent' }
          : { ...base, status: 'failed', error: failureOf(err) };
    }
    emit({ type: 'step-finished', step, result });
    return result;
  };

  const steps = await Promise.all(plan.steps.map(run));
  const outcome = outcomeOf(steps, options.signal);
  const report: ApplyReport = { networkLinkName: plan.networkLinkName, outcome, steps };
  if (ctx.link.groupId !== undefined) report.linkGroupId = ctx.link.groupId;
  const waiting = plan.steps.find(
    (s) => s.handover !== undefined && steps.some((r) => r.stepId === s.id && r.status === 'waiting-for-console'),
  );
  if (waiting?.handover !== undefined) report.handover = resolvedHandover(waiting.handover, ctx.link.groupId);
  return report;
}

/** The hand-over with the link group's id filled in once this run knows it. */
function resolvedHandover(handover: ConsoleHandover | undefined, groupId: string | undefined): ConsoleHandover | undefined {
  if (handover === undefined || groupId === undefined) return handover;
  return { ...handover, fields: handover.fields.map((f) => (f.value.includes(KNOWN_AFTER_APPLY) ? { ...f, value: groupId } : f)) };
}

function outcomeOf(steps: readonly StepResult[], signal: AbortSignal | undefined): ApplyOutcome {
  if (signal?.aborted || steps.some((s) => s.status === 'cancelled')) return 'cancelled';
  if (steps.some((s) => s.status === 'failed')) return 'failed';
  if (steps.some((s) => s.status === 'waiting-for-console')) return 'waiting-for-console';
  return 'done';
}
