import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { E2E_RESULTS } from '../harness/e2eRunner';
import { freshWorkbench, resetWorkbench, runCommand, webviewConsole, workbench } from './workbench';

const REPORT_TAB = 'Reachability: warehouse_link';

/** What each frame of the page holds, for the log when the report's frame is slow. */
async function frameSummary(page: Page): Promise<string> {
  const frames = await Promise.all(
    page
      .frames()
      .map(
        async (f) =>
          `${f.url().replace(/\?.*/, '').slice(-50)} (${await f.evaluate('document.body ? document.body.innerHTML.length : -1').catch(() => 'n/a')} chars)`,
      ),
  );
  return frames.join(', ');
}

/** Opens the demo spec from Quick Open and runs its "Check Reachability" lens; resolves once the report's tab is there. */
async function openReport(page: Page): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input[type="text"]');
  await input.waitFor({ timeout: 10_000 });
  await input.fill('warehouse.mcvpc.yaml');
  await page.locator('.quick-input-list .monaco-list-row.focused').filter({ hasText: 'warehouse.mcvpc.yaml' }).waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
  const lens = page.locator('.contentWidgets .codelens-decoration a').filter({ hasText: 'Check Reachability' }).first();
  await lens.waitFor({ timeout: 60_000 });
  await lens.click();
  await page.locator('.tabs-container .tab').filter({ hasText: REPORT_TAB }).waitFor({ timeout: 60_000 });
}

/** The frame of `page` that shows the report's hops, if one does yet. */
async function frameWithHops(page: Page): Promise<Frame | undefined> {
  for (const frame of page.frames()) {
    if (
      (await frame
        .locator('details.hop')
        .count()
        .catch(() => 0)) > 0
    )
      return frame;
  }
  return undefined;
}

/**
 * The page and frame that show the reachability report (its hops), once they are there. Found by
 * what the frame shows: an earlier suite's webview may still hold an iframe of the same class.
 *
 * In about one full run in three, code-server's second webview in a browser context stays blank:
 * the webview's `navigator.serviceWorker.register()` never returns (no new worker version is
 * even created; the service workers' lifecycle is in the log), and everything after it on that
 * scope waits behind it — closing and reopening the panel, or unregistering and reloading, does
 * not help (seen in CI and here). Service workers belong to the browser context, so the way out
 * is a fresh one: after 15 s the tab is clicked, after 30 s the workbench is opened again in a new
 * context and the lens run there. Each step is said in the log with the frames and the webview
 * console, so a blank panel never passes unseen.
 */
async function reportFrame(first: Page): Promise<{ page: Page; frame: Frame }> {
  let page = first;
  const started = Date.now();
  let step = 0;
  while (Date.now() - started < 150_000) {
    const frame = await frameWithHops(page);
    if (frame !== undefined) return { page, frame };
    const waited = Date.now() - started;
    if ((step === 0 && waited > 15_000) || (step === 1 && waited > 30_000)) {
      console.log(
        `      (no report after ${Math.round(waited / 1000)} s; frames: ${await frameSummary(page)}; ${step === 0 ? 'clicking its tab' : 'opening the workbench again in a new browser context and running the lens there'})`,
      );
      for (const line of webviewConsole()) console.log(`        ${line}`);
      await page.bringToFront();
      if (step === 0) await page.locator('.tabs-container .tab').filter({ hasText: REPORT_TAB }).click();
      else {
        page = await freshWorkbench();
        await resetWorkbench(page);
        await openReport(page);
      }
      step++;
    }
    await page.waitForTimeout(250);
  }
  throw new Error(
    `no frame shows the reachability report's hops within 150 s (frames: ${await frameSummary(page)})\nwebview console:\n${webviewConsole().join('\n')}`,
  );
}

describe('MaxCompute VPC: Check Reachability', () => {
  it("runs from the spec's CodeLens and shows the report with a failing hop, its evidence and its fix", async function () {
    // Room for the logged recovery (a second workbench) besides the usual few seconds.
    this.timeout(240_000);
    const opened = await workbench();
    await resetWorkbench(opened);
    await openReport(opened);
    const { page, frame: report } = await reportFrame(opened);
    // The demo's link was never applied: its group does not exist yet, so that hop fails with a fix.
    await report.locator('details.hop.fail').first().waitFor({ timeout: 30_000 });
    await report.locator('details.hop.fail .fix').first().waitFor({ timeout: 5_000 });
    await report.locator('button#copy').waitFor({ timeout: 5_000 });
    // The report as a person sees it, kept; then a calm workbench for the next suite (it looks for the first editor).
    await page.screenshot({ path: join(E2E_RESULTS, 'reachability-report-with-a-failing-hop.png'), animations: 'disabled' });
    await runCommand(page, 'View: Close All Editors');
  });
});
