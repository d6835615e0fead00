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
 * RDS `ModifySecurityGroupConfiguration`: up to 10 ECS security groups per instance. Verified: the
 * SDK model's text changed from "three" to "10" on 2024-04-09 and still says 10 in 2026-02 (the
 * quota's error code stays in UNVERIFIED_CODES).
 */
export const RDS_MAX_SECURITY_GROUPS = 10;

/** RDS whitelist: at most 1,000 entries per instance (API doc). */
export const RDS_MAX_SECURITY_IPS = 1000;

/**
 * Name of the whitelist group ModifySecurityIps uses when none is given. The API doc says `Default`,
 * the console and DescribeDBInstanceIPArrayList show `default`. [unverified: we use `default`]
 */
export const RDS_DEFAULT_IP_ARRAY_NAME = 'default';

/** A network link's type as CreateNetworkLink names it: what this product creates. */
export const LINK_TYPE_PASSTHROUGH = 'PASSTHROUGH';
/** The one documented status: the link works (GetNetworkLink's example). */
export const LINK_READY = 'SUCCESS';
/**
 * [unverified] The statuses a link passes through besides SUCCESS are not documented: the
 * emulator's own names, chosen so a client that takes every non-SUCCESS status as "in progress"
 * (as the reference allows no more) is exercised.
 */
export const LINK_CREATING = 'CREATING';
export const LINK_DELETING = 'DELETING';
export const LINK_FAILED = 'FAILED';
/** Link records of state files written before the link API existed say this; read as SUCCESS. */
export const LINK_READY_BEFORE_API = 'Connected';
/** How long a link created through the API stays CREATING, and removal takes, unless a fault setting says otherwise. */
export const DEFAULT_LINK_CREATE_MS = 300;
export const DEFAULT_LINK_REMOVE_MS = 300;

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
  // ECS DeleteSecurityGroup's refusals (ECS API doc, error table).
  DependencyViolation: 403,
  // PolarDB (API doc error tables; the same code and status on every DBClusterId operation).
  'InvalidDBClusterId.NotFound': 404,
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
  polardbIpArrayName: 'InvalidDBClusterIPArrayName.Malformed',
  polardbIpArrayNotFound: 'InvalidDBClusterIPArrayName.NotFound',
  polardbSecurityIps: 'InvalidSecurityIps.Malformed',
  polardbSecurityIpsQuota: 'QuotaExceeded.SecurityIps',
  polardbIpArrayQuota: 'QuotaExceeded.DBClusterIPArray',
  polardbGroupQuota: 'QuotaExceeded.SecurityGroup',
  polardbPageSize: 'InvalidPageSize.Malformed',
  lindormInstanceNotFound: 'Instance.IsNotValid',
  lindormParameter: 'Lindorm.Errorcode.ParameterInvaild',
} as const;

/**
 * PolarDB 2017-08-01 behaviour the SDK models and API doc do not settle (the verified facts are in
 * products/polardb.ts). Each entry is [unverified].
 */
export const POLARDB_UNVERIFIED = {
  /** ModifyMode=Delete that empties a group: we remove the group (the `default` group stays, empty). */
  deleteEmptiesGroup: 'remove-group-except-default',
  /** ModifyMode=Delete on a group name the cluster does not have is refused (polardbIpArrayNotFound). */
  deleteMissingGroupRefused: true,
  /** WhiteListType=SecurityGroup ignores ModifyMode: the doc says ModifyMode applies to IP whitelists only, so SecurityGroupIds replaces the set. */
  securityGroupIdsReplace: true,
  /** New clusters start with the `default` group holding 127.0.0.1, as RDS and HBase do. */
  defaultGroupEntries: ['127.0.0.1'],
  /** DescribeDBClusters PageSize other than 30, 50 or 100 (the doc's valid values) is refused rather than rounded. */
  pageSizes: [30, 50, 100],
} as const;

/** Lindorm (hitsdb 2020-06-15) behaviour the SDK models and API doc do not settle. Each entry is [unverified]. */
export const LINDORM_UNVERIFIED = {
  /** UpdateInstanceIpWhiteList replaces the named group's list (the doc says "sets the access whitelist"); it does not append. */
  updateReplacesGroup: true,
  /**
   * Delete=true: the SDK model says "Specifies whether to clear all IP addresses and CIDR blocks in
   * the whitelist", not which group. Modelled as the widest reading — every group's entries are
   * cleared (the groups go) — so a client that sent it would be seen to touch others' entries.
   * Whether SecurityIpList is still required with it is not documented either (it is here).
   */
  deleteClearsEveryGroup: true,
  /** GetInstanceIpWhiteList's flat IpList is every group's entries, deduplicated (the doc's sample shows different entries there than in GroupList). */
  ipListIsUnion: true,
  /** GetLindormInstanceList PageSize: default 10, at most 100 (no limit is documented). */
  defaultPageSize: 10,
  maxPageSize: 100,
  /** An unknown InstanceId answers Instance.IsNotValid (400), listed in the doc's error table as "The instance is invalid."; a NotFound code is not documented. */
  unknownInstanceCode: 'Instance.IsNotValid',
  /** Group names: letters, digits and "_" (the console doc's rule), 1-64 characters (length not documented). */
  groupNamePattern: /^[A-Za-z0-9_]{1,64}$/,
} as const;

/** ECS DescribeInstances / DeleteSecurityGroup behaviour not settled by the SDK models and API doc. Each entry is [unverified]. */
export const ECS_INSTANCES_UNVERIFIED = {
  /** DeleteSecurityGroup on a group a network interface still uses: DependencyViolation with this message (the doc says ENIs block deletion, its error table names only instances and references). */
  eniInUseMessage: 'There is still network interface(s) in the specified security group.',
  /** DescribeInstances in NextToken mode does not return TotalCount (as for DescribeSecurityGroups). */
  tokenModeTotalCount: false,
} as const;

/**
 * ECS primary network interfaces (primaryInterfaces.ts, DescribeNetworkInterfaces) where the SDK
 * models and API doc leave the answer open. Each entry is [unverified].
 */
export const PRIMARY_ENI_UNVERIFIED = {
  /** Attachment's fields (DeviceIndex, InstanceId, TrunkNetworkInterfaceId) are "in invitational preview and not publicly available"; NetworkCardIndex is empty unless one was given at attach time. We send `{}` for every ENI. */
  attachment: 'empty-object',
  /** A primary ENI's DeleteOnRelease is true: it cannot be detached and goes with its instance. */
  deleteOnRelease: true,
  /** A SecurityGroupId filter leaves primary ENIs out entirely (the doc: the parameter is "the security group to which the secondary ENI belongs"; for primary ENIs "call DescribeInstances"), rather than being refused or ignored. */
  groupFilterSecondaryOnly: true,
  /** A primary ENI's Status is InUse while its instance exists, whatever the instance's own Status (Stopped included). */
  statusWhileInstanceExists: 'InUse',
  /** A primary ENI's NetworkInterfaceName and Description are empty (the console names none). */
  emptyNameAndDescription: true,
} as const;
