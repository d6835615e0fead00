/**
 * The emulator, a HOME holding its accounts as aliyun CLI profiles, and a code-server whose
 * settings point the extension at the emulator: what the in-host tests, the end-to-end tests,
 * the activation bench and `npm start` all run against.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isolatedCloudEnv, writeAliyunConfig } from './aliyunHome';
import type { Cleanup } from './cleanup';
import { startCodeServer, workbenchUrl, type CodeServer, type WorkbenchTarget } from './codeServer';
import { startTestEmulator, type RunningEmulator } from './emulator';

/** Options of `startWorkbenchSession`. */
export interface WorkbenchSessionOptions {
  /** Receives a stopper for everything started, so a failure half-way leaves nothing running. */
  cleanup: Cleanup;
  /** code-server's port; a free one when absent. */
  port?: number;
  /** Where the emulator keeps its state (the demo keeps it; tests do not). */
  emulatorStateFile?: string;
  /** Extra environment for code-server and its extension host, given the started emulator. */
  env?: (emulator: RunningEmulator) => Record<string, string>;
  /** Extra user settings. */
  settings?: Record<string, unknown>;
  onCodeServerLine?: (line: string) => void;
}

/** A running session. */
export interface WorkbenchSession {
  emulator: RunningEmulator;
  codeServer: CodeServer;
  /** The HOME code-server and the extension host see. */
  home: string;
  /** The workbench URL for a folder, optionally loading an extension under development and a test module. */
  url(target: WorkbenchTarget): string;
}

/** Starts emulator, HOME and code-server, registering each with `cleanup` as soon as it runs. */
export async function startWorkbenchSession(options: WorkbenchSessionOptions): Promise<WorkbenchSession> {
  const { cleanup } = options;
  const emulator = await startTestEmulator(options.emulatorStateFile !== undefined ? { stateFile: options.emulatorStateFile } : {});
  cleanup.add('the emulator', () => emulator.close());

  const home = mkdtempSync(join(tmpdir(), 'mcvpc-home-'));
  cleanup.add('the temporary HOME', () => rmSync(home, { recursive: true, force: true }));
  writeAliyunConfig(home, emulator.accounts);

  const codeServer = await startCodeServer({
    port: options.port,
    settings: { 'mcvpc.endpoint': emulator.endpoint, ...options.settings },
    env: isolatedCloudEnv(home, options.env?.(emulator)),
    onLine: options.onCodeServerLine,
  });
  cleanup.add('code-server', () => codeServer.stop());
  return { emulator, codeServer, home, url: (target) => workbenchUrl(codeServer, target) };
}
