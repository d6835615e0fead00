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
 * RDS `ModifySecurityGroupConfiguration`: up to 10 ECS security groups per instance, as issue 9's
 * audit read in the current API reference. [unverified here: the stored copies of the reference
 * (2024 and older) still say "up to three"; the emulator follows the current one, so a product
 * that assumes 3 is caught by its own check, not by the emulator.]
 */
export const RDS_MAX_SECURITY_GROUPS = 10;

/** RDS whitelist: at most 1,000 entries per instance (API doc). */
export const RDS_MAX_SECURITY_IPS = 1000;

/**
 * Name of the whitelist group ModifySecurityIps uses when none is given. The API doc says `Default`,
 * the console and DescribeDBInstanceIPArrayList show `default`. [unverified: we use `default`]
 */
export const RDS_DEFAULT_IP_ARRAY_NAME = 'default';

/** How many ENIs one MaxCompute network link creates. [unverified: the doc does not state the count] */
export const NETWORK_LINK_ENI_COUNT = 2;

/**
 * Network link names: a letter first, then letters, digits, `_` or `-`, 3–64 characters in all.
 * [unverified: the console's exact rule is not documented; this is deliberately strict]
 */
export const LINK_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_-]{2,63}$/;

/** The `ServiceID` a MaxCompute link ENI reports. [unverified: made up; only `ServiceManaged: true` is assumed by the reference] */
export const SERVICE_MANAGED_ENI_SERVICE_ID = '1413397765616316';

/** Basic security groups allow at most 20 rules that authorize another group (ECS doc). */
export const BASIC_GROUP_MAX_GROUP_RULES = 20;

/**
 * HTTP status of each error code the emulator returns. Codes whose status is marked [unverified]
 * were seen in third-party code or chosen by analogy (NotFound → 404); the rest are from the
 * reference's verified tables.
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
  'EntityNotExist.Role': 404, // [unverified]
};

/** Status for codes not in the table: `*.NotFound` is 404 (as for the verified NotFound codes), everything else 400. */
export function statusForCode(code: string): number {
  const known = ERROR_STATUS[code];
  if (known !== undefined) return known;
  return code.endsWith('.NotFound') ? 404 : 400;
}

/**
 * INVENTED error codes: the one list of codes the emulator answers that no reference pins down
 * (`Instance.NotFound`, `Cluster.NotFound`, `Invalid<Field>.Malformed`, `QuotaExceeded.*`…). The
 * shapes follow ECS/RDS/HBase naming, but the exact strings are [unverified]; the product never
 * matches on them: src/cloud classifies by meaning (kind 'not-found', `isNotFoundError`), by status
 * and by the verified codes.
 */
export const UNVERIFIED_CODES = {
  regionNotFound: 'InvalidRegionId.NotFound',
  ipProtocol: 'InvalidIpProtocol.Malformed',
  portRange: 'InvalidPortRange.Malformed',
  priority: 'InvalidPriority.Malformed',
  policy: 'InvalidPolicy.Malformed',
  cidr: 'InvalidSourceCidrIp.Malformed',
  groupName: 'InvalidSecurityGroupName.Malformed',
  groupDescription: 'InvalidSecurityGroupDescription.Malformed',
  groupRuleQuota: 'QuotaExceeded.AuthorizedSecurityGroupRule',
  advancedGroupReference: 'InvalidParam.GroupAuthorization',
  securityIps: 'InvalidSecurityIPs.Format',
  securityIpsQuota: 'QuotaExceeded.SecurityIps',
  securityIpsDeleteAll: 'InvalidSecurityIPs.DeleteAll',
  ipArrayName: 'InvalidDBInstanceIPArrayName.Format',
  ipArrayNotFound: 'InvalidDBInstanceIPArrayName.NotFound',
  rdsGroupQuota: 'QuotaExceeded.SecurityGroup',
  hbaseClusterNotFound: 'Instance.NotFound',
  emrClusterNotFound: 'Cluster.NotFound',
  nextToken: 'InvalidParameter.NextToken',
} as const;
