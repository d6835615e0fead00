/**
 * The local Alibaba Cloud OpenAPI emulator: one HTTP port that answers the operations of every
 * product in products/index.ts on the real wire protocol, so the real `@alicloud/openapi-client`
 * is what tests and the demo exercise.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiHandler } from './apiHandler';
import { refuseForeignApiRequest } from './apiOrigin';
import { CONTROL_PREFIX, handleControl } from './controlRoutes';
import { FaultEngine, validateFaultConfig, type FaultConfig, type TargetedFault } from './faults';
import { errorStatus, PRODUCT_APIS } from './products';
import { RequestLog, type RequestRecord } from './requestLog';
import { buildSeed, type ScaleSeed, type SeedChoice } from './seed';
import { readStateFile, StateStore } from './store';

export type { FaultConfig, TargetedFault, RequestRecord, ScaleSeed, SeedChoice };
export { DEFAULT_SEED } from './seed';
export { StateFileError } from './store';

/** One emulated account's credentials. */
export interface EmulatorAccount {
  name: string;
  accountId: string;
  accessKeyId: string;
  accessKeySecret: string;
}

/** How to start an emulator; every field is optional. */
export interface StartEmulatorOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Persist state in this JSON file (read at start when it exists). Without it, state is in memory. */
  stateFile?: string;
  /** The world to start with when there is no state file yet. Default 'default'. */
  seed?: 'default' | 'empty' | ScaleSeed;
  faults?: FaultConfig;
}

/** A running emulator. */
export interface Emulator {
  /** `http://127.0.0.1:PORT`; clients use `127.0.0.1:PORT` as endpoint with protocol http. */
  endpoint: string;
  accounts: EmulatorAccount[];
  /** Replaces the fault configuration. */
  setFaults(f: FaultConfig): void;
  /** The API requests seen so far. */
  requests(): RequestRecord[];
  clearRequests(): void;
  /** Replaces every account's resources with a fresh seed (default 'default'); faults and the request log stay. */
  reset(seed?: SeedChoice): Promise<void>;
  /** Stops listening, ends hung requests and finishes pending state writes. */
  close(): Promise<void>;
}

/** Starts an emulator; resolves once it listens. */
export async function startEmulator(options: StartEmulatorOptions = {}): Promise<Emulator> {
  const host = options.host ?? '127.0.0.1';
  const fromFile = options.stateFile ? readStateFile(options.stateFile) : undefined;
  const store = new StateStore(fromFile ?? buildSeed(options.seed ?? 'default'), options.stateFile);
  if (options.stateFile && !fromFile) await store.persist();
  const faults = new FaultEngine(Math.random, errorStatus);
  if (options.faults) faults.set(validateFaultConfig(options.faults));
  const log = new RequestLog();
  const hangs = new Set<NodeJS.Timeout>();
  const api = new ApiHandler({ store, faults, log, products: PRODUCT_APIS, hangs });

  const server: Server = createServer((req, res) => {
    const isControl = (req.url ?? '/').startsWith(CONTROL_PREFIX);
    if (!isControl && refuseForeignApiRequest(req, res, host)) return;
    const handled = isControl ? handleControl(req, res, { store, faults, log, boundHost: host }) : api.handle(req, res);
    handled.catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json;charset=utf-8' });
      res.end(JSON.stringify({ Code: 'InternalError', Message: (err as Error).message }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;

  return {
    endpoint: `http://${urlHost}:${port}`,
    accounts: store.state.accounts.map((a) => ({
      name: a.name,
      accountId: a.accountId,
      accessKeyId: a.accessKeyId,
      accessKeySecret: a.accessKeySecret,
    })),
    setFaults: (f) => faults.set(validateFaultConfig(f)),
    requests: () => log.all(),
    clearRequests: () => log.clear(),
    reset: (seed = 'default') => store.replace(buildSeed(seed)),
    close: async () => {
      for (const timer of hangs) clearTimeout(timer);
      hangs.clear();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await store.flush();
    },
  };
}
