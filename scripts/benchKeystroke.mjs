// `npm run bench:keystroke`: a person's key press to the squiggle on screen in the real workbench
// (test/bench/keystroke.bench.ts). A report, not a test: it exits non-zero only when the bench
// itself cannot run.
import { ensureCodeServer, npmRun, requireTs } from './lib/prepare.mjs';

ensureCodeServer();
npmRun('build', '--production');
const { runKeystrokeBench } = await requireTs('test/bench/keystroke.bench.ts');
try {
  await runKeystrokeBench();
} catch (error) {
  console.error(`[bench:keystroke] the bench failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
// Leave a development build behind, as the other scripts expect.
npmRun('build');
