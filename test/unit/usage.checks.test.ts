import { strict as assert } from 'node:assert';
import {
  applyEdits,
  checkUsage,
  parseSettings,
  preferredEdits,
  type Dialect,
  type KnownLink,
  type UsageProblemCode,
} from '../../src/core/usage';

const LINKS: KnownLink[] = [
  { name: 'orders_rds', regionId: 'cn-hangzhou', vpcId: 'vpc-bp1abc', source: 'orders.mcvpc.yaml' },
  { name: 'events_hbase', regionId: 'cn-beijing', vpcId: 'vpc-2zeabc', source: 'events.mcvpc.yaml' },
];

/** One row: a file's text, its dialect, the problem codes expected, and the text after the preferred fixes (when any). */
interface Row {
  what: string;
  dialect: Dialect;
  text: string;
  codes: UsageProblemCode[];
  fixed?: string;
}

const ENABLE = 'spark.hadoop.odps.cupid.eni.enable';
const INFO = 'spark.hadoop.odps.cupid.eni.info';
const DOMAIN_LIST =
  '{"regionId":"cn-hangzhou","vpcs":[{"vpcId":"vpc-bp1abc","zones":[{"urls":[{"domain":"rm-1.mysql.rds.aliyuncs.com","port":3306}]}]}]}';

/** What mcvpc wrote before the templates were checked (the snippets of 2026-11). */
const OLD_RDS = `CREATE EXTERNAL TABLE IF NOT EXISTS mysql_orders (\n  id BIGINT,\n  name STRING\n)\nSTORED BY 'com.aliyun.odps.jdbc.JdbcStorageHandler'\nLOCATION 'jdbc:mysql://rm-xxxx.mysql.rds.aliyuncs.com:3306/orders?table=orders'\nTBLPROPERTIES (\n  'mcfed.mapreduce.jdbc.driver.class'='com.mysql.jdbc.Driver',\n  'odps.federation.jdbc.target.db.type'='mysql',\n  'networklink'='orders_rds'\n);\n`;
const OLD_HBASE = `CREATE EXTERNAL TABLE IF NOT EXISTS hbase_events (\n  rowkey STRING,\n  payload STRING\n)\nSTORED BY 'com.aliyun.odps.hbase.HBaseStorageHandler'\nWITH SERDEPROPERTIES ('hbase.columns.mapping'=':key,f:payload')\nTBLPROPERTIES (\n  'hbase.table.name'='events',\n  'hbase.zookeeper.quorum'='hb-xxxx-master1-001.hbase.rds.aliyuncs.com:2181',\n  'networklink'='orders_rds'\n);\n`;
const LINDORM_TABLE = `CREATE EXTERNAL TABLE t (k STRING)\nSTORED BY 'org.apache.hadoop.hive.hbase.HBaseStorageHandler'\nWITH SERDEPROPERTIES ('hbase.columns.mapping'=':key')\nTBLPROPERTIES ('hbase.table.name'='t', 'hbase.zookeeper.quorum'='ld-bp1abc-proxy-lindorm.lindorm.rds.aliyuncs.com:30020', 'networklink'='orders_rds');\n`;

