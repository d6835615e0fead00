/** The record of API calls, so tests and benchmarks can count calls and spot a call made twice. */

/** One API request as the emulator saw it. Auth parameters and secrets are never recorded. */
export interface RequestRecord {
  /** ISO time the request arrived. */
  time: string;
  requestId: string;
  action: string;
  version: string;
  /** The caller's account, when the request got past authentication. */
  accountId?: string;
  status: number;
  /** The error code, when the answer was an error. */
  code?: string;
  /** The caller's parameters (signature machinery removed). */
  params: Record<string, string>;
  /** Which injected fault shaped the answer, e.g. `failNext:drop` or `errorRates`. */
  fault?: string;
  /** True when a ClientToken replay returned a stored response without acting. */
  replayed?: boolean;
  /** True when the connection was destroyed instead of answered. */
  dropped?: boolean;
}

/** Parameters that belong to the signature, not the operation; never logged. */
const AUTH_PARAMS = new Set([
  'Signature',
  'SignatureNonce',
  'SignatureMethod',
  'SignatureVersion',
  'SignatureType',
  'AccessKeyId',
  'SecurityToken',
  'BearerToken',
  'Timestamp',
  'Format',
  'Action',
  'Version',
]);

/** The parameters worth recording. */
export function loggableParams(params: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) if (!AUTH_PARAMS.has(key)) out[key] = value;
  return out;
}

/** A bounded log (oldest entries fall off), so a long soak run cannot exhaust memory. */
export class RequestLog {
  private entries: RequestRecord[] = [];

  constructor(private readonly limit = 50_000) {}

  add(record: RequestRecord): void {
    this.entries.push(record);
    if (this.entries.length > this.limit) this.entries.splice(0, this.entries.length - this.limit);
  }

  all(): RequestRecord[] {
    return this.entries.map((r) => ({ ...r, params: { ...r.params } }));
  }

  clear(): void {
    this.entries = [];
  }
}
