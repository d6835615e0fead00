/**
 * CloudError and the one place that classifies what the OpenAPI client throws.
 *
 * How @alicloud/openapi-client 0.4.15 (tea-typescript 1.8 over httpx) reports failures, as
 * probed against a local server and checked live against the emulator's faults in
 * test/unit/cloud.resilience.test.ts and cloud.errors.test.ts:
 * - HTTP 4xx/5xx with a JSON body: an Error with `code` = body.Code, numeric `statusCode`,
 *   `data` = {...body, statusCode}, message "<Code>: code: <status>, <Message> request id: <id>".
 * - Connection dropped before or during the response: `code` 'ECONNRESET' ("socket hang up" or
 *   "aborted"), no statusCode; tea glues "<METHOD> <url> failed." to the cause with no space.
 * - Read/connect timeout (runtime readTimeout/connectTimeout): `name` 'RequestTimeoutError'. httpx
 *   passes connectTimeout to Node as the socket's idle timeout, so an idle wait for the answer
 *   past it is reported "ConnectTimeout" (caller.ts keeps it above the read timeout).
 * - A non-JSON error body (e.g. a proxy's HTML 502): a SyntaxError from JSON.parse, status lost.
 * - No credentials: code 'InvalidCredentials', no statusCode.
 */

import type { Redactor } from './redact';

/**
 * What kind of failure a CloudError is; describeError picks its wording and fix by this, and
 * code that acts on "not found" asks `isNotFoundError`, never a code's spelling.
 * - credentials: no usable credentials, or the server does not know the key or token
 * - signature: the server computed another signature (wrong secret, clock skew, nonce reuse)
 * - permission: the key is valid but not allowed this action (RAM)
 * - throttled: flow control; already retried for the call's budget
 * - not-found: the resource named does not exist (in this account and region)
 * - api: any other answer of the API (a bad parameter, a state conflict, a 5xx)
 * - network, timeout, invalid-response: the transport; cancelled: the caller's AbortSignal;
 *   client: a failure inside the SDK before anything was sent
 */
export type CloudErrorKind =
  | 'credentials'
  | 'signature'
  | 'permission'
  | 'throttled'
  | 'not-found'
  | 'api'
  | 'network'
  | 'timeout'
  | 'invalid-response'
  | 'cancelled'
  | 'client';

/** Fields of a CloudError besides its message. */
export interface CloudErrorFields {
  kind: CloudErrorKind;
  product: string;
  action: string;
  code: string;
  /** The server's (or transport's) own words, already redacted. */
  detail: string;
  requestId?: string;
  /** HTTP status, when a response arrived. */
  status?: number;
  retryable: boolean;
  /** The troubleshooting link Alibaba Cloud returns with API errors. */
  recommend?: string;
  /** How many attempts were made before giving up (1 = no retry). */
  attempts?: number;
}

/** Any failure of a cloud call. Carries no secret: every text in it has been redacted. */
export class CloudError extends Error implements CloudErrorFields {
  override readonly name = 'CloudError';
  readonly kind: CloudErrorKind;
  readonly product: string;
  readonly action: string;
  readonly code: string;
  readonly detail: string;
  readonly requestId?: string;
  readonly status?: number;
  readonly retryable: boolean;
  readonly recommend?: string;
  attempts?: number;

  constructor(fields: CloudErrorFields, message = `${fields.product} ${fields.action} failed: ${fields.code}: ${fields.detail}`) {
    super(message);
    this.kind = fields.kind;
    this.product = fields.product;
    this.action = fields.action;
    this.code = fields.code;
    this.detail = fields.detail;
    this.requestId = fields.requestId;
    this.status = fields.status;
    this.retryable = fields.retryable;
    this.recommend = fields.recommend;
    this.attempts = fields.attempts;
  }
}

/** True when the error is a cancellation (the caller's AbortSignal fired). */
export function isCancellation(err: unknown): boolean {
  return err instanceof CloudError && err.kind === 'cancelled';
}

/** True when the API said the resource named does not exist, whatever its code's spelling. */
export function isNotFoundError(err: unknown): boolean {
  return err instanceof CloudError && err.kind === 'not-found';
}

