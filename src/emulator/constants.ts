/**
 * Facts about Alibaba Cloud's gateway that the emulator imitates but nobody could confirm from a
 * primary source (shared/reference/alibaba-api.md marks them [unverified]). They live here, and
 * only here, so a correction is a one-line edit.
 */

/** How far `x-acs-date` / `Timestamp` may be from the server clock. [unverified: 15 minutes is the common SDK lore] */
export const CLOCK_SKEW_MS = 15 * 60 * 1000;

/** How long a used signature nonce is remembered (it only needs to outlive the clock skew window). [unverified] */
export const NONCE_TTL_MS = CLOCK_SKEW_MS;

/** Upper bound on remembered nonces, so a flood of requests cannot grow memory without limit. */
export const NONCE_MEMORY_LIMIT = 200_000;

/** How long a ClientToken keeps returning the first response. [verified for ECS: "valid for 24 hours"] */
export const CLIENT_TOKEN_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * HTTP status of the gateway's error codes (a product's own, where they differ from the rule
 * below, are its `errorStatus`). Codes whose status is marked [unverified] were seen in
 * third-party code or chosen by analogy (NotFound → 404); the rest are from the reference's
 * verified tables.
 */
export const ERROR_STATUS: Readonly<Record<string, number>> = {
  'InvalidAccessKeyId.NotFound': 404,
  SignatureDoesNotMatch: 400,
  IncompleteSignature: 400,
  'InvalidTimeStamp.Expired': 400, // [unverified]
  'InvalidTimeStamp.Format': 400, // [unverified]
  SignatureNonceUsed: 400, // [unverified]
  'InvalidSecurityToken.MismatchWithAccessKey': 400, // [unverified]
  'InvalidSecurityToken.Malformed': 400, // [unverified]
  MissingParameter: 400,
  InvalidParameter: 400,
  'InvalidAction.NotFound': 404, // [unverified]
  'Throttling.User': 400, // [unverified]
  'Forbidden.RAM': 403, // [unverified]
  InternalError: 500,
  ServiceUnavailable: 503,
};

/** Status for codes not in the table: `*.NotFound` is 404 (as for the verified NotFound codes), everything else 400. */
export function statusForCode(code: string): number {
  const known = ERROR_STATUS[code];
  if (known !== undefined) return known;
  return code.endsWith('.NotFound') ? 404 : 400;
}

/**
 * INVENTED error codes of the gateway: codes the emulator answers for every product that no
 * reference pins down. Each product's own are in its file (products/<p>.ts, marked [unverified]).
 * The product never matches on them: src/cloud classifies by meaning (kind 'not-found',
 * `isNotFoundError`), by status and by the verified codes.
 */
export const UNVERIFIED_CODES = {
  regionNotFound: 'InvalidRegionId.NotFound',
  nextToken: 'InvalidParameter.NextToken',
} as const;
