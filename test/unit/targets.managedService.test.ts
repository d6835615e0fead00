/**
 * The managed-service factory's options, through the kinds that use them: the access choice
 * only where the service has security groups, the group limit only where it has one, and what
 * apply re-reads (the list alone, or the resource with it where one call answers both lists).
 */
import { strict as assert } from 'node:assert';
import type { Cloud } from '../../src/cloud';
import type { LindormInstance } from '../../src/cloud/products/lindorm';
import type { RdsInstance } from '../../src/cloud/products/rds';
import type { TargetCheckContext } from '../../src/core/plan';
import type { Emulator } from '../../src/emulator';
import { plainReads } from '../../src/engine/readLiveState';
import type { AnyTargetKind, TargetApplyContext } from '../../src/targets';
import { hbaseKind } from '../../src/targets/hbase';
import { lindormKind } from '../../src/targets/lindorm';
import { polardbKind } from '../../src/targets/polardb';
import { RDS_MAX_SECURITY_GROUPS, rdsKind } from '../../src/targets/rds';
import { DEFAULT_SEED, emulatorForTests } from './cloud.harness';
import * as b from './builders/planBuilders';

const M = DEFAULT_SEED.main;
const REGION = DEFAULT_SEED.regionId;
const VSW_H_CIDR = '192.168.1.0/24';

const rdsInstance: RdsInstance = {
  kind: 'rds',
  instanceId: 'rm-1',
  regionId: REGION,
  description: '',
  engine: 'MySQL',
  engineVersion: '8.0',
  vpcId: b.VPC,
  vSwitchId: b.VSW,
  status: 'Running',
  port: 3306,
};
const lindormInstance: LindormInstance = {
  kind: 'lindorm',
  instanceId: 'ld-1',
  regionId: REGION,
  name: '',
  vpcId: b.VPC,
  zoneId: 'cn-hangzhou-h',
  status: 'ACTIVATION',
  engineType: 4,
  serviceType: 'lindorm',
};

/** A target of the kind as the parser builds it from `data`. */
function parsed(kind: AnyTargetKind, data: Record<string, unknown>) {
  const r = b.lineRange(12);
  return kind.buildSpec(
    { data, range: () => r },
    { index: 0, label: kind.derivedLabel(data), labelGiven: false, range: r, ranges: { kind: r, label: r } },
  );
}

describe('managed-service kinds: the factory options', () => {
  it('offers the whitelist-or-group choice only where the service has security groups', () => {
    assert.deepEqual(rdsKind.service?.formOffer(rdsInstance).access?.modes, ['whitelist', 'securityGroup']);
    assert.deepEqual(rdsKind.service?.formItem(rdsInstance, { ports: [3306], access: 'securityGroup' }), {
      kind: 'rds',
      instance: 'rm-1',
      access: 'securityGroup',
    });
    const lindormOffer = lindormKind.service?.formOffer(lindormInstance);
    assert.equal(lindormOffer !== undefined && 'access' in lindormOffer, false);
    assert.deepEqual(lindormKind.service?.formItem(lindormInstance, { ports: [30020], access: 'securityGroup' }), {
      kind: 'lindorm',
      instance: 'ld-1',
      access: 'whitelist',
      whitelistGroup: 'maxcompute',
    });
  });

  it('refuses a security-group grant at the limit only where the service has one (RDS 10, HBase none)', () => {
    const ctx: TargetCheckContext = { spec: b.spec(), linkGroupId: b.LINK_GROUP };
    const groups = (n: number) => Array.from({ length: n }, (_, i) => `sg-${i}`);
    const rds = parsed(rdsKind, { kind: 'rds', instance: 'rm-1', access: 'securityGroup' });
    const codes = (kind: AnyTargetKind, target: unknown, n: number, resource: unknown) =>
      kind.liveChecks(target, { kind: kind.kind, resource, whitelist: [], securityGroupIds: groups(n) }, ctx).map((c) => c.code);
    assert.deepEqual(codes(rdsKind, rds, RDS_MAX_SECURITY_GROUPS - 1, rdsInstance), []);
    assert.deepEqual(codes(rdsKind, rds, RDS_MAX_SECURITY_GROUPS, rdsInstance), ['too-many-security-groups']);
    const hbase = parsed(hbaseKind, { kind: 'hbase', cluster: 'hb-1', access: 'securityGroup' });
    assert.deepEqual(
      codes(hbaseKind, hbase, 20, {
        kind: 'hbase',
        clusterId: 'hb-1',
        regionId: REGION,
        name: '',
        vpcId: b.VPC,
        vSwitchId: b.VSW,
        status: 'ACTIVATION',
      }),
      [],
    );
  });

  describe('against the emulator', function () {
    this.timeout(30_000);
    let emu: Emulator;
    let cloud: Cloud;
    emulatorForTests((e, c) => ((emu = e), (cloud = c)), 'suite');

    const applyContext = (): TargetApplyContext => ({
      cloud,
      regionId: REGION,
      vpcId: M.vpcId,
      vSwitchCidr: VSW_H_CIDR,
      linkGroupId: M.basicGroupId,
      reads: plainReads(cloud, REGION, {}),
      throwIfCancelled: () => undefined,
    });
    async function actions(run: () => Promise<unknown>): Promise<string[]> {
      emu.clearRequests();
      await run();
      return emu.requests().map((r) => r.action);
    }

    it('apply re-reads only the list it changes where each list has its call (RDS)', async () => {
      const target = parsed(rdsKind, { kind: 'rds', instance: M.rdsInstanceId });
      assert.deepEqual(await actions(() => rdsKind.apply(target, 'grant', applyContext())), [
        'DescribeDBInstanceIPArrayList',
        'ModifySecurityIps',
        'DescribeDBInstanceIPArrayList',
        'DescribeDBInstanceIPArrayList',
      ]);
    });

    it('apply re-reads the cluster with its lists where one call answers both (PolarDB), so a cluster gone has nothing to take back', async () => {
      const target = parsed(polardbKind, { kind: 'polardb', cluster: M.polardbClusterId });
      const grant = await actions(() => polardbKind.apply(target, 'grant', applyContext()));
      assert.deepEqual(
        grant.filter((a) => a.startsWith('Describe')),
        [
          'DescribeDBClusters',
          'DescribeDBClusterAccessWhitelist',
          'DescribeDBClusters',
          'DescribeDBClusterAccessWhitelist',
          'DescribeDBClusters',
          'DescribeDBClusterAccessWhitelist',
        ],
      );
      const gone = parsed(polardbKind, { kind: 'polardb', cluster: 'pc-gone' });
      assert.deepEqual(await polardbKind.apply(gone, 'revoke', applyContext()), {
        status: 'already',
        detail: `whitelist group maxcompute of PolarDB cluster pc-gone holds no ${VSW_H_CIDR}`,
      });
    });

    it('reads nothing more of a resource that does not exist', async () => {
      const rds = parsed(rdsKind, { kind: 'rds', instance: 'rm-gone' });
      const reads = plainReads(cloud, REGION, {});
      assert.deepEqual(await actions(() => rdsKind.readLive(cloud, REGION, rds, reads, {})), ['DescribeDBInstances']);
      const lindorm = parsed(lindormKind, { kind: 'lindorm', instance: 'ld-gone' });
      assert.deepEqual(await actions(() => lindormKind.readLive(cloud, REGION, lindorm, reads, {})), ['GetLindormInstance']);
      assert.deepEqual(await lindormKind.readLive(cloud, REGION, lindorm, reads, {}), {
        kind: 'lindorm',
        whitelist: [],
        securityGroupIds: [],
      });
    });
  });
});
