/**
 * Redaction: access key secrets, signatures and security tokens must never reach an error
 * message, a stack or a log line. Two layers: the literal values this session knows (the
 * static secret and token it was given) and patterns for what the wire or the server may echo
 * (signatures, tokens in queries or headers, the "server string to sign" of a signature error).
 */

const REDACTED = '[redacted]';

/** Each pattern keeps its first group (the label) and replaces what follows it. */
const SECRET_PATTERNS: RegExp[] = [
  // SignatureDoesNotMatch / IncompleteSignature echo the server's string to sign: drop it whole.
  /(server string to sign is:?)[\s\S]*?(?=\s*request id:|$)/gi,
  // ACS3 Authorization header value and V1 `Signature=` query parameter.
  /(\bSignature=)[A-Za-z0-9+/=%._-]+/g,
  /(\bSecurityToken=)[^\s&,;"']+/gi,
  /(x-acs-security-token["']?\s*[:=]\s*["']?)[^\s,;"']+/gi,
  /(x-acs-bearer-token["']?\s*[:=]\s*["']?)[^\s,;"']+/gi,
  /(access_?key_?secret["']?\s*[:=]\s*["']?)[^\s,;"'&]+/gi,
  /(sts_?token["']?\s*[:=]\s*["']?)[^\s,;"'&]+/gi,
  /(security_?token["']?\s*[:=]\s*["']?)[^\s,;"'&]+/gi,
  /(authorization["']?\s*[:=]\s*["']?)[^"'\n]+/gi,
];

/** Secret values shorter than this are not scrubbed literally (they would mangle ordinary text). */
const MIN_LITERAL_LENGTH = 6;

/** Scrubs secrets out of text; one per cloud session, knowing that session's static secrets. */
export class Redactor {
  private readonly literals: string[] = [];

  /** Remembers a secret value so that it is scrubbed wherever it appears verbatim. */
  addSecret(value: string | undefined): void {
    if (value !== undefined && value.length >= MIN_LITERAL_LENGTH && !this.literals.includes(value)) {
      this.literals.push(value);
      this.literals.sort((a, b) => b.length - a.length);
    }
  }

  /** The text with every known secret value and every secret-looking pattern replaced. */
  redact(text: string): string {
    let out = text;
    for (const literal of this.literals) out = out.split(literal).join(REDACTED);
    for (const pattern of SECRET_PATTERNS) out = out.replace(pattern, `$1${REDACTED}`);
    return out;
  }
}

/** Pattern-only redaction, for text produced before any session exists (e.g. config errors). */
export function redactPatterns(text: string): string {
  return new Redactor().redact(text);
}
