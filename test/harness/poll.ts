/** Waiting for conditions with deadlines, never for fixed times. */

/** Options of `waitFor`. */
export interface WaitOptions {
  timeoutMs: number;
  /** Says what is awaited, for the time-out message ("code-server to answer /healthz"). */
  what: string;
  intervalMs?: number;
}

/** Thrown when a condition did not hold before its deadline. */
export class DeadlineError extends Error {
  override readonly name = 'DeadlineError';
}

/**
 * Polls `check` until it returns a value other than false/undefined, or throws DeadlineError.
 * An exception from `check` ends the wait at once (a dead process must not be waited for).
 */
export async function waitFor<T>(check: () => T | false | undefined | Promise<T | false | undefined>, options: WaitOptions): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  const interval = options.intervalMs ?? 100;
  for (;;) {
    const value = await check();
    if (value !== false && value !== undefined) return value;
    if (Date.now() >= deadline) {
      throw new DeadlineError(`timed out after ${Math.round(options.timeoutMs / 1000)} s waiting for ${options.what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}
