import { strict as assert } from 'node:assert';
import type { CustomTargetSpec } from '../../src/targets/custom';
import type { EmrTargetSpec } from '../../src/targets/emr';
import type { HBaseTargetSpec } from '../../src/targets/hbase';
import type { RdsTargetSpec } from '../../src/targets/rds';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isZoneSupported } from '../../src/core/zones';
import { buildSeed, DEFAULT_SEED } from '../../src/emulator/seed';
import { parseSpecFile, type ConnectionSpec, type TargetKind } from '../../src/connectionSpec';

const samplesDir = join(__dirname, '..', '..', 'samples');
const samples = readdirSync(samplesDir)
  .filter((name) => /\.mcvpc\.ya?ml$/.test(name))
  .sort();
const main = buildSeed('default').accounts.find((account) => account.accountId === DEFAULT_SEED.main.accountId)!;

/** Every problem the sample's resources would have in the emulator's default world. */
function seedMismatches(spec: ConnectionSpec): string[] {
  const wrong: string[] = [];
  if (spec.regionId !== DEFAULT_SEED.regionId) wrong.push(`region ${spec.regionId} is not the seed's ${DEFAULT_SEED.regionId}`);
  if (!main.vpcs.some((v) => v.vpcId === spec.vpcId)) wrong.push(`no VPC ${spec.vpcId}`);
  const vSwitch = main.vSwitches.find((v) => v.vSwitchId === spec.vSwitchId);
  if (!vSwitch) wrong.push(`no vSwitch ${spec.vSwitchId}`);
  else {
    if (vSwitch.vpcId !== spec.vpcId) wrong.push(`vSwitch ${spec.vSwitchId} is in ${vSwitch.vpcId}, not ${spec.vpcId}`);
    if (!isZoneSupported(spec.regionId, vSwitch.zoneId)) wrong.push(`vSwitch ${spec.vSwitchId} is in unsupported zone ${vSwitch.zoneId}`);
  }
  if (
    spec.securityGroup.mode === 'existing' &&
    !main.securityGroups.some((g) => g.securityGroupId === (spec.securityGroup.mode === 'existing' && spec.securityGroup.securityGroupId))
  ) {
    wrong.push(`no security group ${spec.securityGroup.securityGroupId}`);
  }
  for (const anyTarget of spec.targets) {
    const target = anyTarget as RdsTargetSpec | HBaseTargetSpec | EmrTargetSpec | CustomTargetSpec;
    const inVpc = (vpcId: string | undefined): boolean => vpcId === spec.vpcId;
    switch (target.kind) {
      case 'rds':
        if (!main.rdsInstances.some((r) => r.dbInstanceId === target.instanceId && inVpc(r.vpcId)))
          wrong.push(`no RDS instance ${target.instanceId} in ${spec.vpcId}`);
        break;
      case 'hbase':
        if (!main.hbaseClusters.some((h) => h.clusterId === target.clusterId && inVpc(h.vpcId)))
          wrong.push(`no HBase cluster ${target.clusterId} in ${spec.vpcId}`);
        break;
      case 'emr':
        if (target.clusterId !== undefined && !main.emrClusters.some((c) => c.clusterId === target.clusterId && inVpc(c.vpcId)))
          wrong.push(`no EMR cluster ${target.clusterId}`);
        if (target.securityGroupId !== undefined && !main.emrClusters.some((c) => c.securityGroupId === target.securityGroupId))
          wrong.push(`no EMR cluster with group ${target.securityGroupId}`);
        break;
      case 'custom':
        break;
    }
  }
  return wrong;
}

describe('spec: samples', () => {
  it('has one sample per target kind, named after it', () => {
    for (const kind of ['rds', 'hbase', 'emr', 'custom'] satisfies TargetKind[])
      assert.ok(samples.includes(`${kind}.mcvpc.yaml`), `samples/${kind}.mcvpc.yaml`);
  });

  for (const name of samples) {
    it(`${name} validates without any problem and uses ids of the emulator's default seed`, () => {
      const { specs, problems } = parseSpecFile(readFileSync(join(samplesDir, name), 'utf8'), name);
      assert.deepEqual(problems, []);
      assert.ok(specs.length >= 1);
      for (const spec of specs) assert.deepEqual(seedMismatches(spec), []);
      const kind = name.replace(/\.mcvpc\.ya?ml$/, '');
      if (['rds', 'hbase', 'emr', 'custom'].includes(kind)) assert.ok(specs[0]!.targets.some((t) => t.kind === kind));
    });
  }

  it('the seed check notices an id the seed does not have', () => {
    const text = readFileSync(join(samplesDir, 'rds.mcvpc.yaml'), 'utf8').replace(DEFAULT_SEED.main.rdsInstanceId, 'rm-bp1doesnotexist');
    const { specs } = parseSpecFile(text);
    assert.deepEqual(seedMismatches(specs[0]!), [`no RDS instance rm-bp1doesnotexist in ${DEFAULT_SEED.main.vpcId}`]);
  });
});
