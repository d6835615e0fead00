/**
 * Server-side re-computation of the two signatures `@alicloud/openapi-client` 0.4.x produces:
 * ACS3-HMAC-SHA256 (reference §7.3) and the legacy V1 HMAC-SHA1 (§7.4). Pure functions over the
 * request as received; the caller compares the results in constant time.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** RFC 3986 encoding exactly as `OpenApiUtil`'s `encode`: encodeURIComponent plus `!'()*`. */
export function percentEncode(text: string): string {
  return encodeURIComponent(text)
    .replace(/!/g, '%21')
    .replace(/'/g, '%27')
    .replace(/\(/g, '%28')
    .replace(/\)/g, '%29')
    .replace(/\*/g, '%2A');
}

/** Lowercase hex SHA-256, the `x-acs-content-sha256` of a body. */
export function sha256Hex(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The parsed `Authorization: ACS3-HMAC-SHA256 Credential=…,SignedHeaders=…,Signature=…` header. */
export interface Acs3Authorization {
  accessKeyId: string;
  signedHeaders: string[];
  signature: string;
}

/** Parses the ACS3 Authorization header; undefined when it is not well formed. */
export function parseAcs3Authorization(header: string): Acs3Authorization | undefined {
  const m = /^ACS3-HMAC-SHA256\s+(.*)$/.exec(header.trim());
  if (!m) return undefined;
  const fields = new Map<string, string>();
  for (const part of m[1]!.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) return undefined;
    fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const accessKeyId = fields.get('Credential');
  const signedHeaders = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  if (!accessKeyId || !signedHeaders || !signature) return undefined;
  return { accessKeyId, signedHeaders: signedHeaders.split(';'), signature };
}

/** What the ACS3 canonical request is built from. */
export interface Acs3Input {
  method: string;
  pathname: string;
  /** Decoded query pairs (the form body is not part of it: it enters through the payload hash). */
  query: ReadonlyArray<readonly [string, string]>;
  /** Request headers with lowercase names (Node's `req.headers`). */
  headers: Readonly<Record<string, string | string[] | undefined>>;
  signedHeaders: readonly string[];
  payloadHash: string;
}

/** The canonical request of §7.3, built from the headers the client said it signed. */
export function acs3CanonicalRequest(input: Acs3Input): string {
  const canonicalUri = input.pathname.replace('+', '%20').replace('*', '%2A').replace('%7E', '~');
  // The client sorts raw keys with JS sort and does not encode them; values are encoded.
  const query = new Map<string, string>();
  for (const [key, value] of input.query) query.set(key, value);
  const canonicalQuery = [...query.keys()]
    .sort()
    .map((key) => `${key}=${percentEncode(query.get(key)!)}`)
    .join('&');
  const names = [...input.signedHeaders].map((h) => h.toLowerCase()).sort();
  const canonicalHeaders = names
    .map((name) => {
      const raw = input.headers[name];
      const values = (Array.isArray(raw) ? raw : [raw ?? '']).map((v) => v.trim()).sort();
      return `${name}:${values.join(',')}\n`;
    })
    .join('');
  return [input.method, canonicalUri, canonicalQuery, canonicalHeaders, names.join(';'), input.payloadHash].join('\n');
}

/** `ACS3-HMAC-SHA256\n` + hex(sha256(canonical request)): what the gateway echoes on a mismatch. */
export function acs3StringToSign(canonicalRequest: string): string {
  return `ACS3-HMAC-SHA256\n${sha256Hex(canonicalRequest)}`;
}

/** hex(HMAC-SHA256(secret, stringToSign)). */
export function acs3Signature(stringToSign: string, secret: string): string {
  return createHmac('sha256', secret).update(stringToSign).digest('hex');
}

/** The V1 string to sign: METHOD&%2F&encode(sorted, encoded params), Signature excluded. */
export function v1StringToSign(method: string, params: Readonly<Record<string, string>>): string {
  const canonical = Object.keys(params)
    .filter((key) => key !== 'Signature')
    .sort()
    .map((key) => `${percentEncode(key)}=${percentEncode(params[key]!)}`)
    .join('&');
  return `${method}&${percentEncode('/')}&${percentEncode(canonical)}`;
}

/** base64(HMAC-SHA1(secret + "&", stringToSign)). */
export function v1Signature(stringToSign: string, secret: string): string {
  return createHmac('sha1', `${secret}&`).update(stringToSign).digest('base64');
}

/** Constant-time string comparison, so the check leaks nothing through timing. */
export function sameSignature(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
