/**
 * A fault at each mutating call of a destroy, then destroy again: the emulator must end in
 * exactly the state a fault-free teardown reaches (which is where apply began), with nothing
 * else removed. As in engine.faults.test.ts, the client gets two attempts per call and each
 * fault strikes twice, so the faulted step really fails (drop-after-commit commits both times).
 */
import { strict as assert } from 'node:assert';
import type { Cloud } from '../../src/cloud';
import { planHasChanges } from '../../src/core/plan';
import type { Emulator, TargetedFault } from '../../src/emulator';
import { planSpecTeardown, type ApplyReport } from '../../src/engine';
import type { ConnectionSpec } from '../../src/connectionSpec/types';
import { cloudFor, emulator, requestsFor } from './cloud.harness';
import { linkFootprint, parseOne, specText, TARGETS } from './builders/engineHarness';
import { applyAll, destroyOnce, footprintAfterTeardown } from './builders/teardownHarness';

const WHITELISTS = parseOne(specText({ targets: [TARGETS.rdsWhitelist, TARGETS.hbaseWhitelist, TARGETS.emr] }));
const GROUPS = parseOne(specText({ targets: [TARGETS.rdsSecurityGroup, TARGETS.hbaseSecurityGroup] }));

type FaultKind = Omit<TargetedFault, 'action' | 'times'>;
const FAULTS: Record<string, FaultKind> = {
  throttling: { code: 'Throttling.User' },
  '5xx': { code: 'ServiceUnavailable' },
  'timeout (hang)': { kind: 'hang', ms: 1500 },
  'drop after commit': { kind: 'drop-after-commit' },
};

/** Where the fault strikes: the action, for which spec. */
const SLOTS: Array<{ action: string; spec: ConnectionSpec; label: string }> = [
  { action: 'ModifySecurityIps', spec: WHITELISTS, label: 'the RDS whitelist entry' },
  { action: 'ModifyIpWhitelist', spec: WHITELISTS, label: 'the HBase whitelist entry' },
  { action: 'RevokeSecurityGroup', spec: WHITELISTS, label: "the EMR group's rules" },
  { action: 'ModifySecurityGroupConfiguration', spec: GROUPS, label: "the RDS instance's groups" },
  { action: 'ModifySecurityGroups', spec: GROUPS, label: "the HBase cluster's groups" },
  { action: 'RemoveNetworkLink', spec: WHITELISTS, label: 'the network link' },
  { action: 'DeleteSecurityGroup', spec: WHITELISTS, label: 'the link group' },
];

/** Destroys the applied link, a faulted run first when asked; returns the faulted run. */
async function teardown(
  emu: Emulator,
  cloud: Cloud,
  spec: ConnectionSpec,
  fault?: { slot: (typeof SLOTS)[number]; kind: FaultKind },
): Promise<ApplyReport | undefined> {
  let faulted: ApplyReport | undefined;
  if (fault !== undefined) {
    emu.setFaults({ failNext: [{ action: fault.slot.action, times: 2, ...fault.kind }] });
    faulted = await destroyOnce(cloud, spec);
    emu.setFaults({});
  }
  const report = await destroyOnce(cloud, spec);
  assert.equal(report.outcome, 'done', JSON.stringify(report.steps.filter((s) => s.status === 'failed')));
  return faulted;
}

describe('engine: a fault at each mutating step of a destroy, then destroy again', function () {
  this.timeout(120_000);
  const reference = new Map<ConnectionSpec, unknown>();

  before(async () => {
    for (const spec of [WHITELISTS, GROUPS]) {
      const emu = await emulator();
      try {
        const cloud = await cloudFor(emu);
        const start = await linkFootprint(emu);
        await applyAll(cloud, spec);
        await teardown(emu, cloud, spec);
        const end = await footprintAfterTeardown(emu, start);
        assert.deepEqual(end, start, 'a fault-free destroy ends where apply began');
        reference.set(spec, { start, raw: await linkFootprint(emu) });
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
          await applyAll(cloud, slot.spec);
          emu.clearRequests();
          const faulted = await teardown(emu, cloud, slot.spec, { slot, kind });
          assert.ok(requestsFor(emu, slot.action).length > 0, 'the fault met its call');
          const failed = faulted?.steps.filter((s) => s.status === 'failed') ?? [];
          if (kind.kind !== 'drop-after-commit' || slot.action === 'DeleteSecurityGroup') {
            // A retried delete of a group already deleted is refused (NotFound), so even that fault fails its step.
            assert.equal(failed.length, 1, `the faulted step fails: ${JSON.stringify(faulted?.steps)}`);
            assert.equal(failed[0]!.error?.action?.endsWith(slot.action), true, JSON.stringify(failed[0]));
          }
          const { start, raw } = reference.get(slot.spec) as { start: unknown; raw: unknown };
          assert.deepEqual(await linkFootprint(emu), raw, 'the same end state as a fault-free destroy');
          assert.deepEqual(await footprintAfterTeardown(emu, start), start);
          const { plan } = await planSpecTeardown(cloud, slot.spec);
          assert.equal(planHasChanges(plan), false, 'a further destroy plan is all =');
        } finally {
          await emu.close();
        }
      });
    }
  }
});
