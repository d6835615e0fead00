/**
 * The lines that use a network link from SQL, foreign tables and Spark (seed doc, "Step 3").
 * One module, so the plan's last step, the CLI's `mcvpc usage`, snippets and completion all
 * print exactly the same text.
 */

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

/** The usage lines for one link. */
export function linkUsage(input: LinkUsageInput): LinkUsage {
  return {
    sql: `SET odps.session.networklink=${input.networkLinkName};`,
    foreignTable: `TBLPROPERTIES('networklink'='${input.networkLinkName}')`,
    spark: [
      'spark.hadoop.odps.cupid.eni.enable=true',
      `spark.hadoop.odps.cupid.eni.info=${input.regionId}:${input.vpcId}`,
    ],
  };
}

/** The usage lines as one commented text block, for a document or the terminal. */
export function formatLinkUsage(input: LinkUsageInput): string {
  const usage = linkUsage(input);
  return [
    `-- SQL and UDFs: run before the statements that reach the VPC (valid for this session)`,
    usage.sql,
    '',
    `-- Foreign tables: add to CREATE EXTERNAL TABLE … TBLPROPERTIES`,
    usage.foreignTable,
    '',
    `# Spark: spark-defaults.conf or --conf`,
    ...usage.spark,
    '',
  ].join('\n');
}
