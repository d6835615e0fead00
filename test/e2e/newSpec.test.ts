import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DEFAULT_SEED } from '../../src/emulator/seed';
import { E2E_RESULTS } from '../harness/e2eRunner';
import { e2e, networkTreeRows, notification, openNetworkView, runCommand, workbench } from './workbench';

const LINK = 'e2e_newspec_link';
const written: string[] = [];

/** The open quick input (pick, input box or the simple file dialog). */
function quickInput(page: Page) {
  const widget = page.locator('.quick-input-widget:visible');
  return {
    widget,
    input: widget.locator('.quick-input-box input'),
    title: widget.locator('.quick-input-title'),
    rows: widget.locator('.quick-input-list .monaco-list-row'),
    row: (text: string | RegExp) => widget.locator('.quick-input-list .monaco-list-row').filter({ hasText: text }).first(),
  };
}

/** Waits until the quick input asks for `what` (its placeholder, prompt or title says so). */
async function waitForStep(page: Page, what: RegExp): Promise<void> {
  const deadline = Date.now() + 30_000;
  const { widget } = quickInput(page);
  for (;;) {
    const shown = (await widget.isVisible())
      ? `${await widget
          .locator('.quick-input-title')
          .innerText()
          .catch(() => '')} ${
          (await widget
            .locator('.quick-input-box input')
            .getAttribute('placeholder')
            .catch(() => '')) ?? ''
        } ${await widget
          .locator('.quick-input-message')
          .innerText()
          .catch(() => '')}`
      : '';
    if (what.test(shown)) return;
    if (Date.now() > deadline) throw new Error(`the quick input never asked for ${what}; it shows "${shown.trim()}"`);
    await page.waitForTimeout(200);
  }
}

/** A picture of the quick input at one step, to look at the words a person reads. */
async function shootStep(page: Page, step: string): Promise<void> {
  await page.locator('.quick-input-widget').screenshot({ path: join(E2E_RESULTS, `new-spec-step-${step}.png`) });
}

/** Files of the workspace folder, to tell what a command wrote. */
function workspaceFiles(): string[] {
  return readdirSync(e2e().workspace).sort();
}