/** Codes of "the key or token is unknown or unusable": the credentials, not the request, are wrong. */
const CREDENTIAL_CODES =
  /^(InvalidAccessKeyId(\..+)?|InvalidSecurityToken(\..+)?|InvalidAccessKeySecret|InvalidCredentials|InvalidBearerToken(\..+)?)$/;
/** Codes of a signature the server computed differently (secret, clock, nonce). */
const SIGNATURE_CODES = /^(SignatureDoesNotMatch|IncompleteSignature|InvalidSignature.*|SignatureNonceUsed|InvalidTimeStamp(\..+)?)$/;
/** Codes of a valid key not allowed the action (Alibaba spells Forbidden wrong in places). */
const PERMISSION_CODES = /^(Forbidden|Forbbiden|NoPermission|NotAuthorized|AccessDenied)(\..+)?$|NoPermission|\.Forbidden$|^Forbidden/;
/** A resource that is not there. `InvalidAction.NotFound` is about the request itself, so it is not one. */
const NOT_FOUND_CODES = /(^|\.)NotFound$|NotExist/;

/** The kind of an API error answer, from its code first and its HTTP status second. */
export function apiErrorKind(code: string, status: number): CloudErrorKind {
  if (CREDENTIAL_CODES.test(code)) return 'credentials';
  if (SIGNATURE_CODES.test(code)) return 'signature';
  if (PERMISSION_CODES.test(code)) return 'permission';
  if (code.startsWith('Throttling') && code !== 'Throttling.DeepPageSkip') return 'throttled';
  if (code === 'InvalidAction.NotFound' || code === 'InvalidApi.NotFound') return 'api';
  if (NOT_FOUND_CODES.test(code) || status === 404) return 'not-found';
  if (status === 403) return 'permission';
  return 'api';
}

/** The transport's words without tea's "<METHOD> <url> failed." glued on: "socket hang up (POST http://host/)". */
export function transportDetail(message: string): string {
  const m = /^(.*?)\.?\s*(GET|POST|PUT|DELETE|HEAD) (\S+?)(\?\S*)? failed\.$/s.exec(message);
  if (m === null) return message;
  const cause = m[1]!.trim();
  return cause === '' ? `${m[2]} ${m[3]} failed` : `${cause} (${m[2]} ${m[3]})`;
}

/** A timeout in words: which wait ran out (httpx's label) and for how long. */
function timeoutDetail(message: string): string {
  const read = /ReadTimeout[(: ]+(\d+)/.exec(message);
  if (read !== null) return `No answer within ${read[1]} ms (read timeout).`;
  if (/ConnectTimeout/.test(message)) return 'No connection within the connect timeout.';
  return transportDetail(message);
}

/** Error codes of the API that mean "try again later". */
export function isRetryableApiError(code: string, status: number): boolean {
  // Throttling.DeepPageSkip is about the request's shape (paging too deep), not load: retrying
  // the same request cannot help, so it is the one Throttling* code that is not retried.
  if (code === 'Throttling.DeepPageSkip') return false;
  if (code.startsWith('Throttling') || code === 'ServiceUnavailable') return true;
  return status >= 500;
}

/** Transport error codes (Node errno) after which the same request may succeed. */
const RETRYABLE_NETWORK_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'ETIMEDOUT', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);
/** Transport error codes that will not heal within a backoff window (wrong host or port). */
const FATAL_NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
]);

interface ThrownShape {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  statusCode?: unknown;
  data?: unknown;
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function stringField(record: Record<string, unknown>, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const v = record[key];
    if (typeof v === 'string' && v !== '') return v;
  }
  return undefined;
}

