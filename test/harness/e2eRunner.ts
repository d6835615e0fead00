/**
 * Runs test/e2e/*.test.ts with mocha in this process (outside VS Code): root hooks start the
 * emulator, code-server and Chromium once, save a screenshot of each test's last state to
 * test-results/e2e/<test>.png, and stop everything at the end, also after failures.
 */
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';
import { currentPage, resetWorkbench, setE2eContext, webviewConsole, workbench } from '../e2e/workbench';
import { launchChromium } from './browser';
import { REPO_ROOT } from './bundle';
import { Cleanup } from './cleanup';
import { groupAlive } from './processes';
import { startWorkbenchSession, type WorkbenchSession } from './workbenchSession';

/** Where screenshots and logs go. */
export const E2E_RESULTS = join(REPO_ROOT, 'test-results', 'e2e');
/** The sample workspace the tests open. */
const WORKSPACE = join(REPO_ROOT, 'demo');

/** Runs the suites; resolves with the process exit code after printing `N passed, M failed`. */
export async function runE2e(log: (line: string) => void = (line) => console.log(line)): Promise<number> {
  mkdirSync(E2E_RESULTS, { recursive: true });
  const cleanup = new Cleanup();
  const removeSignalHandlers = cleanup.stopOnSignals(log);
  let session: WorkbenchSession | undefined;
  const screenshots = new Map<string, string>();

  // MCVPC_TEST_GREP (or MCVPC_E2E_GREP) runs only the matching tests, for a targeted run.
  const mocha = new Mocha({
    ui: 'bdd',
    timeout: 90_000,
    reporter: 'spec',
    color: false,
    grep: process.env.MCVPC_TEST_GREP || process.env.MCVPC_E2E_GREP || undefined,
  });
  for (const file of readdirSync(join(REPO_ROOT, 'test', 'e2e'))
    .filter((f) => f.endsWith('.test.ts'))
    .sort()) {
    mocha.addFile(join(REPO_ROOT, 'test', 'e2e', file));
  }
  mocha.rootHooks({
    async beforeAll(this: Mocha.Context) {
      this.timeout(180_000);
      // Chromium starts while code-server does; whichever fails, the other is still stopped.
      const launching = launchChromium().then((launched) => {
        cleanup.add('the browser', () => launched.close());
        return launched;
      });
      session = await startWorkbenchSession({ cleanup }).catch(async (error: unknown) => {
        await launching.catch(() => undefined);
        throw error;
      });
      const browser = await launching;
      setE2eContext({ session, browser, workspace: WORKSPACE });
      log(`  code-server ${session.codeServer.origin}, emulator ${session.emulator.endpoint}`);
      await workbench();
    },
    async beforeEach(this: Mocha.Context) {
      const server = session?.codeServer;
      if (server?.process.hasExited()) throw new Error(`code-server died. Its last output:\n${server.process.outputTail()}`);
      const page = currentPage();
      if (page !== undefined) await resetWorkbench(page);
    },
    async afterEach(this: Mocha.Context) {
      const test = this.currentTest;
      const page = currentPage();
      if (test === undefined || page === undefined || page.isClosed()) return;
      if (test.state === 'failed' && webviewConsole().length > 0)
        log(
          `  webview console before "${test.title}" failed:\n${webviewConsole()
            .map((line) => `    ${line}`)
            .join('\n')}`,
        );
      const file = join(E2E_RESULTS, `${slug(test.fullTitle())}.png`);
      // Park the pointer on the empty editor area so a hover left by the last click does not cover the view.
      await page.mouse.move(800, 300);
      await page
        .locator('.workbench-hover-container:visible, .monaco-hover:visible')
        .first()
        .waitFor({ state: 'hidden', timeout: 3000 })
        .catch(() => undefined);
      await page.screenshot({ path: file, animations: 'disabled' }).then(
        () => screenshots.set(test.fullTitle(), file),
        (error: unknown) => log(`  (no screenshot of "${test.fullTitle()}": ${String(error)})`),
      );
    },
  });

  let passed = 0;
  const failures: { title: string; stack: string }[] = [];
  try {
    await new Promise<void>((resolve) => {
      const runner = mocha.run(() => resolve());
      runner.on('pass', () => (passed += 1));
      runner.on('fail', (test, error: unknown) => {
        failures.push({ title: test.fullTitle(), stack: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      });
    });
  } finally {
    setE2eContext(undefined);
    for (const problem of await cleanup.run()) log(problem);
    removeSignalHandlers();
    if (session !== undefined && groupAlive(session.codeServer.process.pid))
      log(`code-server's process group ${session.codeServer.process.pid} is still alive after cleanup`);
  }
  for (const failure of failures) {
    const shot = screenshots.get(failure.title);
    log(`  ✖ ${failure.title}${shot !== undefined ? `\n      screenshot: ${shot}` : ''}`);
  }
  const failed = failures.length + (passed + failures.length === 0 ? 1 : 0);
  if (passed + failures.length === 0) log('  ✖ no test ran: test/e2e has no *.test.ts');
  log(`${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

function slug(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 100);
}
