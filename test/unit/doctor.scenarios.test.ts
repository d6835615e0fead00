/**
 * The doctor against the emulator, driven into broken setups through its API (or seeded): each
 * setup is found with the right verdict and evidence, and repaired by its own fix — an automatic
 * fix through applyPlan (then the doctor passes, and a second run of the same fix changes
 * nothing), or, where only a person can act, exactly what the manual fix says.
 */
import { strict as assert } from 'node:assert';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Cloud } from '../../src/cloud';
import { fixSteps, type DoctorReport, type Hop, type HopVerdict } from '../../src/core/doctor';
import { startEmulator, type Emulator } from '../../src/emulator';
import { buildSeed } from '../../src/emulator/seed';
import { applyDoctorFix, applyPlan, doctorSpec, planSpec, type ApplyReport, type DoctorState } from '../../src/engine';
import type { ConnectionSpec } from '../../src/connectionSpec/types';
import { cloudFor, emulator, tempDir } from './cloud.harness';
import {
  createLinkInConsole,
  DEFAULT_SEED,
  groupIdByName,
  parseOne,
  specText,
  TARGETS,
  replaceRdsBlockByHand,
} from './builders/engineHarness';

const M = DEFAULT_SEED.main;
const FAST = { pollInitialMs: 20, pollMaxMs: 100, visibilityTimeoutMs: 3000 };
const GROUP = 'maxcompute-link';
const VSW_H = '192.168.1.0/24';
const EMR_J = [`  - kind: emr`, `    cluster: ${M.emrClusterId}`].join('\n');
const POLARDB = [`  - kind: polardb`, `    cluster: ${M.polardbClusterId}`, `    access: whitelist`, `    whitelistGroup: maxcompute`].join(
  '\n',
);

async function apply(cloud: Cloud, spec: ConnectionSpec): Promise<ApplyReport> {
  const { plan } = await planSpec(cloud, spec);
  assert.equal(plan.refused, false, plan.checks.map((c) => c.message).join('\n'));
  return applyPlan(cloud, spec, plan, FAST);
}

/** A working link: one apply (the link created through MaxCompute's API). */
async function healthyLink(emu: Emulator, cloud: Cloud, spec: ConnectionSpec): Promise<string> {
  const done = await apply(cloud, spec);
  assert.equal(done.outcome, 'done', JSON.stringify(done.steps, null, 1));
  return groupIdByName(emu, GROUP);
}

function hopOf(report: DoctorReport, id: string): Hop {
  const found = report.hops.find((h) => h.id === id);
  assert.ok(found, `hop ${id} in ${report.hops.map((h) => h.id).join(', ')}`);
  return found;
}

function expectHop(report: DoctorReport, id: string, verdict: HopVerdict, evidenceHas: string): Hop {
  const found = hopOf(report, id);
  assert.equal(found.verdict, verdict, `${id}: ${found.reason}`);
  const text = [found.reason, ...found.evidence.map((e) => `${e.text} ${e.ids.join(' ')}`)].join('\n');
  assert.ok(text.includes(evidenceHas), `${id} evidence names ${evidenceHas}:\n${text}`);
  return found;
}

function failing(report: DoctorReport): string[] {
  return report.hops.filter((h) => h.verdict === 'fail' || h.verdict === 'unknown').map((h) => `${h.id}: ${h.reason}`);
}

/** Applies the automatic fix, checks the doctor passes, and that the same fix run again changes nothing. */
async function fixAndRecheck(cloud: Cloud, spec: ConnectionSpec, state: DoctorState & { report: DoctorReport }): Promise<DoctorReport> {
  assert.ok(fixSteps(state.report).length > 0, 'the report has an automatic fix');
  const first = await applyDoctorFix(cloud, spec, state, FAST);
  assert.equal(first.outcome, 'done', JSON.stringify(first.steps, null, 1));
  assert.ok(
    first.steps.some((s) => s.status === 'done'),
    'the fix changed something',
  );
  const after = await doctorSpec(cloud, spec);
  assert.deepEqual(failing(after.report), [], 'the doctor passes after the fix');
  assert.deepEqual(
    fixSteps(after.report).map((s) => s.id),
    [],
    'nothing left to fix',
  );
  const again = await applyDoctorFix(cloud, spec, state, FAST);
  assert.deepEqual(
    again.steps.map((s) => s.status),
    again.steps.map(() => 'already'),
    'a second run of the fix changes nothing',
  );
  return after.report;
}

