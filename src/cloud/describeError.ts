/**
 * The one place a failure becomes words: for the tree's error nodes, the commands' notifications,
 * the status bar, the CLI's stderr and the tests. Pure (no vscode): a CloudError keeps its code
 * and RequestId (what support asks for) and gets the fix for its kind or code where one is known;
 * anything else keeps its message. Every text is escaped (no control or bidi character survives).
 */
import { escapeForMessage, escapeForMessageLines } from '../core/displayText';
import { networkLinkPermissionText } from '../core/networkLinkApi';
import { CloudError } from './errors';

/** A failure as shown: one line, plus the details for a tooltip or the log. */
export interface DescribedError {
  message: string;
  code?: string;
  requestId?: string;
  /** What to do about it, when known. */
  hint?: string;
}

/** Describes any thrown value; CloudErrors keep their code and RequestId and get a hint. */
export function describeError(error: unknown): DescribedError {
  if (error instanceof CloudError) {
    const message =
      error.kind === 'credentials' && error.product === 'Credentials' ? error.detail : `${error.product} ${error.action}: ${error.detail}`;
    // The code and RequestId are the server's words too: a proxy or a hostile endpoint can put ESC or bidi characters in them.
    return {
      message: escapeForMessageLines(message),
      code: escapeForMessage(error.code),
      requestId: error.requestId === undefined ? undefined : escapeForMessage(error.requestId),
      hint: hintFor(error),
    };
  }
  return { message: escapeForMessageLines(error instanceof Error ? error.message : String(error)) };
}

/** One line with code and RequestId, then the hint: for notifications, stderr and the log. */
export function formatDescribedError(described: DescribedError): string {
  const tags = [described.code, described.requestId !== undefined ? `RequestId ${described.requestId}` : undefined].filter(
    (t) => t !== undefined,
  );
  const suffix = tags.length > 0 ? ` (${tags.join(', ')})` : '';
  return `${described.message}${suffix}${described.hint !== undefined ? ` ${described.hint}` : ''}`;
}

/** Fixes by code where the code says more than its kind; checked before the kind's hint. */
const HINTS_BY_CODE: ReadonlyArray<readonly [RegExp, (e: CloudError) => string]> = [
  [
    /^InvalidAccessKeyId\.NotFound$/,
    () =>
      'The AccessKey ID is unknown to Alibaba Cloud: check the profile in use (mcvpc.profile or --profile) in ~/.aliyun/config.json, or ALIBABA_CLOUD_ACCESS_KEY_ID.',
  ],
  [/^InvalidAccessKeyId\.Inactive$/, () => 'The AccessKey is disabled: enable it or create another in the RAM console.'],
  [
    /^InvalidSecurityToken/,
    () => 'The STS token is missing, expired or belongs to another key: get a fresh token (or use a permanent AccessKey).',
  ],
  [/^InvalidTimeStamp/, () => "The request's time is too far from the server's: correct this machine's clock."],
  [/^SignatureNonceUsed$/, () => 'The request was replayed: run the command again.'],
  [/^ECONNREFUSED$/, () => 'Nothing listens at the endpoint: check mcvpc.endpoint or MCVPC_ENDPOINT, or that the emulator is running.'],
  [/^(ENOTFOUND|EAI_AGAIN)$/, () => "The endpoint's host name does not resolve: check the network and DNS, a proxy, or the region."],
  [
    /^(CERT_|DEPTH_ZERO|UNABLE_TO_VERIFY)/,
    () => "The endpoint's TLS certificate is not trusted: a proxy intercepting HTTPS needs its CA in NODE_EXTRA_CA_CERTS.",
  ],
  [
    /^NoCredentials$/,
    () =>
      'Run "aliyun configure", or set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET (in VS Code: "Sign in with an AccessKey…").',
  ],
  [
    /^ProfileNotFound$/,
    () => 'Choose an existing profile (mcvpc.profile or --profile), or create it with "aliyun configure --profile NAME".',
  ],
  [
    /^(InvalidProfile|InvalidConfig)$/,
    () => 'Fix ~/.aliyun/config.json as the message says, or recreate the profile with "aliyun configure".',
  ],
  [/^IncompleteEnvironment$/, () => 'Set both ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, or neither.'],
];

/** What to do about a failure of this kind, when the kind alone says it. */
function hintByKind(error: CloudError): string | undefined {
  switch (error.kind) {
    case 'credentials':
      return 'Check the credentials: the aliyun CLI profile in use (mcvpc.profile or --profile; "aliyun configure"), or ALIBABA_CLOUD_ACCESS_KEY_ID/_SECRET.';
    case 'signature':
      return 'The AccessKey secret does not match its ID: check the secret in the profile (a truncated paste is the usual cause).';
    case 'permission':
      // MaxCompute's RAM actions are odps:*, and a tenant role is needed besides.
      if (error.product === 'MaxCompute') return networkLinkPermissionText(error.action);
      return `The RAM user or role lacks a permission: grant it ${error.product.toLowerCase()}:${error.action} in a RAM policy.`;
    case 'throttled':
      return "Alibaba Cloud is limiting this account's request rate and the retries ran out: wait a minute and run it again.";
    case 'not-found':
      return 'It does not exist in this account and region: check the id, the region and the profile.';
    case 'network':
      return 'Check the network, a proxy, or the endpoint (mcvpc.endpoint, MCVPC_ENDPOINT); the request was retried.';
    case 'timeout':
      return 'The service did not answer in time: check the network, or wait longer (mcvpc.requestTimeoutMs).';
    case 'invalid-response':
      return "The answer was not Alibaba Cloud's JSON: a proxy or gateway may be in the way.";
    case 'api':
    case 'cancelled':
    case 'client':
      return undefined;
  }
}

/** The fix for a CloudError, when one is known. */
export function hintFor(error: CloudError): string | undefined {
  const byCode = HINTS_BY_CODE.find(([pattern]) => pattern.test(error.code));
  return byCode !== undefined ? byCode[1](error) : hintByKind(error);
}
