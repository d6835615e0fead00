/**
 * What the engine needs of a cloud session: the typed product APIs of `createCloud`'s `Cloud`
 * (any object with the same shape works, e.g. a session for another region).
 */
import type { CloudProducts } from '../cloud';

export type EngineCloud = CloudProducts;

export { isNotFound, unlessNotFound, allPages } from '../cloud/reads';

/** Resolves after `ms`, or rejects with the signal's reason when it is aborted first. */
export function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new CancelledError());
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new CancelledError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** The run was cancelled between calls (the cloud layer reports cancelled calls as CloudError kind 'cancelled'). */
export class CancelledError extends Error {
  override readonly name = 'CancelledError';
  constructor() {
    super('Cancelled.');
  }
}
