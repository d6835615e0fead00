// Installs node_modules when they are missing or older than the lockfile, and the Debian
// packages the browser tests and code-server need (lib/debian.mjs: by itself as root with apt,
// else it prints the one command), so that `npm start` and `npm test` work on a fresh clone.
import { existsSync, statSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { ensureDebianPackages, MissingPackagesError } from './lib/debian.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const lock = join(root, 'package-lock.json');
const marker = join(root, 'node_modules', '.package-lock.json');

const stale = !existsSync(marker) || statSync(marker).mtimeMs < statSync(lock).mtimeMs;
if (stale) {
  console.log('[mcvpc] node_modules missing or older than package-lock.json: running npm ci');
  execSync('npm ci --no-audit --no-fund', { cwd: root, stdio: 'inherit' });
}

try {
  ensureDebianPackages();
} catch (err) {
  if (!(err instanceof MissingPackagesError)) throw err;
  console.error(`[mcvpc] ${err.message}`);
  process.exit(1);
}
