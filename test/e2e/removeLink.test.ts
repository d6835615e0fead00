/**
 * "Remove Network Link…" as a person uses it: the sample workspace's declared link is applied
 * from its context menu (MaxCompute creates the link through its API in the same run), then
 * removed: the confirmation lists what goes — the link's removal through the API among it — and
 * one run takes it all back, the link's group last. A screenshot of the confirmation.
 */
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { E2E_RESULTS } from '../harness/e2eRunner';
import { e2e, networkTreeRows, notification, openNetworkView, runCommand, workbench } from './workbench';

const LINK = 'warehouse_link';
const GROUP_NAME = 'maxcompute-warehouse';

async function row(page: Page, text: string | RegExp): Promise<Locator> {
  const found = networkTreeRows(page).filter({ hasText: text }).first();
  await found.waitFor({ timeout: 30_000 });
  return found;
}

/** Expands a row: a click, as a person does (the group's children may take a while: specs are read first). */
async function expand(target: Locator): Promise<void> {
  if ((await target.getAttribute('aria-expanded')) === 'true') return;
  await target.click();
  const deadline = Date.now() + 60_000;
  while ((await target.getAttribute('aria-expanded')) !== 'true') {
    if (Date.now() > deadline) throw new Error(`timed out waiting for "${await target.innerText()}" to expand`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Right-click on the link's row, then the menu entry. The tree refreshes after each run (the row
 * is drawn anew), and a right-click on a row being replaced opens no menu: then it is asked again,
 * and the log says so.
 */
async function fromContextMenu(page: Page, entry: string): Promise<void> {
  const item = page.locator('.context-view .monaco-menu .action-item').filter({ hasText: entry }).first();
  for (let attempt = 1; ; attempt++) {
    await (await row(page, LINK)).click({ button: 'right' });
    if (
      await item.waitFor({ timeout: 5_000 }).then(
        () => true,
        () => false,
      )
    )
      break;
    if (attempt === 3) throw new Error(`no "${entry}" in the link's context menu after three right-clicks`);
    console.log(`      (no context menu after a right-click on ${LINK}: asking again)`);
    await page.keyboard.press('Escape');
  }
  await item.click();
}

/**
 * A context-menu entry that asks a modal question. A click on a menu whose row the tree redrew
 * meanwhile reaches the command without its node ("Run … from a node's menu"): then the menu is
 * opened again (logged), up to three times.
 */
async function fromContextMenuToModal(page: Page, entry: string): Promise<void> {
  const dialog = page.locator('.monaco-dialog-box');
  const noNode = notification(page, /from a node's menu/);
  for (let attempt = 1; ; attempt++) {
    await fromContextMenu(page, entry);
    const outcome = await Promise.race([
      dialog.waitFor({ timeout: 20_000 }).then(() => 'dialog' as const),
      noNode
        .first()
        .waitFor({ timeout: 20_000 })
        .then(() => 'no-node' as const),
    ]).catch(() => 'nothing' as const);
    if (outcome === 'dialog') return;
    if (attempt === 3) throw new Error(`"${entry}" asked nothing after three tries (last: ${outcome})`);
    // The tree redrew the row: the click reached the command without its node, or the menu kept it.
    console.log(
      `      ("${entry}": ${outcome === 'no-node' ? "the command came without the link's node" : 'no question within 20 s, the menu still open'}; asking again)`,
    );
    await page.keyboard.press('Escape');
    await noNode
      .first()
      .locator('.codicon-notifications-clear, .codicon-close')
      .first()
      .click({ timeout: 2_000 })
      .catch(() => undefined);
  }
}

/** The modal question; answers it with `button` after `inspect` has seen it. */
async function answerModal(page: Page, button: string, inspect?: (dialog: Locator) => Promise<void>): Promise<void> {
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.waitFor({ timeout: 60_000 });
  await inspect?.(dialog);
  await dialog
    .locator('.monaco-button')
    .filter({ hasText: new RegExp(`^${button}$`) })
    .first()
    .click();
  await dialog.waitFor({ state: 'detached', timeout: 10_000 });
}

async function emulatorCall(path: string, method: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${e2e().session.emulator.endpoint}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  assert.ok(response.ok, `${method} ${path}: ${response.status} ${text}`);
  return JSON.parse(text);
}

async function linkGroupIds(): Promise<string[]> {
  const state = (await emulatorCall('/__emulator/state', 'GET')) as {
    accounts: Array<{ securityGroups: Array<{ securityGroupId: string; name: string }> }>;
  };
  return state.accounts
    .flatMap((a) => a.securityGroups)
    .filter((g) => g.name === GROUP_NAME)
    .map((g) => g.securityGroupId);
}

/** Closes the plan documents the commands opened (untitled, so reverted rather than saved), leaving the editor area as it was. */
async function closePlanDocuments(page: Page): Promise<void> {
  const tabs = page.locator('.tabs-container .tab');
  for (let i = 0; i < 12 && (await tabs.count()) > 0; i++) {
    await tabs.first().click();
    // The editor takes the focus a moment after the click; the palette opened before would lose it.
    await tabs
      .first()
      .and(page.locator('.tab.active'))
      .waitFor({ timeout: 5_000 })
      .catch(() => undefined);
    await runCommand(page, 'View: Revert and Close Editor');
  }
  await runCommand(page, 'View: Close All Editor Groups');
}

describe('Remove Network Link… from the Network view', function () {
  // An apply and a removal, each planning first and waiting for MaxCompute: longer than the runner's default.
  this.timeout(300_000);

  it('applies the sample link in one run, then removes it in one run: confirmation with the list, the group deleted last', async () => {
    const page = await workbench();
    await openNetworkView(page);
    await expand(await row(page, /^mcvpc-app/));
    await expand(await row(page, /^Network links/));

    await fromContextMenuToModal(page, 'Apply…');
    await answerModal(page, 'Apply');
    await notification(page, `${LINK} is applied`).waitFor({ timeout: 90_000 });
    const [groupId] = await linkGroupIds();
    assert.ok(groupId, 'apply created the link group');
    const created = (await emulatorCall('/__emulator/state', 'GET')) as {
      accounts: Array<{ networkLinks: Array<{ name: string; status: string; securityGroupId: string }> }>;
    };
    assert.deepEqual(
      created.accounts
        .flatMap((a) => a.networkLinks)
        .filter((l) => l.name === LINK)
        .map((l) => [l.status, l.securityGroupId]),
      [['SUCCESS', groupId]],
      'the link, created through the API',
    );

    await fromContextMenuToModal(page, 'Remove Network Link…');
    await answerModal(page, 'Remove', async (dialog) => {
      const text = await dialog.innerText();
      assert.match(text, new RegExp(`Remove network link ${LINK}\\?`));
      assert.match(text, /- RDS rm-\S+ \("orders-mysql"\): remove 192\.168\.1\.0\/24 from whitelist group maxcompute/);
      assert.match(
        text,
        /- security group sg-\S+ \("etl-hadoop"\): remove the rules for sg-\S+ \(maxcompute-warehouse\) on TCP 9083, 8020, 50010/,
      );
      assert.match(text, new RegExp(`- Remove network link "${LINK}" \\(SUCCESS\\)`));
      assert.match(text, new RegExp(`- Delete security group ${groupId} \\(${GROUP_NAME}\\)`));
      assert.match(text, /Nothing else is touched\./);
      await page.screenshot({ path: join(E2E_RESULTS, 'remove-link-confirmation.png') });
    });
    await notification(page, `${LINK} is removed`).waitFor({ timeout: 90_000 });
    assert.deepEqual(await linkGroupIds(), [], 'the link group is deleted');
    const removed = (await emulatorCall('/__emulator/state', 'GET')) as { accounts: Array<{ networkLinks: Array<{ name: string }> }> };
    assert.equal(
      removed.accounts.flatMap((a) => a.networkLinks).some((l) => l.name === LINK),
      false,
      'the link is gone',
    );
    await closePlanDocuments(page);
  });
});
