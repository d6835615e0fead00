/**
 * A person creates a network link: right-click a VPC → Create Network Link…, fill the form by
 * mouse and keyboard, plan, apply — MaxCompute creates the link through its API while the form
 * shows its status — and see the finished state. Then the fallback: a caller without
 * odps:CreateNetworkLink gets the console hand-over and does the console step in the simulated
 * MaxCompute console. Screenshots of the empty form, an inline error, the plan, the link being
 * created, the hand-over and the finished state in the light and the dark theme; any CSP
 * violation in the page fails the test.
 */
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import type { Frame, Locator, Page } from 'playwright-core';
import { E2E_RESULTS } from '../harness/e2eRunner';
import { e2e, networkTreeRows, openNetworkView, runCommand, workbench } from './workbench';

const APP_VPC = 'vpc-bp1w4g8ykeud64dultaii';
const RDS = 'rm-bp1p54cm3ooh3v7u618m6';

/** Every CSP violation reported in any frame of the page (the init script runs in the webview's frames too). */
const violations: string[] = [];

async function watchCsp(page: Page): Promise<void> {
  // Runs in the page and in every frame created after, the webview's included (text: this file has no DOM types).
  await page.addInitScript({
    content:
      "document.addEventListener('securitypolicyviolation', (e) => console.error('CSP-VIOLATION ' + e.violatedDirective + ' ' + e.blockedURI + ' in ' + location.href.slice(0, 80)));",
  });
  page.on('console', (message) => {
    if (message.text().startsWith('CSP-VIOLATION')) violations.push(message.text());
  });
}

async function eventually<T>(what: string, probe: () => Promise<T | undefined>, timeout = 60_000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The form's frame: the webview's innermost document, the one with the form's root. */
function formFrame(page: Page): Promise<Frame> {
  return eventually("the form's webview frame", async () => {
    for (const frame of page.frames()) {
      if (
        (await frame
          .locator('#app main')
          .count()
          .catch(() => 0)) > 0
      )
        return frame;
    }
    return undefined;
  });
}

/** Switches the workbench theme with the palette, as a person does. */
async function useTheme(page: Page, kind: 'light' | 'dark'): Promise<void> {
  const isDark = async (): Promise<boolean> =>
    page
      .locator('.monaco-workbench.vs-dark')
      .count()
      .then((n) => n > 0);
  if ((await isDark()) === (kind === 'dark')) return;
  await runCommand(page, 'Preferences: Toggle between Light/Dark Themes');
  await eventually(`the ${kind} theme`, async () => ((await isDark()) === (kind === 'dark') ? true : undefined), 10_000);
  // The webview takes the theme's colours a moment after the workbench.
  await new Promise((resolve) => setTimeout(resolve, 500));
}

/** Screenshots of the editor area (the form) in both themes. */
async function shoot(page: Page, name: string): Promise<void> {
  for (const kind of ['light', 'dark'] as const) {
    await useTheme(page, kind);
    await page.mouse.move(5, 790);
    await page.locator('.part.editor').screenshot({ path: join(E2E_RESULTS, `link-form-${name}-${kind}.png`), animations: 'disabled' });
  }
}

/** Sets the emulator's fault settings (its control route), e.g. how long MaxCompute takes to create a link. */
async function faults(settings: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${e2e().session.emulator.endpoint}/__emulator/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(settings),
  });
  assert.equal(response.status, 200, await response.text());
}

/** Right-click the app VPC → Create Network Link…: the form's frame once its fields are there. */
async function openForm(page: Page): Promise<Frame> {
  await openNetworkView(page);
  const vpc = await treeRow(page, 'mcvpc-app');
  await vpc.click({ button: 'right' });
  const item = page.locator('.context-view .action-label', { hasText: 'Create Network Link…' });
  await item.hover();
  await item.click();
  // On a busy machine the menu may still be settling: the click counts once the menu is gone.
  await page
    .locator('.context-view .monaco-menu')
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(async () => item.click());
  const form = await formFrame(page);
  await form.locator('vscode-textfield#name').waitFor({ timeout: 60_000 });
  await form.locator('vscode-single-select#vSwitchId').waitFor();
  return form;
}

