/**
 * What the end-to-end tests share: the running session (emulator, code-server, browser) set up
 * by the runner's root hooks (test/harness/e2eRunner.ts), and the moves a person makes in the
 * workbench. Every wait is on something visible, with a deadline.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { REPO_ROOT } from '../harness/bundle';
import type { WorkbenchSession } from '../harness/workbenchSession';

/** The shared state of one e2e run. */
export interface E2eContext {
  session: WorkbenchSession;
  browser: Browser;
  /** The folder the workbench opens (the sample workspace). */
  workspace: string;
}

let context: E2eContext | undefined;
let page: Page | undefined;
/** What webview frames and the webview service worker printed, newest last (for a blank panel's log). */
const webviewLines: string[] = [];

/** The last lines webview frames and their service worker printed to the console. */
export function webviewConsole(): string[] {
  return [...webviewLines];
}

/** Set by the runner's root hooks. */
export function setE2eContext(value: E2eContext | undefined): void {
  context = value;
  page = undefined;
}

/** The session; fails when the runner did not start one. */
export function e2e(): E2eContext {
  if (context === undefined) throw new Error('no e2e session: run the e2e tests through scripts/testE2e.mjs');
  return context;
}

/** The workbench page, if one was opened (for screenshots). */
export function currentPage(): Page | undefined {
  return page;
}

/**
 * The workbench on the sample workspace with the extension under development, opened once
 * per run: each new window would start another extension host, and on two cores the
 * earlier ones (kept for reconnection) slow every later test down.
 */
export async function workbench(): Promise<Page> {
  if (page !== undefined && !page.isClosed()) return page;
  const { session, browser, workspace } = e2e();
  const opened = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page = opened;
  // A webview that stays blank says why only in its own console (the service worker's handshake).
  opened.context().on('console', (message) => {
    const where = message.location().url;
    if (!/\/webview\//.test(where) && !/service worker|webview/i.test(message.text())) return;
    webviewLines.push(
      `${new Date().toISOString().slice(11, 23)} ${message.type()} ${where.replace(/\?.*/, '').slice(-40)}: ${message.text().slice(0, 300)}`,
    );
    if (webviewLines.length > 40) webviewLines.shift();
  });
  // And the service workers' own lifecycle (install, activate, redundant), which the console does not show.
  const cdp = await opened.context().newCDPSession(opened);
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const v of versions) {
      const script = v.scriptURL.replace(/^.*\/(?=[^/]*$)/, '').replace(/vscode-resource-base-authority=[^&]*&|remoteAuthority=[^&]*/g, '');
      webviewLines.push(
        `${new Date().toISOString().slice(11, 23)} sw v${v.versionId} ${script}: ${v.status}/${v.runningStatus}${v.controlledClients?.length ? ` controls ${v.controlledClients.length}` : ''}`,
      );
      if (webviewLines.length > 40) webviewLines.shift();
    }
  });
  await cdp.send('ServiceWorker.enable');
  await opened.goto(session.url({ folder: workspace, extensionDevelopmentPath: REPO_ROOT }), { timeout: 120_000 });
  await opened.locator('.monaco-workbench .part.statusbar').waitFor({ timeout: 90_000 });
  return opened;
}

/**
 * The workbench opened again in a new browser context (fresh service workers and storage), the
 * old one closed; later tests get the new page. A way out of browser state that one context got
 * stuck in, not a reset between tests: code-server starts one more extension host for it.
 */
export async function freshWorkbench(): Promise<Page> {
  if (page !== undefined && !page.isClosed()) await page.context().close();
  page = undefined;
  return workbench();
}

/** Back to a calm workbench between tests: no open palette, no notifications from the previous test. */
export async function resetWorkbench(opened: Page): Promise<void> {
  // A page an earlier test opened (the simulated console) is closed, and the workbench is the
  // visible tab again: in a background tab Chromium holds back a new webview's content.
  for (const other of opened.context().pages()) if (other !== opened) await other.close();
  await opened.bringToFront();
  // Whatever the last test left open (a quick pick, a widget, editors) must not catch this one's keys.
  for (let i = 0; i < 3; i++) await opened.keyboard.press('Escape');
  await runCommand(opened, 'View: Close All Editors');
  await opened
    .locator('.editor-instance .monaco-editor')
    .first()
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(() => undefined);
  const toasts = opened.locator('.notifications-toasts .notification-toast');
  if ((await toasts.count()) > 0) await runCommand(opened, 'Notifications: Clear All Notifications');
  await toasts.first().waitFor({ state: 'detached', timeout: 10_000 });
}

/** The activity bar's item of the MaxCompute VPC container. */
export function activityBarItem(page: Page): Locator {
  return page.locator('.part.activitybar a.action-label[aria-label="MaxCompute VPC"]');
}

/** Opens the MaxCompute VPC container from the activity bar, unless it is already showing. */
export async function openNetworkView(page: Page): Promise<void> {
  const item = activityBarItem(page);
  await item.waitFor({ timeout: 60_000 });
  const showing = await page.locator('[id="workbench.view.extension.mcvpc"]').isVisible();
  if (!showing) await item.click();
  await page.locator('[id="workbench.view.extension.mcvpc"]').waitFor({ timeout: 10_000 });
}

/** Rows of the Network view's tree. */
export function networkTreeRows(page: Page): Locator {
  return page.locator('[id="workbench.view.extension.mcvpc"] .monaco-list[role="tree"] [role="treeitem"]');
}

/** Runs a command from the palette as a person does: Ctrl+Shift+P, its title, Enter. */
export async function runCommand(page: Page, title: string): Promise<void> {
  const input = page.locator('.quick-input-widget input[type="text"]');
  // A click just before (a tab, a row) moves the focus a moment later, and the palette closes
  // when it loses the focus (seen in CI): then it is opened again, said in the log.
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Control+Shift+P');
    await input.waitFor({ timeout: 10_000 });
    // The palette opens with '>' (commands); filling replaces it, so it is part of what is typed.
    const filled = await input.fill(`>${title}`, { timeout: 5_000 }).then(
      () => true,
      (error: unknown) => {
        if (attempt === 3) throw error;
        return false;
      },
    );
    if (filled) break;
    console.log(`      (the command palette closed before "${title}" was typed; opening it again)`);
  }
  // Enter would pick whatever is highlighted: wait until the command itself is.
  await page.locator('.quick-input-list .monaco-list-row.focused').filter({ hasText: title }).waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
}

/** A notification toast containing `text`. */
export function notification(page: Page, text: string | RegExp): Locator {
  return page.locator('.notifications-toasts .notification-toast').filter({ hasText: text });
}
