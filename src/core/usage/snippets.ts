/**
 * The snippet files (snippets/*.json), built from the same generator as `mcvpc usage`, the form
 * and the insert commands (lines.ts): `npm run generate:snippets` writes them, and a unit test
 * fails when the committed files fall behind.
 */
import { SUPPORTED_REGIONS } from '../zones';
import { INTERNET_ACCESS_LIST_KEY, PYODPS_HINT_NOTE, SQL_NETWORK_LINK_FLAG } from './facts';
import {
  foreignTableStatement,
  sparkEniLines,
  sparkSettingText,
  sqlNetworkLinkStatement,
  sqlNetworkLinkText,
  type ForeignTableKind,
} from './lines';

export interface UsageSnippet {
  prefix: string[];
  description: string;
  body: string[];
}

/** The VPC of the ENI lines as tab stops: the region a choice of the supported ones. */
const ENI_VPC = { regionId: `\${1|${SUPPORTED_REGIONS.map((r) => r.regionId).join(',')}|}`, vpcId: '${2:vpc_id}' };

const TABLES: { kind: ForeignTableKind; name: string; prefix: string; description: string }[] = [
  {
    kind: 'rds',
    name: 'MaxCompute: foreign table over RDS MySQL',
    prefix: 'rds',
    description:
      'A foreign (external) table reading ApsaraDB RDS / PolarDB for MySQL through a network link (JDBC storage handler, as in "ApsaraDB for MySQL external tables"); user and password are placeholders.',
  },
  {
    kind: 'hbase',
    name: 'MaxCompute: foreign table over HBase',
    prefix: 'hbase',
    description:
      'A foreign (external) table reading ApsaraDB for HBase through a network link (Hive\'s HBase storage handler, as in "ApsaraDB for HBase external tables").',
  },
  {
    kind: 'lindorm',
    name: 'MaxCompute: foreign table over Lindorm',
    prefix: 'lindorm',
    description:
      'A foreign (external) table reading Lindorm (LindormTable, HBase API) through a network link (as in "Lindorm external tables": odps.sql.hbase.version=lindorm).',
  },
];

/** Every snippet file by its path in the package, each snippet by its name. */
export function usageSnippets(): Record<string, Record<string, UsageSnippet>> {
  const sql: Record<string, UsageSnippet> = {
    'MaxCompute: SET network link': {
      prefix: ['networklink', `set ${SQL_NETWORK_LINK_FLAG}`],
      description:
        'Send the following statement (SQL, UDF) through a MaxCompute network link. Submit the SET together with the statement: a SET alone is not a job.',
      body: [sqlNetworkLinkStatement('${1:network_link_name}'), '${0:SELECT * FROM table_name;}'],
    },
  };
  for (const t of TABLES)
    sql[t.name] = {
      prefix: [`networklink-${t.prefix}-table`, `create external table ${t.prefix}`],
      description: t.description,
      body: foreignTableStatement(t.kind, {}, true).split('\n'),
    };
  return {
    'snippets/sql.json': sql,
    'snippets/spark-properties.json': {
      'Spark on MaxCompute: network link (ENI)': {
        prefix: ['eni', 'spark.hadoop.odps.cupid.eni'],
        description:
          'Reach a VPC through a MaxCompute network link: the region, then the VPC id of the link. In spark-defaults.conf (not in code: set there it may not take effect).',
        body: sparkEniLines('sparkConf', ENI_VPC),
      },
      'Spark on MaxCompute: public hosts': {
        prefix: ['internet.access.list', INTERNET_ACCESS_LIST_KEY],
        description: 'Public hosts the job may reach (host:port, comma-separated).',
        body: [sparkSettingText('sparkConf', INTERNET_ACCESS_LIST_KEY, '${1:host_name}:${2:443}')],
      },
    },
    'snippets/shellscript.json': {
      'spark-submit: network link (ENI)': {
        prefix: ['eni', '--conf spark.hadoop.odps.cupid.eni'],
        description: 'spark-submit arguments that send a Spark on MaxCompute job through a network link.',
        body: [...sparkEniLines('shell', ENI_VPC), '$0'],
      },
    },
    'snippets/python.json': {
      'PyODPS: SQL through a network link': {
        prefix: ['networklink', 'hints networklink'],
        description: `Run SQL through a MaxCompute network link from PyODPS (hints of execute_sql / run_sql). ${PYODPS_HINT_NOTE}`,
        body: [`\${1:o}.execute_sql('\${2:SELECT * FROM table_name}', ${sqlNetworkLinkText('python', '${3:network_link_name}')})`],
      },
      'PyODPS: network link for every statement': {
        prefix: ['networklink-settings', 'options.sql.settings networklink'],
        description: `Send every PyODPS SQL statement through a MaxCompute network link (options.sql.settings). ${PYODPS_HINT_NOTE}`,
        body: ['from odps import options', `options.sql.settings = {'${SQL_NETWORK_LINK_FLAG}': '\${1:network_link_name}'}`],
      },
    },
  };
}

/** A snippet file's text as committed. */
export function snippetFileText(snippets: Record<string, UsageSnippet>): string {
  return `${JSON.stringify(snippets, null, 2)}\n`;
}
