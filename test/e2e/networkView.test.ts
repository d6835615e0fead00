import { strict as assert } from 'node:assert';
import { createCloud } from '../../src/cloud';
import { activityBarItem, e2e, networkTreeRows, workbench } from './workbench';

describe('the Network view', () => {
  it('opens from the activity bar and shows the region with its VPCs', async () => {
    const { session } = e2e();
    // What the emulator holds for the profile file's current account, read through the real client.
    const [account] = session.emulator.accounts;
    const cloud = await createCloud({
      endpoint: session.emulator.endpoint,
      env: { ALIBABA_CLOUD_ACCESS_KEY_ID: account!.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: account!.accessKeySecret },
      regionId: 'cn-hangzhou',
    });
    const vpcs = await cloud.fetchAll(cloud.lists.vpcs());
    assert.ok(vpcs.length > 0, 'the default seed has VPCs in cn-hangzhou');

    const page = await workbench();
    // Start from the file Explorer, as after opening a folder, so the click below is what shows the view.
    await page.keyboard.press('Control+Shift+E');
    const container = page.locator('[id="workbench.view.extension.mcvpc"]');
    await container.waitFor({ state: 'hidden', timeout: 10_000 });
    await activityBarItem(page).click();
    await container.waitFor({ timeout: 10_000 });
    const rows = networkTreeRows(page);
    await rows.filter({ hasText: 'cn-hangzhou' }).first().waitFor({ timeout: 30_000 });
    for (const vpc of vpcs.slice(0, 5)) {
      const row = rows.filter({ hasText: vpc.name || vpc.vpcId });
      await row.first().waitFor({ timeout: 30_000 });
      const text = await row.first().innerText();
      assert.ok(text.includes(vpc.cidrBlock), `row of ${vpc.vpcId} shows "${text}", without its CIDR ${vpc.cidrBlock}`);
    }
  });
});
