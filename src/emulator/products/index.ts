/**
 * The emulator's products: one line each. The state and its schema, empty accounts, the seeds and
 * the router loop over this table; seeds run in its order (a product's rows may use an earlier
 * product's: groups need their VPC, the link needs its role).
 */
import type { ProductApi } from '../action';
import { statusForCode } from '../constants';
import { ecs } from './ecs';
import { ecsInstances } from './ecsInstances';
import { emr } from './emr';
import { hbase } from './hbase';
import { identity } from './identity';
import { lindorm } from './lindorm';
import { maxcompute } from './maxcompute';
import { polardb } from './polardb';
import { rds } from './rds';
import { vpc } from './vpc';

export const PRODUCTS = [vpc, ecs, rds, hbase, emr, polardb, lindorm, ecsInstances, identity, maxcompute] as const;

/** Every API the products serve, routed by version + action. */
export const PRODUCT_APIS: readonly ProductApi[] = PRODUCTS.flatMap((p) => p.apis);

const PRODUCT_ERROR_STATUS: Readonly<Record<string, number>> = Object.assign(
  {},
  ...PRODUCTS.map((p) => ('errorStatus' in p ? p.errorStatus : {})),
);

/** The HTTP status of an error code: a product's own where it declares one, else the gateway's (statusForCode). */
export function errorStatus(code: string): number {
  return PRODUCT_ERROR_STATUS[code] ?? statusForCode(code);
}
