/**
 * Plans saved by `mcvpc plan --out FILE` and applied by `mcvpc apply --plan FILE`, with
 * Terraform's stale-plan rule: a saved plan is applied only if the spec means the same and the
 * live state re-read now has the fingerprint the plan was computed from.
 */
import type { Plan, PlanPurpose } from '../core/plan';

/** What a plan is for; plans saved before teardown existed carry no purpose and are apply plans. */
export function planPurpose(plan: Pick<Plan, 'purpose'>): PlanPurpose {
  return plan.purpose ?? 'apply';
}

/** The file `mcvpc plan --out` writes: one plan per link of the spec file. */
export interface SavedPlanFile {
  kind: 'mcvpc-plan';
  formatVersion: 1;
  /** The spec file planned, as given on the command line (for messages only). */
  specFile: string;
  createdAt: string;
  plans: Plan[];
}

/** The saved form of some plans. */
export function savedPlanFile(specFile: string, plans: Plan[], now = new Date()): SavedPlanFile {
  return { kind: 'mcvpc-plan', formatVersion: 1, specFile, createdAt: now.toISOString(), plans };
}

/** Reads a saved plan file; throws with a clear message when it is not one. */
export function parseSavedPlanFile(text: string, fileName: string): SavedPlanFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new Error(`${fileName} is not a saved plan: ${(err as Error).message}`);
  }
  const file = data as Partial<SavedPlanFile>;
  if (file?.kind !== 'mcvpc-plan' || file.formatVersion !== 1 || !Array.isArray(file.plans)) {
    throw new Error(
      `${fileName} is not a saved plan of this mcvpc version (expected "kind": "mcvpc-plan", "formatVersion": 1); write one with mcvpc plan FILE --out ${fileName}.`,
    );
  }
  for (const [i, plan] of file.plans.entries()) {
    if (
      typeof plan?.networkLinkName !== 'string' ||
      typeof plan.fingerprint !== 'string' ||
      typeof plan.specHash !== 'string' ||
      !Array.isArray(plan.steps)
    ) {
      throw new Error(`${fileName}: plan ${i + 1} is incomplete (it needs networkLinkName, fingerprint, specHash and steps).`);
    }
    if (plan.purpose !== undefined && plan.purpose !== 'apply' && plan.purpose !== 'destroy') {
      throw new Error(`${fileName}: plan ${i + 1} has purpose ${JSON.stringify(plan.purpose)}; expected "apply" or "destroy".`);
    }
  }
  return file as SavedPlanFile;
}

/** Why the saved plan may not be applied over the fresh one, or undefined when it may. */
export function stalePlanReason(saved: Plan, fresh: Plan): string | undefined {
  // Checked first: an apply plan and a destroy plan of the same spec and state share both hashes.
  if (planPurpose(saved) !== planPurpose(fresh)) {
    return `the saved plan for "${saved.networkLinkName}" is a${planPurpose(saved) === 'apply' ? 'n apply' : ' destroy'} plan, and ${planPurpose(fresh) === 'apply' ? 'mcvpc apply' : 'mcvpc destroy'} carries out only ${planPurpose(fresh)} plans; nothing was changed.`;
  }
  if (saved.specHash !== fresh.specHash) {
    return `the spec of "${saved.networkLinkName}" changed since the plan was saved; run mcvpc plan again.`;
  }
  if (saved.fingerprint !== fresh.fingerprint) {
    return `the saved plan for "${saved.networkLinkName}" is stale: the cloud changed since it was made (fingerprint ${saved.fingerprint}, now ${fresh.fingerprint}); run mcvpc plan again.`;
  }
  // Same spec and same state give the same plan; anything else means the file was edited or comes from another version.
  if (JSON.stringify(saved.steps) !== JSON.stringify(fresh.steps)) {
    return `the saved plan for "${saved.networkLinkName}" differs from the plan of the same spec and state (edited, or made by another mcvpc version); run mcvpc plan again.`;
  }
  return undefined;
}
