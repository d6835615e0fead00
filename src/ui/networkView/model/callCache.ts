/**
 * The explorer's memory of API answers: one entry per call, keyed by the id of the node that
 * asked (profile and region first), so a call is made once while its entry is valid, two nodes
 * asking at the same moment share one request, and refreshing a node drops (and aborts) exactly
 * the entries under it. Failures are not kept: expanding again tries again. No vscode.
 */

interface Entry {
  promise: Promise<unknown>;
  controller: AbortController;
}

/** Memoized, abortable calls by hierarchical key. */
export class CallCache {
  private readonly entries = new Map<string, Entry>();

  /** The cached answer for `key`, or the answer of `fetch` (given a signal that a refresh aborts). */
  get<T>(key: string, fetch: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const existing = this.entries.get(key);
    if (existing !== undefined) return existing.promise as Promise<T>;
    const controller = new AbortController();
    const promise = fetch(controller.signal);
    const entry: Entry = { promise, controller };
    this.entries.set(key, entry);
    promise.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return promise;
  }

  /** True when an answer (or a call in flight) is held for `key`. */
  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** Drops every entry whose key starts with one of the prefixes, aborting calls still in flight. */
  invalidate(...prefixes: string[]): void {
    for (const [key, entry] of this.entries) {
      if (
        prefixes.some(
          (prefix) =>
            key === prefix ||
            key.startsWith(prefix.endsWith('/') || prefix.endsWith('#') ? prefix : `${prefix}/`) ||
            key.startsWith(`${prefix}#`),
        )
      ) {
        entry.controller.abort(new Error('refreshed'));
        this.entries.delete(key);
      }
    }
  }

  /** Drops everything (profile switch, settings change), aborting calls in flight. */
  clear(): void {
    for (const entry of this.entries.values()) entry.controller.abort(new Error('refreshed'));
    this.entries.clear();
  }

  /** How many entries are held (for tests). */
  get size(): number {
    return this.entries.size;
  }
}
