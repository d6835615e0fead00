/** The activation bench's in-host module: one cold activation per fresh extension host. */
import { runMochaInHost } from '../../harness/hostMocha';

/** Called by VS Code inside a fresh extension host. */
export function run(): Promise<void> {
  return runMochaInHost({ dir: __dirname });
}
