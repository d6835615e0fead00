/** Shared by plan, apply and destroy: read the spec file, then the live state of each link, and plan it (or its teardown). */
import { renderPlan, type Plan, type PlanPurpose } from '../../core/plan';
import { planSpec, planSpecTeardown } from '../../engine';
import type { ConnectionSpec } from '../../spec/types';
import { CloudSessions, describeFailure, emulatorEndpoint } from '../cloudSessions';
import type { LinkCommandArgs } from '../linkArgs';
import { formatProblem, readSpecInput } from '../specInput';

export interface PlannedLink {
  spec: ConnectionSpec;
  plan: Plan;
}

/** The plans of every link in the file, or undefined after printing why there are none (exit 1). */
export async function planAll(args: LinkCommandArgs, sessions: CloudSessions, purpose: PlanPurpose = 'apply'): Promise<PlannedLink[] | undefined> {
  const planner = purpose === 'destroy' ? planSpecTeardown : planSpec;
  const input = await readSpecInput(args.file);
  for (const problem of input.problems) {
    if (!input.valid || problem.severity !== 'info') process.stderr.write(`${formatProblem(args.file, problem)}\n`);
  }
  if (!input.valid) {
    process.stderr.write(`${args.file}: fix the errors above first; nothing was read from the cloud.\n`);
    return undefined;
  }
  const planned: PlannedLink[] = [];
  for (const written of input.specs) {
    const spec = sessions.effectiveSpec(written);
    process.stderr.write(`Reading the live state of "${spec.networkLinkName}" in ${spec.regionId}…\n`);
    try {
      const cloud = await sessions.forSpec(spec);
      const { plan } = await planner(cloud, spec, { emulatorEndpoint: emulatorEndpoint() });
      planned.push({ spec, plan });
    } catch (err) {
      process.stderr.write(`${args.file}: "${spec.networkLinkName}": ${describeFailure(err)}\n`);
      return undefined;
    }
  }
  return planned;
}

/** All plans as text (stdout), refusals included. */
export function renderPlans(args: LinkCommandArgs, planned: readonly PlannedLink[]): string {
  return planned.map(({ plan }) => renderPlan(plan, args.file)).join('\n\n');
}