const ROWS: Row[] = [
  // Spark properties: good lines, with each separator.
  { what: 'conf with =', dialect: 'sparkConf', text: `${ENABLE}=true\n${INFO}=cn-hangzhou:vpc-bp1abc\n`, codes: [] },
  { what: 'conf with blanks', dialect: 'sparkConf', text: `${ENABLE} true\n${INFO}   cn-hangzhou:vpc-bp1abc\n`, codes: [] },
  { what: 'conf with " = "', dialect: 'sparkConf', text: `${ENABLE} = true\r\n${INFO} = cn-hangzhou:vpc-bp1abc\r\n`, codes: [] },
  { what: 'conf with ":"', dialect: 'sparkConf', text: `${ENABLE}: true\n${INFO}: cn-hangzhou:vpc-bp1abc\n`, codes: [] },
  { what: 'conf comments are not settings', dialect: 'sparkConf', text: `# ${INFO}=vpc-x:cn-hangzhou\n! ${ENABLE}=false\n`, codes: [] },
  { what: 'conf quoted value', dialect: 'sparkConf', text: `${ENABLE}="true"\n${INFO}="cn-hangzhou:vpc-bp1abc"\n`, codes: [] },
  // eni.info mistakes.
  {
    what: 'reversed',
    dialect: 'sparkConf',
    text: `${ENABLE}=true\n${INFO}=vpc-bp1abc:cn-hangzhou\n`,
    codes: ['eni-info-format'],
    fixed: `${ENABLE}=true\n${INFO}=cn-hangzhou:vpc-bp1abc\n`,
  },
  {
    what: 'zone for region',
    dialect: 'sparkConf',
    text: `${ENABLE}=true\r\n${INFO}=cn-hangzhou-h:vpc-bp1abc\r\n`,
    codes: ['eni-info-format'],
    fixed: `${ENABLE}=true\r\n${INFO}=cn-hangzhou:vpc-bp1abc\r\n`,
  },
  {
    what: 'zone ap-northeast-1a',
    dialect: 'sparkConf',
    text: `${ENABLE}=true\n${INFO}=ap-northeast-1a:vpc-6we1\n`,
    codes: ['eni-info-format'],
    fixed: `${ENABLE}=true\n${INFO}=ap-northeast-1:vpc-6we1\n`,
  },
  {
    what: 'spaces',
    dialect: 'sparkConf',
    text: `${ENABLE}=true\n${INFO}=cn-hangzhou : vpc-bp1abc\n`,
    codes: ['eni-info-format'],
    fixed: `${ENABLE}=true\n${INFO}=cn-hangzhou:vpc-bp1abc\n`,
  },
  { what: 'malformed', dialect: 'sparkConf', text: `${ENABLE}=true\n${INFO}=vpc-bp1abc\n`, codes: ['eni-info-format'] },
  {
    what: 'VPC without a link',
    dialect: 'sparkConf',
    text: `${ENABLE}=true\n${INFO}=cn-hangzhou:vpc-bp1zzz\n`,
    codes: ['eni-info-unlinked'],
  },
  // The pair.
  {
    what: 'info without enable',
    dialect: 'sparkConf',
    text: `${INFO} cn-hangzhou:vpc-bp1abc\n`,
    codes: ['eni-enable-missing'],
    fixed: `${INFO} cn-hangzhou:vpc-bp1abc\n${ENABLE} true\n`,
  },
  {
    what: 'enable false',
    dialect: 'sparkConf',
    text: `${ENABLE}=false\n${INFO}=cn-hangzhou:vpc-bp1abc\n`,
    codes: ['eni-enable-missing'],
    fixed: `${ENABLE}=true\n${INFO}=cn-hangzhou:vpc-bp1abc\n`,
  },
  { what: 'enable without info', dialect: 'sparkConf', text: `${ENABLE}=true\n`, codes: ['eni-info-missing'] },
  // Legacy keys and the migration.
  {
    what: 'migrate domain list + smartnat (CRLF)',
    dialect: 'sparkConf',
    text: `spark.hadoop.odps.cupid.vpc.domain.list=${DOMAIN_LIST}\r\nspark.hadoop.odps.cupid.smartnat.enable=true\r\nspark.executor.memory=4g\r\n`,
    codes: ['legacy-vpc-key', 'legacy-vpc-key'],
    fixed: `${ENABLE}=true\r\n${INFO}=cn-hangzhou:vpc-bp1abc\r\nspark.executor.memory=4g\r\n`,
  },
  {
    what: 'pvtz with ENI present',
    dialect: 'sparkConf',
    text: `${ENABLE}=true\n${INFO}=cn-hangzhou:vpc-bp1abc\nspark.hadoop.odps.cupid.pvtz.rolearn=acs:ram::1:role/aliyunodpsdefaultrole\n`,
    codes: ['legacy-vpc-key'],
    fixed: `${ENABLE}=true\n${INFO}=cn-hangzhou:vpc-bp1abc\n`,
  },
  {
    what: 'domain list not JSON',
    dialect: 'sparkConf',
    text: `spark.hadoop.odps.cupid.vpc.domain.list={"regionId":\n`,
    codes: ['domain-list-json', 'legacy-vpc-key'],
  },
  {
    what: 'internet access list',
    dialect: 'sparkConf',
    text: `spark.hadoop.odps.cupid.internet.access.list=google.com:443,bad,example.com:99999\n`,
    codes: ['internet-access-list'],
  },
  {
    what: 'internet access list good',
    dialect: 'sparkConf',
    text: `spark.hadoop.odps.cupid.internet.access.list=google.com:443, oss-cn-hangzhou.aliyuncs.com:80\n`,
    codes: [],
  },
  {
    what: 'SQL flag in Spark conf',
    dialect: 'sparkConf',
    text: `odps.session.networklink=orders_rds\n`,
    codes: ['no-effect-in-spark'],
    fixed: `${ENABLE}=true\n${INFO}=cn-hangzhou:vpc-bp1abc\n`,
  },
  // SQL.
  { what: 'SQL good', dialect: 'sql', text: `SET odps.session.networklink=orders_rds;\nSELECT * FROM t;\n`, codes: [] },
  { what: 'SQL lower case, spaces', dialect: 'sql', text: `set odps.session.networklink = orders_rds;\r\nselect 1;\r\n`, codes: [] },
  {
    what: 'SQL unknown name',
    dialect: 'sql',
    text: `SET odps.session.networklink=order_rds;\nSELECT 1;\n`,
    codes: ['unknown-link'],
    fixed: `SET odps.session.networklink=orders_rds;\nSELECT 1;\n`,
  },
  {
    what: 'SQL name differs in case only',
    dialect: 'sql',
    text: `SET odps.session.networklink=Orders_RDS;\nSELECT 1;\n`,
    codes: ['unknown-link'],
    fixed: `SET odps.session.networklink=orders_rds;\nSELECT 1;\n`,
  },
  {
    what: 'SQL far name: no automatic fix',
    dialect: 'sql',
    text: `SET odps.session.networklink=warehouse;\nSELECT 1;\n`,
    codes: ['unknown-link'],
    fixed: `SET odps.session.networklink=warehouse;\nSELECT 1;\n`,
  },
  { what: 'SQL placeholder', dialect: 'sql', text: `SET odps.session.networklink=<name>;\nSELECT 1;\n`, codes: ['missing-link-name'] },
  {
    what: 'SQL SET alone',
    dialect: 'sql',
    text: `SET odps.session.networklink=orders_rds;\n-- nothing else\nSET odps.sql.type.system.odps2=true;\n`,
    codes: ['set-alone'],
  },
  {
    what: 'SQL comment after SET',
    dialect: 'sql',
    text: `SET odps.session.networklink=orders_rds; -- the link\nSELECT 1;\n`,
    codes: ['comment-after-set'],
    fixed: `-- the link\nSET odps.session.networklink=orders_rds;\nSELECT 1;\n`,
  },
  { what: 'SQL commented-out SET', dialect: 'sql', text: `-- SET odps.session.networklink=nope;\nSELECT 1;\n`, codes: [] },
  {
    what: 'SQL table property',
    dialect: 'sql',
    text: `CREATE EXTERNAL TABLE t (a STRING)\nTBLPROPERTIES ('networklink'='order_rds');\n`,
    codes: ['unknown-link'],
    fixed: `CREATE EXTERNAL TABLE t (a STRING)\nTBLPROPERTIES ('networklink'='orders_rds');\n`,
  },
  {
    what: 'SQL table property, double quotes',
    dialect: 'sql',
    text: `CREATE EXTERNAL TABLE t (a STRING) TBLPROPERTIES ("networklink"="orders_rds");\n`,
    codes: [],
  },
  {
    what: 'Spark key in SQL',
    dialect: 'sql',
    text: `SET ${ENABLE}=true;\nSELECT 1;\n`,
    codes: ['no-effect-in-sql'],
    fixed: `SET ${ENABLE}=true;\nSELECT 1;\n`,
  },
  // spark-submit.
  {
    what: 'submit good',
    dialect: 'shell',
    text: `spark-submit \\\n  --conf ${ENABLE}=true \\\n  --conf "${INFO}=cn-hangzhou:vpc-bp1abc" \\\n  app.jar\n`,
    codes: [],
  },
  {
    what: 'submit reversed, single quotes',
    dialect: 'shell',
    text: `spark-submit --conf ${ENABLE}=true --conf '${INFO}=vpc-bp1abc:cn-hangzhou' app.jar\n`,
    codes: ['eni-info-format'],
    fixed: `spark-submit --conf ${ENABLE}=true --conf '${INFO}=cn-hangzhou:vpc-bp1abc' app.jar\n`,
  },
  {
    what: 'submit info alone',
    dialect: 'shell',
    text: `spark-submit --conf ${INFO}=cn-hangzhou:vpc-bp1abc app.jar\n`,
    codes: ['eni-enable-missing'],
    fixed: `spark-submit --conf ${INFO}=cn-hangzhou:vpc-bp1abc --conf ${ENABLE}=true app.jar\n`,
  },
  { what: 'submit comment line', dialect: 'shell', text: `# --conf ${INFO}=x\n`, codes: [] },
  {
    what: 'submit migrate',
    dialect: 'shell',
    text: `spark-submit \\\n  --conf 'spark.hadoop.odps.cupid.vpc.domain.list=${DOMAIN_LIST}' \\\n  --conf spark.hadoop.odps.cupid.smartnat.enable=true \\\n  app.jar\n`,
    codes: ['legacy-vpc-key', 'legacy-vpc-key'],
    fixed: `spark-submit \\\n  --conf ${ENABLE}=true --conf ${INFO}=cn-hangzhou:vpc-bp1abc \\\n  app.jar\n`,
  },
  // Code.
  {
    what: 'PySpark config in code',
    dialect: 'python',
    text: `spark = SparkSession.builder.config("${ENABLE}", "true").config('${INFO}', 'cn-hangzhou:vpc-bp1abc').getOrCreate()\n`,
    codes: ['conf-file-only', 'conf-file-only'],
  },
  // No fix writes ENI keys into code (they may not take effect there: Spark on MaxCompute FAQ).
  {
    what: 'PySpark info alone',
    dialect: 'python',
    text: `conf = SparkConf().set("${INFO}", "cn-hangzhou:vpc-bp1abc")\n`,
    codes: ['conf-file-only', 'eni-enable-missing'],
    fixed: `conf = SparkConf().set("${INFO}", "cn-hangzhou:vpc-bp1abc")\n`,
  },
  {
    what: 'Scala domain list in code',
    dialect: 'scala',
    text: `val conf = new SparkConf().set("spark.hadoop.odps.cupid.vpc.domain.list", "${DOMAIN_LIST.replace(/"/g, '\\"')}")\n`,
    codes: ['conf-file-only', 'legacy-vpc-key', 'domain-list-json'].slice(0, 2) as UsageProblemCode[],
  },
  { what: 'Java comment', dialect: 'java', text: `// conf.set("${INFO}", "x");\n`, codes: [] },
  {
    what: 'PyODPS hints good',
    dialect: 'python',
    text: `o.execute_sql('select 1', hints={'odps.session.networklink': 'orders_rds'})\n`,
    codes: [],
  },
  {
    what: 'PyODPS hints unknown',
    dialect: 'python',
    text: `options.sql.settings = {"odps.session.networklink": "orders_rd"}\n`,
    codes: ['unknown-link'],
    fixed: `options.sql.settings = {"odps.session.networklink": "orders_rds"}\n`,
  },
  {
    what: 'PyODPS SET inside SQL text',
    dialect: 'python',
    text: `o.execute_sql("set odps.session.networklink=orders_rdz; select 1")\n`,
    codes: ['unknown-link'],
    fixed: `o.execute_sql("set odps.session.networklink=orders_rds; select 1")\n`,
  },
  { what: 'Python comment', dialect: 'python', text: `# hints={'odps.session.networklink': 'nope'}\n`, codes: [] },
  // Foreign tables: what the old generator wrote, and each part the templates require.
  {
    what: 'the old RDS table (no SET, no useSSL, obsolete properties)',
    dialect: 'sql',
    text: OLD_RDS,
    codes: ['foreign-table-sets-missing', 'jdbc-location', 'jdbc-obsolete-property', 'jdbc-obsolete-property'],
    fixed: `SET odps.sql.hive.compatible=true;\n${OLD_RDS.replace('?table=', '?useSSL=false&table=')}`,
  },
  {
    what: 'the old HBase table (Aliyun handler, no SET)',
    dialect: 'sql',
    text: OLD_HBASE,
    codes: ['foreign-table-handler', 'foreign-table-sets-missing'],
    fixed: `SET odps.sql.hive.compatible=true;\n${OLD_HBASE.replace('com.aliyun.odps.hbase.HBaseStorageHandler', 'org.apache.hadoop.hive.hbase.HBaseStorageHandler')}`,
  },
  {
    what: 'a Lindorm table without the hbase.version SET',
    dialect: 'sql',
    text: `SET odps.sql.hive.compatible=true;\n${LINDORM_TABLE}`,
    codes: ['foreign-table-sets-missing'],
    fixed: `SET odps.sql.hive.compatible=true;\nSET odps.sql.hbase.version=lindorm;\n${LINDORM_TABLE}`,
  },
  {
    what: 'a Lindorm table with both SETs',
    dialect: 'sql',
    text: `SET odps.sql.hive.compatible = true;\nSET odps.sql.hbase.version=lindorm;\n${LINDORM_TABLE}`,
    codes: [],
  },
  {
    what: "a foreign table without networklink (the link is the person's to pick)",
    dialect: 'sql',
    text: `SET odps.sql.hive.compatible=true;\nCREATE EXTERNAL TABLE t (k STRING)\nSTORED BY 'org.apache.hadoop.hive.hbase.HBaseStorageHandler'\nTBLPROPERTIES ('hbase.table.name'='t');\n`,
    codes: ['foreign-table-link-missing'],
  },
  {
    what: "Hive's JDBC handler for an RDS table",
    dialect: 'sql',
    text: `SET odps.sql.hive.compatible=true;\nCREATE EXTERNAL TABLE t (id BIGINT) STORED BY 'org.apache.hive.storage.jdbc.JdbcStorageHandler' LOCATION 'jdbc:mysql://h:3306/d?useSSL=false&user=u&password=p&table=t' TBLPROPERTIES ('networklink'='orders_rds');\n`,
    codes: ['foreign-table-handler'],
    fixed: `SET odps.sql.hive.compatible=true;\nCREATE EXTERNAL TABLE t (id BIGINT) STORED BY 'com.aliyun.odps.jdbc.JdbcStorageHandler' LOCATION 'jdbc:mysql://h:3306/d?useSSL=false&user=u&password=p&table=t' TBLPROPERTIES ('networklink'='orders_rds');\n`,
  },
  {
    what: 'a JDBC LOCATION without table= (no certain fix)',
    dialect: 'sql',
    text: `SET odps.sql.hive.compatible=true;\nCREATE EXTERNAL TABLE t (id BIGINT) STORED BY 'com.aliyun.odps.jdbc.JdbcStorageHandler' LOCATION 'jdbc:mysql://h:3306/d?useSSL=false&user=u&password=p' TBLPROPERTIES ('networklink'='orders_rds');\n`,
    codes: ['jdbc-location'],
  },
  {
    what: 'a commented-out foreign table',
    dialect: 'sql',
    text: `-- CREATE EXTERNAL TABLE t (k STRING) STORED BY 'com.aliyun.odps.hbase.HBaseStorageHandler';\nSELECT 1;\n`,
    codes: [],
  },
];

