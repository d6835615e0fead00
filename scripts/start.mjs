// `npm start`: the extension in a real VS Code (code-server 4.100.3) on demo/, against the
// local emulator with its accounts as aliyun CLI profiles; prints the URL to open and the
// emulator console's. `npm start -- --real` uses your own HOME and profile against the real
// cloud; `--port N` fixes code-server's port; `--fresh` resets the emulator's saved world.
// Ctrl-C (or SIGTERM) stops everything it started.
import { ensureCodeServer, npmRun, requireTs } from './lib/prepare.mjs';

const { parseDemoArgs, runDemo } = await requireTs('test/harness/demo.ts');
let options;
try {
  options = parseDemoArgs(process.argv.slice(2));
} catch (error) {
  console.error(`[start] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}
ensureCodeServer();
npmRun('build');
process.exitCode = await runDemo(options);
