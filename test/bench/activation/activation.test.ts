/**
 * Measures, inside a real extension host, what activation costs: loading dist/extension.js
 * (read, compile, evaluate every module the bundle runs at load) and then the host's
 * activation of the already loaded module (its bookkeeping plus the extension's activate()).
 * The host is fresh, so nothing is cached; the module is required first so the two parts can
 * be told apart (the host's own loader then finds it in the require cache).
 */
import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { ExtensionId } from '../../../src/ui/ids';
import { hostMeasurements } from '../../harness/results';

describe('activation cost', () => {
  it('loads the module and runs activate() once, cold', async () => {
    const extension = vscode.extensions.getExtension(ExtensionId);
    assert.ok(extension, `${ExtensionId} is not installed`);
    assert.equal(extension.isActive, false, 'already active: the measurement would not be cold');
    const main = join(extension.extensionPath, (extension.packageJSON as { main: string }).main);
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