describe('link usage checks', () => {
  for (const row of ROWS) {
    it(`${row.dialect}: ${row.what}`, () => {
      const problems = checkUsage(row.text, row.dialect, LINKS);
      assert.deepEqual(
        problems.map((p) => p.code).sort(),
        [...row.codes].sort(),
        JSON.stringify(
          problems.map((p) => p.message),
          null,
          1,
        ),
      );
      for (const p of problems) {
        assert.ok(p.message.length > 10, 'a message in words');
        const line = row.text.split(/\r?\n/)[p.range.start.line]!;
        assert.ok(p.range.end.character <= line.length, `range within line ${p.range.start.line}`);
      }
      if (row.fixed !== undefined) assert.equal(applyEdits(row.text, preferredEdits(problems)), row.fixed);
      // After the preferred fixes, nothing a preferred fix could change is left.
      if (row.fixed !== undefined) {
        const again = checkUsage(row.fixed, row.dialect, LINKS);
        assert.equal(preferredEdits(again).length, 0, JSON.stringify(again.map((p) => p.code)));
      }
    });
  }

  it('offers each known link for a foreign table without one, inside its TBLPROPERTIES', () => {
    const text = `SET odps.sql.hive.compatible=true;\nCREATE EXTERNAL TABLE t (k STRING) STORED BY 'org.apache.hadoop.hive.hbase.HBaseStorageHandler' TBLPROPERTIES ('hbase.table.name'='t');\n`;
    const [problem] = checkUsage(text, 'sql', LINKS);
    assert.deepEqual(
      problem!.fixes.map((f) => f.title),
      ["Add 'networklink'='events_hbase'", "Add 'networklink'='orders_rds'"],
    );
    assert.equal(
      applyEdits(text, problem!.fixes[1]!.edits),
      text.replace("TBLPROPERTIES ('hbase", "TBLPROPERTIES ('networklink'='orders_rds', 'hbase"),
    );
    const bare = `SET odps.sql.hive.compatible=true;\nCREATE EXTERNAL TABLE t (k STRING) STORED BY 'org.apache.hadoop.hive.hbase.HBaseStorageHandler';\n`;
    assert.equal(
      applyEdits(bare, checkUsage(bare, 'sql', LINKS)[0]!.fixes[0]!.edits),
      bare.replace("Handler';", "Handler' TBLPROPERTIES ('networklink'='events_hbase');"),
    );
  });

  it('never quotes a JDBC LOCATION (it may hold a password) in a message', () => {
    const text = `CREATE EXTERNAL TABLE t (id BIGINT) STORED BY 'x.JdbcStorageHandler' LOCATION 'jdbc:mysql://h:3306/d?user=u&password=s3cret' TBLPROPERTIES ('networklink'='orders_rds');\n`;
    const problems = checkUsage(text, 'sql', LINKS);
    assert.ok(problems.some((p) => p.code === 'jdbc-location'));
    for (const p of problems) assert.doesNotMatch(p.message, /s3cret/);
  });

  it('checks the VPC of eni.info against the links once the value is well-formed, not before', () => {
    const zone = `${ENABLE}=true\n${INFO}=ap-northeast-1a:vpc-6we1\n`;
    assert.deepEqual(
      checkUsage(zone, 'sparkConf', LINKS).map((p) => p.code),
      ['eni-info-format'],
    );
    const fixed = applyEdits(zone, preferredEdits(checkUsage(zone, 'sparkConf', LINKS)));
    assert.deepEqual(
      checkUsage(fixed, 'sparkConf', LINKS).map((p) => p.code),
      ['eni-info-unlinked'],
    );
  });

  it('reads a domain list escaped in a Scala string as the JSON it is', () => {
    const broken = `val conf = new SparkConf().set("spark.hadoop.odps.cupid.vpc.domain.list", "${DOMAIN_LIST.slice(0, -1).replace(/"/g, '\\"')}")\n`;
    assert.deepEqual(
      checkUsage(broken, 'scala', LINKS)
        .map((p) => p.code)
        .sort(),
      ['conf-file-only', 'domain-list-json', 'legacy-vpc-key'],
    );
  });

  it('says nothing about names or VPCs when no link is known', () => {
    const problems = checkUsage(`SET odps.session.networklink=anything;\nSELECT 1;\n${''}`, 'sql', []);
    assert.deepEqual(problems, []);
    assert.deepEqual(checkUsage(`${ENABLE}=true\n${INFO}=cn-hangzhou:vpc-zzz\n`, 'sparkConf', []), []);
  });

  it('migrating says whether a link reaches the VPC, and gives the VPC for "Create Network Link"', () => {
    const text = `spark.hadoop.odps.cupid.vpc.domain.list=${DOMAIN_LIST.replace('vpc-bp1abc', 'vpc-bp1new')}\n`;
    const [problem] = checkUsage(text, 'sparkConf', LINKS);
    assert.match(problem!.message, /No known network link reaches vpc-bp1new/);
    assert.deepEqual(problem!.vpc, { regionId: 'cn-hangzhou', vpcId: 'vpc-bp1new', linked: false });
    assert.equal(problem!.fixes[0]!.title, 'Migrate to ENI (cn-hangzhou:vpc-bp1new)');
    const linked = checkUsage(`spark.hadoop.odps.cupid.vpc.domain.list=${DOMAIN_LIST}\n`, 'sparkConf', LINKS)[0]!;
    assert.match(linked.message, /A network link reaches vpc-bp1abc \("orders_rds"\)/);
  });

  it('offers every known VPC of the region for an unlinked eni.info, named by its link', () => {
    const [problem] = checkUsage(`${ENABLE}=true\n${INFO}=cn-hangzhou:vpc-bp1zzz\n`, 'sparkConf', LINKS);
    assert.deepEqual(
      problem!.fixes.map((f) => f.title),
      ['Use cn-hangzhou:vpc-bp1abc (link "orders_rds")'],
    );
  });

  it('keeps ranges on the value inside quotes', () => {
    const text = `spark-submit --conf "${INFO}=vpc-bp1abc:cn-hangzhou"\n`;
    const [setting] = parseSettings(text, 'shell').settings;
    assert.equal(setting!.value, 'vpc-bp1abc:cn-hangzhou');
    assert.equal(text.slice(setting!.valueRange.start.character, setting!.valueRange.end.character), 'vpc-bp1abc:cn-hangzhou');
    assert.equal(text.slice(setting!.keyRange.start.character, setting!.keyRange.end.character), INFO);
  });
});
