/**
 * Stable hashes for the stale-plan rule (Terraform's "Saved plan is stale"): one of the live
 * state a plan was computed from, one of the spec's meaning. Keys are sorted and unordered lists
 * sorted, so the same state always hashes the same whatever order the API listed things in.
 */
import { createHash } from 'node:crypto';
import type { ConnectionSpec } from '../specModel';
import type { GroupWithIngress, LiveState, TargetLive, WhitelistGroup } from './liveState';

/** Fields that change without changing what a plan would do (free IPs drop whenever any ENI appears). */
const VOLATILE_KEYS = new Set(['availableIpAddressCount']);
/** Source positions: moving a spec's text around does not change its meaning. */
const LAYOUT_KEYS = new Set(['range', 'ranges', 'documentIndex']);

function canonical(value: unknown, skip: ReadonlySet<string>): unknown {
  if (Array.isArray(value)) return value.map((item) => canonical(item, skip));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const field = (value as Record<string, unknown>)[key];
      if (skip.has(key) || field === undefined) continue;
      out[key] = canonical(field, skip);
    }
    return out;
  }
  return value;
}

function sortedBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

function hash(value: unknown): string {
  return `sha256:${createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 32)}`;
}

/** A hash of the live state that ignores listing order and volatile counters. */
export function liveStateFingerprint(live: LiveState): string {
  const ruleKey = (r: {
    ruleId?: string;
    peerCidr?: string;
    peerGroupId?: string;
    portRange: string;
    protocol: string;
    policy: string;
  }): string => [r.ruleId ?? '', r.protocol, r.portRange, r.policy, r.peerCidr ?? '', r.peerGroupId ?? ''].join('|');
  const withIngress = <T extends { ingress: Parameters<typeof ruleKey>[0][] }>(g: T | undefined): T | undefined =>
    g === undefined ? undefined : { ...g, ingress: sortedBy(g.ingress, ruleKey) };
  const normalized = {
    ...live,
    vpc: live.vpc === undefined ? undefined : { ...live.vpc, vSwitchIds: [...live.vpc.vSwitchIds].sort() },
    linkGroup: withIngress(live.linkGroup),
    sameNameGroupIds: [...live.sameNameGroupIds].sort(),
    managedGroups: sortedBy(live.managedGroups, (g) => g.securityGroupId),
    linkNetworkInterfaces: sortedBy(live.linkNetworkInterfaces, (n) => n.networkInterfaceId).map((n) => ({
      ...n,
      securityGroupIds: [...n.securityGroupIds].sort(),
    })),
    // Kinds share these shapes (src/targets/shared): whitelist groups and bound groups are sets,
    // whitelist entries keep their order (some APIs rewrite the list as given), rules are a set.
    targets: live.targets.map((t) => {
      const shaped = t as TargetLive & { whitelist?: WhitelistGroup[]; securityGroupIds?: string[]; group?: GroupWithIngress };
      return {
        ...shaped,
        ...(shaped.whitelist !== undefined ? { whitelist: sortedBy(shaped.whitelist, (w) => w.name) } : {}),
        ...(shaped.securityGroupIds !== undefined ? { securityGroupIds: [...shaped.securityGroupIds].sort() } : {}),
        ...(shaped.group !== undefined ? { group: withIngress(shaped.group) } : {}),
      };
    }),
  };
  return hash(canonical(normalized, VOLATILE_KEYS));
}

/** A hash of what the spec asks for, ignoring where in the file each field is written. */
export function specHash(spec: ConnectionSpec): string {
  return hash(canonical(spec, LAYOUT_KEYS));
}