describe('doctor: broken setups found and repaired', function () {
  this.timeout(60_000);
  let emu: Emulator;
  let cloud: Cloud;
  beforeEach(async () => {
    emu = await emulator();
    cloud = await cloudFor(emu);
  });
  afterEach(async () => emu.close());

  it('a healthy link passes every hop, with its evidence', async () => {
    const spec = parseOne(specText({ targets: [TARGETS.rdsWhitelist] }));
    const groupId = await healthyLink(emu, cloud, spec);
    const { report } = await doctorSpec(cloud, spec);
    assert.deepEqual(failing(report), []);
    assert.equal(report.verdict, 'pass');
    expectHop(report, 'link-group.return', 'pass', groupId);
    expectHop(report, 'target.0.access', 'pass', VSW_H);
    expectHop(report, 'target.0.egress', 'pass', '3306');
    expectHop(report, 'managed.vpc', 'pass', '0 rules');
  });

  it("1. a Drop of higher priority in the link group's outbound rules", async () => {
    const spec = parseOne(specText({ targets: [TARGETS.rdsWhitelist] }));
    const groupId = await healthyLink(emu, cloud, spec);
    await cloud.ecs.authorizeSecurityGroupEgress({
      RegionId: 'cn-hangzhou',
      SecurityGroupId: groupId,
      Permissions: [{ IpProtocol: 'TCP', PortRange: '3306/3306', DestCidrIp: '192.168.0.0/16', Policy: 'drop', Priority: '1' }],
    });
    const state = await doctorSpec(cloud, spec);
    const hop = expectHop(state.report, 'target.0.egress', 'fail', 'Dropped by rule sgr-');
    assert.equal(state.report.verdict, 'fail');
    assert.equal(hop.fix?.kind, 'steps');
    await fixAndRecheck(cloud, spec, state);
  });

  it('2. a missing whitelist entry (RDS)', async () => {
    const spec = parseOne(specText({ targets: [TARGETS.rdsWhitelist] }));
    await healthyLink(emu, cloud, spec);
    // Someone replaced the block by an office address (a group cannot be left empty).
    await replaceRdsBlockByHand(cloud, VSW_H);
    const state = await doctorSpec(cloud, spec);
    expectHop(state.report, 'target.0.access', 'fail', `No whitelist group covers ${VSW_H}`);
    await fixAndRecheck(cloud, spec, state);
  });

  it('3. a whitelist with only the ENI addresses: warn, and the fix adds the block', async () => {
    const spec = parseOne(specText({ targets: [TARGETS.rdsWhitelist] }));
    await healthyLink(emu, cloud, spec);
    const before = await doctorSpec(cloud, spec);
    const enis = before.live.linkNetworkInterfaces.map((n) => n.privateIpAddress);
    assert.ok(enis.length > 0);
    await cloud.rds.modifySecurityIps({
      RegionId: 'cn-hangzhou',
      DBInstanceId: M.rdsInstanceId,
      DBInstanceIPArrayName: 'maxcompute',
      SecurityIps: enis.join(','),
      ModifyMode: 'Append',
    });
    await cloud.rds.modifySecurityIps({
      RegionId: 'cn-hangzhou',
      DBInstanceId: M.rdsInstanceId,
      DBInstanceIPArrayName: 'maxcompute',
      SecurityIps: VSW_H,
      ModifyMode: 'Delete',
    });
    const state = await doctorSpec(cloud, spec);
    expectHop(state.report, 'target.0.access', 'warn', enis[0]!);
    assert.equal(state.report.verdict, 'warn');
    const after = await fixAndRecheck(cloud, spec, state);
    assert.equal(hopOf(after, 'target.0.access').verdict, 'pass');
  });

  it('4. a wrong port: the EMR group allows 9084, not 9083', async () => {
    const spec = parseOne(specText({ vSwitchId: M.vSwitchIdJ, targets: [EMR_J] }));
    const groupId = await healthyLink(emu, cloud, spec);
    const rule = (port: number) => ({
      IpProtocol: 'TCP',
      PortRange: `${port}/${port}`,
      SourceGroupId: groupId,
      Policy: 'accept' as const,
      Priority: '1',
      NicType: 'intranet' as const,
    });
    await cloud.ecs.revokeSecurityGroup({ RegionId: 'cn-hangzhou', SecurityGroupId: M.emrGroupId, Permissions: [rule(9083)] });
    await cloud.ecs.authorizeSecurityGroup({ RegionId: 'cn-hangzhou', SecurityGroupId: M.emrGroupId, Permissions: [rule(9084)] });
    const state = await doctorSpec(cloud, spec);
    const hop = expectHop(state.report, 'target.0.access', 'fail', 'TCP 9083');
    assert.ok(!hop.reason.includes('8020 or 9000,'), hop.reason);
    await fixAndRecheck(cloud, spec, state);
  });

  it('5. a revoked Hadoop port (NameNode 8020)', async () => {
    const spec = parseOne(specText({ vSwitchId: M.vSwitchIdJ, targets: [EMR_J] }));
    const groupId = await healthyLink(emu, cloud, spec);
    await cloud.ecs.revokeSecurityGroup({
      RegionId: 'cn-hangzhou',
      SecurityGroupId: M.emrGroupId,
      Permissions: [
        { IpProtocol: 'TCP', PortRange: '8020/8020', SourceGroupId: groupId, Policy: 'accept', Priority: '1', NicType: 'intranet' },
      ],
    });
    const state = await doctorSpec(cloud, spec);
    expectHop(state.report, 'target.0.access', 'fail', '8020 or 9000');
    await fixAndRecheck(cloud, spec, state);
  });

  it('6. a Drop of higher priority in the EMR group on the DataNode port', async () => {
    const spec = parseOne(specText({ vSwitchId: M.vSwitchIdJ, targets: [EMR_J] }));
    await healthyLink(emu, cloud, spec);
    await cloud.ecs.authorizeSecurityGroup({
      RegionId: 'cn-hangzhou',
      SecurityGroupId: M.emrGroupId,
      Permissions: [
        { IpProtocol: 'TCP', PortRange: '50000/50100', SourceCidrIp: '192.168.2.0/24', Policy: 'drop', Priority: '1', NicType: 'intranet' },
      ],
    });
    const state = await doctorSpec(cloud, spec);
    expectHop(state.report, 'target.0.access', 'fail', 'drop TCP 50000/50100');
    await fixAndRecheck(cloud, spec, state);
  });

  it('7. a PolarDB whitelist without the vSwitch block', async () => {
    const spec = parseOne(specText({ targets: [POLARDB] }));
    await healthyLink(emu, cloud, spec);
    await cloud.polardb.modifyDBClusterAccessWhitelist({
      RegionId: 'cn-hangzhou',
      DBClusterId: M.polardbClusterId,
      WhiteListType: 'IP',
      ModifyMode: 'Delete',
      DBClusterIPArrayName: 'maxcompute',
      SecurityIps: VSW_H,
    });
    const state = await doctorSpec(cloud, spec);
    expectHop(state.report, 'target.0.access', 'fail', 'whitelist group app: 10.0.0.0/24');
    await fixAndRecheck(cloud, spec, state);
  });

  it('8. an edited MaxCompute-managed group (a drop rule added)', async () => {
    const spec = parseOne(specText({ targets: [TARGETS.rdsWhitelist] }));
    await healthyLink(emu, cloud, spec);
    const managedId = await groupIdByName(emu, `MaxCompute-vpc-${M.vpcId}`);
    await cloud.ecs.authorizeSecurityGroup({
      RegionId: 'cn-hangzhou',
      SecurityGroupId: managedId,
      Permissions: [
        { IpProtocol: 'TCP', PortRange: '1/65535', SourceCidrIp: '0.0.0.0/0', Policy: 'drop', Priority: '1', NicType: 'intranet' },
      ],
    });
    const state = await doctorSpec(cloud, spec);
    expectHop(state.report, 'managed.vpc', 'fail', managedId);
    expectHop(state.report, 'managed.backup', 'pass', '0 rules');
    await fixAndRecheck(cloud, spec, state);
  });

  it('8b. a MaxCompute-managed group edited without a drop (an accept rule added): warn, and the fix takes it back', async () => {
    const spec = parseOne(specText({ targets: [TARGETS.rdsWhitelist] }));
    await healthyLink(emu, cloud, spec);
    const managedId = await groupIdByName(emu, `MaxCompute-vpc-${M.vpcId}`);
    await cloud.ecs.authorizeSecurityGroup({
      RegionId: 'cn-hangzhou',
      SecurityGroupId: managedId,
      Permissions: [
        { IpProtocol: 'TCP', PortRange: '22/22', SourceCidrIp: '10.9.0.0/16', Policy: 'accept', Priority: '1', NicType: 'intranet' },
      ],
    });
    const state = await doctorSpec(cloud, spec);
    const edited = expectHop(state.report, 'managed.vpc', 'warn', managedId);
    assert.match(edited.reason, /was edited: 1 rule\(s\) added to a group MaxCompute manages; the seed/);
    assert.ok(
      edited.evidence.some((e) => e.text.includes('10.9.0.0/16')),
      'the added rule is the evidence',
    );
    expectHop(state.report, 'managed.backup', 'pass', '0 rules');
    const after = await fixAndRecheck(cloud, spec, state);
    expectHop(after, 'managed.vpc', 'pass', '0 rules');
  });

  it("9. return traffic not admitted: the link group's inbound rule removed", async () => {
    const spec = parseOne(specText({ targets: [TARGETS.rdsWhitelist] }));
    const groupId = await healthyLink(emu, cloud, spec);
    await cloud.ecs.revokeSecurityGroup({
      RegionId: 'cn-hangzhou',
      SecurityGroupId: groupId,
      Permissions: [{ IpProtocol: 'ALL', PortRange: '-1/-1', SourceCidrIp: VSW_H, Policy: 'accept', Priority: '1', NicType: 'intranet' }],
    });
    const state = await doctorSpec(cloud, spec);
    expectHop(state.report, 'link-group.return', 'fail', groupId);
    await fixAndRecheck(cloud, spec, state);
  });

  it('10. no ENIs yet, the link API unusable: the console step not done; fixed by the console values, then the grant', async () => {
    emu.setFaults({ deniedActions: ['GetNetworkLink', 'ListNetworkLinks', 'CreateNetworkLink'] });
    const spec = parseOne(specText({ targets: [TARGETS.rdsWhitelist] }));
    const first = await apply(cloud, spec);
    assert.equal(first.outcome, 'waiting-for-console');
    const state = await doctorSpec(cloud, spec);
    const enis = expectHop(state.report, 'network-link.enis', 'fail', M.vSwitchIdH);
    assert.equal(enis.fix?.kind, 'manual');
    const groupId = await groupIdByName(emu, GROUP);
    assert.ok(enis.fix?.summary.includes(groupId) && enis.fix.summary.includes(spec.networkLinkName), enis.fix?.summary);
    expectHop(state.report, 'managed.vpc', 'fail', 'does not exist');
    await createLinkInConsole(emu, spec, groupId);
    // Read rights granted meanwhile: the link the console made is the one MaxCompute lists.
    emu.setFaults({});
    const afterConsole = await doctorSpec(cloud, spec);
    expectHop(afterConsole.report, 'network-link.enis', 'pass', 'eni-');
    expectHop(afterConsole.report, 'network-link', 'pass', 'SUCCESS');
    expectHop(afterConsole.report, 'target.0.access', 'fail', VSW_H);
    await fixAndRecheck(cloud, spec, afterConsole);
  });

  it('11. an advanced link group: fail, repaired as the fix says (a basic group of its own)', async () => {
    const spec = parseOne(specText({ groupId: M.advancedGroupId, targets: [TARGETS.rdsWhitelist] }));
    const state = await doctorSpec(cloud, spec);
    const hop = expectHop(state.report, 'link-group.type', 'fail', 'advanced');
    assert.equal(hop.fix?.kind, 'manual');
    expectHop(state.report, 'target.0.egress', 'fail', 'advanced groups deny outbound traffic by default');
    const repaired = parseOne(specText({ targets: [TARGETS.rdsWhitelist] }));
    await healthyLink(emu, cloud, repaired);
    assert.deepEqual(failing((await doctorSpec(cloud, repaired)).report), []);
  });

  it('12. an unsupported zone: fail, repaired as the fix says (a vSwitch in a supported zone)', async () => {
    const spec = parseOne(specText({ vSwitchId: M.vSwitchIdB, targets: [TARGETS.rdsWhitelist] }));
    await apply(cloud, spec).catch(() => undefined);
    const state = await doctorSpec(cloud, spec);
    const hop = expectHop(state.report, 'zone', 'fail', 'cn-hangzhou-b');
    assert.ok(hop.fix?.summary.includes('supported zone'));
    const repaired = parseOne(specText({ targets: [TARGETS.rdsWhitelist] }));
    await healthyLink(emu, cloud, repaired);
    assert.deepEqual(failing((await doctorSpec(cloud, repaired)).report), []);
  });

  it('13. a group of another VPC: fail, repaired as the fix says', async () => {
    const spec = parseOne(specText({ groupId: M.linkedGroupId, targets: [TARGETS.rdsWhitelist] }));
    const state = await doctorSpec(cloud, spec);
    expectHop(state.report, 'link-group.vpc', 'fail', M.linkedVpcId);
    expectHop(state.report, 'network-link.enis', 'fail', M.vSwitchIdH);
    const repaired = parseOne(specText({ targets: [TARGETS.rdsWhitelist] }));
    await healthyLink(emu, cloud, repaired);
    assert.deepEqual(failing((await doctorSpec(cloud, repaired)).report), []);
  });
});

