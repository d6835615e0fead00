import { strict as assert } from 'node:assert';
import { linkUsage, formatLinkUsage } from '../../src/core/usage';

describe('link usage lines', () => {
  const input = { networkLinkName: 'rds_link', regionId: 'cn-hangzhou', vpcId: 'vpc-bp1abc' };
  it('gives the exact SQL, foreign-table and Spark lines of the seed procedure', () => {
    const usage = linkUsage(input);
    assert.equal(usage.sql, 'SET odps.session.networklink=rds_link;');
    assert.equal(usage.foreignTable, "TBLPROPERTIES('networklink'='rds_link')");
    assert.deepEqual(usage.spark, ['spark.hadoop.odps.cupid.eni.enable=true', 'spark.hadoop.odps.cupid.eni.info=cn-hangzhou:vpc-bp1abc']);
  });
  it('formats every line into one block', () => {
    const text = formatLinkUsage(input);
    for (const line of ['SET odps.session.networklink=rds_link;', 'spark.hadoop.odps.cupid.eni.info=cn-hangzhou:vpc-bp1abc']) {
      assert.ok(text.split('\n').includes(line), line);
    }
  });
});