/** Turns whatever the client threw into a CloudError; the only place that knows its shapes. */
export function toCloudError(thrown: unknown, product: string, action: string, redactor: Redactor): CloudError {
  if (thrown instanceof CloudError) return thrown;
  const err = asRecord(thrown) as ThrownShape;
  const rawMessage = typeof err.message === 'string' ? err.message : String(thrown);
  const data = asRecord(err.data);
  const status = typeof err.statusCode === 'number' ? err.statusCode : typeof data.statusCode === 'number' ? data.statusCode : undefined;
  // tea builds `code` with a template string, so a body without Code yields the text "undefined".
  const code = typeof err.code === 'string' && err.code !== '' && err.code !== 'undefined' ? err.code : undefined;

  if (status !== undefined) {
    // MaxCompute's ROA answers carry errorCode/errorMsg (PopResult) instead of Code/Message.
    const apiCode = code ?? stringField(data, 'Code', 'code', 'errorCode') ?? `Http${status}`;
    const detail = stringField(data, 'Message', 'message', 'errorMsg') ?? rawMessage;
    const requestId = stringField(data, 'RequestId', 'requestId');
    const recommend = stringField(data, 'Recommend');
    // Every text of the answer is the server's (or a gateway's) and may echo what was sent: all redacted.
    return new CloudError({
      kind: apiErrorKind(apiCode, status),
      product,
      action,
      code: redactor.redact(apiCode),
      detail: redactor.redact(detail),
      requestId: requestId === undefined ? undefined : redactor.redact(requestId),
      status,
      retryable: isRetryableApiError(apiCode, status),
      recommend: recommend === undefined ? undefined : redactor.redact(recommend),
    });
  }
  if (err.name === 'RequestTimeoutError') {
    return new CloudError({
      kind: 'timeout',
      product,
      action,
      code: 'RequestTimeout',
      detail: redactor.redact(timeoutDetail(rawMessage)),
      retryable: true,
    });
  }
  if (code !== undefined && (RETRYABLE_NETWORK_CODES.has(code) || FATAL_NETWORK_CODES.has(code))) {
    return new CloudError({
      kind: 'network',
      product,
      action,
      code,
      detail: redactor.redact(transportDetail(rawMessage)),
      retryable: RETRYABLE_NETWORK_CODES.has(code),
    });
  }
  if (err.name === 'SyntaxError') {
    // The body was not JSON: a gateway's HTML error page or a body cut short. Transient in practice.
    return new CloudError({
      kind: 'invalid-response',
      product,
      action,
      code: 'InvalidResponse',
      detail: redactor.redact(rawMessage),
      retryable: true,
    });
  }
  if (code === 'InvalidCredentials') {
    return new CloudError({ kind: 'credentials', product, action, code, detail: redactor.redact(rawMessage), retryable: false });
  }
  return new CloudError({
    kind: 'client',
    product,
    action,
    code: code ?? 'ClientError',
    detail: redactor.redact(transportDetail(rawMessage)),
    retryable: false,
  });
}

/** Why no credentials could be used; thrown by credentials.ts and aliyunConfig.ts before any call. */
export type CredentialsProblem = 'NoCredentials' | 'ProfileNotFound' | 'InvalidProfile' | 'InvalidConfig' | 'IncompleteEnvironment';

/** The error credentials.ts throws: kind 'credentials', its problem as the code, the message as written. */
export function credentialsError(code: CredentialsProblem, message: string): CloudError {
  return new CloudError(
    { kind: 'credentials', product: 'Credentials', action: 'Resolve', code, detail: message, retryable: false },
    message,
  );
}

/** True when no credentials exist anywhere (the first-run case the UI welcomes with a sign-in). */
export function isNoCredentialsError(err: unknown): boolean {
  return err instanceof CloudError && err.kind === 'credentials' && err.code === 'NoCredentials';
}

/** The error an aborted call rejects with. */
export function cancelledError(product: string, action: string): CloudError {
  return new CloudError({ kind: 'cancelled', product, action, code: 'Cancelled', detail: 'The call was cancelled.', retryable: false });
}

/** The error a call rejects with when its own deadline passes before the client gives up. */
export function deadlineError(product: string, action: string, timeoutMs: number): CloudError {
  return new CloudError({
    kind: 'timeout',
    product,
    action,
    code: 'RequestTimeout',
    detail: `No response within ${timeoutMs} ms.`,
    retryable: true,
  });
}
