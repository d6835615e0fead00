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
import type { ConnectionSpec } from '../../src/connectionSpec/types';
import { cloudFor, emulator } from './cloud.harness';
import { linkFootprint, parseOne, specText, TARGETS } from './builders/engineHarness';

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

/**
 * Where the fault strikes: the action, for which spec, and whether the link is up already (an
 * action that is called both for the link group and a target is met at the target by first
 * applying the spec without targets: the same link, the same group).
 */
const SLOTS: Array<{ action: string; phase: 'before-link' | 'after-link'; spec: ConnectionSpec; label: string }> = [
  { action: 'CreateSecurityGroup', phase: 'before-link', spec: WHITELISTS, label: 'creating the link group' },
  { action: 'AuthorizeSecurityGroup', phase: 'before-link', spec: WHITELISTS, label: "the link group's inbound rule" },
  { action: 'CreateNetworkLink', phase: 'before-link', spec: WHITELISTS, label: 'the network link (no ClientToken: read back)' },
  { action: 'ModifySecurityIps', phase: 'after-link', spec: WHITELISTS, label: 'the RDS whitelist' },
  { action: 'ModifyIpWhitelist', phase: 'after-link', spec: WHITELISTS, label: 'the HBase whitelist' },
  { action: 'AuthorizeSecurityGroup', phase: 'after-link', spec: WHITELISTS, label: "the EMR group's rules" },
  { action: 'ModifySecurityGroupConfiguration', phase: 'after-link', spec: GROUPS, label: "the RDS instance's groups" },
  { action: 'ModifySecurityGroups', phase: 'after-link', spec: GROUPS, label: "the HBase cluster's groups" },
];

/** The spec's link and group alone: what is up before the targets are opened. */
const LINK_ONLY = parseOne(specText());

async function applyFresh(cloud: Cloud, spec: ConnectionSpec): Promise<ApplyReport> {
  const { plan } = await planSpec(cloud, spec);
  assert.equal(plan.refused, false, plan.checks.map((c) => c.message).join('\n'));
  return applyPlan(cloud, spec, plan, { pollInitialMs: 20, pollMaxMs: 100, visibilityTimeoutMs: 3000 });
}

/** Runs the whole procedure with `fault` injected where it belongs, then again; returns the faulted run. */
async function procedure(
  emu: Emulator,
  cloud: Cloud,
  spec: ConnectionSpec,
  fault?: { slot: (typeof SLOTS)[number]; kind: FaultKind },
): Promise<ApplyReport | undefined> {
  let faulted: ApplyReport | undefined;
  if (fault?.slot.phase === 'after-link') assert.equal((await applyFresh(cloud, LINK_ONLY)).outcome, 'done');
  if (fault !== undefined) {
    emu.setFaults({ failNext: [{ action: fault.slot.action, times: 2, ...fault.kind }] });
    faulted = await applyFresh(cloud, spec);
    emu.setFaults({});
  }
  const report = await applyFresh(cloud, spec);
  assert.equal(report.outcome, 'done', JSON.stringify(report.steps.filter((s) => s.status === 'failed')));
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
            // The retry carries the same ClientToken, so the emulator answers the committed result;
            // CreateNetworkLink has none: the link is read back and adopted.
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
