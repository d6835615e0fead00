/**
 * The table of target kinds. Adding a kind is one folder beside this file (its module), one line
 * here, a cloud product file (and its line in src/cloud/products/index.ts) and an emulator product
 * file — nothing else names a kind.
 */
import type { TargetPlanning } from '../core/plan';
import { customKind } from './custom';
import { ecsKind } from './ecs';
import { emrKind } from './emr';
import { hbaseKind } from './hbase';
import type { AnyTargetKind } from './kind';
import { lindormKind } from './lindorm';
import { polardbKind } from './polardb';
import { rdsKind } from './rds';

/** Every kind, in the order the schema, the form and the Network view list them. */
export const TARGET_KINDS: readonly AnyTargetKind[] = [rdsKind, polardbKind, hbaseKind, lindormKind, emrKind, ecsKind, customKind];

const byName = new Map(TARGET_KINDS.map((k) => [k.kind, k]));

/** The module of a kind; throws for a kind no module implements (the schema refuses such specs first). */
export function targetKind(kind: string): AnyTargetKind {
  const found = byName.get(kind);
  if (found === undefined) throw new Error(`No target kind "${kind}" (known: ${[...byName.keys()].join(', ')}).`);
  return found;
}

/** The planners the core planner is given. */
export const targetPlanners = (kind: string): TargetPlanning => targetKind(kind);

/** The kinds that have cloud resources to list (the Network view's services). */
export function serviceKinds(): AnyTargetKind[] {
  return TARGET_KINDS.filter((k) => k.service !== undefined);
}

export type * from './kind';
