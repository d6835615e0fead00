/**
 * The emulator's world: accounts and the resources each one owns. Plain JSON-able data, so the
 * whole state can be written to one file and read back. Every resource lives under its owner's
 * account, which is what makes another account's resource simply "not found". The records and
 * their collections are the products' (src/emulator/products/<p>.ts).
 */

/** A temporary (STS) credential of an account: the key works only together with its token. */
export interface TemporaryCredential {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken: string;
  roleName: string;
  sessionName: string;
}

/**
 * An account: its credentials, and the collections of records the products add (each product
 * file augments this interface with its own lists, e.g. `rdsInstances`; products/index.ts lists
 * the products, so an account's collections are the table's).
 */
export interface AccountState {
  name: string;
  /** 16 digits, the account UID. */
  accountId: string;
  accessKeyId: string;
  accessKeySecret: string;
  temporaryCredentials: TemporaryCredential[];
  /** Regions the account has resources in (the seed's view; DescribeRegions lists the whole catalog). */
  regionIds: string[];
}

/** A remembered ClientToken: the first successful response of (account, action, token). */
export interface ClientTokenRecord {
  key: string;
  storedAt: number;
  body: Record<string, unknown>;
}

export interface EmulatorState {
  formatVersion: 1;
  accounts: AccountState[];
  clientTokens: ClientTokenRecord[];
}
