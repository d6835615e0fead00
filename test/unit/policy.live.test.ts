/**
 * The policy rules against the cloud and the plan (core/policy/liveRules.ts), on plans the real
 * planner makes from live state the real client reads from the emulator: MCVPC104 over the
 * whitelist writes of every kind that has one (grant and revoke), and MCVPC101-103 over what the
 * cloud holds after someone changed it through the API.
 */
import { strict as assert } from 'node:assert';
import type { Cloud } from '../../src/cloud';
import type { Emulator } from '../../src/emulator';
import { applyPlan, planSpec, planSpecTeardown } from '../../src/engine';
import { defaultPolicy, liveRuleFindings, type PolicyFinding } from '../../src/core/policy';
import type { Plan, PlanStep } from '../../src/core/plan';
import { policyLink } from '../../src/connectionSpec';
import { cloudFor, emulator } from './cloud.harness';
import { DEFAULT_SEED, groupIdByName, parseOne, specText, TARGETS } from './builders/engineHarness';

const M = DEFAULT_SEED.main;
const FAST = { pollInitialMs: 20, pollMaxMs: 100, visibilityTimeoutMs: 3000 };

/** One target of every kind written through a whitelist; Lindorm's group `user` holds someone else's entry. */
const WHITELIST_TARGETS = [
  TARGETS.rdsWhitelist,
  [`  - kind: polardb`, `    cluster: ${M.polardbClusterId}`, `    access: whitelist`, `    whitelistGroup: maxcompute`].join('\n'),
  TARGETS.hbaseWhitelist,
  [`  - kind: lindorm`, `    instance: ${M.lindormInstanceId}`, `    whitelistGroup: user`].join('\n'),
];

function rows(findings: readonly PolicyFinding[]): string[][] {
  return findings.map((f) => [f.ruleId, f.path, f.severity]);
}

/** The plan with one step's call parameters replaced: a hand-edited plan, the rule's failing fixture. */
function withCall(plan: Plan, stepId: string, params: (old: Record<string, unknown>) => Record<string, unknown>): Plan {
  const steps = plan.steps.map((s): PlanStep => (s.id === stepId ? { ...s, call: { ...s.call!, params: params(s.call!.params) } } : s));
  assert.notDeepEqual(steps, plan.steps, `the plan has step ${stepId}`);
  return { ...plan, steps };
}

