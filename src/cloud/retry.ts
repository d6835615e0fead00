/** Retry policy: exponential backoff with full jitter (AWS architecture blog's "Full Jitter"). */

/** How often and how patiently a failed call is retried. */
export interface RetryPolicy {
  /** Total attempts including the first; 1 disables retries. */
  maxAttempts: number;
  /** The backoff ceiling of the first retry, doubled on each further retry. */
  baseDelayMs: number;
  /** No backoff exceeds this. */
  maxDelayMs: number;
}

/** Four attempts, the retries waiting up to 0.2 s, 0.4 s and 0.8 s: enough for short throttling bursts. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 200, maxDelayMs: 5000 };

/** Fills a partial policy from the defaults and checks the numbers make sense. */
export function retryPolicy(partial: Partial<RetryPolicy> | undefined): RetryPolicy {
  const policy = { ...DEFAULT_RETRY_POLICY, ...partial };
  if (!Number.isInteger(policy.maxAttempts) || policy.maxAttempts < 1) {
    throw new Error(`retry.maxAttempts must be a whole number ≥ 1, got ${policy.maxAttempts}.`);
  }
  if (!(policy.baseDelayMs >= 0) || !(policy.maxDelayMs >= policy.baseDelayMs)) {
    throw new Error(`retry delays must satisfy 0 ≤ baseDelayMs (${policy.baseDelayMs}) ≤ maxDelayMs (${policy.maxDelayMs}).`);
  }
  return policy;
}

/**
 * The wait before retry number `retry` (1 for the first retry): uniformly random in
 * [0, min(max, base·2^(retry−1))], so that many clients throttled together spread out.
 */
export function backoffDelayMs(policy: RetryPolicy, retry: number, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.floor(random() * ceiling);
}

/** Resolves after `ms`, or rejects with `onAbort()` as soon as the signal fires. */
export function sleep(ms: number, signal: AbortSignal | undefined, onAbort: () => Error): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(onAbort());
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', abort);
      resolve();
    }, ms);
    function abort(): void {
      clearTimeout(timer);
      reject(onAbort());
    }
    signal?.addEventListener('abort', abort, { once: true });
  });
}
