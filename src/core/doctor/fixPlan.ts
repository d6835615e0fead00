/**
 * The doctor's fixes as one plan the engine's applyPlan runs: the steps of every failing or
 * warning hop that has an automatic fix, each re-reading and deciding again at apply time.
 */
import { liveStateFingerprint, specHash, summarize, type LiveState, type Plan, type PlanStep } from '../plan';
import type { ConnectionSpec } from '../specModel';
import type { DoctorReport } from './types';

/** The steps that would repair the report's failing and warning hops (ids unique, first wins). */
export function fixSteps(report: DoctorReport): PlanStep[] {
  const steps = new Map<string, PlanStep>();
  for (const hop of report.hops) {
    if ((hop.verdict !== 'fail' && hop.verdict !== 'warn') || hop.fix?.kind !== 'steps') continue;
    for (const step of hop.fix.steps) if (!steps.has(step.id)) steps.set(step.id, step);
  }
  return [...steps.values()];
}

/** The fix as a plan for applyPlan (never refused: each step stands on its own). */
export function fixPlan(report: DoctorReport, spec: ConnectionSpec, live: LiveState): Plan {
  const steps = fixSteps(report);
  return {
    formatVersion: 1,
    purpose: 'apply',
    networkLinkName: spec.networkLinkName,
    regionId: spec.regionId,
    vpcId: spec.vpcId,
    specHash: specHash(spec),
    fingerprint: liveStateFingerprint(live),
    refused: false,
    checks: [],
    steps,
    summary: summarize(steps),
  };
}
