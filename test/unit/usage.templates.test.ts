/**
 * Golden tests: each generated statement held against the required parts of the template Alibaba
 * documents for it (the page is named next to each fact in src/core/usage/facts.ts). They check the
 * parts a run depends on — the SETs, the handler class, the LOCATION's shape, the properties — so
 * that a sample value may change without a test change, and a dropped part fails.
 */
import { strict as assert } from 'node:assert';
import { checkUsage, foreignTableStatement, sparkEniLines, sqlNetworkLinkText, UsageFormError, type KnownLink } from '../../src/core/usage';
import { usageSnippets } from '../../src/core/usage/snippets';

const LINKS: KnownLink[] = [{ name: 'orders_rds', regionId: 'cn-hangzhou', vpcId: 'vpc-bp1abc', source: 'orders.mcvpc.yaml' }];

/** The parts of one generated CREATE EXTERNAL TABLE and the SETs before it. */
function parts(text: string): {
  sets: string[];
  storedBy?: string;
  location?: string;
  serde: Map<string, string>;
  properties: Map<string, string>;
  comments: string[];
} {
  const lines = text.split('\n');
  const create = lines.findIndex((l) => /^CREATE EXTERNAL TABLE /.test(l));
  assert.ok(create >= 0, 'a CREATE EXTERNAL TABLE');
  const body = lines.slice(create).join('\n');
  const pairs = (section: RegExp): Map<string, string> => {
    const m = section.exec(body);
    return new Map(m === null ? [] : [...m[1]!.matchAll(/'([^']+)'='([^']*)'/g)].map((p) => [p[1]!, p[2]!]));
  };
  return {
    sets: lines.slice(0, create).filter((l) => /^SET /.test(l)),
    comments: lines.slice(0, create).filter((l) => l.startsWith('--')),
    storedBy: /^STORED BY '([^']+)'$/m.exec(body)?.[1],
    location: /^LOCATION '([^']+)'$/m.exec(body)?.[1],
    serde: pairs(/WITH SERDEPROPERTIES \(([^)]*)\)/),
    properties: pairs(/TBLPROPERTIES \(([\s\S]*)\);$/),
  };
}

