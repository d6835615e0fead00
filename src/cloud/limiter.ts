/**
 * The concurrency cap shared by every call of one cloud session: at most `limit` requests in
 * flight, the rest wait in FIFO order. A waiter whose AbortSignal fires leaves the queue at once.
 */

/** A counting semaphore with abortable waits. */
export class ConcurrencyLimiter {
  private active = 0;
  private readonly waiting: Array<{ grant: () => void }> = [];

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) {
      throw new Error(`maxConcurrency must be a whole number ≥ 1, got ${limit}.`);
    }
  }

  /** Requests in flight right now. */
  get inFlight(): number {
    return this.active;
  }

  /** Waits for a free slot; resolves to the function that gives it back (call it exactly once). */
  acquire(signal: AbortSignal | undefined, onAbort: () => Error): Promise<() => void> {
    if (signal?.aborted) return Promise.reject(onAbort());
    if (this.active < this.limit) {
      this.active++;
      return Promise.resolve(this.releaser());
    }
    return new Promise((resolve, reject) => {
      const entry = {
        grant: () => {
          signal?.removeEventListener('abort', abort);
          this.active++;
          resolve(this.releaser());
        },
      };
      const abort = (): void => {
        const i = this.waiting.indexOf(entry);
        if (i >= 0) this.waiting.splice(i, 1);
        reject(onAbort());
      };
      signal?.addEventListener('abort', abort, { once: true });
      this.waiting.push(entry);
    });
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.active--;
      this.waiting.shift()?.grant();
    };
  }
}
