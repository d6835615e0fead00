/**
 * The one place a failure becomes words for a person: a CloudError's code and RequestId (what
 * support asks for), the fix where one is known, and a "Show Log" button; the full error goes
 * to the log. Commands report through here; the tree shows the same words in error nodes.
 */
import * as vscode from 'vscode';
import { CloudError } from '../cloud/errors';

/** A failure as shown: one line, plus details for a tooltip or the log. */
export interface DescribedError {
  message: string;
  code?: string;
  requestId?: string;
  /** What to do about it, when known. */
  hint?: string;
}

/** Describes any thrown value; CloudErrors keep their code and RequestId. */
export function describeError(error: unknown): DescribedError {
  if (error instanceof CloudError) {
    return { message: `${error.product} ${error.action}: ${error.detail}`, code: error.code, requestId: error.requestId, hint: hintFor(error) };
  }
  return { message: error instanceof Error ? error.message : String(error) };
}

/** One line with code and RequestId, for notifications and the log. */
export function formatDescribedError(described: DescribedError): string {
  const tags = [described.code, described.requestId !== undefined ? `RequestId ${described.requestId}` : undefined].filter((t) => t !== undefined);
  const suffix = tags.length > 0 ? ` (${tags.join(', ')})` : '';
  return `${described.message}${suffix}${described.hint !== undefined ? ` ${described.hint}` : ''}`;
}

function hintFor(error: CloudError): string | undefined {
  switch (error.kind) {
    case 'network':
      return 'Check the network, a proxy, or the mcvpc.endpoint setting.';
    case 'timeout':
      return 'The service did not answer in time; mcvpc.requestTimeoutMs sets how long to wait.';
    case 'credentials':
      return 'Check the aliyun CLI profile (mcvpc.profile) or run "aliyun configure".';
    default:
      break;
  }
  if (error.code.startsWith('InvalidAccessKeyId')) return 'The profile\'s AccessKey ID is unknown: check mcvpc.profile or ~/.aliyun/config.json.';
  if (error.code === 'SignatureDoesNotMatch') return 'The profile\'s AccessKey secret does not match its ID.';
  if (error.code.startsWith('Forbidden') || error.code.includes('NoPermission')) return 'The RAM user lacks a permission for this action.';
  return undefined;
}

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
