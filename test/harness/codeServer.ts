/**
 * A code-server (VS Code 1.100.3's server and web workbench, installed by
 * scripts/installCodeServer.mjs) on 127.0.0.1 with its own user-data and extensions folders.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { waitFor } from './poll';
import { assertPortFree, freePort } from './ports';
import { spawnGroup, type ProcessGroup } from './processes';

/** Where scripts/installCodeServer.mjs puts the binary. */
export const CODE_SERVER_BIN = resolve(__dirname, '..', '..', '.cache', 'code-server', 'node_modules', '.bin', 'code-server');

/** Settings every harness-started VS Code gets, so screens are calm and nothing phones home. */
export const QUIET_SETTINGS: Readonly<Record<string, unknown>> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'chat.commandCenter.enabled': false,
};

/** Options of `startCodeServer`. */
export interface CodeServerOptions {
  /** A fixed port (fails clearly if it is taken); a free one when absent. */
  port?: number;
  /** User settings written to `<user-data-dir>/User/settings.json`. */
  settings: Record<string, unknown>;
  /** The environment of code-server and so of its extension host (HOME, credentials isolation). */
  env: NodeJS.ProcessEnv;
  /** A folder opened when the browser asks for none. */
  folder?: string;
  /** Prints code-server's own output lines when given. */
  onLine?: (line: string) => void;
  readyTimeoutMs?: number;
}

/** A running code-server. */
export interface CodeServer {
  readonly port: number;
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  readonly userDataDir: string;
  readonly extensionsDir: string;
  readonly process: ProcessGroup;
  /** Stops its process group and removes its temporary folders. */
  stop(): Promise<void>;
}

/** Starts code-server and resolves once it answers /healthz; fails with its last output if it dies first. */
export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  const port = options.port ?? (await freePort());
  await assertPortFree(port);
  const stateDir = mkdtempSync(join(tmpdir(), 'mcvpc-code-server-'));
  const userDataDir = join(stateDir, 'user-data');
  const extensionsDir = join(stateDir, 'extensions');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...options.settings }, null, 2) + '\n');

  const args = [
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    // Its own config file, so code-server never writes ~/.config/code-server of the person's HOME.
    '--config',
    join(stateDir, 'config.yaml'),
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    extensionsDir,
    ...(options.folder !== undefined ? [options.folder] : []),
  ];
  const group = spawnGroup('code-server', CODE_SERVER_BIN, args, { env: options.env, onLine: options.onLine });
  const origin = `http://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    await group.stop();
    rmSync(stateDir, { recursive: true, force: true });
  };
  try {
    await waitFor(
      async () => {
        if (group.hasExited()) {
          const { code, signal } = await group.exited;
          throw new Error(
            `code-server exited (${signal ?? `code ${code}`}) before it answered on port ${port}. Its last output:\n${group.outputTail()}`,
          );
        }
        try {
          const response = await fetch(`${origin}/healthz`);
          return response.ok;
        } catch {
          return false;
        }
      },
      { timeoutMs: options.readyTimeoutMs ?? 60_000, what: `code-server to answer ${origin}/healthz`, intervalMs: 200 },
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return { port, origin, userDataDir, extensionsDir, process: group, stop };
}

/** What the workbench URL asks VS Code to load. */
export interface WorkbenchTarget {
  folder: string;
  /** Absolute path of the extension under development. */
  extensionDevelopmentPath?: string;
  /** Absolute path of a test module (without `.js`) whose run() the extension host executes. */
  extensionTestsPath?: string;
}

/** The workbench URL: `?folder=…&payload=…` with vscode-remote:// URIs the server resolves to its own disk. */
export function workbenchUrl(server: Pick<CodeServer, 'origin' | 'port'>, target: WorkbenchTarget): string {
  const remote = (path: string): string => `vscode-remote://127.0.0.1:${server.port}${path}`;
  const payload: [string, string][] = [];
  if (target.extensionDevelopmentPath !== undefined) payload.push(['extensionDevelopmentPath', remote(target.extensionDevelopmentPath)]);
  if (target.extensionTestsPath !== undefined) payload.push(['extensionTestsPath', remote(target.extensionTestsPath)]);
  const query = new URLSearchParams({ folder: target.folder });
  if (payload.length > 0) query.set('payload', JSON.stringify(payload));
  return `${server.origin}/?${query.toString()}`;
}
