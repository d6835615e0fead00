/**
 * Finding a caller's resources by id. Only the caller's account is searched, so another
 * account's id is "not found", exactly like the real cloud. Each product declares, per
 * collection, the field that identifies a record and its not-found answer (product.ts).
 */
import { UNVERIFIED_CODES } from './constants';
import { ApiError } from './errors';
import type { Params } from './params';
import type { CollectionName, RecordCollection, RecordOf } from './product';
import { catalogRegion } from './regions';
import type { AccountState } from './state';

/** The required RegionId, checked against the region catalog. */
export function requiredRegion(params: Params): string {
  const regionId = params.required('RegionId');
  if (!catalogRegion(regionId)) {
    throw new ApiError(UNVERIFIED_CODES.regionNotFound, `The specified region "${regionId}" does not exist.`);
  }
  return regionId;
}

/** The optional RegionId, checked when given. */
export function optionalRegion(params: Params): string | undefined {
  return params.optional('RegionId') ? requiredRegion(params) : undefined;
}

/** The caller's record of `collection` with this id (in the region, when given); the product's not-found answer otherwise. */
export function findRecord<K extends CollectionName>(
  account: AccountState,
  collection: RecordCollection<K>,
  id: string,
  regionId?: string,
): RecordOf<K> {
  const finder = collection.finder;
  if (finder === undefined) throw new Error(`${collection.name} declares no finder.`);
  const records = account[collection.name] as unknown as ReadonlyArray<RecordOf<K>>;
  const found = records.find(
    (r) => r[finder.idField] === id && (regionId === undefined || (r as { regionId?: string }).regionId === regionId),
  );
  if (found === undefined) throw finder.notFound(id, regionId);
  return found;
}
