/**
 * What a product file hands the table in ./index.ts: the one object through which `Cloud`, its
 * listings and the endpoint lookup reach the product. Everything else of the product (wire types,
 * mappers, its resource type) is exported by its file for the code that calls it by name.
 */

import type { Caller, Product } from '../caller';

/** One product: where `cloud.<key>` comes from. */
export interface ProductDefinition<Key extends string, Api, Listings extends object> {
  /** The property of `Cloud` that carries the API (`cloud.polardb`). */
  key: Key;
  /** Code, version and endpoint rule. */
  product: Product;
  /** The session's API object. */
  api(caller: Caller): Api;
  /** What `cloud.lists` offers for the product, over its API; the session's region fills a filter that names none. */
  listings?(api: Api, regionId: string): Listings;
}

/** Checks a product's definition and keeps its literal key and its API and listing types (for the mapped `Cloud` type). */
export function defineProduct<const Key extends string, Api, Listings extends object = never>(
  definition: ProductDefinition<Key, Api, Listings>,
): ProductDefinition<Key, Api, Listings> {
  return definition;
}

/** Any product's definition, as the loops over the table see it (each is handed its own API back). */
export type AnyProductDefinition = ProductDefinition<string, unknown, object>;
