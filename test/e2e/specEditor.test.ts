import { strict as assert } from 'node:assert';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { E2E_RESULTS } from '../harness/e2eRunner';
import { e2e, openNetworkView, runCommand, workbench } from './workbench';

const written: string[] = [];

/**
 * A copy of the demo's spec under its own name, one per test: the tests edit it, and the
 * demo's own file must stay as it is in the repository.
 */
function demoCopy(name: string): string {
  const { workspace } = e2e();
  const file = join(workspace, `${name}.mcvpc.yaml`);
  writeFileSync(
    file,
    readFileSync(join(workspace, 'warehouse.mcvpc.yaml'), 'utf8').replace('name: warehouse_link', `name: ${name.replace(/-/g, '_')}`),
  );
  written.push(file);
  return `${name}.mcvpc.yaml`;
}

/**
 * Opens a file of the workspace from Quick Open. A file written a moment ago may not be in Quick
 * Open's file list yet (it caches the search while other suites ran): ask again until it is.
 */
async function openDemoSpec(page: Page, fileName: string): Promise<void> {
  const input = page.locator('.quick-input-widget input[type="text"]');
  const row = page.locator('.quick-input-list .monaco-list-row').filter({ hasText: fileName }).first();
  let found = false;
  for (let attempt = 0; attempt < 3 && !found; attempt++) {
    await page.keyboard.press('Control+P');
    await input.waitFor({ timeout: 10_000 });
    await input.fill(fileName);
    found = await row.waitFor({ timeout: 5_000 }).then(
      () => true,
      () => false,
    );
    if (!found) await page.keyboard.press('Escape');
  }
  if (!found) {
    // Quick Open still lists the workspace as it was: open the file by its path instead.
    await runCommand(page, 'File: Open File...');
    await input.waitFor({ timeout: 10_000 });
    await input.fill(join(e2e().workspace, fileName));
    // The dialog lists the folder's files as the path is typed: Enter once it shows this one.
    await row.waitFor({ timeout: 10_000 });
  }
  await page.keyboard.press('Enter');
  await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 10_000 });
  await page.locator('.monaco-editor .view-lines').first().click();
}

/** Puts the cursor at a 1-based line and column (Go to Line). */
async function goTo(page: Page, line: number, column: number): Promise<void> {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input[type="text"]');
  await input.waitFor({ timeout: 10_000 });
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
}

describe('the spec editor', () => {
  after(() => {
    for (const file of written.splice(0)) rmSync(file, { force: true });
  });

  it('underlines a wrong instance id and lists it in the Problems panel', async () => {
    const page = await workbench();
    await openDemoSpec(page, demoCopy('e2e-squiggles'));
    // Line 22: `    instance: rm-…`; replace the id with one of the wrong kind.
    await goTo(page, 22, 15);
    await page.keyboard.press('Shift+End');
    await page.keyboard.type('xx-123');
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 15_000 });
    await page.keyboard.press('Control+Shift+M');
    const problem = page.locator('.markers-panel .monaco-list-row').filter({ hasText: 'An RDS DBInstanceId starts with rm-' });
    await problem.first().waitFor({ timeout: 15_000 });
    await page.screenshot({ path: join(E2E_RESULTS, 'spec-editor-squiggles-and-problems.png') });
    await page.keyboard.press('Control+Shift+M');
  });

  it("completes vSwitch: with the VPC's vSwitches, the unsupported zone marked", async () => {
    const page = await workbench();
    // The Network view opens the cloud session that completion reads through.
    await openNetworkView(page);
    await openDemoSpec(page, demoCopy('e2e-completion'));
    await goTo(page, 13, 10);
    await page.keyboard.press('Shift+End');
    await page.keyboard.press('Delete');
    const widget = page.locator('.editor-widget.suggest-widget.visible');
    const unsupported = widget.locator('.monaco-list-row').filter({ hasText: 'not supported' }).first();
    // The first request reads the VPC's vSwitches through the cloud session; ask again if the
    // widget closed on an empty answer while the read was still under way.
    let shown = false;
    for (let attempt = 0; attempt < 4 && !shown; attempt++) {
      await page.keyboard.press('Control+Space');
      shown = await unsupported.waitFor({ timeout: 8_000 }).then(
        () => true,
        () => false,
      );
      if (!shown) await page.keyboard.press('Escape');
    }
    assert.ok(shown, 'the completion list with the unsupported zone marked');
    const rows = await widget.locator('.monaco-list-row').allInnerTexts();
    assert.ok(
      rows.some((r) => r.includes('app-h')),
      rows.join('\n'),
    );
    await page.screenshot({ path: join(E2E_RESULTS, 'spec-editor-vswitch-completion.png') });
    await page.keyboard.press('Escape');
  });

  it('hovers a vSwitch id: zone, support, console link', async () => {
    const page = await workbench();
    await openNetworkView(page);
    await openDemoSpec(page, demoCopy('e2e-hover'));
    await goTo(page, 13, 15);
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    const hover = page.locator('.monaco-hover:visible').filter({ hasText: 'supports network links' });
    await hover.first().waitFor({ timeout: 20_000 });
    assert.match(await hover.first().innerText(), /cn-hangzhou-h/);
    await page.screenshot({ path: join(E2E_RESULTS, 'spec-editor-hover.png') });
  });
});