/**
 * Types into the name as a person does (click, select all, type) until the field holds the text:
 * the webview's frame takes the keyboard focus a moment after the click, and on a busy machine
 * the first keys can go nowhere. Each retry is logged.
 */
async function typeName(form: Frame, text: string): Promise<void> {
  const name = form.locator('vscode-textfield#name');
  const nameInput = name.locator('input');
  for (let attempt = 1; ; attempt++) {
    await name.click();
    await nameInput.press('Control+A');
    await nameInput.pressSequentially(text);
    const typed = await eventually('the name typed', async () => ((await nameInput.inputValue()) === text ? true : undefined), 5_000).then(
      () => true,
      () => false,
    );
    if (typed) return;
    if (attempt === 3) throw new Error(`the name field holds "${await nameInput.inputValue()}" after typing "${text}" three times`);
    console.log(`      (the name field held "${await nameInput.inputValue()}" after typing "${text}": typing again)`);
  }
}

async function treeRow(page: Page, text: string): Promise<Locator> {
  const row = networkTreeRows(page).filter({ hasText: text }).first();
  await row.waitFor({ timeout: 30_000 });
  return row;
}

describe('Create Network Link, as a person', () => {
  it('right-click a VPC, fill the form, plan, apply: the link is created and ready in one run', async function () {
    this.timeout(300_000);
    e2e();
    const page = await workbench();
    await watchCsp(page);
    const form = await openForm(page);
    await shoot(page, 'empty');

    // A name against MaxCompute's rule: the error shows under the field while typing.
    await typeName(form, '9 links');
    const nameError = form.locator('#name-help.error');
    // The error follows each key; the one for the whole text names the rule.
    await eventually(
      'the naming rule under the name',
      async () => (/"9 links".*letter/.test(await nameError.innerText()) ? true : undefined),
      10_000,
    );
    assert.equal(await form.locator('vscode-button#plan').getAttribute('disabled'), '', 'Plan waits until the form is right');
    await shoot(page, 'error');

    await typeName(form, 'orders_form');
    await form.locator('#name-help.hint').waitFor({ timeout: 10_000 });

    // The RDS instance, by mouse; then to the Plan button by keyboard.
    const rdsBox = form.locator(`vscode-checkbox#t-rds_${RDS}`);
    await rdsBox.click();
    await eventually('the RDS target ticked', async () => ((await rdsBox.getAttribute('checked')) !== null ? true : undefined), 10_000);
    const plan = form.locator('vscode-button#plan');
    await eventually('Plan enabled', async () => ((await plan.getAttribute('disabled')) === null ? true : undefined), 10_000);
    await plan.focus();
    await page.keyboard.press('Enter');

    await form.locator('section.plan ol.steps').waitFor({ timeout: 60_000 });
    const planText = await form.locator('section.plan').innerText();
    assert.match(planText, /Ecs\.CreateSecurityGroup/);
    assert.match(planText, /ModifySecurityIps/);
    assert.match(planText, /Plan: \d+ to add/);
    await shoot(page, 'plan');

    // MaxCompute creates the link while the form waits: its status shows, no hand-over.
    await faults({ networkLinkCreateMs: 6000 });
    await form.locator('vscode-button#apply').click();
    await eventually(
      "the link's status while MaxCompute creates it",
      async () =>
        /MaxCompute is creating the network link \(status CREATING\)/.test(await form.locator('p.progress').innerText()) ? true : undefined,
      60_000,
    );
    await shoot(page, 'creating');
    assert.equal(await form.locator('section.handover').count(), 0, 'no console hand-over when the API can be used');

    // The link turns SUCCESS and the form goes on to the RDS step by itself.
    const banner = form.locator('.banner.done');
    await banner.waitFor({ timeout: 90_000 });
    await faults({});
    const usage = await form.locator('section.usage').innerText();
    assert.match(usage, /SET odps\.session\.networklink=orders_form;/);
    assert.match(usage, /spark\.hadoop\.odps\.cupid\.eni\.info=cn-hangzhou:vpc-/);
    await shoot(page, 'done');
    assert.deepEqual(violations, [], 'no Content-Security-Policy violation');
  });

  it('without odps:CreateNetworkLink, the form hands the link over to the console, and finishes once it is made there', async function () {
    this.timeout(300_000);
    const { session } = e2e();
    const page = await workbench();
    await faults({ deniedActions: ['CreateNetworkLink'] });
    try {
      const form = await openForm(page);
      await typeName(form, 'orders_console');
      const rdsBox = form.locator(`vscode-checkbox#t-rds_${RDS}`);
      await rdsBox.click();
      await eventually('the RDS target ticked', async () => ((await rdsBox.getAttribute('checked')) !== null ? true : undefined), 10_000);
      const plan = form.locator('vscode-button#plan');
      await eventually('Plan enabled', async () => ((await plan.getAttribute('disabled')) === null ? true : undefined), 10_000);
      await plan.click();
      await form.locator('section.plan ol.steps').waitFor({ timeout: 60_000 });
      await form.locator('vscode-button#apply').click();
      const handover = form.locator('section.handover');
      await handover.waitFor({ timeout: 60_000 });
      assert.match(await form.locator('p.progress').innerText(), /MaxCompute's link API cannot be used here \(NoPermission: /);
      const values = await handover
        .locator('.copy-row')
        .evaluateAll((rows) =>
          rows.map((r) => [r.querySelector('.copy-label')?.textContent ?? '', r.querySelector('.copy-value')?.textContent ?? '']),
        );
      const value = (label: RegExp): string =>
        values.find(([l]) => label.test(l!))?.[1] ?? assert.fail(`no ${label} among ${JSON.stringify(values)}`);
      const groupId = value(/security group/i);
      assert.match(groupId, /^sg-/);
      await shoot(page, 'waiting');

      // The console step, in the simulated MaxCompute console, as a person with the values in front of them.
      // "Open MaxCompute console" opens the emulator's console page in a new tab (code-server may ask first).
      const popup = page.context().waitForEvent('page', { timeout: 30_000 });
      await form.locator('vscode-button#open-console').click();
      const confirm = page.locator('.monaco-dialog-box .monaco-button', { hasText: /^Open$/ });
      await confirm.click({ timeout: 5_000 }).catch(() => undefined);
      const consolePage = await popup;
      await consolePage.waitForLoadState();
      // code-server turns a 127.0.0.1 link into its own port proxy (/proxy/<port>/) and drops the path there;
      // a person then goes to the console page the form named (desktop VS Code opens it as it is).
      assert.match(consolePage.url(), new RegExp(`(${session.emulator.endpoint}|/proxy/${new URL(session.emulator.endpoint).port}/)`));
      if (!consolePage.url().includes('/__emulator')) await consolePage.goto(`${session.emulator.endpoint}/__emulator/`);
      await consolePage.selectOption('#accountId', session.emulator.accounts[0]!.accountId);
      await consolePage.fill('#name', value(/name/i));
      await consolePage.selectOption('#regionId', 'cn-hangzhou');
      await consolePage.selectOption('#vpcId', APP_VPC);
      await consolePage.selectOption('#vSwitchId', value(/vswitch/i));
      await consolePage.selectOption('#securityGroupId', groupId);
      await consolePage.click('button[type=submit]');
      await consolePage.locator('#result.ok').waitFor({ timeout: 10_000 });
      await consolePage.close();

      // The form notices the link by itself and finishes.
      await form.locator('.banner.done').waitFor({ timeout: 90_000 });
      assert.match(await form.locator('section.usage').innerText(), /SET odps\.session\.networklink=orders_console;/);
    } finally {
      await faults({});
    }
  });
});
