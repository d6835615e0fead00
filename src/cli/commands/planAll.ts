/** Shared by plan, apply and destroy: read the spec file, then the live state of each link, and plan it (or its teardown). */
import { renderPlan, type Plan, type PlanPurpose } from '../../core/plan';
import { acquireLinkLock, LinkLockedError, LockFolderError, planSpec, planSpecTeardown } from '../../engine';
import type { ConnectionSpec } from '../../connectionSpec/types';
import { CloudSessions, describeFailure, emulatorEndpoint } from '../cloudSessions';
import type { LinkCommandArgs } from '../linkArgs';
import { formatProblem, readSpecInput } from '../specInput';
import { escapeForMessageLines } from '../../core/displayText';

/** The link locks a run holds (apply, destroy): released by the caller when it is done. */
export interface LinkLocks {
  what: string;
  held: Array<() => void>;
}

/** Releases every lock of a run. */
export function releaseLocks(locks: LinkLocks): void {
  for (const release of locks.held.splice(0)) release();
}

export interface PlannedLink {
  spec: ConnectionSpec;
  plan: Plan;
}

/** The plans of every link in the file, or undefined after printing why there are none (exit 1). */
export async function planAll(
  args: LinkCommandArgs,
  sessions: CloudSessions,
  purpose: PlanPurpose = 'apply',
  locks?: LinkLocks,
): Promise<PlannedLink[] | undefined> {
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
    try {
      // Held from here to the end of applying: a second run on the link is told, not raced.
      if (locks !== undefined)
        locks.held.push(acquireLinkLock(spec, locks.what, undefined, { onTakeOver: (message) => process.stderr.write(`${message}\n`) }));
    } catch (err) {
      if (!(err instanceof LinkLockedError || err instanceof LockFolderError)) throw err;
      process.stderr.write(`${args.file}: ${err.message}\n`);
      return undefined;
    }
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

/** All plans as text (stdout), refusals included; names read from the cloud in them are shown escaped. */
export function renderPlans(args: LinkCommandArgs, planned: readonly PlannedLink[]): string {
  return escapeForMessageLines(planned.map(({ plan }) => renderPlan(plan, args.file)).join('\n\n'));
}
