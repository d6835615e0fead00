/** mcvpc.switchAccount: what a click on the status bar item offers: switch profile, switch region, or show the account. */
import * as vscode from 'vscode';
import { CommandId } from '../model/ids';
import type { CommandDeps, CommandHandler } from '../commandDeps';

/** The switch-account command's handler. */
export function switchAccountCommand(deps: CommandDeps): CommandHandler {
  return async () => {
    const settings = deps.session.settings();
    const choices = [
      {
        label: '$(account) Switch profile…',
        description: settings.profile ?? 'the aliyun CLI current profile',
        command: CommandId.switchProfile,
      },
      { label: '$(globe) Switch region…', description: settings.regions.join(', ') || 'none', command: CommandId.switchRegion },
      { label: '$(info) Show account', description: 'STS GetCallerIdentity', command: CommandId.showAccount },
    ];
    const pick = await vscode.window.showQuickPick(choices, { title: 'MaxCompute VPC' });
    if (pick !== undefined) await vscode.commands.executeCommand(pick.command);
  };
}