describe('doctor: a target in another account', function () {
  this.timeout(60_000);
  it("fails the same-account hop with the lookup as evidence; passes once the target is the caller's", async () => {
    const state = buildSeed('default');
    const [main, second] = state.accounts;
    const otherRds = { ...main!.rdsInstances[0]!, dbInstanceId: 'rm-secondaccount0001' };
    second!.rdsInstances.push(otherRds);
    const { dir, remove } = await tempDir();
    const file = path.join(dir, 'state.json');
    await fs.writeFile(file, JSON.stringify(state));
    const emu = await startEmulator({ port: 0, stateFile: file });
    try {
      const cloud = await cloudFor(emu);
      const healthy = parseOne(specText({ targets: [TARGETS.rdsWhitelist] }));
      await healthyLink(emu, cloud, healthy);
      const other = parseOne(
        specText({
          targets: [
            [`  - kind: rds`, `    instance: rm-secondaccount0001`, `    access: whitelist`, `    whitelistGroup: maxcompute`].join('\n'),
          ],
        }),
      );
      const report = (await doctorSpec(cloud, other)).report;
      const hop = expectHop(report, 'target.0.exists', 'fail', M.accountId);
      assert.equal(hop.fix?.kind, 'manual');
      assert.ok(hop.reason.includes('same-account rule'));
      assert.equal(
        report.hops.some((h) => h.id === 'target.0.egress'),
        false,
        'no port hop for a target that cannot be read',
      );
      // The fix: one account holds the link and the target (the spec names the caller's instance).
      assert.deepEqual(failing((await doctorSpec(cloud, healthy)).report), []);
    } finally {
      await emu.close();
      await remove();
    }
  });
});