describe('policy rules against the cloud and the plan', function () {
  this.timeout(30_000);
  let emu: Emulator;
  let cloud: Cloud;
  beforeEach(async () => {
    emu = await emulator();
    cloud = await cloudFor(emu);
  });
  afterEach(() => emu.close());

  describe('MCVPC104 no-cover-whitelist-writes', () => {
    it('passes the whitelist writes of every kind, grant and revoke', async () => {
      const spec = parseOne(specText({ targets: WHITELIST_TARGETS }));
      const { plan, live } = await planSpec(cloud, spec);
      const writes = plan.steps
        .filter((s) => s.call !== undefined && s.targetIndex !== undefined)
        .map((s) => `${s.call!.product}/${s.call!.action}`);
      assert.deepEqual(writes, [
        'Rds/ModifySecurityIps',
        'polardb/ModifyDBClusterAccessWhitelist',
        'HBase/ModifyIpWhitelist',
        'hitsdb/UpdateInstanceIpWhiteList',
      ]);
      assert.deepEqual(rows(liveRuleFindings(policyLink(spec), plan, live, defaultPolicy())), []);
      assert.equal((await applyPlan(cloud, spec, plan, FAST)).outcome, 'done');
      const teardown = await planSpecTeardown(cloud, spec);
      assert.equal(
        teardown.plan.steps.filter((s) => s.call !== undefined && s.targetIndex !== undefined).length,
        4,
        'the teardown takes back all four entries',
      );
      assert.deepEqual(rows(liveRuleFindings(policyLink(spec), teardown.plan, teardown.live, defaultPolicy())), []);
    });

    it("fails a Cover write (named or by default), a whole list that drops an entry, and Lindorm's Delete, each at its step", async () => {
      const spec = parseOne(specText({ targets: WHITELIST_TARGETS }));
      const { plan, live } = await planSpec(cloud, spec);
      const check = (edited: Plan): Array<[string, string]> =>
        liveRuleFindings(policyLink(spec), edited, live, defaultPolicy()).map((f) => [
          f.path,
          f.message.replace(/^the plan's step "[^"]*": /, ''),
        ]);
      assert.deepEqual(check(withCall(plan, 'target.0.rds', (p) => ({ ...p, ModifyMode: 'Cover' }))), [
        [
          'target.0.rds',
          "Rds ModifySecurityIps on whitelist group maxcompute writes with ModifyMode=Cover, which replaces the group's whole list; only Append and Delete leave others' entries alone",
        ],
      ]);
      const { ModifyMode: _dropped, ...noMode } = plan.steps.find((s) => s.id === 'target.1.polardb')!.call!.params;
      assert.match(check(withCall(plan, 'target.1.polardb', () => noMode))[0]![1], /\(absent: Cover, the default\)/);
      // The group `user` held 192.168.1.10 before the link: a list of the link's block alone drops it.
      const lindorm = check(withCall(plan, 'target.3.lindorm', (p) => ({ ...p, SecurityIpList: '192.168.1.0/24' })));
      assert.deepEqual(
        lindorm.map((f) => f[0]),
        ['target.3.lindorm'],
      );
      assert.match(
        lindorm[0]![1],
        /^hitsdb UpdateInstanceIpWhiteList on whitelist group user sets the group's whole list without 192\.168\.1\.10/,
      );
      assert.match(
        check(withCall(plan, 'target.3.lindorm', (p) => ({ ...p, Delete: true })))[0]![1],
        /Delete=true, which clears the whitelist/,
      );
      const settings = { ...defaultPolicy(), MCVPC104: { severity: 'off' as const } };
      assert.deepEqual(
        liveRuleFindings(
          policyLink(spec),
          withCall(plan, 'target.0.rds', (p) => ({ ...p, ModifyMode: 'Cover' })),
          live,
          settings,
        ),
        [],
      );
    });
  });

  describe('MCVPC101-103 on what the cloud holds', () => {
    const ECS = [`  - kind: ecs`, `    instance: ${M.ecsInstanceId}`, `    ports: [9092]`].join('\n');

    it('an applied spec is clean; the link group opened to the internet, a widened whitelist entry and a shell port opened to the link are found at their fields', async () => {
      const spec = parseOne(specText({ targets: [TARGETS.rdsWhitelist, ECS] }));
      assert.equal((await applyPlan(cloud, spec, (await planSpec(cloud, spec)).plan, FAST)).outcome, 'done');
      const findings = async (): Promise<PolicyFinding[]> => {
        const { plan, live } = await planSpec(cloud, spec);
        return liveRuleFindings(policyLink(spec), plan, live, defaultPolicy());
      };
      assert.deepEqual(rows(await findings()), []);
      const linkGroupId = await groupIdByName(emu, 'maxcompute-link');
      await cloud.ecs.authorizeSecurityGroup({
        RegionId: 'cn-hangzhou',
        SecurityGroupId: linkGroupId,
        Permissions: [{ IpProtocol: 'TCP', PortRange: '443/443', SourceCidrIp: '0.0.0.0/0', Policy: 'accept', Priority: '1' }],
      });
      await cloud.rds.modifySecurityIps({
        RegionId: 'cn-hangzhou',
        DBInstanceId: M.rdsInstanceId,
        DBInstanceIPArrayName: 'maxcompute',
        SecurityIps: '192.0.0.0/8',
        ModifyMode: 'Append',
      });
      await cloud.ecs.authorizeSecurityGroup({
        RegionId: 'cn-hangzhou',
        SecurityGroupId: M.ecsGroupId,
        Permissions: [{ IpProtocol: 'TCP', PortRange: '20/30', SourceGroupId: linkGroupId, Policy: 'accept', Priority: '1' }],
      });
      const found = await findings();
      assert.deepEqual(rows(found), [
        ['MCVPC101', 'securityGroup.create.inboundSource', 'error'],
        ['MCVPC102', 'targets[0].whitelistGroup', 'error'],
        ['MCVPC103', 'targets[1]', 'error'],
      ]);
      assert.match(found[0]!.message, /admits the whole internet: accept TCP 443\/443 from 0\.0\.0\.0\/0/);
      assert.match(
        found[1]!.message,
        /whitelist group maxcompute of .* admits 192\.0\.0\.0\/8, wider than the link's VPC \(192\.168\.0\.0\/16\)/,
      );
      assert.match(found[2]!.message, /opens port 22, 23 \(a remote shell or desktop port/);
      // A repository that allows only 9092 for ECS: the range 20-30 is beyond it too, and a narrower /8 limit passes the entry.
      const settings = defaultPolicy();
      settings.MCVPC103 = { ...settings.MCVPC103, forbiddenPorts: [], allowedPorts: { ecs: [9092] } };
      settings.MCVPC102 = { ...settings.MCVPC102, severity: 'warning' };
      const { plan, live } = await planSpec(cloud, spec);
      const configured = liveRuleFindings(policyLink(spec), plan, live, settings);
      assert.deepEqual(rows(configured).slice(1), [
        ['MCVPC102', 'targets[0].whitelistGroup', 'warning'],
        ['MCVPC103', 'targets[1]', 'error'],
      ]);
      assert.match(configured[2]!.message, /ports 20-30 beyond those this repository allows for ecs targets \(9092\)/);
    });
  });
});
