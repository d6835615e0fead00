/**
 * The engine: where the pure planner meets the cloud. Reads the live state for a spec, plans it,
 * applies plans step by step with re-reads before every change. No vscode (lint enforces it),
 * so the CLI and the extension share it.
 */
import type { ConnectionSpec } from '../core/specModel';
import { liveChecks, planConnection, planTeardown, type LiveCheck, type LiveState, type Plan, type PlanOptions } from '../core/plan';
import { targetPlanners, type SharedReads } from '../targets';
import type { EngineCloud } from './engineCloud';
import { readLiveState, type RegionReads } from './readLiveState';

export { readLiveState, readVpcServices, regionReads, serviceNamedBy, type RegionReads, type VpcService } from './readLiveState';
export { detectNetworkLink } from './detectLink';
export {
  applyPlan,
  type ApplyEvent,
  type ApplyOptions,
  type ApplyOutcome,
  type ApplyReport,
  type StepFailure,
  type StepResult,
  type StepStatus,
} from './applyPlan';
export { parseSavedPlanFile, planPurpose, savedPlanFile, stalePlanReason, type SavedPlanFile } from './savedPlan';
export { isNotFound, type EngineCloud } from './engineCloud';
export { acquireLinkLock, FOREIGN_LOCK_EXPIRY_HOURS, LinkLockedError, LockFolderError, lockDirectory, type LinkLockKey } from './linkLock';

/** Reads the live state for a spec and plans it; `reads` shares group reads between the specs of a region (mcvpc check). */
export async function planSpec(
  cloud: EngineCloud,
  spec: ConnectionSpec,
  options: PlanOptions & { signal?: AbortSignal; reads?: SharedReads; region?: RegionReads } = {},
): Promise<{ plan: Plan; live: LiveState }> {
  const live = await readLiveState(cloud, spec, { signal: options.signal }, options.reads, options.region);
  return { plan: planConnection(spec, live, { emulatorEndpoint: options.emulatorEndpoint, planners: targetPlanners }), live };
}

/** Reads the live state for a spec and plans its teardown (what `mcvpc destroy` applies). */
export async function planSpecTeardown(
  cloud: EngineCloud,
  spec: ConnectionSpec,
  options: PlanOptions & { signal?: AbortSignal } = {},
): Promise<{ plan: Plan; live: LiveState }> {
  const live = await readLiveState(cloud, spec, { signal: options.signal });
  return { plan: planTeardown(spec, live, { emulatorEndpoint: options.emulatorEndpoint, planners: targetPlanners }), live };
}

/** The live checks of a spec (for editor diagnostics): what is missing or against MaxCompute's rules, each with its spec range. */
export async function checkSpecLive(
  cloud: EngineCloud,
  spec: ConnectionSpec,
  options: { signal?: AbortSignal } = {},
): Promise<LiveCheck[]> {
  return liveChecks(spec, await readLiveState(cloud, spec, options), targetPlanners);
}
export { doctorSpec, readDoctorState, applyDoctorFix, onceReads, type DoctorState } from './doctor';
