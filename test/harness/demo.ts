/**
 * `npm start`: the extension in a real VS Code (code-server) on the sample workspace, against
 * the emulator (state kept in .cache/demo/state.json) with its accounts as aliyun CLI profiles
 * in a temporary HOME; or, with `real`, against the real cloud with the person's own HOME and
 * profiles. Runs until SIGINT/SIGTERM, then stops everything it started.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './bundle';
import { Cleanup } from './cleanup';
import { startCodeServer, workbenchUrl, type CodeServer } from './codeServer';
import { groupAlive } from './processes';
import { startWorkbenchSession } from './workbenchSession';

/** How long the demo's emulator keeps a link CREATING (the tests' emulator takes 300 ms). */
const DEMO_LINK_CREATE_MS = 5000;

/** Options of `runDemo`, from the command line. */
export interface DemoOptions {
  /** Real cloud: the person's HOME and aliyun profile, no endpoint override. */
  real: boolean;
  port?: number;
  /** Forget the emulator's saved state and start from the default seed. */
  fresh: boolean;
}

const DEMO_STATE = join(REPO_ROOT, '.cache', 'demo', 'state.json');
const WORKSPACE = join(REPO_ROOT, 'demo');

/** Starts everything and resolves with the exit code once stopped (by a signal or a crash). */
export async function runDemo(options: DemoOptions, log: (line: string) => void = (line) => console.log(line)): Promise<number> {
  const cleanup = new Cleanup();
  let stopping = false;
  const stopped = new Promise<number>((resolve) => {
    const stop = (signal: NodeJS.Signals): void => {
      if (stopping) return;
      stopping = true;
      log(`\n${signal}: stopping code-server${options.real ? '' : ' and the emulator'}…`);
      void cleanup.run().then((problems) => {
        for (const problem of problems) log(problem);
        resolve(problems.length === 0 ? 0 : 1);
      });
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    process.once('SIGHUP', stop);
  });

  let server: CodeServer;
  try {
    if (options.real) {
      server = await startCodeServer({ port: options.port, settings: {}, env: process.env });
      cleanup.add('code-server', () => server.stop());
      log(`Open ${workbenchUrl(server, { folder: WORKSPACE, extensionDevelopmentPath: REPO_ROOT })}`);
      log('Real cloud: your own HOME, ~/.aliyun/config.json and ALIBABA_CLOUD_* variables; no endpoint override.');
    } else {
      mkdirSync(join(REPO_ROOT, '.cache', 'demo'), { recursive: true });
      if (options.fresh) rmSync(DEMO_STATE, { force: true });
      const session = await startWorkbenchSession({ cleanup, port: options.port, emulatorStateFile: DEMO_STATE });
      server = session.codeServer;
      // MaxCompute takes a while to create a link: the demo shows it CREATING for a few seconds.
      session.emulator.setFaults({ networkLinkCreateMs: DEMO_LINK_CREATE_MS, networkLinkRemoveMs: DEMO_LINK_CREATE_MS / 2 });
      const profiles = session.emulator.accounts.map((a, i) => `${a.name}${i === 0 ? ' (current)' : ''}`).join(', ');
      log(`Open ${session.url({ folder: WORKSPACE, extensionDevelopmentPath: REPO_ROOT })}`);
      log(`Emulator console: ${session.emulator.endpoint}/__emulator/`);
      log(`Emulator state: ${DEMO_STATE} (npm start -- --fresh starts over from the default seed)`);
      log(`aliyun CLI profiles (temporary HOME ${session.home}): ${profiles}`);
    }
  } catch (error) {
    log(`npm start could not start: ${error instanceof Error ? error.message : String(error)}`);
    for (const problem of await cleanup.run()) log(problem);
    return 1;
  }
  log('Ctrl-C stops everything.');

  const crashed = server.process.exited.then(async ({ code, signal }) => {
    // A stop we asked for: code-server's leader exits before the rest of its group, so wait
    // for the cleanup to finish rather than judging the group half-way.
    if (stopping) return stopped;
    stopping = true;
    log(`code-server exited unexpectedly (${signal ?? `code ${code}`}). Its last output:\n${server.process.outputTail()}`);
    for (const problem of await cleanup.run()) log(problem);
    return 1;
  });
  const exitCode = await Promise.race([stopped, crashed]);
  if (groupAlive(server.process.pid)) {
    log(`code-server's process group ${server.process.pid} survived the stop`);
    return 1;
  }
  return exitCode;
}

/** Parses `--real`, `--fresh`, `--port N`; throws with a usage line on anything else. */
export function parseDemoArgs(args: readonly string[]): DemoOptions {
  const options: DemoOptions = { real: false, fresh: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--real') options.real = true;
    else if (arg === '--fresh') options.fresh = true;
    else if (arg === '--port' || arg.startsWith('--port=')) {
      const value = arg === '--port' ? args[++i] : arg.slice('--port='.length);
      const port = Number(value);
      if (!Number.isInteger(port) || port < 1 || port > 65535)
        throw new Error(`--port needs a port number from 1 to 65535, got "${value ?? ''}"`);
      options.port = port;
    } else {
      throw new Error(`unknown option "${arg}". Usage: npm start [-- --real] [--port N] [--fresh]`);
    }
  }
  if (options.real && options.fresh) throw new Error('--fresh resets the emulator; it means nothing with --real');
  return options;
}
