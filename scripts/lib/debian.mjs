// The Debian packages `npm start` and `npm test` need beyond node_modules. When they are missing
// and this runs as root with apt-get (a container, CI), it installs them itself, as .ci/run
// does; otherwise it stops with the one command to run.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

/** Each package with the file that proves it is there, and why it is needed. */
export const DEBIAN_NEEDS = [
  { pkg: 'chromium', file: '/usr/bin/chromium', why: 'the browser the tests drive' },
  { pkg: 'ripgrep', file: '/usr/bin/rg', why: 'stands in for the ripgrep binary @vscode/ripgrep would download' },
  { pkg: 'libkrb5-dev', file: '/usr/include/gssapi/gssapi.h', why: "VS Code's native kerberos module compiles against it" },
];

/** Thrown when packages are missing and cannot be installed here; the message holds the command. */
export class MissingPackagesError extends Error {}

const defaults = {
  exists: existsSync,
  isRoot: () => process.getuid?.() === 0,
  hasApt: () => existsSync('/usr/bin/apt-get'),
  run: (command, args) =>
    spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0,
  log: (line) => console.log(`[mcvpc] ${line}`),
};

/**
 * Makes sure every package of DEBIAN_NEEDS is installed: returns the packages it installed, or
 * throws MissingPackagesError with the command when it cannot install them (not root, no apt).
 */
export function ensureDebianPackages(overrides = {}) {
  const env = { ...defaults, ...overrides };
  const missing = DEBIAN_NEEDS.filter((need) => !env.exists(need.file));
  if (missing.length === 0) return [];
  const names = missing.map((m) => m.pkg);
  const install = ['install', '-y', '--no-install-recommends', ...names];
  const list = missing.map((m) => `  ${m.pkg}: ${m.file} is missing (${m.why})`).join('\n');
  if (env.isRoot() && env.hasApt()) {
    env.log(`installing Debian packages: ${names.join(' ')}`);
    if (env.run('apt-get', ['update']) && env.run('apt-get', install) && missing.every((m) => env.exists(m.file))) return names;
    throw new MissingPackagesError(`Installing Debian packages failed:\n${list}\nRun: apt-get update && apt-get ${install.join(' ')}`);
  }
  const sudo = env.isRoot() ? '' : 'sudo ';
  throw new MissingPackagesError(
    `Debian packages are missing:\n${list}\nRun: ${sudo}apt-get update && ${sudo}apt-get ${install.join(' ')}`,
  );
}
