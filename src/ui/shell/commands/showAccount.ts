/**
 * mcvpc.showAccount: who the extension acts as (STS GetCallerIdentity) and with which profile
 * and region, the first thing to check when a listing looks wrong. Resolves to the identity.
 */
import * as vscode from 'vscode';
import type { CallerIdentity } from '../session';
import type { CommandDeps, CommandHandler } from '../commandDeps';

/** The show-account command's handler. */
export function showAccountCommand(deps: CommandDeps): CommandHandler {
  return async (): Promise<CallerIdentity> => {
    const identity = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: 'MaxCompute VPC: asking STS who you are' },
      () => deps.session.callerIdentity(),
    );
    deps.log.info(
      `caller identity: account ${identity.accountId}, ${identity.arn ?? 'no ARN'}, profile ${identity.profile}, region ${identity.regionId}, RequestId ${identity.requestId}`,
    );
    const copy = 'Copy Account ID';
    // Not awaited: the command resolves with the identity while the notification stays up.
    void vscode.window
      .showInformationMessage(
        `Account ${identity.accountId} (${identity.arn ?? identity.userId ?? 'unknown principal'}) — profile "${identity.profile}", region ${identity.regionId}`,
        copy,
      )
      .then((choice) => (choice === copy ? vscode.env.clipboard.writeText(identity.accountId) : undefined));
    return identity;
  };
}
