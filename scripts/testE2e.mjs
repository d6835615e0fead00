// `npm run test:e2e`: a person's path through the real workbench (code-server in headless
// Chromium, extension under development, local emulator), driven by playwright-core from
// mocha outside VS Code. Screenshots of each test's last state: test-results/e2e/<test>.png.
import { ensureCodeServer, npmRun, requireTs } from './lib/prepare.mjs';

ensureCodeServer();
npmRun('build');
const { runE2e } = await requireTs('test/harness/e2eRunner.ts');
const started = Date.now();
try {
  process.exitCode = await runE2e();
} catch (error) {
  console.error(`[e2e] the harness failed: ${error instanceof Error ? error.message : String(error)}`);
  console.log('0 passed, 1 failed');
  process.exitCode = 1;
}
console.log(`[e2e] ${((Date.now() - started) / 1000).toFixed(1)} s`);
