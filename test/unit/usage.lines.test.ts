import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  checkUsage,
  DIALECTS,
  dialectOfLanguage,
  dialectOfPath,
  foreignTableStatement,
  sparkEniLines,
  sqlNetworkLinkText,
  UsageFormError,
  usageCompletions,
  type Dialect,
  type KnownLink,
} from '../../src/core/usage';
import { snippetFileText, usageSnippets } from '../../src/core/usage/snippets';
import { SUPPORTED_REGIONS } from '../../src/core/zones';

const ROOT = join(__dirname, '..', '..');
const LINK = { networkLinkName: 'orders_rds', regionId: 'cn-hangzhou', vpcId: 'vpc-bp1abc' };
const LINKS: KnownLink[] = [
  { name: 'orders_rds', regionId: 'cn-hangzhou', vpcId: 'vpc-bp1abc', source: 'orders.mcvpc.yaml' },
  { regionId: 'cn-beijing', vpcId: 'vpc-2zedetected', source: 'detected in the cloud' },
];

describe('link usage lines in each form', () => {
  it('writes the ENI pair in every Spark form, and each passes the checks', () => {
    const expected: Partial<Record<Dialect, string[]>> = {
      sparkConf: ['spark.hadoop.odps.cupid.eni.enable=true', 'spark.hadoop.odps.cupid.eni.info=cn-hangzhou:vpc-bp1abc'],
      shell: ['--conf spark.hadoop.odps.cupid.eni.enable=true \\', '--conf spark.hadoop.odps.cupid.eni.info=cn-hangzhou:vpc-bp1abc \\'],
    };
    for (const [dialect, lines] of Object.entries(expected) as [Dialect, string[]][]) assert.deepEqual(sparkEniLines(dialect, LINK), lines);
    assert.deepEqual(sparkEniLines('sparkConf', LINK, ' '), [
      'spark.hadoop.odps.cupid.eni.enable true',
      'spark.hadoop.odps.cupid.eni.info cn-hangzhou:vpc-bp1abc',
    ]);
    for (const dialect of ['sparkConf', 'shell'] as const) {
      const text = `${dialect === 'shell' ? 'spark-submit \\\n' : ''}${sparkEniLines(dialect, LINK).join('\n')}\n`;
      assert.deepEqual(checkUsage(text, dialect, LINKS), [], dialect);
    }
  });

  it('refuses a form that cannot hold the lines, saying where they belong', () => {
    assert.throws(
      () => sparkEniLines('sql', LINK),
      (e: unknown) => e instanceof UsageFormError && /spark-defaults\.conf/.test(e.message),
    );
    assert.throws(
      () => sqlNetworkLinkText('shell', 'x'),
      (e: unknown) => e instanceof UsageFormError && /eni\.enable/.test(e.message),
    );
    assert.throws(
      () => sparkEniLines('scala', LINK),
      (e: unknown) => e instanceof UsageFormError && /may not take effect/.test(e.message),
    );
  });

  it('writes the SQL flag as a SET or as PyODPS hints', () => {
    assert.equal(sqlNetworkLinkText('sql', 'orders_rds'), 'SET odps.session.networklink=orders_rds;');
    assert.equal(sqlNetworkLinkText('python', 'orders_rds'), "hints={'odps.session.networklink': 'orders_rds'}");
    assert.deepEqual(checkUsage(`SET odps.session.networklink=orders_rds;\nSELECT 1;\n`, 'sql', LINKS), []);
    assert.deepEqual(checkUsage(`o.execute_sql('select 1', ${sqlNetworkLinkText('python', 'orders_rds')})\n`, 'python', LINKS), []);
  });

  it('writes foreign tables that name the link and pass the checks', () => {
    for (const kind of ['rds', 'hbase', 'lindorm'] as const) {
      const text = foreignTableStatement(kind, { networkLinkName: 'orders_rds' });
      assert.match(text, /'networklink'='orders_rds'/);
      assert.doesNotMatch(text, /\$\{/);
      assert.deepEqual(checkUsage(`${text}\n`, 'sql', LINKS), [], kind);
    }
    assert.match(foreignTableStatement('rds', { networkLinkName: 'l' }, true), /\$\{1:mysql_orders\}.*\n[\s\S]*\$\{2:rm-/);
    // In a snippet the link is a tab stop too, after the others.
    assert.match(foreignTableStatement('hbase', {}, true), /'networklink'='\$\{4:network_link_name\}'/);
  });

  it('knows the dialect of each file name and language', () => {
    const paths: [string, Dialect | undefined][] = [
      ['a/b/job.SQL', 'sql'],
      ['conf/spark-defaults.conf', 'sparkConf'],
      ['x.spark.conf', 'sparkConf'],
      ['run.sh', 'shell'],
      ['C:\\jobs\\main.py', 'python'],
      ['Job.scala', 'scala'],
      ['Job.java', 'java'],
      ['README.md', undefined],
    ];
    for (const [path, dialect] of paths) assert.equal(dialectOfPath(path), dialect, path);
    assert.equal(dialectOfLanguage('spark-properties'), 'sparkConf');
    assert.equal(dialectOfLanguage('shellscript'), 'shell');
    assert.equal(dialectOfLanguage('markdown'), undefined);
    assert.equal(DIALECTS.length, 6);
  });
});

describe('link usage completions', () => {
  const labels = (prefix: string): string[] => usageCompletions(prefix, LINKS).map((c) => c.label);
  it('offers named links after the SQL flag, in table properties and in PyODPS hints', () => {
    for (const prefix of [
      'SET odps.session.networklink=',
      'set odps.session.networklink = ord',
      "TBLPROPERTIES ('networklink'='",
      "hints={'odps.session.networklink': '",
    ])
      assert.deepEqual(labels(prefix), ['orders_rds'], prefix);
    const [item] = usageCompletions('SET odps.session.networklink=ord', LINKS);
    assert.equal(item!.replaceFrom, 'SET odps.session.networklink='.length);
    assert.match(item!.detail, /cn-hangzhou:vpc-bp1abc · orders\.mcvpc\.yaml/);
  });
  it('offers regionId:vpcId of every known link after eni.info, labelled with the link', () => {
    for (const prefix of [
      'spark.hadoop.odps.cupid.eni.info=',
      'spark.hadoop.odps.cupid.eni.info   cn',
      'spark.hadoop.odps.cupid.eni.info: ',
      '.config("spark.hadoop.odps.cupid.eni.info", "',
      '--conf spark.hadoop.odps.cupid.eni.info=',
    ]) {
      assert.deepEqual(labels(prefix), ['cn-hangzhou:vpc-bp1abc', 'cn-beijing:vpc-2zedetected'], prefix);
    }
    assert.deepEqual(
      usageCompletions('spark.hadoop.odps.cupid.eni.info=', LINKS).map((c) => c.detail),
      ['network link "orders_rds"', 'network link (unnamed) · detected in the cloud'],
    );
  });
  it('offers the Cupid keys after spark.hadoop.odps.cupid.', () => {
    const items = usageCompletions('--conf spark.hadoop.odps.cupid.e', LINKS);
    assert.ok(items.some((i) => i.label === 'spark.hadoop.odps.cupid.eni.info'));
    assert.equal(items[0]!.replaceFrom, '--conf '.length);
  });
  it('offers nothing elsewhere', () => {
    for (const prefix of ['SELECT * FROM ', 'spark.executor.memory=', '']) assert.deepEqual(labels(prefix), [], prefix);
  });
});

/** A snippet body with each placeholder given its sample value (choices: the first). */
function expand(body: string[]): string {
  const samples: Record<string, string> = {
    network_link_name: 'orders_rds',
    vpc_id: 'vpc-bp1abc',
    host_name: 'oss-cn-hangzhou.aliyuncs.com',
  };
  return body
    .join('\n')
    .replace(/\$\{\d+\|([^,|]+)[^|]*\|\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, (_, name: string) => samples[name] ?? name)
    .replace(/\$\d+/g, '');
}

describe('snippets', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    contributes: { snippets: { language: string; path: string }[] };
  };
  for (const { language, path } of manifest.contributes.snippets) {
    const snippets = JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as Record<
      string,
      { prefix: string[]; body: string[]; description: string }
    >;
    for (const [name, snippet] of Object.entries(snippets)) {
      it(`${language}: "${name}" expanded with sample values passes the checks`, () => {
        const dialect = dialectOfLanguage(language)!;
        const text = `${dialect === 'shell' ? 'spark-submit \\\n' : ''}${expand(snippet.body)}\n${dialect === 'shell' ? 'app.jar\n' : ''}`;
        assert.doesNotMatch(text, /\$\{|\$\d/, 'every placeholder expanded');
        assert.deepEqual(checkUsage(text, dialect, LINKS), [], text);
        assert.ok(snippet.description.length > 20 && snippet.prefix.length > 0);
      });
    }
  }
  it('offer exactly the supported regions as choices', () => {
    const body = (JSON.parse(readFileSync(join(ROOT, 'snippets/spark-properties.json'), 'utf8')) as Record<string, { body: string[] }>)[
      'Spark on MaxCompute: network link (ENI)'
    ]!.body.join('\n');
    assert.equal(/\$\{1\|([^|]*)\|\}/.exec(body)![1], SUPPORTED_REGIONS.map((r) => r.regionId).join(','));
  });
  it('are the committed output of the usage generator (npm run generate:snippets), one file each contributed', () => {
    const generated = usageSnippets();
    assert.deepEqual(
      Object.keys(generated).sort(),
      [...new Set(manifest.contributes.snippets.map((s) => s.path.replace(/^\.\//, '')))].sort(),
    );
    for (const [path, snippets] of Object.entries(generated))
      assert.equal(readFileSync(join(ROOT, path), 'utf8'), snippetFileText(snippets), `${path} is behind: run npm run generate:snippets`);
  });
  it('write the foreign tables exactly as the insert command does', () => {
    const sql = usageSnippets()['snippets/sql.json']!;
    assert.equal(sql['MaxCompute: foreign table over RDS MySQL']!.body.join('\n'), foreignTableStatement('rds', {}, true));
    assert.equal(sql['MaxCompute: foreign table over Lindorm']!.body.join('\n'), foreignTableStatement('lindorm', {}, true));
  });
});
