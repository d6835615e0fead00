/**
 * The lines that use a network link from SQL, foreign tables and Spark (seed procedure, step 3),
 * in each form a file needs. One module, so the plan's last step, `mcvpc usage`, the insert
 * commands, the quick fixes and the snippets' test all write exactly the same text.
 */
import type { Dialect } from './dialect';
import { ENI_ENABLE_KEY, ENI_INFO_KEY, HBASE_STORAGE_HANDLER, RDS_MYSQL_STORAGE_HANDLER, RDS_MYSQL_TABLE_PROPERTIES, SQL_NETWORK_LINK_FLAG, TABLE_NETWORK_LINK_PROPERTY } from './facts';

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
    `-- Foreign tables: add to CREATE EXTERNAL TABLE … TBLPROPERTIES`,
    usage.foreignTable,
    '',
    `# Spark: spark-defaults.conf, --conf or the DataWorks node's configuration`,
    ...usage.spark,
    '',
  ].join('\n');
}

/** A setting the form cannot hold (e.g. Spark keys in SQL), said in words. */
export class UsageFormError extends Error {}

/** One Spark setting in the form of `dialect`; `separator` is a properties file's (`=`, ` = `, `: `, blanks). */
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
      throw new UsageFormError('Spark settings have no effect in SQL: put them in spark-defaults.conf, spark-submit --conf or the DataWorks Spark node\'s configuration.');
  }
}

/** The two ENI lines of Spark on MaxCompute for a VPC, in the form of `dialect` (shell lines end with a continuation). */
export function sparkEniLines(dialect: Dialect, vpc: { regionId: string; vpcId: string }, separator = '='): string[] {
  const lines = [sparkSettingText(dialect, ENI_ENABLE_KEY, 'true', separator), sparkSettingText(dialect, ENI_INFO_KEY, eniInfoValue(vpc), separator)];
  return dialect === 'shell' ? lines.map((l) => `${l} \\`) : lines;
}

/** `SET odps.session.networklink=<name>;` */
export function sqlNetworkLinkStatement(name: string): string {
  return `SET ${SQL_NETWORK_LINK_FLAG}=${name};`;
}

/** The SQL session flag in the form of `dialect`: a SET in SQL, PyODPS hints in Python. */
export function sqlNetworkLinkText(dialect: Dialect, name: string): string {
  if (dialect === 'sql') return sqlNetworkLinkStatement(name);
  if (dialect === 'python') return `hints={'${SQL_NETWORK_LINK_FLAG}': '${name}'}`;
  throw new UsageFormError(`The SQL network-link flag belongs in a .sql file or PyODPS hints; Spark jobs use ${ENI_ENABLE_KEY} and ${ENI_INFO_KEY}.`);
}

export type ForeignTableKind = 'rds' | 'hbase';

/** Values of a foreign table statement; each absent one becomes a snippet placeholder or a sample. */
export interface ForeignTableInput {
  networkLinkName: string;
  table?: string;
  /** RDS: the MySQL endpoint `host:port/database`; HBase: the ZooKeeper quorum. */
  location?: string;
  /** RDS: the MySQL table; HBase: the HBase table. */
  sourceTable?: string;
}

/**
 * A CREATE EXTERNAL TABLE over RDS MySQL (JDBC) or HBase/Lindorm through the link. With
 * `snippet`, the values not given are tab stops. The handler classes are UNVERIFIED (facts.ts).
 */
export function foreignTableStatement(kind: ForeignTableKind, input: ForeignTableInput, snippet = false): string {
  let stop = 0;
  const field = (value: string | undefined, sample: string): string => (value !== undefined ? value : snippet ? `\${${++stop}:${sample}}` : sample);
  const link = `'${TABLE_NETWORK_LINK_PROPERTY}'='${input.networkLinkName}'`;
  if (kind === 'rds') {
    return [
      `CREATE EXTERNAL TABLE IF NOT EXISTS ${field(input.table, 'mysql_orders')} (`,
      `  id BIGINT,`,
      `  name STRING`,
      `)`,
      `STORED BY '${RDS_MYSQL_STORAGE_HANDLER}'`,
      `LOCATION 'jdbc:mysql://${field(input.location, 'rm-xxxx.mysql.rds.aliyuncs.com:3306/orders')}?table=${field(input.sourceTable, 'orders')}'`,
      `TBLPROPERTIES (`,
      ...RDS_MYSQL_TABLE_PROPERTIES.map(([k, v]) => `  '${k}'='${v}',`),
      `  ${link}`,
      `);`,
    ].join('\n');
  }
  return [
    `CREATE EXTERNAL TABLE IF NOT EXISTS ${field(input.table, 'hbase_events')} (`,
    `  rowkey STRING,`,
    `  payload STRING`,
    `)`,
    `STORED BY '${HBASE_STORAGE_HANDLER}'`,
    `WITH SERDEPROPERTIES ('hbase.columns.mapping'=':key,f:payload')`,
    `TBLPROPERTIES (`,
    `  'hbase.table.name'='${field(input.sourceTable, 'events')}',`,
    `  'hbase.zookeeper.quorum'='${field(input.location, 'hb-xxxx-master1-001.hbase.rds.aliyuncs.com:2181')}',`,
    `  ${link}`,
    `);`,
  ].join('\n');
}
