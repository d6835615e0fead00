/**
 * Two runs at once against one emulator, as two machines would run them (two sessions, no
 * shared lock): the same spec twice (must end with one link group), and two specs that open the
 * same HBase whitelist group (must end with both entries). Used by the unit test (a few runs) and
 * `npm run bench:concurrency` (ten runs per latency, figures printed).
 */
import type { Emulator } from '../../../src/emulator';
import { applyPlan, planSpec } from '../../../src/engine';
import type { ConnectionSpec } from '../../../src/connectionSpec/types';
import { cloudFor } from '../cloud.harness';
import { DEFAULT_SEED, mainAccount, parseOne, specText, TARGETS } from './engineHarness';

const FAST = { pollInitialMs: 20, pollMaxMs: 100, visibilityTimeoutMs: 5000 };

async function planAndApply(emu: Emulator, spec: ConnectionSpec): Promise<string> {
  const cloud = await cloudFor(emu);
  const { plan } = await planSpec(cloud, spec);
  if (plan.refused) return `refused: ${plan.checks.map((c) => c.code).join(', ')}`;
  const report = await applyPlan(cloud, spec, plan, FAST);
  return report.outcome;
}

/** Two applies of one spec at once: how many groups carry the link's name afterwards, and whether both runs finished. */
export async function raceOneSpec(
  emu: Emulator,
  latencyMs: number,
): Promise<{ groups: number; outcomes: string[]; links: Array<{ name: string; securityGroupId: string }>; groupIds: string[] }> {
  emu.setFaults({ latencyMs });
  const spec = parseOne(specText({ groupName: 'maxcompute-race', targets: [TARGETS.rdsWhitelist] }));
  const outcomes = await Promise.all([planAndApply(emu, spec), planAndApply(emu, spec)]);
  emu.setFaults({});
  const account = await mainAccount(emu);
  const groupIds = account.securityGroups.filter((g) => g.name === 'maxcompute-race').map((g) => g.securityGroupId);
  const links = (account as unknown as { networkLinks: Array<{ name: string; securityGroupId: string }> }).networkLinks
    .filter((l) => l.name === spec.networkLinkName)
    .map((l) => ({ name: l.name, securityGroupId: l.securityGroupId }));
  return { groups: groupIds.length, outcomes, links, groupIds };
}

/** Two specs whose links both open the same HBase cluster's whitelist group: entries lost afterwards. */
export async function raceTwoSpecs(emu: Emulator, latencyMs: number): Promise<{ lost: string[]; outcomes: string[] }> {
  emu.setFaults({ latencyMs });
  const hbaseShared = [`  - kind: hbase`, `    cluster: ${DEFAULT_SEED.main.hbaseClusterId}`, `    whitelistGroup: shared`].join('\n');
  const a = parseOne(specText({ name: 'race_a', groupName: 'race-a', vSwitchId: DEFAULT_SEED.main.vSwitchIdH, targets: [hbaseShared] }));
  const b = parseOne(specText({ name: 'race_b', groupName: 'race-b', vSwitchId: DEFAULT_SEED.main.vSwitchIdJ, targets: [hbaseShared] }));
  // Bring both links up first (the same names and groups, no targets), then race the target steps.
  const linkOnly = (spec: ConnectionSpec): ConnectionSpec => ({ ...spec, targets: [] });
  await Promise.all([planAndApply(emu, linkOnly(a)), planAndApply(emu, linkOnly(b))]);
  const outcomes = await Promise.all([planAndApply(emu, a), planAndApply(emu, b)]);
  emu.setFaults({});
  const account = await mainAccount(emu);
  const shared =
    account.hbaseClusters.find((c) => c.clusterId === DEFAULT_SEED.main.hbaseClusterId)?.whitelist.find((g) => g.groupName === 'shared')
      ?.ips ?? [];
  // The vSwitch blocks of app-h and app-j: both must be there.
  const wanted = ['192.168.1.0/24', '192.168.2.0/24'];
  return { lost: wanted.filter((cidr) => !shared.includes(cidr)), outcomes };
}