describe('New Connection Spec, as a person', () => {
  after(() => {
    for (const file of written.splice(0)) rmSync(file, { force: true });
  });

  it('right-click a VPC, walk the picks, save: the spec is on disk, open, with no problems', async function () {
    this.timeout(240_000);
    const m = DEFAULT_SEED.main;
    const file = join(e2e().workspace, `${LINK}.mcvpc.yaml`);
    written.push(file);
    rmSync(file, { force: true });
    const page = await workbench();
    await openNetworkView(page);
    const vpc = networkTreeRows(page).filter({ hasText: 'mcvpc-app' }).first();
    await vpc.waitFor({ timeout: 30_000 });
    await vpc.click({ button: 'right' });
    const item = page.locator('.context-view .action-label', { hasText: 'New Spec for this VPC…' });
    await item.hover();
    await item.click();
    await page
      .locator('.context-view .monaco-menu')
      .waitFor({ state: 'detached', timeout: 10_000 })
      .catch(async () => item.click());

    // vSwitch: the supported zones first (the first one highlighted), the unsupported one marked with its reason.
    await waitForStep(page, /vSwitch/);
    const q = quickInput(page);
    const unsupported = q.row('app-b');
    await unsupported.waitFor({ timeout: 10_000 });
    const rows = await q.rows.allInnerTexts();
    assert.match(rows[0]!, /app-h/, `the first row is a supported vSwitch:\n${rows.join('\n')}`);
    assert.match(rows.at(-1)!, /app-b/, `the unsupported vSwitch comes last:\n${rows.join('\n')}`);
    assert.match(await unsupported.innerText(), /cn-hangzhou-b[\s\S]*does not support MaxCompute network links/);
    assert.equal(await unsupported.locator('.codicon-circle-slash').count(), 1, 'the unsupported vSwitch carries the circle-slash mark');
    await page.locator('.quick-input-widget').screenshot({ path: join(E2E_RESULTS, 'new-spec-vswitch-pick.png') });

    // Choosing it is refused, with the reason, and the pick stays open for another choice.
    await unsupported.click();
    await waitForStep(page, /app-b.*cannot hold the link/);
    assert.equal(await notification(page, /New Connection Spec/).count(), 0, 'the refusal is no failure notification');
    // The first usable vSwitch is highlighted again: Enter takes it.
    await q.widget.locator('.quick-input-list .monaco-list-row.focused').filter({ hasText: 'app-h' }).waitFor({ timeout: 5_000 });
    await page.locator('.quick-input-widget').screenshot({ path: join(E2E_RESULTS, 'new-spec-vswitch-refused.png') });
    await page.keyboard.press('Enter');

    // The link's security group: a new basic one.
    await waitForStep(page, /security group/i);
    await q.row('A new basic security group').waitFor();
    const groups = await q.rows.allInnerTexts();
    assert.ok(!groups.some((g) => g.includes('app-advanced')), `an advanced group is not offered:\n${groups.join('\n')}`);
    for (const unused of ['app-basic', 'hbase-sg', 'emr-hadoop-sg'])
      assert.ok(
        groups.some((g) => g.includes(unused)),
        `the unused basic group ${unused} is offered:\n${groups.join('\n')}`,
      );
    // The Kafka instance's primary network interface carries kafka-sg: listed after every usable group
    // (with the link group of an earlier suite's link, if one ran), marked, saying who uses it.
    const kafka = q.row('kafka-sg');
    const firstInUse = groups.findIndex((g) => / in use/.test(g));
    assert.ok(
      firstInUse > 0 && groups.slice(firstInUse).every((g) => / in use/.test(g)),
      `the groups in use come after the usable ones:\n${groups.join('\n')}`,
    );
    assert.ok(
      groups.slice(firstInUse).some((g) => g.includes('kafka-sg')),
      `kafka-sg is among the groups in use:\n${groups.join('\n')}`,
    );
    assert.match(await kafka.innerText(), /in use[\s\S]*Used by instance i-/);
    assert.equal(await kafka.locator('.codicon-circle-slash').count(), 1, 'the group in use carries the circle-slash mark');
    await shootStep(page, 'group');
    // Choosing it is refused with the reason; the pick stays open.
    await kafka.click();
    await waitForStep(page, /kafka-sg guards instance i-.*must guard the link's network interfaces alone/);
    await shootStep(page, 'group-refused');
    await q.row('A new basic security group').click();

    // Services (several may be chosen): the RDS instance.
    await waitForStep(page, /Services/);
    await q.row('orders-mysql').waitFor({ timeout: 20_000 });
    await shootStep(page, 'services');
    await q.input.fill('orders');
    await q.row('orders-mysql').waitFor();
    // In a multi-select pick a click on the row ticks it; the count beside the input says so.
    await q.row('orders-mysql').click();
    await q.widget.locator('.quick-input-count').filter({ hasText: '1 Selected' }).waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');

    // The link's name: the proposal is a valid name; a bad one is explained while typing.
    await waitForStep(page, /Name of the network link/);
    assert.match(await q.input.inputValue(), /^mcvpc_app_link$/);
    await shootStep(page, 'name');
    await q.input.fill('9 links');
    await page
      .locator('.quick-input-widget .quick-input-message')
      .filter({ hasText: /letter/ })
      .waitFor({ timeout: 10_000 });
    // The demo's spec declares warehouse_link in this region: allowed, but said.
    await q.input.fill('warehouse_link');
    await page
      .locator('.quick-input-widget .quick-input-message')
      .filter({ hasText: /already known in cn-hangzhou \(warehouse\.mcvpc\.yaml/ })
      .waitFor({ timeout: 10_000 });
    await shootStep(page, 'name-taken');
    await q.input.fill(LINK);
    await page
      .locator('.quick-input-widget .quick-input-message')
      .filter({ hasText: /letter/ })
      .waitFor({ state: 'detached', timeout: 10_000 })
      .catch(() => undefined);
    await page.keyboard.press('Enter');

    // The save dialog (VS Code's simple file dialog in code-server): type the path, Enter.
    await waitForStep(page, /Save the connection spec/);
    await shootStep(page, 'save');
    await q.input.fill(file);
    await page.keyboard.press('Enter');

    const tab = page.locator('.tabs-container .tab.active').filter({ hasText: `${LINK}.mcvpc.yaml` });
    await tab.waitFor({ timeout: 20_000 });
    assert.ok(existsSync(file), `${file} was written`);
    const text = readFileSync(file, 'utf8');
    for (const expected of [
      `name: ${LINK}`,
      'region: cn-hangzhou',
      `vpc: ${m.vpcId}`,
      `vSwitch: ${m.vSwitchIdH}`,
      'create:',
      'kind: rds',
      m.rdsInstanceId,
    ]) {
      assert.ok(text.includes(expected), `the spec holds "${expected}":\n${text}`);
    }

    // Our diagnostics read this editor: a broken line shows a problem for the file, undoing it clears it.
    const editor = page.locator('.editor-instance .monaco-editor .view-lines').first();
    await editor.click();
    // One key on the empty last line: a bare scalar after the mapping, one problem, one undo.
    await page.keyboard.press('Control+End');
    await page.keyboard.type('x');
    await page.keyboard.press('Control+Shift+M');
    const fileRow = page.locator('.markers-panel .monaco-list-row').filter({ hasText: `${LINK}.mcvpc.yaml` });
    await fileRow.first().waitFor({ timeout: 15_000 });
    await editor.click();
    await page.keyboard.press('Escape');
    // Undo until the problem is gone (the key may have been one undo step or more).
    for (let i = 0; i < 5 && (await fileRow.count()) > 0; i++) {
      await page.keyboard.press('Control+Z');
      await fileRow
        .first()
        .waitFor({ state: 'detached', timeout: 3_000 })
        .catch(() => undefined);
    }
    assert.equal(await fileRow.count(), 0, 'undoing the key clears its problem');
    // The live checks (from the cloud read model) come later than the parse: give them time, then still nothing.
    await page.waitForTimeout(3000);
    assert.equal(await fileRow.count(), 0, 'no problems for the new spec');
    // The web workbench auto-saves (afterDelay), and may have saved the key before the undo: save
    // the undone text explicitly, then the file is as the command wrote it.
    await editor.click();
    await page.keyboard.press('Control+S');
    for (let i = 0; i < 25 && readFileSync(file, 'utf8') !== text; i++) await page.waitForTimeout(200);
    assert.equal(readFileSync(file, 'utf8'), text, 'the spec on disk is as the command wrote it');
    await page.screenshot({ path: join(E2E_RESULTS, 'new-spec-finished.png') });
  });

  it('palette: Escape at the first pick writes nothing and reports no error', async () => {
    const page = await workbench();
    const before = workspaceFiles();
    await runCommand(page, 'New Connection Spec…');
    await waitForStep(page, /Region/);
    await quickInput(page)
      .row(/cn-hangzhou.*the profile's region/)
      .waitFor({ timeout: 5_000 });
    await shootStep(page, 'region');
    await page.keyboard.press('Escape');
    await quickInput(page).widget.waitFor({ state: 'hidden', timeout: 10_000 });
    // A failure would show as a toast within a moment.
    await page.waitForTimeout(2000);
    assert.equal(await page.locator('.notifications-toasts .notification-toast').count(), 0, 'no notification after cancelling');
    assert.deepEqual(workspaceFiles(), before, 'nothing written to the workspace');
  });

  it("palette: Enter takes the profile's region, the VPC pick lists its VPCs; Escape there is quiet too", async () => {
    const page = await workbench();
    const before = workspaceFiles();
    await runCommand(page, 'New Connection Spec…');
    await waitForStep(page, /Region/);
    await page.keyboard.press('Enter');
    await waitForStep(page, /VPC that holds the services/);
    const q = quickInput(page);
    await q.row('mcvpc-app').waitFor({ timeout: 20_000 });
    assert.match(await q.row('mcvpc-app').innerText(), new RegExp(`${DEFAULT_SEED.main.vpcId}.*192\\.168\\.0\\.0/16`));
    assert.match(await q.title.innerText(), /New Connection Spec in cn-hangzhou/);
    await shootStep(page, 'vpc');
    await page.keyboard.press('Escape');
    await q.widget.waitFor({ state: 'hidden', timeout: 10_000 });
    await page.waitForTimeout(2000);
    assert.equal(await page.locator('.notifications-toasts .notification-toast').count(), 0, 'no notification after cancelling');
    assert.deepEqual(workspaceFiles(), before, 'nothing written to the workspace');
  });
});
