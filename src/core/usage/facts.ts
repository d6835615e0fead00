/**
 * What MaxCompute and Spark on MaxCompute accept, in one place, each with where it was checked.
 * Anything marked UNVERIFIED could not be confirmed in Alibaba's documentation or code; the
 * checks that rest on it say so in their message, so a user is never told a guess as a fact.
 */

/** SQL session flag naming the link (verified: "Use UDFs to access resources in VPCs", alibabacloud.com/help/en/maxcompute/user-guide/use-udfs-to-access-resources-in-vpcs; the seed procedure, step 3). */
export const SQL_NETWORK_LINK_FLAG = 'odps.session.networklink';

/** Foreign-table property naming the link (verified: seed procedure step 3, `TBLPROPERTIES('networklink'='<networklink_name>')`). */
export const TABLE_NETWORK_LINK_PROPERTY = 'networklink';

/** Prefix of every Spark on MaxCompute (Cupid) setting (verified: aliyun/MaxCompute-Spark docs/docs/config/configuration.md). */
export const CUPID_PREFIX = 'spark.hadoop.odps.cupid.';

/** The two ENI keys (verified: aliyun/MaxCompute-Spark docs/docs/advanced/eni-migration.md, step 5; seed procedure step 3). */
export const ENI_ENABLE_KEY = 'spark.hadoop.odps.cupid.eni.enable';
/** Its value is `<regionId>:<vpcId>` ("这个配置格式是region:vpcid", eni-migration.md). */
export const ENI_INFO_KEY = 'spark.hadoop.odps.cupid.eni.info';

/** Keys the ENI migration makes unnecessary (verified: eni-migration.md, "原先Spark作业中的VPC相关操作和配置不再需要"). */
export const VPC_DOMAIN_LIST_KEY = 'spark.hadoop.odps.cupid.vpc.domain.list';
export const SMARTNAT_KEY = 'spark.hadoop.odps.cupid.smartnat.enable';
export const PVTZ_ROLE_ARN_KEY = 'spark.hadoop.odps.cupid.pvtz.rolearn';
export const VPC_USE_PVTZ_KEY = 'spark.hadoop.odps.cupid.vpc.usepvtz';
export const LEGACY_VPC_KEYS: readonly string[] = [VPC_DOMAIN_LIST_KEY, SMARTNAT_KEY, PVTZ_ROLE_ARN_KEY, VPC_USE_PVTZ_KEY];

/** Public-network allow list, `host:port[,host:port…]` (verified: MaxCompute-Spark docs/docs/faq/network-access.md, `google.com:443`; works with ENI). */
export const INTERNET_ACCESS_LIST_KEY = 'spark.hadoop.odps.cupid.internet.access.list';

/**
 * Keys that take effect only in spark-defaults.conf or the DataWorks node's configuration, not
 * when set in code (SparkConf.set / builder.config).
 * - vpc.domain.list: verified, MaxCompute-Spark docs/docs/advanced/vpc-access.md ("必须…配置在
 *   spark-defaults.conf或dataworks的配置项中，而不能写在代码中").
 * - resources, disk.driver.device_size: verified, docs/docs/config/configuration.md.
 * - eni.enable, eni.info, smartnat, pvtz.*, internet.access.list: UNVERIFIED — same family of
 *   job-submission network settings, but no Alibaba page says so for these keys explicitly.
 */
export const CONF_FILE_ONLY_KEYS: ReadonlyMap<string, 'verified' | 'UNVERIFIED'> = new Map([
  [VPC_DOMAIN_LIST_KEY, 'verified'],
  ['spark.hadoop.odps.cupid.resources', 'verified'],
  ['spark.hadoop.odps.cupid.disk.driver.device_size', 'verified'],
  [ENI_ENABLE_KEY, 'UNVERIFIED'],
  [ENI_INFO_KEY, 'UNVERIFIED'],
  [SMARTNAT_KEY, 'UNVERIFIED'],
  [PVTZ_ROLE_ARN_KEY, 'UNVERIFIED'],
  [VPC_USE_PVTZ_KEY, 'UNVERIFIED'],
  [INTERNET_ACCESS_LIST_KEY, 'UNVERIFIED'],
]);

/** Cupid keys offered after `spark.hadoop.odps.cupid.`, with what they do (configuration.md, eni-migration.md, network-access.md). */
export const CUPID_KEYS: readonly { key: string; doc: string; legacy?: boolean }[] = [
  { key: ENI_ENABLE_KEY, doc: 'Send the job through the network link (ENI). Set to true, with eni.info.' },
  { key: ENI_INFO_KEY, doc: 'The VPC the link reaches, as <regionId>:<vpcId>.' },
  { key: INTERNET_ACCESS_LIST_KEY, doc: 'Public hosts the job may reach, host:port[,host:port…].' },
  { key: 'spark.hadoop.odps.cupid.resources', doc: 'MaxCompute resources for the job, <project>.<resource>[,…]. Only in spark-defaults.conf or DataWorks.' },
  { key: VPC_DOMAIN_LIST_KEY, doc: 'Legacy VPC access (one-line JSON). Not needed with a network link (ENI).', legacy: true },
  { key: SMARTNAT_KEY, doc: 'Legacy VPC / public access through SmartNAT. Not needed with a network link (ENI).', legacy: true },
  { key: PVTZ_ROLE_ARN_KEY, doc: 'Legacy custom-domain access. Not needed with a network link (ENI).', legacy: true },
  { key: VPC_USE_PVTZ_KEY, doc: 'Legacy custom-domain access. Not needed with a network link (ENI).', legacy: true },
];

/** The error Spark reports when the VPC is another account's (verified: eni-migration.md, 注意事项 (2)). */
export const VPC_OWNER_MISMATCH_ERROR = 'You are not allowed to use this vpc - vpc owner and project owner must be the same person';

/**
 * Storage handlers of foreign tables.
 * UNVERIFIED: the class names and the LOCATION / property shape of the RDS MySQL and HBase
 * foreign tables (the issue names `com.aliyun.odps.jdbc.JdbcStorageHandler` with a
 * `jdbc:mysql://` LOCATION; Alibaba's "ApsaraDB for MySQL external tables" page was found but its
 * statement text was not readable here, and no HBase/Lindorm foreign-table page was found).
 * Only the `'networklink'='<name>'` property is verified.
 */
export const RDS_MYSQL_STORAGE_HANDLER = 'com.aliyun.odps.jdbc.JdbcStorageHandler';
export const HBASE_STORAGE_HANDLER = 'com.aliyun.odps.hbase.HBaseStorageHandler';
/** UNVERIFIED, recalled from Alibaba's RDS foreign-table example: the JDBC driver and target type properties. */
export const RDS_MYSQL_TABLE_PROPERTIES: readonly [string, string][] = [
  ['mcfed.mapreduce.jdbc.driver.class', 'com.mysql.jdbc.Driver'],
  ['odps.federation.jdbc.target.db.type', 'mysql'],
];

/**
 * DataWorks ODPS SQL nodes: a SET (or USE) cannot run alone, and no comment may follow a SET on
 * its line (verified: DataWorks "Create an ODPS SQL node", usage limits).
 */
export const DATAWORKS_NO_COMMENT_AFTER_SET = true;
