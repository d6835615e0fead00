/** The module the extension host runs (extensionTestsPath): mocha over the bundled suites next to it. */
import { runMochaInHost } from '../harness/hostMocha';

/** Called by VS Code inside the extension host once the workbench is up. */
export function run(): Promise<void> {
  return runMochaInHost({ dir: __dirname });
}
