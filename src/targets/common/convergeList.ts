/**
 * Read, merge, write — then read back. Several services keep access in a list that the API
 * replaces whole (an HBase whitelist group, a cluster's security groups). Two writers at once
 * can each write back a list without the other's entry, and both would say "done". So every
 * write is verified: the list is read again, and when our change is missing (someone wrote over
 * it) the merge is redone on what is there now, a bounded number of times. A run says "done"
 * only about what it read back. A writer that overwrites us *after* our last read-back cannot be
 * seen by any client without a conditional write (the APIs have none); the settle re-read below
 * narrows that window to the other writer's own round trip.
 */
import type { StepOutcome } from '../../core/plan';

/** One list and the change wanted in it. */
export interface ListChange {
  /** The list now; undefined when it does not exist (e.g. a whitelist group not created yet). */
  read(): Promise<string[] | undefined>;
  /** True when the list already is as wanted. */
  satisfied(list: string[] | undefined): boolean;
  /** Writes the wanted list computed from `current` (a merge: current entries plus or minus ours). */
  write(current: string[] | undefined): Promise<void>;
  /** Words for the outcome: `10.0.1.0/24 added to whitelist group maxcompute of hb-…`. */
  doneText: string;
  alreadyText: string;
}

export interface ConvergeOptions {
  throwIfCancelled(): void;
  /** Attempts before giving up (each a read, a write and a read-back). */
  attempts?: number;
  /** Pause before the settle re-read; defaults to the duration of the write. */
  settleMs?: number;
}

/** Thrown when concurrent writers kept undoing the change. */
export class ConvergenceError extends Error {
  override readonly name = 'ConvergenceError';
}

/** Makes the change and reads it back; retries the merge when another writer undid it. */
export async function convergeList(change: ListChange, options: ConvergeOptions): Promise<StepOutcome> {
  const attempts = options.attempts ?? 4;
  let wrote = false;
  // One more read than writes: the last write is read back too.
  for (let attempt = 0; attempt <= attempts; attempt++) {
    const current = await change.read();
    if (change.satisfied(current)) {
      if (!wrote) return { status: 'already', detail: change.alreadyText };
      // Read back once more after a pause: a writer that read before our write lands now.
      await new Promise((resolve) => setTimeout(resolve, Math.min(options.settleMs ?? 0, 2_000)));
      if (change.satisfied(await change.read())) return { status: 'done', detail: `${change.doneText} (read back)` };
      continue;
    }
    if (attempt === attempts) break;
    options.throwIfCancelled();
    const began = Date.now();
    await change.write(current);
    wrote = true;
    options.settleMs ??= Date.now() - began;
  }
  throw new ConvergenceError(
    `The change "${change.doneText}" could not be confirmed: after ${attempts} attempts another writer kept changing the same list. Run apply again when the other change is done.`,
  );
}
