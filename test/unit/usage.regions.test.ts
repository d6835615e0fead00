/** The regions a document names (where `mcvpc lint --profile` looks for links) and detected links as known links. */
import { strict as assert } from 'node:assert';
import { checkUsage, knownLinksOfDetected, regionsNamed } from '../../src/core/usage';

describe('regions a document names', () => {
  it('reads eni.info (corrected when the check can correct it) and vpc.domain.list', () => {
    const conf = [
      'spark.hadoop.odps.cupid.eni.info=cn-beijing:vpc-2ze1',
      'spark.hadoop.odps.cupid.eni.info vpc-bp1:cn-hangzhou-h',
      'spark.hadoop.odps.cupid.eni.info=ap-southeast-1a:vpc-t4n1',
      'spark.hadoop.odps.cupid.eni.info=not a value',
      'spark.hadoop.odps.cupid.vpc.domain.list={"regionId":"cn-shanghai","vpcs":[{"vpcId":"vpc-uf6","zones":[]}]}',
      'spark.hadoop.odps.cupid.eni.info=cn-beijing:vpc-2ze2',
    ].join('\r\n');
    assert.deepEqual(regionsNamed(conf, 'sparkConf'), ['ap-southeast-1', 'cn-beijing', 'cn-hangzhou', 'cn-shanghai']);
    assert.deepEqual(regionsNamed('spark-submit --conf spark.hadoop.odps.cupid.eni.info=cn-shenzhen:vpc-wz9 job.jar\n', 'shell'), [
      'cn-shenzhen',
    ]);
    assert.deepEqual(regionsNamed('SET odps.session.networklink=orders;\nSELECT 1;\n', 'sql'), []);
  });

  it('a detected link links its VPC once and vouches for no name', () => {
    const links = knownLinksOfDetected([{ vpcId: 'vpc-bp1a' }, { vpcId: 'vpc-bp1a' }], 'cn-hangzhou', 'detected in the cloud');
    assert.deepEqual(links, [{ regionId: 'cn-hangzhou', vpcId: 'vpc-bp1a', source: 'detected in the cloud' }]);
    const spark = 'spark.hadoop.odps.cupid.eni.enable=true\nspark.hadoop.odps.cupid.eni.info=cn-hangzhou:vpc-bp1a\n';
    assert.deepEqual(checkUsage(spark, 'sparkConf', links), []);
    const other = spark.replace('vpc-bp1a', 'vpc-bp1b');
    assert.deepEqual(
      checkUsage(other, 'sparkConf', links).map((p) => p.code),
      ['eni-info-unlinked'],
    );
    const named = [...links, { name: 'orders', regionId: 'cn-hangzhou', vpcId: 'vpc-bp1z', source: 'orders.mcvpc.yaml' }];
    assert.deepEqual(
      checkUsage('SET odps.session.networklink=vpc-bp1a;\nSELECT 1;\n', 'sql', named).map((p) => p.code),
      ['unknown-link'],
    );
  });
});
