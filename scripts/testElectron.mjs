// `npm run test:electron`: the integration suites (test/integration) through @vscode/test-electron
// in VS Code desktop 1.100.3, for machines that can download it (network) and show a window
// (a display, or `xvfb-run -a npm run test:electron` on Linux). Not part of `npm test`, which
// runs the same suites in code-server offline.
import { npmRun, requireTs } from './lib/prepare.mjs';

npmRun('build');
const { runIntegrationInElectron } = await requireTs('test/harness/electronRunner.ts');
const { reportResults } = await requireTs('test/harness/hostRunner.ts');
try {
  process.exitCode = reportResults(await runIntegrationInElectron());
} catch (error) {
  console.error(`[electron] ${error instanceof Error ? error.message : String(error)}`);
  console.log('0 passed, 1 failed');
  process.exitCode = 1;
}
