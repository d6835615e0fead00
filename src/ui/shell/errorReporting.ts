/**
 * Failures shown to a person in VS Code: the words come from the one pure describeError
 * (src/cloud/describeError.ts, shared with the tree, the CLI and the tests); this adds the
 * notification with a "Show Log" button, and the full error goes to the log.
 */
import * as vscode from 'vscode';
import { CloudError } from '../../cloud/errors';
import { describeError, formatDescribedError } from '../../cloud/describeError';

export { describeError, formatDescribedError, type DescribedError } from '../../cloud/describeError';

/** Logs the failure and shows it with a "Show Log" button; does not wait for the person to answer. */
export function reportError(what: string, error: unknown, log: vscode.LogOutputChannel): void {
  const text = formatDescribedError(describeError(error));
  log.error(`${what} failed: ${text}`);
  if (error instanceof Error && error.stack !== undefined && !(error instanceof CloudError)) log.debug(error.stack);
  const showLog = 'Show Log';
  void vscode.window.showErrorMessage(`${what} failed: ${text}`, showLog).then((choice) => {
    if (choice === showLog) log.show(true);
  });
}