describe('generated statements against the documented templates', () => {
  it('SQL session: SET odps.session.networklink=<name>; (seed procedure step 3)', () => {
    assert.equal(sqlNetworkLinkText('sql', 'orders_rds'), 'SET odps.session.networklink=orders_rds;');
  });

  it('RDS / PolarDB for MySQL: the JDBC template of "ApsaraDB for MySQL external tables"', () => {
    for (const snippet of [false, true]) {
      const text = foreignTableStatement('rds', { networkLinkName: 'orders_rds' }, snippet);
      const p = parts(text);
      assert.deepEqual(p.sets, ['SET odps.sql.hive.compatible=true;'], 'the Hive-compatible SET, submitted with it');
      assert.equal(p.storedBy, 'com.aliyun.odps.jdbc.JdbcStorageHandler');
      const plain = p.location!.replace(/\$\{\d+:([^}]*)\}/g, '$1');
      assert.match(plain, /^jdbc:mysql:\/\/[^/?:]+:\d+\/[^/?]+\?useSSL=false&user=[^&]+&password=[^&]+&table=[^&]+$/);
      // Credentials are placeholders (tab stops in the snippet), never a value.
      assert.match(p.location!, snippet ? /user=\$\{\d+:<user>\}&password=\$\{\d+:<password>\}/ : /user=<user>&password=<password>/);
      assert.deepEqual([...p.properties.keys()].sort(), ['mcfed.mapreduce.jdbc.input.query', 'networklink']);
      assert.equal(p.properties.get('networklink'), 'orders_rds');
      assert.ok(
        p.comments.some((c) => /password/.test(c) && /logs/.test(c)),
        'a note where credentials go',
      );
    }
  });

  it('HBase: Hive\'s HBaseStorageHandler with the Hive-compatible SET ("ApsaraDB for HBase external tables")', () => {
    const p = parts(foreignTableStatement('hbase', { networkLinkName: 'orders_rds' }));
    assert.deepEqual(p.sets, ['SET odps.sql.hive.compatible=true;']);
    assert.equal(p.storedBy, 'org.apache.hadoop.hive.hbase.HBaseStorageHandler');
    assert.match(p.serde.get('hbase.columns.mapping')!, /^:key,/);
    for (const key of ['hbase.table.name', 'hbase.zookeeper.quorum', 'networklink']) assert.ok(p.properties.get(key), key);
    assert.equal(p.location, undefined);
  });

  it('Lindorm: odps.sql.hbase.version=lindorm after the Hive-compatible SET ("Lindorm external tables")', () => {
    const p = parts(foreignTableStatement('lindorm', { networkLinkName: 'orders_rds' }));
    assert.deepEqual(p.sets, ['SET odps.sql.hive.compatible=true;', 'SET odps.sql.hbase.version=lindorm;']);
    assert.equal(p.storedBy, 'org.apache.hadoop.hive.hbase.HBaseStorageHandler');
    assert.match(p.properties.get('hbase.zookeeper.quorum')!, /^ld-[^.]+-proxy-lindorm\.lindorm\.rds\.aliyuncs\.com:30020$/);
    for (const key of ['hbase.table.name', 'networklink']) assert.ok(p.properties.get(key), key);
  });

  it('every foreign table it writes passes the checks', () => {
    for (const kind of ['rds', 'hbase', 'lindorm'] as const)
      assert.deepEqual(checkUsage(`${foreignTableStatement(kind, { networkLinkName: 'orders_rds' })}\n`, 'sql', LINKS), [], kind);
  });

  it('Spark: spark-defaults.conf lines and spark-submit --conf; never code (Spark on MaxCompute FAQ)', () => {
    const vpc = { regionId: 'cn-hangzhou', vpcId: 'vpc-bp1abc' };
    assert.deepEqual(sparkEniLines('sparkConf', vpc), [
      'spark.hadoop.odps.cupid.eni.enable=true',
      'spark.hadoop.odps.cupid.eni.info=cn-hangzhou:vpc-bp1abc',
    ]);
    assert.deepEqual(sparkEniLines('shell', vpc), [
      '--conf spark.hadoop.odps.cupid.eni.enable=true \\',
      '--conf spark.hadoop.odps.cupid.eni.info=cn-hangzhou:vpc-bp1abc \\',
    ]);
    for (const dialect of ['python', 'scala', 'java'] as const) {
      assert.throws(
        () => sparkEniLines(dialect, vpc),
        (e: unknown) => e instanceof UsageFormError && /may not take effect/.test(e.message) && /spark-defaults\.conf/.test(e.message),
        dialect,
      );
    }
  });

  it("Spark: ENI keys set in code are warned about with the FAQ's reason, and no fix writes more of them into code", () => {
    const text = 'conf = SparkConf().set("spark.hadoop.odps.cupid.eni.info", "cn-hangzhou:vpc-bp1abc")\n';
    const problems = checkUsage(text, 'python', LINKS);
    const inCode = problems.find((p) => p.code === 'conf-file-only')!;
    assert.equal(inCode.severity, 'warning');
    assert.match(inCode.message, /may not take effect \(Spark on MaxCompute FAQ\)/);
    assert.deepEqual(
      problems.flatMap((p) => p.fixes),
      [],
      'no fix adds eni.enable to code',
    );
  });

  it('PyODPS: hints carry the flag, and the snippets say the hint is not documented', () => {
    assert.equal(sqlNetworkLinkText('python', 'orders_rds'), "hints={'odps.session.networklink': 'orders_rds'}");
    for (const snippet of Object.values(usageSnippets()['snippets/python.json']!)) assert.match(snippet.description, /not documented/);
  });
});
