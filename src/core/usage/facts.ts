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
 * - eni.enable, eni.info: verified, Spark on MaxCompute FAQ (SPARK_CODE_SETTINGS_REASON below).
 * - smartnat, pvtz.*, internet.access.list: UNVERIFIED — same family of job-submission network
 *   settings, but no Alibaba page says so for these keys explicitly.
 */
export const CONF_FILE_ONLY_KEYS: ReadonlyMap<string, 'verified' | 'UNVERIFIED'> = new Map([
  [VPC_DOMAIN_LIST_KEY, 'verified'],
  ['spark.hadoop.odps.cupid.resources', 'verified'],
  ['spark.hadoop.odps.cupid.disk.driver.device_size', 'verified'],
  [ENI_ENABLE_KEY, 'verified'],
  [ENI_INFO_KEY, 'verified'],
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
  {
    key: 'spark.hadoop.odps.cupid.resources',
    doc: 'MaxCompute resources for the job, <project>.<resource>[,…]. Only in spark-defaults.conf or DataWorks.',
  },
  { key: VPC_DOMAIN_LIST_KEY, doc: 'Legacy VPC access (one-line JSON). Not needed with a network link (ENI).', legacy: true },
  { key: SMARTNAT_KEY, doc: 'Legacy VPC / public access through SmartNAT. Not needed with a network link (ENI).', legacy: true },
  { key: PVTZ_ROLE_ARN_KEY, doc: 'Legacy custom-domain access. Not needed with a network link (ENI).', legacy: true },
  { key: VPC_USE_PVTZ_KEY, doc: 'Legacy custom-domain access. Not needed with a network link (ENI).', legacy: true },
];

/** The error Spark reports when the VPC is another account's (verified: eni-migration.md, 注意事项 (2)). */
export const VPC_OWNER_MISMATCH_ERROR = 'You are not allowed to use this vpc - vpc owner and project owner must be the same person';

/**
 * Foreign tables: each statement is rebuilt from its documented template (lines.ts writes them;
 * checks of foreign tables in foreignTables.ts hold a file against the same facts).
 *
 * ApsaraDB RDS for MySQL — verified: MaxCompute user
 * guide "ApsaraDB for MySQL external tables" (help.aliyun.com/en/maxcompute/user-guide/apsaradb-rds-external-tables,
 * updated 2026-08; the Chinese page has the full syntax):
 *   SET odps.sql.hive.compatible = true;
 *   CREATE EXTERNAL TABLE <name>(<cols>)
 *   STORED BY 'com.aliyun.odps.jdbc.JdbcStorageHandler'
 *   LOCATION 'jdbc:mysql://<host>:<port>/<db>?useSSL=false&user=<user>&password=<password>&table=<table>'
 *   TBLPROPERTIES(['odps.federation.jdbc.colmapping'='<mc_col:rds_col,…>',]
 *     'mcfed.mapreduce.jdbc.input.query'='<select>', 'networklink'='<link>');
 * MySQL 5.x and 8.0 only; no PrivateZone names; no cluster property; DECIMAL is DECIMAL(38,18).
 * `mcfed.mapreduce.jdbc.driver.class` and `odps.federation.jdbc.target.db.type` are not in it.
 * UNVERIFIED: that a PolarDB for MySQL cluster is read the same way (MySQL protocol; no PolarDB
 * external-table page was found) — the PolarDB target's usage hint and snippet use this template.
 */
export const RDS_MYSQL_STORAGE_HANDLER = 'com.aliyun.odps.jdbc.JdbcStorageHandler';
export const JDBC_INPUT_QUERY_PROPERTY = 'mcfed.mapreduce.jdbc.input.query';
export const JDBC_COLUMN_MAPPING_PROPERTY = 'odps.federation.jdbc.colmapping';
/** The query-string parameters the JDBC LOCATION must carry (the template's `useSSL` and `table`). */
export const JDBC_LOCATION_REQUIRED: readonly string[] = ['useSSL', 'table'];
/** Properties an older example had and the current syntax does not list. */
export const JDBC_OBSOLETE_PROPERTIES: readonly string[] = ['mcfed.mapreduce.jdbc.driver.class', 'odps.federation.jdbc.target.db.type'];

/**
 * ApsaraDB for HBase (Standard / Performance-enhanced) and Lindorm: Hive's HBase handler.
 * - Handler and SET: verified, "ApsaraDB for HBase external tables (Standard or performance-enhanced
 *   edition)" (help.aliyun.com/en/maxcompute/user-guide/apsaradb-for-hbase-external-tables, 2026-09)
 *   and the 2021 release note ("HBaseStorageHandler provided by Hive").
 * - Lindorm: verified, "Lindorm external tables" (help.aliyun.com/document_detail/333706, 2026-09):
 *   `SET odps.sql.hive.compatible = true;` `SET odps.sql.hbase.version=lindorm;` the same handler,
 *   `WITH SERDEPROPERTIES('hbase.columns.mapping'='<:key,cf:col,…>')` and TBLPROPERTIES where
 *   `hbase.table.name` and the ZooKeeper quorum "must be configured"; only LindormTable's
 *   HBase-compatible mode is supported. Its endpoint form `ld-…-proxy-lindorm.lindorm.rds.aliyuncs.com:30020`
 *   is from Lindorm's "Use Hive to connect to LindormTable".
 * - UNVERIFIED: the page's further optional properties after the quorum (its text was cut off
 *   here) are not written; that the HBase page requires the same two properties as Lindorm's.
 */
export const HBASE_STORAGE_HANDLER = 'org.apache.hadoop.hive.hbase.HBaseStorageHandler';
/** The handler this extension wrote before (never documented): flagged and replaced by the checks. */
export const OLD_HBASE_STORAGE_HANDLER = 'com.aliyun.odps.hbase.HBaseStorageHandler';
export const HBASE_REQUIRED_PROPERTIES: readonly string[] = ['hbase.table.name', 'hbase.zookeeper.quorum'];
export const HBASE_COLUMNS_MAPPING = 'hbase.columns.mapping';

/** Session flags the foreign tables need, each submitted with the CREATE (pages above). */
export const HIVE_COMPATIBLE_FLAG = 'odps.sql.hive.compatible';
export const HBASE_VERSION_FLAG = 'odps.sql.hbase.version';

/**
 * Why credentials are placeholders: a database password belongs in the statement a person runs
 * (or the DataWorks data source), never in a connection spec, a snippet or a log; mcvpc stores none.
 */
export const CREDENTIALS_NOTE =
  '-- The MySQL user and password go into LOCATION only when you run this; keep them out of connection specs, repositories and logs.';

/**
 * Spark settings made in code (SparkConf.set / builder.config) may not take effect: verified, Spark
 * on MaxCompute FAQ (alibabacloud.com/help/en/maxcompute/user-guide/faq-about-spark-on-maxcompute,
 * "Other issues": settings in code may not take effect in yarn-cluster mode; put them in
 * spark-defaults.conf or --conf). The ENI keys are read when the job is submitted.
 */
export const SPARK_CODE_SETTINGS_REASON =
  "Spark on MaxCompute reads such settings when the job is submitted: set in code they may not take effect (Spark on MaxCompute FAQ); put them in spark-defaults.conf, spark-submit --conf or the DataWorks node's configuration.";

/**
 * PyODPS: `execute_sql(…, hints={…})` and `options.sql.settings` carry SQL runtime flags (verified:
 * PyODPS "SQL" page, help.aliyun.com/document_detail/34615). UNVERIFIED: that
 * `odps.session.networklink` works as such a hint — Alibaba documents it only as a SET (seed procedure
 * step 3). The snippets and the insert command say so.
 */
export const PYODPS_HINT_NOTE =
  'PyODPS passes hints as SQL flags (documented); odps.session.networklink as a hint is not documented by Alibaba — if the job does not reach the VPC, run the SET in a .sql file or DataWorks node.';

/**
 * DataWorks ODPS SQL nodes: a SET (or USE) cannot run alone, and no comment may follow a SET on
 * its line (verified: DataWorks "Create an ODPS SQL node", usage limits).
 */
export const DATAWORKS_NO_COMMENT_AFTER_SET = true;
