/**
 * Runs an in-host test module (bundled from test/<suite>/) in the real extension host of a
 * code-server opened in headless Chromium, and brings its TestRunResult back. Everything it
 * starts is stopped before it returns or throws.
 */
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from './browser';
import { REPO_ROOT, bundleHostTests } from './bundle';
import { Cleanup } from './cleanup';
import { waitFor } from './poll';
import { groupAlive } from './processes';
import { ACCOUNTS_ENV, RESULT_FILE_ENV, type TestRunResult } from './results';
import { startWorkbenchSession, type WorkbenchSession } from './workbenchSession';

/** Options of `runHostSuite`. */
export interface HostSuiteOptions {
  /** Folder under test/ holding index.ts and *.test.ts. */
  suite: string;
  /** How many fresh extension hosts run the module one after the other (the bench uses several). */
  runs?: number;
  /** Time allowed for one run, from opening the workbench to the result file. */
  runDeadlineMs?: number;
  log?: (line: string) => void;
}

/** Where a suite's logs (code-server output, browser console) go: test-results/<suite>/. */
export function suiteLogDir(suite: string): string {
  return join(REPO_ROOT, 'test-results', suite);
}

/** Runs the suite; resolves with one result per run, or throws saying which part could not start. */
export async function runHostSuite(options: HostSuiteOptions): Promise<TestRunResult[]> {
  const log = options.log ?? ((line: string) => console.log(line));
  const logDir = suiteLogDir(options.suite);
  mkdirSync(logDir, { recursive: true });
  const serverLog = createWriteStream(join(logDir, 'code-server.log'));
  const consoleLog = createWriteStream(join(logDir, 'browser-console.log'));

  const testsPath = await bundleHostTests(options.suite);
  const cleanup = new Cleanup();
  const removeSignalHandlers = cleanup.stopOnSignals(log);
  const scratch = mkdtempSync(join(tmpdir(), `mcvpc-${options.suite.replace(/\W+/g, '-')}-`));
  cleanup.add('the scratch folder', () => rmSync(scratch, { recursive: true, force: true }));
  const workspace = join(scratch, 'workspace');
  mkdirSync(workspace);
  const resultFile = join(scratch, 'result.json');

  let session: WorkbenchSession | undefined;
  try {
    let hostExits = 0;
    const consoleErrors: string[] = [];
    session = await startWorkbenchSession({
      cleanup,
      // The in-host suites compare what the extension sees with the emulator's accounts (names and ids, no secrets).
      env: (emulator) => ({
        // The extension must print no credential whatever DEBUG says (test/unit/cli.debug.test.ts checks the SDK bundle it loads);
        // httpx:* rather than * keeps code-server's own debug output out of its log.
        DEBUG: 'httpx:*',
        [RESULT_FILE_ENV]: resultFile,
        [ACCOUNTS_ENV]: JSON.stringify(emulator.accounts.map(({ name, accountId }) => ({ name, accountId }))),
      }),
      onCodeServerLine: (line) => {
        serverLog.write(line + '\n');
        if (/Extension Host Process exited/.test(line)) hostExits += 1;
      },
    });
    log(`code-server ${session.codeServer.origin}, emulator ${session.emulator.endpoint}`);
    const browser: Browser = await launchChromium();
    cleanup.add('the browser', () => browser.close());

    const results: TestRunResult[] = [];
    for (let run = 1; run <= (options.runs ?? 1); run++) {
      rmSync(resultFile, { force: true });
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      let crashed = false;
      page.on('crash', () => (crashed = true));
      page.on('console', (message) => {
        consoleLog.write(`[run ${run}] ${message.type()}: ${message.text()}\n`);
        if (message.type() === 'error') consoleErrors.push(message.text());
      });
      const exitsBefore = hostExits;
      let hostGoneAt: number | undefined;
      // The first page code-server serves takes long on a busy machine (it loads the workbench server side).
      await page.goto(session.url({ folder: workspace, extensionDevelopmentPath: REPO_ROOT, extensionTestsPath: testsPath }), {
        timeout: 120_000,
      });
      const server = session.codeServer;
      const result = await waitFor(
        () => {
          if (server.process.hasExited())
            throw new Error(`code-server died during the run. Its last output:\n${server.process.outputTail()}`);
          if (crashed) throw new Error('the browser page crashed during the run');
          if (existsSync(resultFile)) return JSON.parse(readFileSync(resultFile, 'utf8')) as TestRunResult;
          // The host writes the result before it exits; an exit without one means the test module never ran.
          if (hostExits > exitsBefore) hostGoneAt ??= Date.now();
          if (hostGoneAt !== undefined && Date.now() - hostGoneAt > 3000) {
            const errors = consoleErrors.filter((text) => !/ENOTFOUND|ERR_NAME_NOT_RESOLVED|status of 404/.test(text)).slice(-5);
            throw new Error(
              `the extension host exited without writing a result: the test module did not load or run.\n${errors.join('\n')}`,
            );
          }
          return undefined;
        },
        {
          timeoutMs: options.runDeadlineMs ?? 420_000,
          what: `the in-host ${options.suite} tests to write ${resultFile} (see ${logDir}/code-server.log)`,
        },
      );
      results.push(result);
      await page.close();
    }
    return results;
  } finally {
    const problems = await cleanup.run();
    removeSignalHandlers();
    for (const problem of problems) log(problem);
    serverLog.end();
    consoleLog.end();
    if (session !== undefined && groupAlive(session.codeServer.process.pid)) {
      log(`code-server's process group ${session.codeServer.process.pid} is still alive after cleanup`);
    }
  }
}

/** Prints passes and failures and the closing `N passed, M failed` line; returns the process exit code. */
export function reportResults(results: readonly TestRunResult[], log: (line: string) => void = (line) => console.log(line)): number {
  let passed = 0;
  let failed = 0;
  for (const result of results) {
    for (const title of result.passes) log(`  ✔ ${title}`);
    for (const failure of result.failures) log(`  ✖ ${failure.title}\n${indent(failure.stack)}`);
    if (result.fatal !== undefined) log(`  ✖ the test module could not run mocha\n${indent(result.fatal)}`);
    passed += result.passed;
    failed += result.failed + (result.fatal !== undefined ? 1 : 0);
  }
  if (passed + failed === 0) {
    log('  ✖ no test ran: the suite is empty or was not found');
    failed = 1;
  }
  log(`${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `      ${line}`)
    .join('\n');
}
