/**
 * Measures, inside a real extension host, what activation costs: loading dist/extension.js
 * (read, compile, evaluate every module the bundle runs at load) and then the host's
 * activation of the already loaded module (its bookkeeping plus the extension's activate()).
 * The host is fresh, so nothing is cached; the module is required first so the two parts can
 * be told apart (the host's own loader then finds it in the require cache).
 */
import { strict as assert } from 'node:assert';
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
    const started = performance.now();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(main);
    const loaded = performance.now();
    await extension.activate();
    const activated = performance.now();
    const measured = hostMeasurements();
    measured.moduleLoadMs = loaded - started;
    measured.activateMs = activated - loaded;
    measured.activationMs = activated - started;
  });
});
