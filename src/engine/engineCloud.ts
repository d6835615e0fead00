/**
 * What the engine needs of a cloud session: the typed product APIs of `createCloud`'s `Cloud`
 * (any object with the same shape works, e.g. a session for another region).
 */
import type { Cloud } from '../cloud';
import { isNotFoundError } from '../cloud';

export type EngineCloud = Pick<Cloud, 'vpc' | 'ecs' | 'rds' | 'hbase' | 'emr' | 'ram' | 'sts'>;

/** True when the API said the resource does not exist (so "absent" is an answer, not a failure). */
export function isNotFound(err: unknown): boolean {
  return isNotFoundError(err);
}

/** Undefined instead of a not-found error. */
export async function unlessNotFound<T>(read: Promise<T>): Promise<T | undefined> {
  try {
    return await read;
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}

/** Follows NextToken until the last page. */
export async function allPages<Item>(fetch: (nextToken: string | undefined) => Promise<{ items: Item[]; nextToken?: string }>): Promise<Item[]> {
  const items: Item[] = [];
  let token: string | undefined;
  do {
    const page = await fetch(token);
    items.push(...page.items);
    token = page.nextToken === undefined || page.nextToken === '' ? undefined : page.nextToken;
  } while (token !== undefined);
  return items;
}

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
