/**
 * Runs mocha INSIDE the VS Code extension host (bundled into each in-host test module) and
 * writes a TestRunResult where the runner waits for it: the browser never exits on its own,
 * so this file is the only way results leave the host. Also rejects on any failure, which is
 * how @vscode/test-electron learns the exit code.
 */
import { readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';
import { hostMeasurements, RESULT_FILE_ENV, type TestRunResult } from './results';

/** Options of `runMochaInHost`. */
export interface HostMochaOptions {
  /** Folder of the bundled `*.test.js` files. */
  dir: string;
  timeoutMs?: number;
}

/** Runs every `*.test.js` in `dir`; writes the result file named by MCVPC_TEST_RESULT_FILE. */
export async function runMochaInHost(options: HostMochaOptions): Promise<void> {
  const result: TestRunResult = { passed: 0, failed: 0, passes: [], failures: [] };
  try {
    // MCVPC_TEST_GREP (or MCVPC_INTEGRATION_GREP; in the runner's environment) runs only the matching tests.
    const mocha = new Mocha({
      ui: 'bdd',
      timeout: options.timeoutMs ?? 30_000,
      color: false,
      reporter: 'spec',
      grep: process.env.MCVPC_TEST_GREP || process.env.MCVPC_INTEGRATION_GREP || undefined,
    });
    const files = readdirSync(options.dir)
      .filter((file) => file.endsWith('.test.js'))
      .sort();
    for (const file of files) mocha.addFile(join(options.dir, file));
    await new Promise<void>((resolve) => {
      const runner = mocha.run(() => resolve());
      runner.on('pass', (test) => {
        result.passed += 1;
        result.passes.push(test.fullTitle());
      });
      runner.on('fail', (test, error: unknown) => {
        result.failed += 1;
        result.failures.push({ title: test.fullTitle(), stack: describeError(error) });
      });
    });
    const measured = hostMeasurements();
    if (Object.keys(measured).length > 0) result.measurements = { ...measured };
  } catch (error) {
    result.fatal = describeError(error);
  }
  const resultFile = process.env[RESULT_FILE_ENV];
  if (resultFile !== undefined && resultFile !== '') {
    // Written aside and renamed, so the runner never reads half a file.
    writeFileSync(`${resultFile}.partial`, JSON.stringify(result, null, 2));
    renameSync(`${resultFile}.partial`, resultFile);
  }
  if (result.fatal !== undefined) throw new Error(`the tests could not run: ${result.fatal}`);
  if (result.failed > 0) throw new Error(`${result.failed} test(s) failed`);
  if (result.passed === 0) throw new Error('no test ran');
}

function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}
