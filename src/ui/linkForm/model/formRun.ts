/**
 * The form after Plan: the plan as the webview shows it, and how the run's events change it
 * (per-step status, the console hand-over, the report of a partial failure). Pure; the host
 * calls these with what the engine (src/engine) reports.
 */
import { formatCall, formatSummary, STEP_SYMBOLS, type ConsoleHandover, type Plan } from '../../../core/plan';
import type { CopyValueView, StepView } from '../../../shared/protocol';
import { NETWORK_LINK_READY_STATUS } from '../../../core/networkLinkApi';
import type { FormState, PlanCheck } from './formState';

/** What the form holds after planning and while applying. */
export interface FormRun {
  /** The plan's steps, each with its run status once applying. */
  steps: StepView[];
  summary: string;
  refused: boolean;
  checks: string[];
  progress?: string;
  handover?: { url: string; fields: CopyValueView[] };
  usage?: CopyValueView[];
  outcome?: string;
}

/** The form state with a run. */
export type RunState = FormState & { run?: FormRun; savedSpec?: string };

/** The plan's steps as the form shows them. */
export function stepViews(plan: Plan): StepView[] {
  return plan.steps.map((step) => ({
    id: step.id,
    symbol: STEP_SYMBOLS[step.action],
    title: step.title,
    details: step.details.filter((d) => d !== ''),
    call: step.call !== undefined ? formatCall(step.call) : undefined,
  }));
}

/** Plan pressed: reading the live state. */
export function planning(state: RunState): RunState {
  return { ...state, phase: 'planning', run: undefined, savedSpec: undefined };
}

/** The plan arrived. A refused plan goes back to the fields with its checks shown where they belong. */
export function planned(state: RunState, plan: Plan): RunState {
  const checks: PlanCheck[] = plan.checks.map((c) => ({ code: c.code, severity: c.severity, message: c.message }));
  const run: FormRun = {
    steps: stepViews(plan),
    summary: plan.refused ? 'The plan refuses: fix what is marked, then plan again.' : formatSummary(plan.summary),
    refused: plan.refused,
    checks: plan.checks.map((c) => `${c.severity}: ${c.message}`),
  };
  return { ...state, phase: plan.refused ? 'edit' : 'plan', checks, run };
}

/** Planning failed before a plan existed (a read failed). */
export function planFailed(state: RunState, message: string): RunState {
  return { ...state, phase: 'edit', run: { steps: [], summary: '', refused: true, checks: [`error: ${message}`] } };
}

/** Apply (or Retry) pressed with this plan: every step not started yet. */
export function applying(state: RunState, plan: Plan): RunState {
  const steps = stepViews(plan).map((s) => ({ ...s, status: 'not-started' }));
  return {
    ...state,
    phase: 'applying',
    run: { steps, summary: formatSummary(plan.summary), refused: false, checks: [], progress: 'Starting…' },
  };
}

function withStep(state: RunState, stepId: string, change: Partial<StepView>): RunState {
  if (state.run === undefined) return state;
  return { ...state, run: { ...state.run, steps: state.run.steps.map((s) => (s.id === stepId ? { ...s, ...change } : s)) } };
}

/** A step started. */
export function stepStarted(state: RunState, stepId: string): RunState {
  const next = withStep(state, stepId, { status: 'running' });
  const title = next.run?.steps.find((s) => s.id === stepId)?.title;
  return next.run === undefined ? next : { ...next, run: { ...next.run, progress: title } };
}

/** A step ended (done, already, failed…); a step left to a person says why among its details. */
export function stepFinished(
  state: RunState,
  stepId: string,
  status: string,
  error?: { code: string; message: string; requestId?: string },
  detail?: string,
): RunState {
  const step = state.run?.steps.find((s) => s.id === stepId);
  const details =
    status === 'waiting-for-console' && detail !== undefined && step !== undefined && !step.details.includes(detail)
      ? { details: [...step.details, detail] }
      : {};
  return withStep(state, stepId, { status, error, ...details });
}

/** The console hand-over: the values to enter in the MaxCompute console; the host waits for the link. */
export function waitingForConsole(state: RunState, handover: ConsoleHandover, progress: string): RunState {
  if (state.run === undefined) return state;
  return {
    ...state,
    phase: 'waiting',
    run: {
      ...state.run,
      progress,
      handover: { url: handover.url, fields: handover.fields.map((f) => ({ label: f.label, value: f.value })) },
    },
  };
}

/** The link's status while apply waits for it, e.g. "MaxCompute is creating the link (status CREATING); waiting up to 9 min more". */
export function linkStatusWords(status: string, deadline: number, now = Date.now()): string {
  const minutes = Math.max(0, Math.ceil((deadline - now) / 60_000));
  return status === NETWORK_LINK_READY_STATUS
    ? `The link is ${status}; waiting for MaxCompute's network interfaces to appear (up to ${minutes} min more).`
    : `MaxCompute is creating the network link (status ${status}); waiting up to ${minutes} min more.`;
}

/** A new line while waiting (time left). */
export function progress(state: RunState, text: string): RunState {
  return state.run === undefined ? state : { ...state, run: { ...state.run, progress: text } };
}

/** The run ended. `done` carries the usage lines; `failed` and `cancelled` keep the per-step report. */
export function finished(
  state: RunState,
  outcome: 'done' | 'failed' | 'cancelled' | 'waiting-for-console',
  usage: CopyValueView[] = [],
): RunState {
  if (state.run === undefined) return state;
  const steps = state.run.steps;
  const count = (status: string): number => steps.filter((s) => s.status === status).length;
  const done = count('done') + count('already');
  const failed = steps.find((s) => s.status === 'failed');
  const words = {
    done: `The link is ready: ${done} step${done === 1 ? '' : 's'} done or already so.`,
    failed: `Stopped at a failure: ${failed?.title ?? 'a step'} (${failed?.error?.code ?? 'error'}${failed?.error?.requestId !== undefined ? `, RequestId ${failed.error.requestId}` : ''}). ${done} done, ${count('not-started')} not started. Retry plans again from the live state and goes on.`,
    cancelled: `Cancelled after the call in flight: ${done} done, ${count('not-started') + count('cancelled')} not started. Retry goes on from the live state.`,
    'waiting-for-console':
      "MaxCompute's link API cannot be used here (see the step), so the link is created in the MaxCompute console: enter the values below there, then Retry. The Network view shows it as waiting.",
  }[outcome];
  const phase = outcome === 'done' ? 'done' : outcome === 'waiting-for-console' ? 'waiting' : outcome;
  return {
    ...state,
    phase,
    run: {
      ...state.run,
      progress: undefined,
      outcome: words,
      usage: outcome === 'done' ? usage : undefined,
      handover: outcome === 'done' ? undefined : state.run.handover,
    },
  };
}

/** Every value the form showed for copying (the host copies nothing else). */
export function copyableValues(state: RunState): Set<string> {
  const values = [...(state.run?.handover?.fields ?? []), ...(state.run?.usage ?? [])].map((v) => v.value);
  if (state.run?.handover !== undefined) values.push(state.run.handover.url);
  return new Set(values);
}
