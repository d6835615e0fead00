// `npm run test:integration`: the suites of test/integration/ run by mocha INSIDE the real
// Node extension host of VS Code 1.100.3 (code-server), opened in headless Chromium, against
// the local emulator. Prints each failure and ends with `N passed, M failed`; exits non-zero
// on any failure, on a time-out, or when the harness cannot start.
import { ensureCodeServer, npmRun, requireTs } from './lib/prepare.mjs';

ensureCodeServer();
npmRun('build');
const { runHostSuite, reportResults } = await requireTs('test/harness/hostRunner.ts');
const started = Date.now();
try {
  const results = await runHostSuite({ suite: 'integration' });
  process.exitCode = reportResults(results);
} catch (error) {
  console.error(`[integration] the harness failed: ${error instanceof Error ? error.message : String(error)}`);
  console.log('0 passed, 1 failed');
  process.exitCode = 1;
}
console.log(`[integration] ${((Date.now() - started) / 1000).toFixed(1)} s`);
