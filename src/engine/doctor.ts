/**
 * The doctor where it meets the cloud: reads what src/core/doctor judges (the planner's live
 * state, plus the link group's outbound rules, MaxCompute's groups with their rules and every
 * interface carrying the link group), each group once; and runs the fixes through applyPlan.
 */
import { batchedGroups, batchedInstances } from '../cloud/batchReads';
import { readGroupRules } from '../cloud/reads';
import { diagnoseLink, fixPlan, type DoctorExtras, type DoctorReport, type GroupWithRules, type UsageFile } from '../core/doctor';
import type { SecurityGroup, SecurityGroupRule } from '../core/model';
import type { LiveState } from '../core/plan';
import type { ConnectionSpec } from '../core/specModel';
import { targetKind, type SharedReads } from '../targets';
import { applyPlan, type ApplyOptions, type ApplyReport } from './applyPlan';
import type { EngineCloud } from './engineCloud';
import type { ReadOptions } from './liveReads';
import { readLiveState } from './readLiveState';

/** Shared reads that fetch each group and each group's rules once (both directions) per instance; groups and ECS instances asked together go out in one call. */
export function onceReads(cloud: EngineCloud, regionId: string, options: ReadOptions = {}): SharedReads {
  const groups = new Map<string, Promise<SecurityGroup | undefined>>();
  const rules = new Map<string, Promise<SecurityGroupRule[]>>();
  const memo = <T>(cache: Map<string, Promise<T>>, id: string, read: () => Promise<T>): Promise<T> => {
    let found = cache.get(id);
    if (found === undefined) {
      found = read();
      cache.set(id, found);
      // A failed read is not remembered: the next check asks again.
      found.catch(() => cache.delete(id));
    }
    return found;
  };
  const group = batchedGroups(cloud, regionId, options);
  return {
    group: (id) => memo(groups, id, () => group(id)),
    groupRules: (id) => memo(rules, id, () => readGroupRules(cloud, regionId, id, 'all', options)),
    ecsInstance: batchedInstances(cloud, regionId, options),
  };
}

/** Everything the doctor judges, read for one spec. */
export interface DoctorState {
  live: LiveState;
  extras: DoctorExtras;
}

/** Reads the live state and the doctor's extras; `reads` (e.g. the Network view's cache) serves the groups. */
export async function readDoctorState(
  cloud: EngineCloud,
  spec: ConnectionSpec,
  options: ReadOptions & { reads?: SharedReads } = {},
): Promise<DoctorState> {
  const reads = options.reads ?? onceReads(cloud, spec.regionId, options);
  // MaxCompute's groups come with the live state (the planner guards them too): not listed again.
  const live = await readLiveState(cloud, spec, options, reads);
  const managed = live.managedGroups;
  const linkGroupId = live.linkGroup?.group.securityGroupId;
  const [linkGroupRules, managedGroups] = await Promise.all([
    linkGroupId === undefined ? undefined : reads.groupRules(linkGroupId),
    Promise.all(managed.map(async (group): Promise<GroupWithRules> => ({ group, rules: await reads.groupRules(group.securityGroupId) }))),
  ]);
  // The link group's users were read with the live state (the plan judges them too): not read again.
  const extras: DoctorExtras = { managedGroups, linkGroupInterfaces: live.linkGroupUsers ?? [] };
  if (linkGroupRules !== undefined) extras.linkGroupRules = linkGroupRules;
  return { live, extras };
}

/** The doctor's report for a spec, with the state it was computed from (for the fix). */
export async function doctorSpec(
  cloud: EngineCloud,
  spec: ConnectionSpec,
  options: ReadOptions & { reads?: SharedReads; usageFiles?: readonly UsageFile[] } = {},
): Promise<DoctorState & { report: DoctorReport }> {
  const state = await readDoctorState(cloud, spec, options);
  return { ...state, report: diagnoseLink(spec, state.live, state.extras, targetKind, options.usageFiles) };
}

/** Applies the report's automatic fixes (the caller has shown `fixPlan(...).steps` and had them confirmed). */
export function applyDoctorFix(
  cloud: EngineCloud,
  spec: ConnectionSpec,
  state: DoctorState & { report: DoctorReport },
  options: ApplyOptions = {},
): Promise<ApplyReport> {
  return applyPlan(cloud, spec, fixPlan(state.report, spec, state.live), options);
}
