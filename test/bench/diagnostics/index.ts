/** The diagnostics bench's in-host module: types into a spec editor and times the diagnostics. */
import { runMochaInHost } from '../../harness/hostMocha';

/** Called by VS Code inside the extension host. */
export function run(): Promise<void> {
  return runMochaInHost({ dir: __dirname, timeoutMs: 120_000 });
}
