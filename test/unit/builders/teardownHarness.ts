/**
 * For teardown tests: the whole apply and the whole destroy (each one run: the link is created
 * and removed through MaxCompute's API), and the emulator's state in a form where "destroy ended
 * where apply began" is one deepEqual — with the two things a teardown cannot take back named,
 * not hidden.
 */
import { strict as assert } from 'node:assert';
import type { Cloud } from '../../../src/cloud';
import type { Emulator } from '../../../src/emulator';
import { applyPlan, planSpec, planSpecTeardown, type ApplyOptions, type ApplyReport } from '../../../src/engine';
import type { ConnectionSpec } from '../../../src/connectionSpec/types';
import { linkFootprint } from './engineHarness';

const FAST: ApplyOptions = { pollInitialMs: 20, pollMaxMs: 100, visibilityTimeoutMs: 3000 };

/** Plans and applies once, polling fast; `options` add to or override the fast polling. */
export async function applyOnce(cloud: Cloud, spec: ConnectionSpec, options: ApplyOptions = {}): Promise<ApplyReport> {
  const { plan } = await planSpec(cloud, spec);
  assert.equal(plan.refused, false, plan.checks.map((c) => c.message).join('\n'));
  return applyPlan(cloud, spec, plan, { ...FAST, ...options });
}

/** Plans the teardown and applies it once. */
export async function destroyOnce(cloud: Cloud, spec: ConnectionSpec): Promise<ApplyReport> {
  const { plan } = await planSpecTeardown(cloud, spec);
  assert.equal(plan.purpose, 'destroy');
  assert.equal(plan.refused, false, plan.checks.map((c) => c.message).join('\n'));
  return applyPlan(cloud, spec, plan, FAST);
}

function failures(report: ApplyReport): string {
  return JSON.stringify(report.steps.filter((s) => s.status !== 'done' && s.status !== 'already' && s.status !== 'manual'));
}

/** Apply in one run: done, the link created through the API and waited for. */
export async function applyAll(cloud: Cloud, spec: ConnectionSpec): Promise<void> {
  const report = await applyOnce(cloud, spec);
  assert.equal(report.outcome, 'done', `${spec.networkLinkName}: ${failures(report)}`);
  assert.ok(['done', 'already'].includes(report.steps.find((s) => s.stepId === 'network-link')?.status ?? ''), spec.networkLinkName);
}

/** Destroy in one run: targets revoked, the link removed through the API and waited for, the group deleted. */
export async function destroyAll(cloud: Cloud, spec: ConnectionSpec): Promise<void> {
  const report = await destroyOnce(cloud, spec);
  assert.equal(report.outcome, 'done', `${spec.networkLinkName}: ${failures(report)}`);
  for (const step of report.steps.filter((s) => s.stepId.startsWith('target.')))
    assert.ok(['done', 'already', 'manual'].includes(step.status), JSON.stringify(step));
}

interface Footprint {
  groups: Array<{ name: string; rules: string[] }>;
  enis: string[];
  rds: Array<{ id: string; ipArrays: string[]; groups: string[] }>;
  hbase: Array<{ id: string; whitelist: string[]; groups: string[] }>;
  polardb: Array<{ id: string; ipArrays: string[]; groups: string[] }>;
  lindorm: Array<{ id: string; whitelist: string[] }>;
}

/** Entries that admit no one: what a service keeps in a group it will not leave empty (RDS: 127.0.0.1). */
const NO_ACCESS = new Set(['', '127.0.0.1']);

/**
 * The footprint after a teardown, less what it cannot take back, each checked to admit no one:
 * MaxCompute's return-traffic groups (the console creates them per VPC and they outlive the
 * link; no rule in them) and whitelist groups apply created (no API deletes a whitelist group:
 * they stay, empty or holding RDS's 127.0.0.1).
 */
export async function footprintAfterTeardown(emu: Emulator, start: unknown): Promise<unknown> {
  const before = start as Footprint;
  const now = (await linkFootprint(emu)) as Footprint;
  const newGroups = now.groups.filter((g) => !before.groups.some((b) => b.name === g.name));
  for (const group of newGroups) {
    assert.match(group.name, /^MaxCompute-(backup-)?vpc-/, `teardown left security group ${group.name}`);
    assert.deepEqual(group.rules, [], `${group.name} has no rule`);
  }
  const emptied = (lists: string[], startLists: string[]): string[] =>
    lists.filter((line) => {
      const [name, entries] = line.split(': ');
      const existed = startLists.some((s) => s.startsWith(`${name}: `));
      if (existed) return true;
      assert.ok(
        (entries ?? '').split(',').every((e) => NO_ACCESS.has(e)),
        `whitelist group ${line} admits someone after teardown`,
      );
      return false;
    });
  return {
    ...now,
    groups: now.groups.filter((g) => !newGroups.includes(g)),
    rds: now.rds.map((r) => ({ ...r, ipArrays: emptied(r.ipArrays, before.rds.find((b) => b.id === r.id)?.ipArrays ?? []) })),
    hbase: now.hbase.map((h) => ({ ...h, whitelist: emptied(h.whitelist, before.hbase.find((b) => b.id === h.id)?.whitelist ?? []) })),
    polardb: now.polardb.map((c) => ({ ...c, ipArrays: emptied(c.ipArrays, before.polardb.find((b) => b.id === c.id)?.ipArrays ?? []) })),
    lindorm: now.lindorm.map((i) => ({
      ...i,
      whitelist: emptied(i.whitelist, before.lindorm.find((b) => b.id === i.id)?.whitelist ?? []),
    })),
  };
}
