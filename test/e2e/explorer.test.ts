import { strict as assert } from 'node:assert';
import type { Locator, Page } from 'playwright-core';
import { join } from 'node:path';
import { E2E_RESULTS } from '../harness/e2eRunner';
import { e2e, networkTreeRows, openNetworkView, workbench } from './workbench';

/** The row whose text contains `text` (the n-th when several do), visible. */
async function row(page: Page, text: string | RegExp, nth: 'first' | 'last' = 'first'): Promise<Locator> {
  const rows = networkTreeRows(page).filter({ hasText: text });
  const found = nth === 'first' ? rows.first() : rows.last();
  await found.waitFor({ timeout: 30_000 });
  return found;
}

/** Expands a collapsed row as a person does (a click on it), and waits until VS Code says it is expanded. */
async function expand(target: Locator): Promise<void> {
  if ((await target.getAttribute('aria-expanded')) === 'true') return;
  await target.click();
  await assertEventually(async () => (await target.getAttribute('aria-expanded')) === 'true', 'the row to expand');
}

async function assertEventually(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the Network view, expanded as a person would', () => {
  it("shows a VPC's vSwitches with zone marks, its services with access, and the linked VPC's locked groups and its link by name", async () => {
    const { session } = e2e();
    const [account] = session.emulator.accounts;
    const page = await workbench();
    await openNetworkView(page);
    // Widen the side bar as a person with long resource names does: drag its edge.
    const sideBar = await page.locator('.part.sidebar').boundingBox();
    if (sideBar !== null) {
      await page.mouse.move(sideBar.x + sideBar.width, sideBar.y + 300);
      await page.mouse.down();
      await page.mouse.move(sideBar.x + sideBar.width + 330, sideBar.y + 300, { steps: 5 });
      await page.mouse.up();
    }

    // Two profiles are configured: the active one is the root, its only region opens by itself.
    await row(page, account!.name);
    await row(page, 'cn-hangzhou');
    const app = await row(page, 'mcvpc-app');
    await expand(app);
    await expand(await row(page, 'vSwitches'));
    const unsupported = await row(page, 'app-b');
    assert.match(await unsupported.innerText(), /cn-hangzhou-b/);
    assert.match(await unsupported.innerText(), /no network links/);
    await row(page, 'app-h');
    await expand(await row(page, 'Services'));
    const rds = await row(page, 'orders-mysql');
    assert.match(await rds.innerText(), /RDS MySQL/);
    await row(page, 'etl-hadoop');
    // The service's tooltip: engine, port, whitelist groups, security groups, access from links.
    await rds.hover();
    const rdsHover = page.locator('.monaco-hover, .workbench-hover').filter({ hasText: 'Whitelist groups' });
    await rdsHover.first().waitFor({ timeout: 30_000 });
    assert.match(await rdsHover.first().innerText(), /ali_dms_group/);
    await page.screenshot({ path: join(E2E_RESULTS, 'explorer-service-hover.png') });
    await page.mouse.move(900, 600);

    const linked = await row(page, 'mcvpc-linked');
    await expand(linked);
    // Its children come after a read: until they are drawn, the last "Security groups" row is mcvpc-app's.
    await assertEventually(
      async () => (await networkTreeRows(page).filter({ hasText: 'Security groups' }).count()) === 2,
      "the linked VPC's rows",
    );
    await expand(await row(page, 'Security groups', 'last'));
    const managed = await row(page, /^MaxCompute-vpc(?!-)/);
    assert.match(await managed.innerText(), /managed by MaxCompute · do not modify/);
    assert.equal(await managed.locator('.codicon-lock').count(), 1, 'the managed group has no lock icon');
    await expand(await row(page, 'Network links', 'last'));
    // MaxCompute lists the link: its name and status, not "(unnamed link)".
    const link = await row(page, 'existing_link');
    assert.match(await link.innerText(), /ready · linked-k/);
    assert.equal(await networkTreeRows(page).filter({ hasText: '(unnamed link)' }).count(), 0);
    await link.hover();
    const hover = page.locator('.monaco-hover, .workbench-hover').filter({ hasText: 'Status: SUCCESS' });
    await hover.first().waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(E2E_RESULTS, 'explorer-named-link.png') });
    await page.mouse.move(900, 600);
  });

  it('explains why a managed group must not be modified when hovered', async () => {
    const page = await workbench();
    await openNetworkView(page);
    const managed = await row(page, /^MaxCompute-backup-vpc(?!-)/);
    await managed.hover();
    const hover = page
      .locator('.monaco-hover, .workbench-hover')
      .filter({ hasText: 'Do not modify the rules of these two security groups' });
    await hover.first().waitFor({ timeout: 30_000 });
    // The runner's own screenshot parks the pointer first (hiding the hover): keep one with it.
    await page.screenshot({ path: join(E2E_RESULTS, 'explorer-locked-group-hover.png') });
  });
});
