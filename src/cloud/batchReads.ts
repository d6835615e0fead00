/**
 * Lookups by id, batched: the doctor and the planner ask for one instance or one group per
 * target, all at once. Asked within the same turn of the event loop, the ids go out together —
 * DescribeInstances takes up to 100 `InstanceIds`, DescribeSecurityGroups up to 100
 * `SecurityGroupIds`, each a JSON array string (ECS 2014-05-26 API reference and SDK models) —
 * so the calls grow with targets / 100, not with targets. Rules have no batch form
 * (DescribeSecurityGroupAttribute takes one SecurityGroupId): those stay one call per group.
 */
import type { SecurityGroup } from '../core/model';
import { toSecurityGroup } from './products/ecs';
import { INSTANCES_MAX_RESULTS, toEcsInstance, type EcsInstance } from './products/ecsInstances';
import { allPages, type ReadCloud, type ReadOptions } from './reads';

/** Most ids one DescribeInstances or DescribeSecurityGroups call takes. */
export const MAX_IDS_PER_CALL = 100;

interface Waiter<T> {
  resolve(value: T | undefined): void;
  reject(reason: unknown): void;
}

/**
 * Single-id lookups made in one turn of the event loop, answered by calls of up to `max` ids.
 * When a call of several ids fails, each id is asked alone, so one bad id fails only its own lookup.
 */
export function batchedLookup<T>(
  fetch: (ids: string[]) => Promise<Map<string, T>>,
  max = MAX_IDS_PER_CALL,
): (id: string) => Promise<T | undefined> {
  let pending: Map<string, Waiter<T>[]> | undefined;
  const settle = async (ids: string[], waiters: Map<string, Waiter<T>[]>): Promise<void> => {
    try {
      const found = await fetch(ids);
      for (const id of ids) for (const w of waiters.get(id)!) w.resolve(found.get(id));
    } catch (err) {
      if (ids.length > 1) {
        await Promise.all(ids.map((id) => settle([id], waiters)));
        return;
      }
      for (const w of waiters.get(ids[0]!)!) w.reject(err);
    }
  };
  return (id) =>
    new Promise<T | undefined>((resolve, reject) => {
      if (pending === undefined) {
        const batch = new Map<string, Waiter<T>[]>();
        pending = batch;
        // After the current turn: every lookup its callers start together joins this batch.
        setImmediate(() => {
          pending = undefined;
          const ids = [...batch.keys()];
          for (let i = 0; i < ids.length; i += max) void settle(ids.slice(i, i + max), batch);
        });
      }
      const waiters = pending.get(id);
      if (waiters === undefined) pending.set(id, [{ resolve, reject }]);
      else waiters.push({ resolve, reject });
    });
}

/** ECS instances by id, batched into DescribeInstances calls. */
export function batchedInstances(
  cloud: ReadCloud,
  regionId: string,
  options: ReadOptions = {},
): (instanceId: string) => Promise<EcsInstance | undefined> {
  return batchedLookup(async (ids) => {
    const wire = await allPages(async (NextToken) => {
      const r = await cloud.ecs.describeInstances(
        { RegionId: regionId, InstanceIds: JSON.stringify(ids), MaxResults: INSTANCES_MAX_RESULTS, NextToken },
        options,
      );
      return { items: r.Instances?.Instance ?? [], nextToken: r.NextToken };
    });
    return new Map(wire.map((w) => [w.InstanceId, toEcsInstance(w, regionId)]));
  });
}

/** Security groups by id, batched into DescribeSecurityGroups calls. */
export function batchedGroups(
  cloud: ReadCloud,
  regionId: string,
  options: ReadOptions = {},
): (securityGroupId: string) => Promise<SecurityGroup | undefined> {
  return batchedLookup(async (ids) => {
    const wire = await allPages(async (NextToken) => {
      const r = await cloud.ecs.describeSecurityGroups(
        { RegionId: regionId, SecurityGroupIds: JSON.stringify(ids), MaxResults: MAX_IDS_PER_CALL, NextToken },
        options,
      );
      return { items: r.SecurityGroups?.SecurityGroup ?? [], nextToken: r.NextToken };
    });
    return new Map(wire.map((w) => [w.SecurityGroupId, toSecurityGroup(w, regionId)]));
  });
}
