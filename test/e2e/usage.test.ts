import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { E2E_RESULTS } from '../harness/e2eRunner';
import { workbench } from './workbench';

describe('using a link from code', () => {
  it('marks the legacy key in the demo spark-defaults.conf and offers "Migrate to ENI" in its quick-fix menu', async () => {
    const page = await workbench();
    // Room for the file: an earlier test may have widened the side bar; hide it as a person would (Ctrl+B).
    if (await page.locator('.part.sidebar').isVisible()) await page.keyboard.press('Control+B');
    await page.locator('.part.sidebar').waitFor({ state: 'hidden', timeout: 10_000 });
    // Open the file as a person does: Quick Open, its name, Enter.
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input[type="text"]');
    await input.waitFor({ timeout: 10_000 });
    await input.fill('jobs/spark-defaults.conf');
    await page
      .locator('.quick-input-list .monaco-list-row.focused')
      .filter({ hasText: 'spark-defaults.conf' })
      .waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');
    const editor = page.locator('.editor-instance .monaco-editor').first();
    await editor.waitFor({ timeout: 30_000 });
    // The grammar colours the keys (a token class other than the default on the key's text).
    await editor.locator('.view-line span', { hasText: 'spark.hadoop.odps.cupid.smartnat.enable' }).first().waitFor({ timeout: 30_000 });
    // The check runs once the spec's links are read: wait for the warning's squiggle.
    await editor.locator('.squiggly-warning').first().waitFor({ timeout: 30_000 });
    // Put the cursor on the legacy key (line 7) and ask for quick fixes: Ctrl+G 7, Ctrl+.
    await page.keyboard.press('Control+G');
    await input.waitFor({ timeout: 10_000 });
    await input.fill(':7:10');
    await page.keyboard.press('Enter');
    const migrate = page
      .locator('.action-widget .action-list-item, .action-widget .monaco-list-row')
      .filter({ hasText: 'Migrate to ENI (cn-hangzhou:vpc-bp1w4g8ykeud64dultaii)' });
    // Ask as a person does, again if the first Ctrl+. came before the fixes were computed.
    for (let attempt = 1; ; attempt++) {
      await page.keyboard.press('Control+.');
      const shown = await migrate
        .first()
        .waitFor({ timeout: 5_000 })
        .then(
          () => true,
          () => false,
        );
      if (shown) break;
      if (attempt === 4) throw new Error('the quick-fix menu never offered "Migrate to ENI"');
      await page.keyboard.press('Escape');
      await page.waitForTimeout(1_000);
    }
    assert.ok(await migrate.first().isVisible());
    await page.screenshot({ path: join(E2E_RESULTS, 'usage-quick-fix.png'), animations: 'disabled' });
  });
});
