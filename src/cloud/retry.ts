/**
 * Retry policy: exponential backoff with full jitter (AWS architecture blog, "Exponential Backoff
 * And Jitter"), bounded by a number of attempts and by a time budget per call. Alibaba Cloud's
 * flow control (Throttling.User) counts requests per second, so the waits must be able to reach
 * past a one-second window: the ceilings grow 0.25 → 0.5 → 1 → 2 → 4 → 8 s, and a call keeps
 * trying for up to 20 s in all before it gives up.
 */

/** How often and how patiently a failed call is retried. */
export interface RetryPolicy {
  /** Total attempts including the first; 1 disables retries. */
  maxAttempts: number;
  /** The backoff ceiling of the first retry, doubled on each further retry. */
  baseDelayMs: number;
  /** No backoff exceeds this. */
  maxDelayMs: number;
  /** No retry starts once this long has passed since the call began (attempts and waits together). */
  budgetMs: number;
}

/**
 * Up to 10 attempts within 20 s. Many clients throttled in one second spread over the next ones;
 * the expected total wait of nine retries (sum of half the ceilings) is about 16 s, within budget.
 */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 10, baseDelayMs: 250, maxDelayMs: 8000, budgetMs: 20_000 };

/** Fills a partial policy from the defaults and checks the numbers make sense. */
export function retryPolicy(partial: Partial<RetryPolicy> | undefined): RetryPolicy {
  const policy = { ...DEFAULT_RETRY_POLICY, ...partial };
  if (!Number.isInteger(policy.maxAttempts) || policy.maxAttempts < 1) {
    throw new Error(`retry.maxAttempts must be a whole number ≥ 1, got ${policy.maxAttempts}.`);
  }
  if (!(policy.baseDelayMs >= 0) || !(policy.maxDelayMs >= policy.baseDelayMs)) {
    throw new Error(`retry delays must satisfy 0 ≤ baseDelayMs (${policy.baseDelayMs}) ≤ maxDelayMs (${policy.maxDelayMs}).`);
  }
  if (!(policy.budgetMs >= 0)) throw new Error(`retry.budgetMs must be a non-negative number of milliseconds, got ${policy.budgetMs}.`);
  return policy;
}

/**
 * The wait before retry number `retry` (1 for the first retry): uniformly random in
 * [0, min(max, base·2^(retry−1))], so that many clients throttled together spread out.
 */
export function backoffDelayMs(policy: RetryPolicy, retry: number, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(retry - 1, 30));
  return Math.floor(random() * ceiling);
}

/**
 * The wait before the next retry, or undefined when the policy says to give up: attempts used
 * up, or the wait would end past the budget (`elapsedMs` since the call began).
 */
export function nextRetryDelayMs(
  policy: RetryPolicy,
  attempt: number,
  elapsedMs: number,
  random: () => number = Math.random,
): number | undefined {
  if (attempt >= policy.maxAttempts) return undefined;
  const delay = backoffDelayMs(policy, attempt, random);
  return elapsedMs + delay > policy.budgetMs ? undefined : delay;
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
