import { strict as assert } from 'node:assert';
import {
  applyEdits,
  badInternetAccessEntries,
  checkUsage,
  closestNames,
  readDomainList,
  readEniInfo,
  regionOfZone,
  splitLines,
} from '../../src/core/usage';

describe('link usage values', () => {
  it('reads eni.info and tells its mistakes apart', () => {
    const rows: [string, ReturnType<typeof readEniInfo>][] = [
      ['cn-hangzhou:vpc-bp1abc', { kind: 'ok', regionId: 'cn-hangzhou', vpcId: 'vpc-bp1abc' }],
      ['cn-shanghai-finance-1:vpc-a1', { kind: 'ok', regionId: 'cn-shanghai-finance-1', vpcId: 'vpc-a1' }],
      ['vpc-bp1abc:cn-hangzhou', { kind: 'reversed', fixed: 'cn-hangzhou:vpc-bp1abc' }],
      ['vpc-bp1abc:cn-hangzhou-h', { kind: 'reversed', fixed: 'cn-hangzhou:vpc-bp1abc' }],
      ['cn-hangzhou-h:vpc-bp1abc', { kind: 'zone', zoneId: 'cn-hangzhou-h', fixed: 'cn-hangzhou:vpc-bp1abc' }],
      ['ap-southeast-1a:vpc-t4n', { kind: 'zone', zoneId: 'ap-southeast-1a', fixed: 'ap-southeast-1:vpc-t4n' }],
      [' cn-hangzhou : vpc-bp1abc', { kind: 'spaces', fixed: 'cn-hangzhou:vpc-bp1abc' }],
      ['cn-hangzhou', { kind: 'malformed' }],
      ['cn-hangzhou:sg-bp1', { kind: 'malformed' }],
      ['cn-hangzhou:vpc-a:vpc-b', { kind: 'malformed' }],
      ['', { kind: 'malformed' }],
    ];
    for (const [value, reading] of rows) assert.deepEqual(readEniInfo(value), reading, value);
  });

  it('knows a zone from a region', () => {
    for (const [id, region] of [
      ['cn-hangzhou-k', 'cn-hangzhou'],
      ['us-east-1a', 'us-east-1'],
      ['cn-beijing-z', 'cn-beijing'],
      ['cn-hangzhou', undefined],
      ['us-east-1', undefined],
      ['eu-central-1', undefined],
    ] as const) {
      assert.equal(regionOfZone(id), region, id);
    }
  });

  it('reads the legacy vpc.domain.list JSON', () => {
    assert.deepEqual(readDomainList('{"regionId":"cn-beijing","vpcs":[{"vpcId":"vpc-2ze","zones":[]},{"zones":[]},{"vpcId":"vpc-2zf"}]}'), {
      ok: true,
      regionId: 'cn-beijing',
      vpcIds: ['vpc-2ze', 'vpc-2zf'],
    });
    assert.match((readDomainList('{"regionId": "cn-beijing",') as { reason: string }).reason, /one line of JSON/);
    assert.match((readDomainList('[1]') as { reason: string }).reason, /JSON object/);
    assert.match((readDomainList('{"vpcs":[]}') as { reason: string }).reason, /regionId/);
    assert.match((readDomainList('{"regionId":"x"}') as { reason: string }).reason, /vpcs/);
  });

  it('checks internet.access.list entries', () => {
    assert.deepEqual(badInternetAccessEntries('google.com:443, 1.2.3.4:80,*.aliyuncs.com:443'), []);
    assert.deepEqual(badInternetAccessEntries('google.com,host:0,host:70000,:80, a b:1'), [
      'google.com',
      'host:0',
      'host:70000',
      ':80',
      'a b:1',
    ]);
  });

  it('ranks the closest names, case-insensitively', () => {
    assert.deepEqual(closestNames('Order_RDS', ['events_hbase', 'orders_rds', 'order_rds2']), ['order_rds2', 'orders_rds', 'events_hbase']);
    assert.deepEqual(closestNames('x', [], 3), []);
  });

  it('applies edits in any order, keeping CRLF', () => {
    const text = 'a=1\r\nb=2\r\nc=3';
    const edits = [
      { range: { start: { line: 2, character: 2 }, end: { line: 2, character: 3 } }, newText: '30' },
      { range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, newText: '' },
      { range: { start: { line: 1, character: 3 }, end: { line: 1, character: 3 } }, newText: '\r\nd=4' },
    ];
    assert.equal(applyEdits(text, edits), 'b=2\r\nd=4\r\nc=30');
    assert.deepEqual(splitLines(text), { lines: ['a=1', 'b=2', 'c=3'], eol: '\r\n' });
    assert.equal(splitLines('x\ny').eol, '\n');
  });

  it("reads a dict of Spark keys as no hints (it may be a SparkConf's), and odps.* entries as hints", () => {
    assert.deepEqual(checkUsage('conf = {"spark.hadoop.odps.cupid.eni.info": "vpc-x:cn-hangzhou"}\n', 'python', []), []);
    const [problem] = checkUsage('hints = {"odps.session.networklink": "orders_rdz"}\n', 'python', [
      { name: 'orders_rds', regionId: 'cn-hangzhou', vpcId: 'vpc-1', source: 's' },
    ]);
    assert.equal(
      applyEdits('hints = {"odps.session.networklink": "orders_rdz"}\n', problem!.fixes[0]!.edits),
      'hints = {"odps.session.networklink": "orders_rds"}\n',
    );
  });
});
