// Installs code-server 4.100.3 (VS Code 1.100.3, the last line that runs on Node 20) into
// .cache/code-server/ so the integration tests, the end-to-end tests and `npm start` run the
// extension in a real VS Code without downloading VS Code desktop (unreachable here).
// Recipe: /work/shared/reference/vscode-offline.md. Idempotent: a marker holding the version
// makes a second run return at once.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureDebianPackages, MissingPackagesError } from './lib/debian.mjs';

export const CODE_SERVER_VERSION = '4.100.3';
/** @vscode/ripgrep version pinned by code-server 4.100.3's npm-shrinkwrap.json, and the ripgrep build it fetches. */
const VSCODE_RIPGREP_VERSION = '1.15.11';
const RIPGREP_ASSET = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const codeServerDir = join(root, '.cache', 'code-server');
export const codeServerBin = join(codeServerDir, 'node_modules', '.bin', 'code-server');
const marker = join(codeServerDir, 'installed-version');

/** Thrown when code-server cannot be installed; the message says what to do. */
export class InstallError extends Error {}

/** True when the cached install matches the pinned version. */
export function isCodeServerInstalled() {
  return existsSync(codeServerBin) && existsSync(marker) && readFileSync(marker, 'utf8').trim() === CODE_SERVER_VERSION;
}

/** Installs code-server unless the cache already holds it; returns the path of its binary. */
export function installCodeServer({ log = (line) => console.log(`[code-server] ${line}`) } = {}) {
  if (isCodeServerInstalled()) return codeServerBin;
  checkDebianPackages();
  placeRipgrepCache(log);
  log(`installing code-server ${CODE_SERVER_VERSION} into ${codeServerDir} (about 1.5 min, 300 MB)`);
  rmSync(marker, { force: true });
  mkdirSync(codeServerDir, { recursive: true });
  // A package.json of its own keeps npm from walking up into the extension's project.
  writeFileSync(join(codeServerDir, 'package.json'), JSON.stringify({ name: 'mcvpc-code-server-cache', private: true }, null, 2) + '\n');
  const npm = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--no-save', `code-server@${CODE_SERVER_VERSION}`], {
    cwd: codeServerDir,
    stdio: 'inherit',
    env: {
      ...process.env,
      // As root, code-server's postinstall refuses to run without this.
      npm_config_unsafe_perm: 'true',
      // node-pty's postinstall runs `npx node-gyp`, which would otherwise ask before installing.
      npm_config_yes: 'true',
    },
  });
  if (npm.status !== 0 || !existsSync(codeServerBin)) {
    throw new InstallError(
      `npm install code-server@${CODE_SERVER_VERSION} failed (exit ${npm.status ?? npm.signal}); see the npm output above.`,
    );
  }
  writeFileSync(marker, CODE_SERVER_VERSION + '\n');
  log(`installed: ${codeServerBin}`);
  return codeServerBin;
}

function checkDebianPackages() {
  try {
    ensureDebianPackages();
  } catch (err) {
    if (err instanceof MissingPackagesError) throw new InstallError(`code-server cannot be installed: ${err.message}`);
    throw err;
  }
}

/** @vscode/ripgrep looks in this cache before downloading from GitHub; a tarball of Debian's rg satisfies it. */
function placeRipgrepCache(log) {
  const cacheDir = join(tmpdir(), `vscode-ripgrep-cache-${VSCODE_RIPGREP_VERSION}`);
  const tarball = join(cacheDir, RIPGREP_ASSET);
  if (existsSync(tarball)) return;
  mkdirSync(cacheDir, { recursive: true });
  const tar = spawnSync('tar', ['-czf', tarball, '-C', '/usr/bin', 'rg'], { stdio: 'inherit' });
  if (tar.status !== 0) throw new InstallError(`could not write the ripgrep cache tarball ${tarball}`);
  log(`ripgrep cache: ${tarball} (from /usr/bin/rg)`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const bin = installCodeServer();
    console.log(`[code-server] ready: ${bin}`);
  } catch (error) {
    console.error(`[code-server] ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
