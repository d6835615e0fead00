/** The local Alibaba Cloud emulator, started in the harness's own process. */
import { startEmulator, type Emulator } from '../../src/emulator';

/** A running emulator as the harness uses it. */
export type RunningEmulator = Emulator;

/** Starts the emulator with the default seed on a free port; `stateFile` keeps its state across runs. */
export async function startTestEmulator(options: { stateFile?: string } = {}): Promise<RunningEmulator> {
  try {
    return await startEmulator({ port: 0, seed: 'default', ...options });
  } catch (error) {
    throw new Error(`the emulator could not start: ${error instanceof Error ? error.message : String(error)}`);
  }
}
