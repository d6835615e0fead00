/**
 * Small facts of three kinds, each checked against Alibaba's SDK models or doc samples: HBase
 * Performance-enhanced clusters have ld- ids; DescribeIpWhitelist's IpList comes in three shapes;
 * a PolarDB whitelist group name starts with a letter.
 */
import { strict as assert } from 'node:assert';
import { parseSpecFile } from '../../src/connectionSpec';
import { whitelistEntries } from '../../src/targets/hbase';
import { specText } from './builders/engineHarness';

const errors = (target: string[]): string[] =>
  parseSpecFile(specText({ targets: [target.join('\n')] }), 't.mcvpc.yaml')
    .problems.filter((p) => p.severity === 'error')
    .map((p) => p.message);

describe('small facts of the target kinds', () => {
  it('HBase: a cluster id of the ld- form (Performance-enhanced, made in the Lindorm console) is accepted; other prefixes are not', () => {
    assert.deepEqual(errors(['  - kind: hbase', '    cluster: ld-bp1z3506imz2f1234']), []);
    assert.deepEqual(errors(['  - kind: hbase', '    cluster: hb-bp1z3506imz2f1234']), []);
    assert.match(errors(['  - kind: hbase', '    cluster: pc-bp1z3506imz2f1234']).join('\n'), /starts with hb- or ld-/);
  });

  it("HBase: reads IpList as {Ip: [...]}, {IP: [...]} and the newer sample's flat array; refuses anything else", () => {
    assert.deepEqual(whitelistEntries({ Ip: ['10.0.0.1'] }), ['10.0.0.1']);
    assert.deepEqual(whitelistEntries({ IP: ['10.0.0.2'] }), ['10.0.0.2']);
    assert.deepEqual(whitelistEntries(['10.0.0.3', '10.1.0.0/16']), ['10.0.0.3', '10.1.0.0/16']);
    assert.deepEqual(whitelistEntries(undefined), []);
    assert.equal(whitelistEntries({ Ips: ['10.0.0.4'] }), undefined);
    assert.equal(whitelistEntries([10]), undefined);
    assert.equal(whitelistEntries('10.0.0.5'), undefined);
  });

  it('PolarDB: a whitelist group name must start with a letter', () => {
    const polardb = (group: string) => ['  - kind: polardb', '    cluster: pc-bp1abc2def3ghi4jk', `    whitelistGroup: ${group}`];
    assert.deepEqual(errors(polardb('maxcompute2')), []);
    assert.match(errors(polardb('2maxcompute')).join('\n'), /starts with a lower-case letter/);
  });
});
