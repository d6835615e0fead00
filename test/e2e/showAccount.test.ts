import { e2e, notification, openNetworkView, runCommand, workbench } from './workbench';

describe('MaxCompute VPC: Show Account', () => {
  it('runs from the command palette and shows the account, profile and region', async () => {
    const [account] = e2e().session.emulator.accounts;
    const page = await workbench();
    await runCommand(page, 'MaxCompute VPC: Show Account');
    const toast = notification(page, `Account ${account!.accountId}`);
    await toast.waitFor({ timeout: 30_000 });
    await toast.filter({ hasText: `profile "${account!.name}", region cn-hangzhou` }).waitFor({ timeout: 5_000 });
  });

  it('shows the profile and region in the status bar', async () => {
    const [account] = e2e().session.emulator.accounts;
    const page = await workbench();
    // The item appears once the extension is active: open the view (which activates it) if no test has yet.
    await openNetworkView(page);
    await page
      .locator('.part.statusbar .statusbar-item')
      .filter({ hasText: `${account!.name} · cn-hangzhou` })
      .waitFor({ timeout: 30_000 });
  });
});
