/** The three paging styles of the APIs: page number (VPC, RDS, HBase), NextToken (ECS, EMR). */
import { UNVERIFIED_CODES } from './constants';
import { ApiError } from './errors';
import type { Params } from './params';

export interface NumberedPage<T> {
  items: T[];
  pageNumber: number;
  pageSize: number;
  totalCount: number;
}

/** Pages by PageNumber/PageSize; a PageSize above `maxPageSize` is InvalidParameter, as in the cloud. */
export function pageByNumber<T>(
  all: readonly T[],
  params: Params,
  limits: { defaultPageSize: number; maxPageSize: number; sizeParam?: string },
): NumberedPage<T> {
  const pageNumber = params.integer('PageNumber', 1, 1, 1_000_000);
  const pageSize = params.integer(limits.sizeParam ?? 'PageSize', limits.defaultPageSize, 1, limits.maxPageSize);
  const start = (pageNumber - 1) * pageSize;
  return { items: all.slice(start, start + pageSize), pageNumber, pageSize, totalCount: all.length };
}

export interface TokenPage<T> {
  items: T[];
  /** Empty on the last page. */
  nextToken: string;
  maxResults: number;
  totalCount: number;
}

function encodeToken(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString('base64url');
}

function decodeToken(token: string): number {
  const m = /^offset:(\d+)$/.exec(Buffer.from(token, 'base64url').toString());
  if (!m) throw new ApiError(UNVERIFIED_CODES.nextToken, `The specified NextToken "${token}" is not valid.`);
  return Number(m[1]);
}

/** Pages by NextToken/MaxResults. */
export function pageByToken<T>(
  all: readonly T[],
  params: Params,
  limits: { defaultMaxResults: number; minMaxResults: number; maxMaxResults: number },
): TokenPage<T> {
  const maxResults = params.integer('MaxResults', limits.defaultMaxResults, limits.minMaxResults, limits.maxMaxResults);
  const token = params.optional('NextToken');
  const start = token ? decodeToken(token) : 0;
  const items = all.slice(start, start + maxResults);
  const end = start + items.length;
  return { items, nextToken: end < all.length ? encodeToken(end) : '', maxResults, totalCount: all.length };
}
