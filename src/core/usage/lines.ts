/**
 * The lines that use a network link from SQL, foreign tables and Spark (seed procedure, step 3),
 * in each form a file needs. One module, so the plan's last step, `mcvpc usage`, the insert
 * commands, the quick fixes and the snippets' test all write exactly the same text.
 */
import type { Dialect } from './dialect';
import {
  CREDENTIALS_NOTE,
  ENI_ENABLE_KEY,
  ENI_INFO_KEY,
  HBASE_COLUMNS_MAPPING,
  HBASE_STORAGE_HANDLER,
  HBASE_VERSION_FLAG,
  HIVE_COMPATIBLE_FLAG,
  JDBC_INPUT_QUERY_PROPERTY,
  RDS_MYSQL_STORAGE_HANDLER,
  SPARK_CODE_SETTINGS_REASON,
  SQL_NETWORK_LINK_FLAG,
  TABLE_NETWORK_LINK_PROPERTY,
} from './facts';

export interface LinkUsageInput {
  /** The network link's name, as created in the MaxCompute console. */
  networkLinkName: string;
  regionId: string;
  vpcId: string;
}

export interface LinkUsage {
  /** Session flag before SQL statements and UDFs that reach the VPC. */
  sql: string;
  /** Table property for a foreign table that reads through the link. */
  foreignTable: string;
  /** Spark configuration lines (spark-defaults.conf / --conf). */
  spark: string[];
}

/** The value of `eni.info`: region first, then the VPC. */
export function eniInfoValue(vpc: { regionId: string; vpcId: string }): string {
  return `${vpc.regionId}:${vpc.vpcId}`;
}

/** The usage lines for one link. */
export function linkUsage(input: LinkUsageInput): LinkUsage {
  return {
    sql: sqlNetworkLinkStatement(input.networkLinkName),
    foreignTable: `TBLPROPERTIES('${TABLE_NETWORK_LINK_PROPERTY}'='${input.networkLinkName}')`,
    spark: sparkEniLines('sparkConf', input),
  };
}

/** The usage lines as one commented text block, for a document or the terminal. */
export function formatLinkUsage(input: LinkUsageInput): string {
  const usage = linkUsage(input);
  return [
    `-- SQL and UDFs: submit together with the statements that reach the VPC (valid for this session)`,
    usage.sql,
    '',
    `-- Foreign tables: add to CREATE EXTERNAL TABLE … TBLPROPERTIES, submitted after ${foreignTableSets('rds').join(' ')} (Lindorm also ${foreignTableSets('lindorm').slice(1).join(' ')})`,
    usage.foreignTable,
    '',
    `# Spark: spark-defaults.conf, --conf or the DataWorks node's configuration (not in code: set there it may not take effect)`,
    ...usage.spark,
    '',
  ].join('\n');
}

/** A setting the form cannot hold (e.g. Spark keys in SQL), said in words. */
export class UsageFormError extends Error {}

/**
 * One Spark setting in the form of `dialect`; `separator` is a properties file's (`=`, ` = `, `: `, blanks).
 * In code a setting is written as the call it is (the checks' fixes rewrite calls already there),
 * but the ENI lines are never offered for code: see sparkEniLines.
 */
export function sparkSettingText(dialect: Dialect, key: string, value: string, separator = '='): string {
  switch (dialect) {
    case 'sparkConf':
      return `${key}${separator}${value}`;
    case 'shell':
      return `--conf ${key}=${value}`;
    case 'python':
    case 'scala':
    case 'java':
      return `.config("${key}", "${value}")`;
    case 'sql':
      throw new UsageFormError(
        "Spark settings have no effect in SQL: put them in spark-defaults.conf, spark-submit --conf or the DataWorks Spark node's configuration.",
      );
  }
}

/**
 * The two ENI lines of Spark on MaxCompute for a VPC: spark-defaults.conf lines or spark-submit
 * arguments (shell lines end with a continuation). Code is refused with the FAQ's reason: set in
 * code they may not take effect.
 */
export function sparkEniLines(dialect: Dialect, vpc: { regionId: string; vpcId: string }, separator = '='): string[] {
  if (dialect === 'python' || dialect === 'scala' || dialect === 'java')
    throw new UsageFormError(`${ENI_ENABLE_KEY} and ${ENI_INFO_KEY} do not belong in code. ${SPARK_CODE_SETTINGS_REASON}`);
  const lines = [
    sparkSettingText(dialect, ENI_ENABLE_KEY, 'true', separator),
    sparkSettingText(dialect, ENI_INFO_KEY, eniInfoValue(vpc), separator),
  ];
  return dialect === 'shell' ? lines.map((l) => `${l} \\`) : lines;
}

/** `SET odps.session.networklink=<name>;` */
export function sqlNetworkLinkStatement(name: string): string {
  return `SET ${SQL_NETWORK_LINK_FLAG}=${name};`;
}