describe('doctor: a VPC another account shares with the caller', function () {
  this.timeout(60_000);
  it("fails the same-account hop naming the owner, with a manual fix; passes for the caller's own VPC", async () => {
    const state = buildSeed('default');
    const [main, second] = state.accounts;
    const { dir, remove } = await tempDir();
    const file = path.join(dir, 'state.json');
    const sharedState = structuredClone(state);
    sharedState.accounts[0]!.vpcs.find((v) => v.vpcId === M.vpcId)!.ownerId = second!.accountId;
    await fs.writeFile(file, JSON.stringify(sharedState));
    const emu = await startEmulator({ port: 0, stateFile: file });
    try {
      const cloud = await cloudFor(emu);
      const spec = parseOne(specText({ targets: [TARGETS.rdsWhitelist] }));
      const { report } = await doctorSpec(cloud, spec);
      const hop = expectHop(report, 'account', 'fail', second!.accountId);
      assert.match(hop.reason, new RegExp(`belongs to account ${second!.accountId}, but the caller is ${main!.accountId}`));
      assert.equal(hop.fix?.kind, 'manual');
      assert.match(hop.fix?.summary ?? '', new RegExp(`Sign in with account ${second!.accountId}`));
      assert.equal(report.verdict, 'fail');
    } finally {
      await emu.close();
      await remove();
    }
    const own = await emulator();
    try {
      const { report } = await doctorSpec(await cloudFor(own), parseOne(specText({ targets: [TARGETS.rdsWhitelist] })));
      expectHop(report, 'account', 'pass', M.accountId);
    } finally {
      await own.close();
    }
  });
});
