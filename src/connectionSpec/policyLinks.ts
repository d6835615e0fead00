/** The facts the policy rules (core/policy) read of a spec's targets, asked of each target's kind module. */
import { checkPolicy, type PolicyFinding, type PolicyLink, type PolicySettings, type PolicyTarget } from '../core/policy';
import type { ConnectionSpec, SourceRange, TargetAccess, TargetSpec } from '../core/specModel';
import { targetKind } from '../targets';

function policyTarget(target: TargetSpec): PolicyTarget {
  const kind = targetKind(target.kind);
  const items = target.ranges.portItems;
  const ports = kind.targetPorts(target).map((port, i) => ({ port, range: (Array.isArray(items) ? items[i] : undefined) ?? target.range }));
  // Fields some kinds share by shape (custom's block, the managed services' access): read, never named by kind.
  const { cidr, access } = target as TargetSpec & { cidr?: unknown; access?: TargetAccess };
  const rangeOf = (field: string): SourceRange => {
    const r = target.ranges[field];
    return r === undefined || Array.isArray(r) ? target.range : r;
  };
  return {
    index: target.index,
    kind: target.kind,
    label: target.label,
    range: target.range,
    ports,
    ...(typeof cidr === 'string' ? { cidr: { value: cidr, range: rangeOf('cidr') } } : {}),
    ...(access?.mode === 'whitelist' ? { whitelistGroup: { name: access.whitelistGroup, range: rangeOf('whitelistGroup') } } : {}),
  };
}

/** One spec as the policy rules see it. */
export function policyLink(spec: ConnectionSpec): PolicyLink {
  return { spec, targets: spec.targets.map(policyTarget) };
}

/** The findings of every spec of a file, in document order. */
export function policyFindings(specs: readonly ConnectionSpec[], settings: PolicySettings): PolicyFinding[] {
  return specs.flatMap((spec) => checkPolicy(policyLink(spec), settings));
}
