/** Planning a network link: pure functions from a spec and a live-state snapshot to ordered steps. */
export type * from './liveState';
export type * from './steps';
export { STEP_SYMBOLS, KNOWN_AFTER_APPLY, ApplyRefusal } from './steps';
export {
  planConnection,
  planHasChanges,
  summarize,
  assertNoManagedGroupChanged,
  STEP_IDS,
  type PlanOptions,
  type PlanInputs,
} from './planner';
export { planTeardown } from './teardown';
export { linkGroupIngressRule, portRule, overridingDrops } from './wantedRules';
export { liveChecks, networkLinkDetected, linkInboundCidr, targetLive } from './liveChecks';
export { liveStateFingerprint, specHash } from './fingerprint';
export { renderPlan, formatSummary, formatCheck, formatCall, formatPosition, addSummaries, removalLines } from './render';
export { whitelistEntryCovering, entriesCovering } from './whitelists';
export * from './targetPlanning';
export { chooseLinkGroup } from './linkGroupChoice';
