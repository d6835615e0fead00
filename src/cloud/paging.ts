/**
 * Paging for both styles the APIs use:
 * - page numbers (PageNumber/PageSize + a total: TotalCount, or RDS's TotalRecordCount), where
 *   the first page reveals the total and the remaining pages can be fetched in parallel;
 * - continuation tokens (NextToken/MaxResults), which can only be followed one after another.
 * A Listing describes how to fetch one page of something; fetchPage serves a tree's "Load more"
 * with an opaque cursor, fetchAll gathers everything.
 */

import type { CallOptions } from './caller';

/** An opaque position in a listing, to hand back to fetchPage (e.g. stored on a "Load more" node). */
export type PageCursor = string & { readonly __pageCursor: true };

/** One page of a listing. */
export interface Page<T> {
  items: T[];
  /** Absent on the last page. */
  next?: PageCursor;
  /** The total, when the API reports one. */
  totalCount?: number;
}

/** A listing paged by page number; `fetch` reports the total and the page size actually used. */
export interface PageNumberListing<T> {
  style: 'page-number';
  pageSize: number;
  fetch(pageNumber: number, pageSize: number, options?: CallOptions): Promise<{ items: T[]; totalCount: number; pageSize?: number }>;
}

/** A listing paged by continuation token; an empty or absent token ends it. */
export interface NextTokenListing<T> {
  style: 'next-token';
  maxResults: number;
  fetch(
    nextToken: string | undefined,
    maxResults: number,
    options?: CallOptions,
  ): Promise<{ items: T[]; nextToken?: string; totalCount?: number }>;
}

/** Something that can be listed page by page. */
export type Listing<T> = PageNumberListing<T> | NextTokenListing<T>;

/** A list request's filters: the listing owns the paging parameters. */
export type ListingFilter<Request> = Omit<Request, 'PageNumber' | 'PageSize' | 'MaxResults' | 'NextToken'>;

type CursorState = { style: 'page-number'; page: number } | { style: 'next-token'; token: string };

function encodeCursor(state: CursorState): PageCursor {
  return Buffer.from(JSON.stringify(state), 'utf8').toString('base64url') as PageCursor;
}

function decodeCursor(cursor: PageCursor, style: Listing<unknown>['style']): CursorState {
  let state: unknown;
  try {
    state = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new Error('Not a page cursor of this extension.');
  }
  const s = state as Partial<{ style: string; page: unknown; token: unknown }>;
  if (s.style !== style) throw new Error(`This page cursor belongs to a ${String(s.style)} listing, not a ${style} one.`);
  if (style === 'page-number' && Number.isInteger(s.page) && (s.page as number) >= 1) return { style, page: s.page as number };
  if (style === 'next-token' && typeof s.token === 'string' && s.token !== '') return { style, token: s.token };
  throw new Error('Malformed page cursor.');
}

/** Fetches one page: the first when no cursor is given, else the one the cursor points at. */
export async function fetchPage<T>(listing: Listing<T>, cursor?: PageCursor, options?: CallOptions): Promise<Page<T>> {
  if (listing.style === 'page-number') {
    const page = cursor === undefined ? 1 : (decodeCursor(cursor, 'page-number') as { page: number }).page;
    const result = await listing.fetch(page, listing.pageSize, options);
    const pageSize = result.pageSize || listing.pageSize;
    const more = page * pageSize < result.totalCount && result.items.length > 0;
    return {
      items: result.items,
      totalCount: result.totalCount,
      next: more ? encodeCursor({ style: 'page-number', page: page + 1 }) : undefined,
    };
  }
  const token = cursor === undefined ? undefined : (decodeCursor(cursor, 'next-token') as { token: string }).token;
  const result = await listing.fetch(token, listing.maxResults, options);
  const next = result.nextToken ? encodeCursor({ style: 'next-token', token: result.nextToken }) : undefined;
  return { items: result.items, totalCount: result.totalCount, next };
}

/** Options of fetchAll. */
export interface FetchAllOptions extends CallOptions {
  /** At most this many pages of this listing in flight (the session cap applies on top). */
  concurrency?: number;
}

/**
 * Fetches every item. Page-number listings: the first page reveals the total, then the remaining
 * pages go out together (bounded by `concurrency` and the session's cap). Token listings: one page
 * after another, as the API allows nothing else.
 */
export async function fetchAll<T>(listing: Listing<T>, options: FetchAllOptions = {}): Promise<T[]> {
  const { concurrency, ...callOptions } = options;
  if (listing.style === 'next-token') {
    const items: T[] = [];
    const seen = new Set<string>();
    let token: string | undefined;
    do {
      const result = await listing.fetch(token, listing.maxResults, callOptions);
      items.push(...result.items);
      token = result.nextToken || undefined;
      if (token !== undefined) {
        if (seen.has(token))
          throw new Error(`The API returned the continuation token "${token}" twice; stopping to avoid an endless listing.`);
        seen.add(token);
      }
    } while (token !== undefined);
    return items;
  }
  const first = await listing.fetch(1, listing.pageSize, callOptions);
  const pageSize = first.pageSize || listing.pageSize;
  const pageCount = first.items.length === 0 ? 1 : Math.ceil(first.totalCount / pageSize);
  const rest = Array.from({ length: Math.max(0, pageCount - 1) }, (_, i) => i + 2);
  const pages = await mapWithConcurrency(rest, concurrency ?? Number.POSITIVE_INFINITY, (page) =>
    listing.fetch(page, pageSize, callOptions),
  );
  return [...first.items, ...pages.flatMap((p) => p.items)];
}

/** Maps with at most `limit` calls in flight; stops starting new ones after the first failure. */
export async function mapWithConcurrency<In, Out>(inputs: In[], limit: number, fn: (input: In) => Promise<Out>): Promise<Out[]> {
  const results = new Array<Out>(inputs.length);
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && next < inputs.length) {
      const index = next++;
      try {
        results[index] = await fn(inputs[index]);
      } catch (err) {
        failed = true;
        throw err;
      }
    }
  };
  const workers = Math.max(1, Math.min(limit, inputs.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return results;
}
