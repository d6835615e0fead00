/**
 * Authentication as the gateway does it: find the AccessKey, check the clock, re-compute the
 * signature (ACS3 or V1), refuse a reused nonce and check an STS key's security token.
 * Error messages never contain a secret or a token; the ACS3 string-to-sign (a hash) is echoed
 * like Alibaba does, the V1 one only with the token blanked.
 */
import { CLOCK_SKEW_MS, NONCE_MEMORY_LIMIT, NONCE_TTL_MS } from './constants';
import { ApiError, missingParameter } from './errors';
import {
  acs3CanonicalRequest,
  acs3Signature,
  acs3StringToSign,
  parseAcs3Authorization,
  sameSignature,
  sha256Hex,
  v1Signature,
  v1StringToSign,
} from './signature';
import type { AccountState, TemporaryCredential } from './state';

/** An API request as received, before routing. */
export interface ReceivedRequest {
  method: string;
  pathname: string;
  /** Decoded query pairs in wire order. */
  queryPairs: Array<[string, string]>;
  /** Query as a map (last value wins). */
  query: Record<string, string>;
  /** Flattened form (or JSON) body parameters. */
  bodyParams: Record<string, string>;
  body: Buffer;
  headers: Record<string, string | string[] | undefined>;
}

/** Who signed a request. */
export interface Caller {
  account: AccountState;
  accessKeyId: string;
  /** Set when the caller used an account's temporary (STS) credential. */
  temporary?: TemporaryCredential;
  signatureStyle: 'ACS3' | 'V1';
}

interface KeyEntry {
  account: AccountState;
  secret: string;
  temporary?: TemporaryCredential;
}

