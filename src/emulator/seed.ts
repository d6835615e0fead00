/**
 * The worlds the emulator starts with. `DEFAULT_SEED` names every id of the default world, so
 * tests, samples and the demo refer to `DEFAULT_SEED.main.vpcId` instead of copying strings: the
 * accounts are this file's, each product's ids and rows are its own (products/<p>.ts, `seed`),
 * gathered here in the product table's order.
 */
import type { AccountState, EmulatorState } from './state';
import type { ScaleSeed } from './product';
import { PRODUCTS } from './products';
import { REGION_CATALOG } from './regions';
import { SEED_REGION } from './seedFacts';

export type { ScaleSeed };

/** Which world a new emulator starts with. */
export type SeedChoice = 'default' | 'empty' | ScaleSeed;

/** The main and second accounts' credentials (shared: every product's rows live in them). */
const ACCOUNTS = {
  main: {
    name: 'main',
    accountId: '1481736092753620',
    accessKeyId: 'LTAI5tEmuMainAccount0001',
    accessKeySecret: 'emuMainSecret0000000000000000001',
    /** A temporary (STS) credential of the main account; its key only works with its token. */
    sts: {
      accessKeyId: 'STS.NUemuMainTemporaryKey01',
      accessKeySecret: 'emuMainStsSecret000000000000001',
      securityToken: 'CAISemuMainSecurityToken000000000000000000000001',
      roleName: 'mcvpc-operator',
      sessionName: 'emulator-session',
    },
  },
  second: {
    name: 'second',
    accountId: '1937204815562094',
    accessKeyId: 'LTAI5tEmuSecondAccount02',
    accessKeySecret: 'emuSecondSecret000000000000000002',
  },
} as const;

type Product = (typeof PRODUCTS)[number];
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
/** The ids every product names for one account of the default world, merged. */
type ProductIds<A extends 'main' | 'second'> = UnionToIntersection<
  Product extends infer P ? (P extends { seed: { ids: { [K in A]: infer Ids } } } ? Ids : never) : never
>;

function productIds<A extends 'main' | 'second'>(account: A): ProductIds<A> {
  const ids = PRODUCTS.map((p) => (p.seed.ids as Partial<Record<'main' | 'second', object>>)[account] ?? {});
  return Object.assign({}, ...ids) as ProductIds<A>;
}

/** Every id and credential of the default world. */
export const DEFAULT_SEED = {
  regionId: SEED_REGION,
  main: { ...ACCOUNTS.main, ...productIds('main') },
  second: { ...ACCOUNTS.second, ...productIds('second') },
} as const;

/** An empty account with the given credentials: every product's collections, empty. */
export function emptyAccount(
  init: Pick<AccountState, 'name' | 'accountId' | 'accessKeyId' | 'accessKeySecret'> & Partial<AccountState>,
): AccountState {
  const account: Record<string, unknown> = { temporaryCredentials: [], regionIds: [] };
  for (const { collections } of PRODUCTS) for (const { name } of collections) account[name] = [];
  return { ...(account as unknown as AccountState), ...init };
}

function accounts(): [AccountState, AccountState] {
  const m = ACCOUNTS.main;
  const s = ACCOUNTS.second;
  return [
    emptyAccount({
      name: m.name,
      accountId: m.accountId,
      accessKeyId: m.accessKeyId,
      accessKeySecret: m.accessKeySecret,
      temporaryCredentials: [{ ...m.sts }],
    }),
    emptyAccount({ name: s.name, accountId: s.accountId, accessKeyId: s.accessKeyId, accessKeySecret: s.accessKeySecret }),
  ];
}

/** Each product's records derived from others (ECS primary interfaces), for every account. */
export function reconcile<T extends { accounts: AccountState[] }>(state: T): T {
  for (const account of state.accounts) for (const product of PRODUCTS) if ('reconcile' in product) product.reconcile(account);
  return state;
}

function defaultWorld(): EmulatorState {
  const [main, second] = accounts();
  for (const product of PRODUCTS) if ('rows' in product.seed) product.seed.rows({ main, second });
  return reconcile({ formatVersion: 1, accounts: [main, second], clientTokens: [] });
}

function emptyWorld(): EmulatorState {
  return { formatVersion: 1, accounts: accounts(), clientTokens: [] };
}

function scaleWorld(seed: ScaleSeed): EmulatorState {
  const region = REGION_CATALOG.find((r) => r.regionId === seed.regionId);
  if (!region)
    throw new Error(`Scale seed: unknown region "${seed.regionId}"; known: ${REGION_CATALOG.map((r) => r.regionId).join(', ')}.`);
  for (const key of ['vpcs', 'vSwitchesPerVpc', 'securityGroupsPerVpc'] as const) {
    if (!Number.isInteger(seed[key]) || seed[key] < 0)
      throw new Error(`Scale seed: ${key} must be a non-negative integer, got ${String(seed[key])}.`);
  }
  if (seed.vSwitchesPerVpc > 256) throw new Error('Scale seed: vSwitchesPerVpc must be at most 256 (one /24 per vSwitch in a /16).');
  const world = emptyWorld();
  const main = world.accounts[0]!;
  main.regionIds.push(seed.regionId);
  for (const product of PRODUCTS) if ('scaleRows' in product.seed) product.seed.scaleRows({ seed, zoneIds: region.zoneIds, main });
  return world;
}

/** Builds the initial state for a seed choice; every instance comes with its primary interface. */
export function buildSeed(choice: SeedChoice = 'default'): EmulatorState {
  if (choice === 'default') return defaultWorld();
  if (choice === 'empty') return emptyWorld();
  if (choice.kind === 'scale') return scaleWorld(choice);
  throw new Error(`Unknown seed ${JSON.stringify(choice)}: use 'default', 'empty' or { kind: 'scale', … }.`);
}
