/** Planning a network link: pure functions from a spec and a live-state snapshot to ordered steps. */
export type * from './liveState';
export type * from './steps';
export { STEP_SYMBOLS, KNOWN_AFTER_APPLY } from './steps';
export { planConnection, planHasChanges, summarize, STEP_IDS, type PlanOptions } from './planner';
export { linkGroupIngressRule, emrPortRule, overridingDrops } from './wantedRules';
export { liveChecks, networkLinkDetected, linkInboundCidr, RDS_MAX_SECURITY_GROUPS } from './liveChecks';
export { liveStateFingerprint, specHash } from './fingerprint';
export { renderPlan, formatSummary, formatCheck, formatCall, formatPosition, addSummaries } from './render';
export { whitelistEntryCovering, missingEmrPorts } from './targetSteps';
