/**
 * The table of products. `createCloud` (../index.ts) gives each one `cloud.<key>`, `cloud.lists`
 * gathers their listings (../listings.ts) and the endpoint lookup finds their rule here: adding a
 * product is its file in this folder (code, endpoint rule, calls, wire types, mapper, listing,
 * resource type, and a `defineProduct` object) plus one line below.
 *
 * Resource types stay in src/core/model.ts where core reasons about them: Vpc, VSwitch,
 * SecurityGroup and its rules, NetworkInterface and NetworkLink are what the pure planner, the
 * doctor, link detection and the spec's live checks work on, and core imports nothing above it.
 * A target kind's resource (RdsInstance, PolarDbCluster, EcsInstance…) and Region/Zone are used by
 * the cloud and its target kind only, so they live in their product file.
 */

import { endpointHost } from '../endpoints';
import type { AnyProductDefinition, ProductDefinition } from './definition';
import { ecsProduct } from './ecs';
import { emrProduct } from './emr';
import { hbaseProduct } from './hbase';
import { ramProduct, stsProduct } from './identity';
import { lindormProduct } from './lindorm';
import { maxcomputeProduct } from './maxcompute';
import { polardbProduct } from './polardb';
import { rdsProduct } from './rds';
import { vpcProduct } from './vpc';

/** Every product this extension calls. */
export const PRODUCTS = [
  vpcProduct,
  ecsProduct,
  rdsProduct,
  hbaseProduct,
  emrProduct,
  polardbProduct,
  lindormProduct,
  maxcomputeProduct,
  ramProduct,
  stsProduct,
] as const;

type Products = (typeof PRODUCTS)[number];

/** The session's product APIs, one per table line (`cloud.polardb.describeDBClusters`). */
export type CloudProducts = { readonly [P in Products as P['key']]: ReturnType<P['api']> };

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
type ListingsOf<P> = P extends ProductDefinition<string, infer _Api, infer Listings> ? Listings : never;

/** Listings of the domain objects this extension shows: every product's, merged. */
export type CloudListings = UnionToIntersection<ListingsOf<Products>>;

/** The table as its loops see it. */
export const PRODUCT_TABLE: readonly AnyProductDefinition[] = PRODUCTS;

/** The public endpoint host of a product, by its OpenAPI code (`Vpc`, `polardb`, `hitsdb`…), in a region. */
export function productHost(code: string, regionId: string): string {
  const found = PRODUCT_TABLE.find((p) => p.product.code === code);
  if (found === undefined) throw new Error(`No product "${code}" (known: ${PRODUCT_TABLE.map((p) => p.product.code).join(', ')}).`);
  return endpointHost(found.product.endpoint, regionId);
}