function header(req: ReceivedRequest, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

/** `YYYY-MM-DDTHH:mm:ssZ` → epoch ms; InvalidTimeStamp.Format when it is not a timestamp. */
function parseTimestamp(text: string): number {
  const ms = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(text) ? Date.parse(text) : NaN;
  if (Number.isNaN(ms)) {
    throw new ApiError(
      'InvalidTimeStamp.Format',
      `Specified time stamp or date value "${text}" is not well formatted (expected YYYY-MM-DDThh:mm:ssZ).`,
    );
  }
  return ms;
}

/** Remembers used nonces for NONCE_TTL_MS with a hard size bound (oldest forgotten first). */
export class NonceMemory {
  private readonly seen = new Map<string, number>();

  /** False when the nonce was already used within the window. */
  use(key: string, now: number): boolean {
    this.expire(now);
    if (this.seen.has(key)) return false;
    this.seen.set(key, now);
    while (this.seen.size > NONCE_MEMORY_LIMIT) {
      const oldest = this.seen.keys().next().value as string;
      this.seen.delete(oldest);
    }
    return true;
  }

  private expire(now: number): void {
    // Insertion order is time order, so expired entries are all at the front.
    for (const [key, at] of this.seen) {
      if (now - at <= NONCE_TTL_MS) break;
      this.seen.delete(key);
    }
  }
}

/** Verifies requests against the accounts of one emulator. */
export class Authenticator {
  private readonly nonces = new NonceMemory();

  constructor(private readonly accounts: () => readonly AccountState[]) {}

  /** The caller, or an ApiError saying why the request is refused. */
  authenticate(req: ReceivedRequest, now: number): Caller {
    const authorization = header(req, 'authorization');
    if (authorization !== undefined) return this.acs3(req, authorization, now);
    if (req.query.Signature !== undefined || req.query.AccessKeyId !== undefined) return this.v1(req, now);
    throw new ApiError(
      'IncompleteSignature',
      'The request signature does not conform to Aliyun standards: there is neither an Authorization header nor a Signature parameter.',
    );
  }

  private findKey(accessKeyId: string): KeyEntry {
    for (const account of this.accounts()) {
      if (account.accessKeyId === accessKeyId) return { account, secret: account.accessKeySecret };
      const temporary = account.temporaryCredentials.find((c) => c.accessKeyId === accessKeyId);
      if (temporary) return { account, secret: temporary.accessKeySecret, temporary };
    }
    throw new ApiError('InvalidAccessKeyId.NotFound', 'Specified access key is not found.');
  }

  private checkClock(timestamp: number, now: number): void {
    if (Math.abs(now - timestamp) > CLOCK_SKEW_MS) {
      throw new ApiError('InvalidTimeStamp.Expired', 'Specified time stamp or date value is expired.');
    }
  }

  private checkToken(entry: KeyEntry, token: string | undefined): void {
    if (entry.temporary === undefined) return; // a permanent key ignores a token, as the gateway does
    if (token === undefined || token === '') {
      throw new ApiError('InvalidSecurityToken.MismatchWithAccessKey', 'This AccessKey is temporary (STS) and needs its security token.');
    }
    if (!sameSignature(token, entry.temporary.securityToken)) {
      throw new ApiError('InvalidSecurityToken.MismatchWithAccessKey', 'The security token does not match the AccessKey.');
    }
  }

  private useNonce(accessKeyId: string, nonce: string, now: number): void {
    if (!this.nonces.use(`${accessKeyId}\n${nonce}`, now)) {
      throw new ApiError('SignatureNonceUsed', 'Specified signature nonce was used already.');
    }
  }

  private acs3(req: ReceivedRequest, authorization: string, now: number): Caller {
    const parsed = parseAcs3Authorization(authorization);
    if (!parsed) {
      throw new ApiError(
        'IncompleteSignature',
        'The request signature does not conform to Aliyun standards: the Authorization header is not "ACS3-HMAC-SHA256 Credential=…,SignedHeaders=…,Signature=…".',
      );
    }
    const entry = this.findKey(parsed.accessKeyId);
    const date = header(req, 'x-acs-date');
    if (date === undefined) throw missingParameter('x-acs-date');
    const nonce = header(req, 'x-acs-signature-nonce');
    if (nonce === undefined || nonce === '') throw missingParameter('x-acs-signature-nonce');
    this.checkClock(parseTimestamp(date), now);

    // Every header the canonical form covers must be signed, or it could be altered freely.
    const signed = new Set(parsed.signedHeaders.map((h) => h.toLowerCase()));
    const mustSign = Object.keys(req.headers).filter((h) => h === 'host' || h === 'content-type' || h.startsWith('x-acs-'));
    const unsigned = mustSign.filter((h) => !signed.has(h));
    if (unsigned.length > 0) {
      throw new ApiError(
        'IncompleteSignature',
        `The request signature does not conform to Aliyun standards: header(s) ${unsigned.join(', ')} must be listed in SignedHeaders.`,
      );
    }
    const payloadHash = header(req, 'x-acs-content-sha256') ?? sha256Hex('');
    const bodyHash = sha256Hex(req.body);
    const canonical = acs3CanonicalRequest({
      method: req.method,
      pathname: req.pathname,
      query: req.queryPairs,
      headers: req.headers,
      signedHeaders: [...signed],
      payloadHash,
    });
    const stringToSign = acs3StringToSign(canonical);
    if (payloadHash !== bodyHash || !sameSignature(acs3Signature(stringToSign, entry.secret), parsed.signature)) {
      throw new ApiError(
        'SignatureDoesNotMatch',
        `Specified signature is not matched with our calculation. server string to sign is:${stringToSign}`,
      );
    }
    this.checkToken(entry, header(req, 'x-acs-security-token'));
    this.useNonce(parsed.accessKeyId, nonce, now);
    return { account: entry.account, accessKeyId: parsed.accessKeyId, temporary: entry.temporary, signatureStyle: 'ACS3' };
  }

  private v1(req: ReceivedRequest, now: number): Caller {
    const accessKeyId = req.query.AccessKeyId;
    if (accessKeyId === undefined || accessKeyId === '') throw missingParameter('AccessKeyId');
    const signature = req.query.Signature;
    if (signature === undefined || signature === '') throw missingParameter('Signature');
    const entry = this.findKey(accessKeyId);
    const timestamp = req.query.Timestamp;
    if (timestamp === undefined) throw missingParameter('Timestamp');
    const nonce = req.query.SignatureNonce;
    if (nonce === undefined || nonce === '') throw missingParameter('SignatureNonce');
    this.checkClock(parseTimestamp(timestamp), now);
    if (req.query.SignatureMethod !== 'HMAC-SHA1') {
      throw new ApiError(
        'IncompleteSignature',
        `The request signature does not conform to Aliyun standards: SignatureMethod "${req.query.SignatureMethod ?? ''}" is not HMAC-SHA1.`,
      );
    }
    const signedParams = { ...req.query, ...req.bodyParams };
    const stringToSign = v1StringToSign(req.method, signedParams);
    if (!sameSignature(v1Signature(stringToSign, entry.secret), signature)) {
      // The V1 string to sign contains the SecurityToken in clear; blank it before echoing.
      const token = req.query.SecurityToken;
      const shown = token ? v1StringToSign(req.method, { ...signedParams, SecurityToken: '***' }) : stringToSign;
      throw new ApiError(
        'SignatureDoesNotMatch',
        `Specified signature is not matched with our calculation. server string to sign is:${shown}`,
      );
    }
    this.checkToken(entry, req.query.SecurityToken);
    this.useNonce(accessKeyId, nonce, now);
    return { account: entry.account, accessKeyId, temporary: entry.temporary, signatureStyle: 'V1' };
  }
}
