/**
 * Measures, inside a real extension host, what activation costs: loading dist/extension.js
 * (read, compile, evaluate every module the bundle runs at load) and then the host's
 * activation of the already loaded module (its bookkeeping plus the extension's activate()).
 * The host is fresh, so nothing is cached; the module is required first so the two parts can
 * be told apart (the host's own loader then finds it in the require cache).
 */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { ExtensionId } from '../../../src/ui/shell/model/ids';
import { hostMeasurements } from '../../harness/results';

describe('activation cost', () => {
  it('loads the module and runs activate() once, cold', async function () {
    this.timeout(90_000);
    const extension = vscode.extensions.getExtension(ExtensionId);
    assert.ok(extension, `${ExtensionId} is not installed`);
    assert.equal(extension.isActive, false, 'already active: the measurement would not be cold');
    const main = join(extension.extensionPath, (extension.packageJSON as { main: string }).main);
    // The workbench is still drawing itself in the browser when this runs; on two cores that
    // competes with the measurement more than anything the extension does.
    hostMeasurements().quietMachine = (await waitForQuietMachine()) ? 1 : 0;
    const profile = await startProfile();
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(main);
    const loaded = performance.now();
    await extension.activate();
    const activated = performance.now();
    const cpu = process.cpuUsage(cpuBefore);
    await profile?.stop();
    const measured = hostMeasurements();
    measured.moduleLoadMs = loaded - started;
    measured.activateMs = activated - loaded;
    measured.activationMs = activated - started;
    // CPU time of the whole host process over the same span: less inflated than wall time on a busy machine.
    measured.activationCpuMs = (cpu.user + cpu.system) / 1000;
  });
});

/** Set MCVPC_BENCH_PROFILE=<folder> to get a .cpuprofile of each run (open it in Chrome DevTools). */
async function startProfile(): Promise<{ stop(): Promise<void> } | undefined> {
  const folder = process.env.MCVPC_BENCH_PROFILE;
  if (folder === undefined || folder === '') return undefined;
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object): Promise<unknown> =>
    new Promise((resolve, reject) => session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 100 });
  await post('Profiler.start');
  return {
    async stop() {
      const { profile } = (await post('Profiler.stop')) as { profile: unknown };
      writeFileSync(join(folder, `activation-${process.pid}.cpuprofile`), JSON.stringify(profile));
      session.disconnect();
    },
  };
}

/** Share of all CPUs idle between two readings of /proc/stat (Linux); undefined elsewhere. */
function idleShareOver(windowMs: number): Promise<number | undefined> {
  const read = (): { idle: number; total: number } | undefined => {
    if (!existsSync('/proc/stat')) return undefined;
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    return { idle: (fields[3] ?? 0) + (fields[4] ?? 0), total: fields.reduce((a, b) => a + b, 0) };
  };
  const before = read();
  return new Promise((resolve) =>
    setTimeout(() => {
      const after = read();
      if (before === undefined || after === undefined || after.total === before.total) return resolve(undefined);
      resolve((after.idle - before.idle) / (after.total - before.total));
    }, windowMs),
  );
}

/** Polls until the machine is mostly idle (two 500 ms windows at ≥ 70 % idle), for at most 30 s; false if it never was. */
async function waitForQuietMachine(): Promise<boolean> {
  const deadline = Date.now() + 30_000;
  let quietWindows = 0;
  while (Date.now() < deadline) {
    const idle = await idleShareOver(500);
    if (idle === undefined) return false;
    quietWindows = idle >= 0.7 ? quietWindows + 1 : 0;
    if (quietWindows >= 2) return true;
  }
  return false;
}
