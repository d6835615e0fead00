/**
 * The result file the test module writes from inside the extension host and the runner
 * waits for. Imports nothing, so the in-host bundle and the runner share it.
 */

/** One failed test. */
export interface TestFailure {
  title: string;
  /** The error's stack (or message when it has none). */
  stack: string;
}

/** What a run inside the extension host produced. */
export interface TestRunResult {
  passed: number;
  failed: number;
  /** Full titles of the tests that passed, in order. */
  passes: string[];
  failures: TestFailure[];
  /** Set when the test module could not run mocha at all. */
  fatal?: string;
  /** Free-form figures a run reports (the activation bench's timings). */
  measurements?: Record<string, number>;
}

/** Environment variable telling the test module where to write its result. */
export const RESULT_FILE_ENV = 'MCVPC_TEST_RESULT_FILE';

/** Environment variable carrying the emulator's accounts (`[{name, accountId}]`, no secrets) to in-host suites. */
export const ACCOUNTS_ENV = 'MCVPC_TEST_ACCOUNTS';

/** An emulator account as in-host suites see it. */
export interface PublicAccount {
  name: string;
  accountId: string;
}

/**
 * Figures the in-host suites record (the activation bench's timings). Kept on globalThis
 * because every suite file is bundled on its own, each with its own copy of this module.
 */
export function hostMeasurements(): Record<string, number> {
  const key = Symbol.for('mcvpc.test.measurements');
  const holder = globalThis as unknown as Record<symbol, Record<string, number> | undefined>;
  return (holder[key] ??= {});
}
