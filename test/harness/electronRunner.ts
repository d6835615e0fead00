/**
 * The integration suites through @vscode/test-electron: VS Code desktop (downloaded by
 * test-electron, so this needs the network, and a display such as xvfb-run on Linux) instead
 * of code-server. Same bundle, same emulator, same aliyun HOME, same result file.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { isolatedCloudEnv, writeAliyunConfig } from './aliyunHome';
import { REPO_ROOT, bundleHostTests } from './bundle';
import { Cleanup } from './cleanup';
import { QUIET_SETTINGS } from './codeServer';
import { startTestEmulator } from './emulator';
import { ACCOUNTS_ENV, RESULT_FILE_ENV, type TestRunResult } from './results';

/** VS Code desktop version the suites run on: the one code-server 4.100.3 is built from. */
export const ELECTRON_VSCODE_VERSION = '1.100.3';

/** Runs test/integration in VS Code desktop; resolves with the results (throws when VS Code cannot start). */
export async function runIntegrationInElectron(): Promise<TestRunResult[]> {
  const testsPath = await bundleHostTests('integration');
  const cleanup = new Cleanup();
  const removeSignalHandlers = cleanup.stopOnSignals();
  try {
    const emulator = await startTestEmulator();
    cleanup.add('the emulator', () => emulator.close());
    const scratch = mkdtempSync(join(tmpdir(), 'mcvpc-electron-'));
    cleanup.add('the scratch folder', () => rmSync(scratch, { recursive: true, force: true }));
    const home = join(scratch, 'home');
    const userDataDir = join(scratch, 'user-data');
    const workspace = join(scratch, 'workspace');
    for (const dir of [home, join(userDataDir, 'User'), workspace]) mkdirSync(dir, { recursive: true });
    writeAliyunConfig(home, emulator.accounts);
    writeFileSync(
      join(userDataDir, 'User', 'settings.json'),
      JSON.stringify({ ...QUIET_SETTINGS, 'mcvpc.endpoint': emulator.endpoint }, null, 2),
    );
    const resultFile = join(scratch, 'result.json');
    const env = isolatedCloudEnv(home, {
      [RESULT_FILE_ENV]: resultFile,
      [ACCOUNTS_ENV]: JSON.stringify(emulator.accounts.map(({ name, accountId }) => ({ name, accountId }))),
    });
    try {
      await runTests({
        version: ELECTRON_VSCODE_VERSION,
        cachePath: join(REPO_ROOT, '.vscode-test'),
        extensionDevelopmentPath: REPO_ROOT,
        extensionTestsPath: testsPath,
        extensionTestsEnv: env,
        launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--user-data-dir', userDataDir],
      });
    } catch (error) {
      // runTests rejects both when VS Code cannot be downloaded or started and when a test failed.
      if (!existsSync(resultFile))
        throw new Error(`VS Code desktop did not run the suites: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!existsSync(resultFile)) throw new Error('VS Code desktop exited without writing a result');
    return [JSON.parse(readFileSync(resultFile, 'utf8')) as TestRunResult];
  } finally {
    for (const problem of await cleanup.run()) console.error(problem);
    removeSignalHandlers();
  }
}
