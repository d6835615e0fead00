/**
 * A fault at each mutating call of an apply, then apply again: the emulator must end in exactly
 * the state a fault-free run reaches, with nothing created or authorized twice. The client is
 * given two attempts per call and each fault strikes twice, so the faulted step really fails
 * (drop-after-commit commits both times under one ClientToken, so it must not duplicate either).
 */
import { strict as assert } from 'node:assert';
import type { Cloud } from '../../src/cloud';
import { planHasChanges } from '../../src/core/plan';
import type { Emulator, TargetedFault } from '../../src/emulator';
import { applyPlan, planSpec, type ApplyReport } from '../../src/engine';
import type { ConnectionSpec } from '../../src/spec/types';
import { cloudFor, emulator } from './cloud.harness';
import { createLinkInConsole, groupIdByName, linkFootprint, parseOne, specText, TARGETS } from './builders/engineHarness';

const WHITELISTS = parseOne(specText({ targets: [TARGETS.rdsWhitelist, TARGETS.hbaseWhitelist, TARGETS.emr] }));
const GROUPS = parseOne(specText({ targets: [TARGETS.rdsSecurityGroup, TARGETS.hbaseSecurityGroup] }));

type FaultKind = Omit<TargetedFault, 'action' | 'times'>;
const FAULTS: Record<string, FaultKind> = {
  throttling: { code: 'Throttling.User' },
  '5xx': { code: 'ServiceUnavailable' },
  'timeout (hang)': { kind: 'hang', ms: 1500 },
  'dropped connection': { kind: 'drop' },
  'drop after commit': { kind: 'drop-after-commit' },
};

/** Where the fault strikes: the action, in which half of the apply, for which spec. */
const SLOTS: Array<{ action: string; phase: 'before-console' | 'after-console'; spec: ConnectionSpec; label: string }> = [
  { action: 'CreateSecurityGroup', phase: 'before-console', spec: WHITELISTS, label: 'creating the link group' },
  { action: 'AuthorizeSecurityGroup', phase: 'before-console', spec: WHITELISTS, label: "the link group's inbound rule" },
  { action: 'ModifySecurityIps', phase: 'after-console', spec: WHITELISTS, label: 'the RDS whitelist' },
  { action: 'ModifyIpWhitelist', phase: 'after-console', spec: WHITELISTS, label: 'the HBase whitelist' },
  { action: 'AuthorizeSecurityGroup', phase: 'after-console', spec: WHITELISTS, label: "the EMR group's rules" },
  { action: 'ModifySecurityGroupConfiguration', phase: 'after-console', spec: GROUPS, label: "the RDS instance's groups" },
  { action: 'ModifySecurityGroups', phase: 'after-console', spec: GROUPS, label: "the HBase cluster's groups" },
];

async function applyFresh(cloud: Cloud, spec: ConnectionSpec): Promise<ApplyReport> {
  const { plan } = await planSpec(cloud, spec);
  assert.equal(plan.refused, false, plan.checks.map((c) => c.message).join('\n'));
  return applyPlan(cloud, spec, plan, { pollInitialMs: 20, pollMaxMs: 100, visibilityTimeoutMs: 3000 });
}

/** Runs the whole procedure, injecting `fault` before the half it belongs to; returns the first apply of that half. */
async function procedure(emu: Emulator, cloud: Cloud, spec: ConnectionSpec, fault?: { slot: (typeof SLOTS)[number]; kind: FaultKind }): Promise<ApplyReport | undefined> {
  let faulted: ApplyReport | undefined;
  const half = async (phase: 'before-console' | 'after-console', expected: ApplyReport['outcome']): Promise<void> => {
    if (fault?.slot.phase === phase) {
      emu.setFaults({ failNext: [{ action: fault.slot.action, times: 2, ...fault.kind }] });
      faulted = await applyFresh(cloud, spec);
      emu.setFaults({});
    }
    const report = await applyFresh(cloud, spec);
    assert.equal(report.outcome, expected, JSON.stringify(report.steps.filter((s) => s.status === 'failed')));
  };
  await half('before-console', 'waiting-for-console');
  await createLinkInConsole(emu, spec, await groupIdByName(emu, 'maxcompute-link'));
  await half('after-console', 'done');
  return faulted;
}

describe('engine: a fault at each mutating step, then apply again', function () {
  this.timeout(120_000);
  const reference = new Map<ConnectionSpec, unknown>();

  before(async () => {
    for (const spec of [WHITELISTS, GROUPS]) {
      const emu = await emulator();
      try {
        await procedure(emu, await cloudFor(emu), spec);
        reference.set(spec, await linkFootprint(emu));
      } finally {
        await emu.close();
      }
    }
  });

  for (const slot of SLOTS) {
    for (const [name, kind] of Object.entries(FAULTS)) {
      it(`${name} at ${slot.action} (${slot.label})`, async () => {
        const emu = await emulator();
        try {
          const cloud = await cloudFor(emu, { timeoutMs: 400, retry: { maxAttempts: 2, baseDelayMs: 5, maxDelayMs: 20 } });
          const faulted = await procedure(emu, cloud, slot.spec, { slot, kind });
          const failed = faulted?.steps.filter((s) => s.status === 'failed') ?? [];
          if (kind.kind === 'drop-after-commit') {
            // The retry carries the same ClientToken, so the emulator answers the committed result.
            assert.ok(faulted?.outcome !== 'cancelled');
          } else {
            assert.equal(failed.length, 1, `the faulted step fails: ${JSON.stringify(faulted?.steps)}`);
            assert.equal(failed[0]!.error?.action?.endsWith(slot.action), true);
          }
          assert.deepEqual(await linkFootprint(emu), reference.get(slot.spec));
          const { plan } = await planSpec(cloud, slot.spec);
          assert.equal(planHasChanges(plan), false, 'a further plan is all =');
        } finally {
          await emu.close();
        }
      });
    }
  }
});