/** The SQL session flag in the form of `dialect`: a SET in SQL, PyODPS hints in Python (see PYODPS_HINT_NOTE). */
export function sqlNetworkLinkText(dialect: Dialect, name: string): string {
  if (dialect === 'sql') return sqlNetworkLinkStatement(name);
  if (dialect === 'python') return `hints={'${SQL_NETWORK_LINK_FLAG}': '${name}'}`;
  throw new UsageFormError(
    `The SQL network-link flag belongs in a .sql file or PyODPS hints; Spark jobs use ${ENI_ENABLE_KEY} and ${ENI_INFO_KEY}.`,
  );
}

/** What a foreign table reads: RDS/PolarDB for MySQL (JDBC), ApsaraDB for HBase, Lindorm (HBase API). */
export type ForeignTableKind = 'rds' | 'hbase' | 'lindorm';
export const FOREIGN_TABLE_KINDS: readonly ForeignTableKind[] = ['rds', 'hbase', 'lindorm'];

/** Values of a foreign table statement; each absent one becomes a snippet placeholder or a sample. */
export interface ForeignTableInput {
  /** Absent in a snippet: then a tab stop too. */
  networkLinkName?: string;
  table?: string;
  /** RDS: the MySQL endpoint `host:port`; HBase / Lindorm: the ZooKeeper quorum. */
  location?: string;
  /** RDS: the MySQL database. */
  database?: string;
  /** RDS: the MySQL table; HBase / Lindorm: the HBase table. */
  sourceTable?: string;
}

/** `SET <flag>=<value>;`, as the foreign-table pages write their session flags. */
export function sqlSessionSet(flag: string, value: string): string {
  return `SET ${flag}=${value};`;
}

/** The storage handler a foreign table of `kind` names. */
export function foreignTableHandler(kind: ForeignTableKind): string {
  return kind === 'rds' ? RDS_MYSQL_STORAGE_HANDLER : HBASE_STORAGE_HANDLER;
}

/** The session SETs a foreign table of `kind` needs, submitted with its CREATE (facts.ts). */
export function foreignTableSets(kind: ForeignTableKind): string[] {
  const sets = [sqlSessionSet(HIVE_COMPATIBLE_FLAG, 'true')];
  if (kind === 'lindorm') sets.push(sqlSessionSet(HBASE_VERSION_FLAG, 'lindorm'));
  return sets;
}

/**
 * A CREATE EXTERNAL TABLE through the link with the SETs it needs, from the documented template
 * of its kind (facts.ts names the pages). With `snippet`, the values not given are tab stops;
 * the MySQL user and password are always placeholders, never values.
 */
export function foreignTableStatement(kind: ForeignTableKind, input: ForeignTableInput, snippet = false): string {
  let stop = 0;
  const field = (value: string | undefined, sample: string): string =>
    value !== undefined ? value : snippet ? `\${${++stop}:${sample}}` : sample;
  const link = (): string => `'${TABLE_NETWORK_LINK_PROPERTY}'='${field(input.networkLinkName, 'network_link_name')}'`;
  const sets = foreignTableSets(kind);
  if (kind === 'rds') {
    const table = field(input.table, 'mysql_orders');
    const host = field(input.location, 'rm-xxxx.mysql.rds.aliyuncs.com:3306');
    const database = field(input.database, 'orders_db');
    const user = field(undefined, '<user>');
    const password = field(undefined, '<password>');
    const source = field(input.sourceTable, 'orders');
    const query = field(undefined, 'SELECT id, name FROM orders');
    return [
      CREDENTIALS_NOTE,
      ...sets,
      `CREATE EXTERNAL TABLE IF NOT EXISTS ${table} (`,
      `  id BIGINT,`,
      `  name STRING`,
      `)`,
      `STORED BY '${foreignTableHandler(kind)}'`,
      `LOCATION 'jdbc:mysql://${host}/${database}?useSSL=false&user=${user}&password=${password}&table=${source}'`,
      `TBLPROPERTIES (`,
      `  '${JDBC_INPUT_QUERY_PROPERTY}'='${query}',`,
      `  ${link()}`,
      `);`,
    ].join('\n');
  }
  const sample =
    kind === 'lindorm'
      ? { table: 'lindorm_events', quorum: 'ld-xxxx-proxy-lindorm.lindorm.rds.aliyuncs.com:30020' }
      : { table: 'hbase_events', quorum: 'hb-xxxx-master1-001.hbase.rds.aliyuncs.com:2181' };
  return [
    ...sets,
    `CREATE EXTERNAL TABLE IF NOT EXISTS ${field(input.table, sample.table)} (`,
    `  rowkey STRING,`,
    `  payload STRING`,
    `)`,
    `STORED BY '${foreignTableHandler(kind)}'`,
    `WITH SERDEPROPERTIES ('${HBASE_COLUMNS_MAPPING}'=':key,f:payload')`,
    `TBLPROPERTIES (`,
    `  'hbase.table.name'='${field(input.sourceTable, 'events')}',`,
    `  'hbase.zookeeper.quorum'='${field(input.location, sample.quorum)}',`,
    `  ${link()}`,
    `);`,
  ].join('\n');
}
