// What every script that runs the extension in code-server does first: make sure code-server
// is installed, build the extension, and load the TypeScript harness (test/harness/) via tsx.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installCodeServer } from '../installCodeServer.mjs';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Installs code-server when missing; exits with the installer's message when it cannot. */
export function ensureCodeServer() {
  try {
    return installCodeServer();
  } catch (error) {
    console.error(`[mcvpc] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

/** Runs `npm run <script>` in the repository; exits when it fails. */
export function npmRun(script, ...args) {
  const result = spawnSync('npm', ['run', '--silent', script, ...(args.length > 0 ? ['--', ...args] : [])], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    console.error(`[mcvpc] npm run ${script} failed (exit ${result.status ?? result.signal})`);
    process.exit(1);
  }
}

/** Loads a TypeScript module of the repository (CommonJS, through tsx's require hook). */
export async function requireTs(relativePath) {
  const { register } = await import('tsx/cjs/api');
  register();
  return createRequire(import.meta.url)(join(root, relativePath));
}
