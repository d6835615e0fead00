/**
 * What the emulator knows of one product, declared in that product's file (HOUSE_STYLE:
 * src/emulator/products/<p>.ts): its routes, the per-account collections of its records with a
 * JSON schema of each record and a finder, its seed rows, the HTTP status of its own error codes,
 * and what stays unverified. products/index.ts lists the products; the state schema, empty
 * accounts, the seeds and the router loop over that list, so none of them names a product.
 *
 * A product adds its collections to the `AccountState` type by augmenting it in its own file
 * (`declare module '../state' { interface AccountState { … } }`), so handlers keep typed access
 * (`ctx.account.rdsInstances`) and `collection()` below ties each declared name to that type.
 */
import type { SchemaObject } from 'ajv';
import type { ProductApi } from './action';
import type { ApiError } from './errors';
import type { AccountState } from './state';

/** The account's own fields: everything else in an account is a product's collection. */
type SharedAccountField = 'name' | 'accountId' | 'accessKeyId' | 'accessKeySecret' | 'temporaryCredentials' | 'regionIds';

/** The per-account lists the products add to AccountState. */
export type CollectionName = Exclude<keyof AccountState, SharedAccountField>;

/** One record of a collection. */
export type RecordOf<K extends CollectionName> = AccountState[K] extends ReadonlyArray<infer R> ? R : never;

/** A record's JSON schema (ajv): a schema for every field of the record type, and the required ones listed. */
export interface RecordSchema<R> extends SchemaObject {
  type: 'object';
  properties: { [F in keyof R]-?: SchemaObject };
  required: ReadonlyArray<keyof R & string>;
}

/** How a caller's record is found by its id; another account's record is simply not found. */
export interface RecordFinder<R> {
  idField: keyof R & string;
  /** The product's answer for an id the caller does not have (the region is given when the lookup had one). */
  notFound(id: string, regionId?: string): ApiError;
}

/** One per-account list of a product's records, as it is in the state and in state files. */
export interface RecordCollection<K extends CollectionName = CollectionName> {
  name: K;
  schema: RecordSchema<RecordOf<K>>;
  finder?: RecordFinder<RecordOf<K>>;
  /** Added after the first state files were written: a file without it is read with it empty. */
  addedLater?: true;
}

/** Any product's collection (a union, so each keeps its own record type). */
export type AnyCollection = { [K in CollectionName]: RecordCollection<K> }[CollectionName];

/** The accounts of the default world, as a product's seed rows receive them. */
export interface DefaultWorld {
  main: AccountState;
  second: AccountState;
}

/** A generated world for benchmarks: `vpcs` VPCs of `vSwitchesPerVpc` vSwitches and `securityGroupsPerVpc` groups in one region. */
export interface ScaleSeed {
  kind: 'scale';
  regionId: string;
  vpcs: number;
  vSwitchesPerVpc: number;
  securityGroupsPerVpc: number;
}

/** What a product's scale rows receive: the seed, the region's zones, and the one account. */
export interface ScaleWorld {
  seed: ScaleSeed;
  zoneIds: readonly string[];
  main: AccountState;
}

/** One product of the emulator. */
export interface EmulatorProduct {
  /** The product's name in messages and the README. */
  name: string;
  /** The API versions it serves (most products one; identity serves RAM and STS). */
  apis: readonly ProductApi[];
  collections: readonly AnyCollection[];
  seed?: {
    /** Ids of its resources in the default world: merged into DEFAULT_SEED.main / .second. */
    ids?: { main?: object; second?: object };
    /** Adds its rows to the default world; products seed in table order. */
    rows?(world: DefaultWorld): void;
    /** Adds its rows to a scale world. */
    scaleRows?(world: ScaleWorld): void;
  };
  /** Codes it answers whose HTTP status is not the gateway's rule (statusForCode): used for its own errors and for injected faults. */
  errorStatus?: Readonly<Record<string, number>>;
  /** Records it derives from others (ECS primary interfaces from instances): run on every seeded or loaded account. */
  reconcile?(account: AccountState): void;
  /** Its behaviour and codes no reference pins down: one marked place per product. */
  unverified?: Readonly<Record<string, unknown>>;
}

/** Declares a collection, tying its name to the record type the product added to AccountState. */
export function collection<K extends CollectionName>(definition: RecordCollection<K>): RecordCollection<K> {
  return definition;
}

/** JSON schema helpers for record schemas. */
export const json = {
  string: { type: 'string' },
  number: { type: 'number' },
  boolean: { type: 'boolean' },
  strings: { type: 'array', items: { type: 'string' } },
  arrayOf: (items: SchemaObject): SchemaObject => ({ type: 'array', items }),
  /** A record of `properties`; those in `optional` may be absent. */
  record<R>(properties: { [F in keyof R]-?: SchemaObject }, optional: ReadonlyArray<keyof R & string> = []): RecordSchema<R> {
    const required = (Object.keys(properties) as Array<keyof R & string>).filter((f) => !optional.includes(f));
    return { type: 'object', properties, required };
  },
} as const;
