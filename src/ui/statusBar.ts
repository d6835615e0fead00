/** The status bar item: which profile and region the extension acts with; a click switches either. */
import * as vscode from 'vscode';
import { describeError, formatDescribedError } from './errorReporting';
import { CommandId } from './ids';
import type { CloudSession } from './session';

/** Creates the item and keeps it in step with the session. */
export function createStatusBar(session: CloudSession): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('mcvpc.status', vscode.StatusBarAlignment.Left, 10);
  item.name = 'MaxCompute VPC profile';
  // A click offers: switch profile, switch region, show the account.
  item.command = CommandId.switchAccount;
  const update = async (): Promise<void> => {
    item.text = '$(loading~spin) MaxCompute VPC';
    item.show();
    try {
      const cloud = await session.open();
      const regions = session.settings().regions;
      const extra = regions.length > 1 ? ` +${regions.length - 1}` : '';
      item.text = `$(cloud) ${cloud.accountProfile} · ${regions[0] ?? cloud.regionId}${extra}`;
      item.tooltip = `MaxCompute VPC: profile "${cloud.accountProfile}" (${cloud.credentialInfo.source}); regions ${regions.join(', ') || 'none'}. Click to switch profile or region.`;
      item.backgroundColor = undefined;
    } catch (error) {
      item.text = '$(warning) MaxCompute VPC: no credentials';
      item.tooltip = formatDescribedError(describeError(error));
      item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    }
  };
  void update();
  const listener = session.onDidChange(() => void update());
  return vscode.Disposable.from(item, listener);
}
