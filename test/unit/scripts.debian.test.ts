/** npm start / npm test on a machine without chromium, ripgrep or libkrb5-dev: install as root with apt, else print the command. */
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

type DebianModule = typeof import('../../scripts/lib/debian.mjs');

async function debian(): Promise<DebianModule> {
  return (await import(pathToFileURL(join(__dirname, '..', '..', 'scripts', 'lib', 'debian.mjs')).href)) as DebianModule;
}

/** A machine where `present` files exist; `run` records commands and installs what apt is asked for. */
function machine(present: string[], { root, apt, installs = true }: { root: boolean; apt: boolean; installs?: boolean }) {
  const files = new Set(present);
  const commands: string[] = [];
  const logs: string[] = [];
  return {
    commands,
    logs,
    env: {
      exists: (file: string) => files.has(file),
      isRoot: () => root,
      hasApt: () => apt,
      run: (command: string, args: string[]) => {
        commands.push([command, ...args].join(' '));
        if (installs && args[0] === 'install') {
          if (args.includes('chromium')) files.add('/usr/bin/chromium');
          if (args.includes('ripgrep')) files.add('/usr/bin/rg');
          if (args.includes('libkrb5-dev')) files.add('/usr/include/gssapi/gssapi.h');
        }
        return true;
      },
      log: (line: string) => logs.push(line),
    },
  };
}

describe('scripts: Debian packages', () => {
  it('does nothing when every package is there', async () => {
    const { ensureDebianPackages } = await debian();
    const m = machine(['/usr/bin/chromium', '/usr/bin/rg', '/usr/include/gssapi/gssapi.h'], { root: true, apt: true });
    assert.deepEqual(ensureDebianPackages(m.env), []);
    assert.deepEqual(m.commands, []);
  });

  it('as root with apt, installs exactly the missing ones', async () => {
    const { ensureDebianPackages } = await debian();
    const m = machine(['/usr/bin/rg'], { root: true, apt: true });
    assert.deepEqual(ensureDebianPackages(m.env), ['chromium', 'libkrb5-dev']);
    assert.deepEqual(m.commands, ['apt-get update', 'apt-get install -y --no-install-recommends chromium libkrb5-dev']);
  });

  it('otherwise stops with the one command to run, and runs nothing', async () => {
    const { ensureDebianPackages, MissingPackagesError } = await debian();
    const user = machine([], { root: false, apt: true });
    assert.throws(
      () => ensureDebianPackages(user.env),
      (err: Error) =>
        err instanceof MissingPackagesError &&
        /Run: sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium ripgrep libkrb5-dev$/.test(err.message),
    );
    assert.deepEqual(user.commands, []);
    const noApt = machine([], { root: true, apt: false });
    assert.throws(() => ensureDebianPackages(noApt.env), /Run: apt-get update && apt-get install/);
    const failing = machine([], { root: true, apt: true, installs: false });
    assert.throws(() => ensureDebianPackages(failing.env), /Installing Debian packages failed/);
  });
});
