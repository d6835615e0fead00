/**
 * mcvpc.signIn: "Sign in with an AccessKey…" for people without an aliyun CLI profile. The pair
 * goes to SecretStorage (storedAccessKey.ts); the session uses it when no profile or environment
 * credentials exist. Offers to forget a stored key when one is there.
 */
import * as vscode from 'vscode';
import type { CommandDeps, CommandHandler } from '../commandDeps';

/** The sign-in command's handler; resolves to true when a key was stored. */
export function signInCommand(deps: CommandDeps): CommandHandler {
  return async (): Promise<boolean> => {
    const storedKey = deps.session.storedKey;
    if (storedKey === undefined) throw new Error('Secret storage is not available.');
    if ((await storedKey.read()) !== undefined) {
      const replace = 'Replace It';
      const forget = 'Forget It';
      const answer = await vscode.window.showInformationMessage(
        'An AccessKey is already stored for MaxCompute VPC Connect.',
        replace,
        forget,
      );
      if (answer === forget) {
        await storedKey.remove();
        deps.session.reset();
        deps.explorer.refresh();
        return false;
      }
      if (answer !== replace) return false;
    }
    const accessKeyId = await vscode.window.showInputBox({
      title: 'Sign in with an AccessKey (1/2)',
      prompt: 'AccessKey ID of a RAM user (an aliyun CLI profile is preferred when one exists)',
      ignoreFocusOut: true,
      validateInput: (v) => (/^[A-Za-z0-9.]{8,}$/.test(v.trim()) ? undefined : 'An AccessKey ID is letters and digits, e.g. LTAI5t…'),
    });
    if (accessKeyId === undefined) return false;
    const accessKeySecret = await vscode.window.showInputBox({
      title: 'Sign in with an AccessKey (2/2)',
      prompt: "AccessKey secret (kept in VS Code's secret storage, never in settings)",
      password: true,
      ignoreFocusOut: true,
      validateInput: (v) => (v.trim().length >= 8 ? undefined : 'The secret is too short.'),
    });
    if (accessKeySecret === undefined) return false;
    await storedKey.write({ accessKeyId: accessKeyId.trim(), accessKeySecret: accessKeySecret.trim() });
    deps.log.info(`An AccessKey (${accessKeyId.trim().slice(0, 6)}…) was stored in secret storage.`);
    deps.session.reset();
    deps.explorer.refresh();
    return true;
  };
}
