/**
 * Shared setup for the cloud-layer tests: a real emulator over HTTP and a real cloud session
 * pointed at it, with an isolated environment (no real home directory, no ECS metadata).
 * Not a test file itself (no `.test.ts`), so mocha only loads it through imports.
 */

import * as os from 'node:os';
import * as path from 'node:path';
import { promises as fs } from 'node:fs';
import { createCloud, type Cloud, type CloudOptions } from '../../src/cloud';
import type { CloudLogger, LogFields } from '../../src/cloud/logger';
import { startEmulator, type Emulator, type StartEmulatorOptions } from '../../src/emulator';
import { DEFAULT_SEED } from '../../src/emulator/seed';

export { DEFAULT_SEED };

// The sessions below get their environment explicitly, but @alicloud/credentials' providers read
// process.env themselves: make sure nothing in this test process can ever reach 100.100.100.200.
process.env.ALIBABA_CLOUD_ECS_METADATA_DISABLED = 'true';

/** An environment with nothing from the machine: no keys, no profile, no metadata service. */
export function isolatedEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true', ...extra };
}

/** A path that does not exist, so no test ever reads the real ~/.aliyun/config.json. */
export const NO_CONFIG_FILE = path.join(os.tmpdir(), 'mcvpc-no-such-dir', 'config.json');

/** One logged line, as a recording logger keeps it. */
export interface LoggedLine {
  level: 'debug' | 'info' | 'warn' | 'error';
  message: string;
  fields: LogFields;
}

/** A logger that keeps every line, so tests can inspect what would reach the output channel. */
export function recordingLogger(): CloudLogger & { lines: LoggedLine[] } {
  const lines: LoggedLine[] = [];
  const at =
    (level: LoggedLine['level']) =>
    (message: string, fields: LogFields = {}) =>
      void lines.push({ level, message, fields });
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** Starts an emulator; the test's after hook must close it. */
export function emulator(options: StartEmulatorOptions = {}): Promise<Emulator> {
  return startEmulator({ port: 0, ...options });
}

/** A cloud session as the main account (static AK from env vars) against the emulator. */
export function cloudFor(emu: Emulator, options: CloudOptions = {}, account = DEFAULT_SEED.main): Promise<Cloud> {
  return createCloud({
    endpoint: emu.endpoint,
    configFile: NO_CONFIG_FILE,
    regionId: DEFAULT_SEED.regionId,
    retry: { baseDelayMs: 5, maxDelayMs: 20 },
    ...options,
    env: isolatedEnv({
      ALIBABA_CLOUD_ACCESS_KEY_ID: account.accessKeyId,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: account.accessKeySecret,
      ...options.env,
    }),
  });
}

/**
 * Mocha hooks of a suite that runs against the emulator: a fresh one (default seed) and the real
 * client on it before each test (or once for the suite), handed to `set`; stopped after.
 */
export function emulatorForTests(set: (emu: Emulator, cloud: Cloud) => void, scope: 'each' | 'suite' = 'each'): void {
  let running: Emulator | undefined;
  (scope === 'each' ? beforeEach : before)(async () => {
    running = await emulator();
    set(running, await cloudFor(running));
  });
  (scope === 'each' ? afterEach : after)(async () => {
    await running?.close();
    running = undefined;
  });
}

/** The API requests the emulator saw for one action. */
export function requestsFor(emu: Emulator, action: string): ReturnType<Emulator['requests']> {
  return emu.requests().filter((r) => r.action === action);
}

/** A fresh temporary directory, removed by the returned cleanup. */
export async function tempDir(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mcvpc-cloud-'));
  return { dir, remove: () => fs.rm(dir, { recursive: true, force: true }) };
}

/** The path of a fixture under test/fixtures/aliyun. */
export function aliyunFixture(name: string): string {
  return path.join(__dirname, '..', 'fixtures', 'aliyun', name);
}

/** Awaits a promise expected to reject and returns the rejection (fails the test if it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('Expected the promise to reject, but it resolved.');
}
