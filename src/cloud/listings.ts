/**
 * Ready-made listings of domain objects (see paging.ts): which call, which page size, which
 * mapper. Each product file defines its own; `cloud.lists` merges them from the product table.
 * The UI's tree pages through these; commands and the bench fetch them whole.
 */

import { PRODUCT_TABLE, type CloudListings, type CloudProducts } from './products';

export type { CloudListings } from './products';

/** Builds the listings over a session's APIs; a filter without RegionId lists the session's region. */
export function cloudListings(apis: CloudProducts, regionId: string): CloudListings {
  const byKey = apis as unknown as Readonly<Record<string, unknown>>;
  const merged: Record<string, unknown> = {};
  for (const product of PRODUCT_TABLE) {
    for (const [name, listing] of Object.entries(product.listings?.(byKey[product.key], regionId) ?? {})) {
      // Two products offering one name would leave one of them unreachable.
      if (name in merged) throw new Error(`Two products define the listing "${name}" (the second is ${product.key}).`);
      merged[name] = listing;
    }
  }
  // Each product's listings are typed against its API by defineProduct; the merge only puts them side by side.
  return merged as unknown as CloudListings;
}
