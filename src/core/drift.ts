/**
 * Drift: how the cloud differs from a spec that was applied, told from a plan and the live state
 * it was made from — the way ROS drift detection says IN_SYNC, MODIFIED or DELETED. A spec never
 * applied (its link group does not exist yet) is NOT_APPLIED, not drift. What a plan would add
 * back (a whitelist entry, a rule, the link) is MODIFIED at the step's spec text; what a plan
 * never removes — an extra inbound rule someone added to the link's own group, the access a target
 * removed from the spec after apply still gives — is found here.
 * Lists are compared as sets, so the cloud returning them in another order is no difference.
 */
import { ruleKey } from './ruleKey';
import { linkGroupIngressRule, linkInboundCidr, STEP_IDS, type LiveState, type Plan } from './plan';
import type { ConnectionSpec, SourceRange } from './specModel';
import type { TargetLive } from './plan';

export type DriftState = 'IN_SYNC' | 'MODIFIED' | 'NOT_APPLIED' | 'UNKNOWN';

/** One difference, at the spec text it is about. */
export interface DriftItem {
  /** What differs: a plan step's id (`target.1.rds`, `network-link`), or `link-group.extra-rule`. */
  field: string;
  message: string;
  range: SourceRange;
}

export interface LinkDrift {
  state: DriftState;
  items: DriftItem[];
}

/** A service of the link's VPC that no spec checked in the same run names as a target. */
export interface UnnamedService {
  kind: string;
  id: string;
  /** Its access settings as its kind reads them (whitelist, bound groups, the rules' group). */
  live: TargetLive;
}

/** The link's drift from its plan and live state; `unnamed`: the VPC's services no spec of the run names. */
export function linkDrift(spec: ConnectionSpec, plan: Plan, live: LiveState, unnamed: readonly UnnamedService[] = []): LinkDrift {
  if (plan.refused) {
    const why = plan.checks
      .filter((c) => c.severity === 'error')
      .map((c) => c.message)
      .join('; ');
    return {
      state: 'UNKNOWN',
      items: [{ field: 'plan', message: `the plan refuses (${why}), so drift is unknown`, range: spec.ranges.networkLinkName }],
    };
  }
  // The link group is the first thing apply makes: no group (or, for a group the spec names, no
  // link and none of its interfaces) means the spec was never applied.
  const groupToCreate = plan.steps.some((s) => s.id === STEP_IDS.groupCreate && s.action === 'create');
  const existingUnused =
    spec.securityGroup.mode === 'existing' && live.networkLink === undefined && live.linkNetworkInterfaces.length === 0;
  if (groupToCreate || existingUnused) return { state: 'NOT_APPLIED', items: [] };
  const items: DriftItem[] = [];
  for (const step of plan.steps) {
    if (step.action === 'create' || step.action === 'change' || step.action === 'remove')
      items.push({ field: step.id, message: step.title, range: step.range });
    else if (step.action === 'manual' && step.operation.kind === 'await-network-link') {
      items.push({
        field: step.id,
        message: `${step.title}${live.networkLink !== undefined ? ` (MaxCompute says ${live.networkLink.status})` : ''}`,
        range: step.range,
      });
    }
  }
  items.push(...extraLinkGroupRules(spec, live));
  items.push(...leftoverAccess(spec, live, unnamed));
  return { state: items.length === 0 ? 'IN_SYNC' : 'MODIFIED', items };
}

/** Inbound rules in the link's own group besides the one apply adds: each opens the link's interfaces wider than the spec. */
function extraLinkGroupRules(spec: ConnectionSpec, live: LiveState): DriftItem[] {
  const group = live.linkGroup;
  const source = linkInboundCidr(spec, live);
  if (group === undefined || source === undefined) return [];
  const wanted = ruleKey(linkGroupIngressRule(source));
  const range = spec.securityGroup.mode === 'create' ? spec.securityGroup.ranges.inboundSource : spec.ranges.securityGroup;
  return group.ingress
    .filter((r) => ruleKey(r) !== wanted)
    .map((r) => ({ key: ruleKey(r), rule: r }))
    .sort((a, b) => a.key.localeCompare(b.key))
    .map(({ rule }) => ({
      field: 'link-group.extra-rule',
      message: `${group.group.securityGroupId} has an inbound rule the spec does not ask for: ${rule.policy} ${rule.protocol} ${rule.portRange} from ${rule.peerCidr ?? rule.peerGroupId ?? '?'} (priority ${rule.priority})`,
      range,
    }));
}

/**
 * What a target removed from the spec after apply leaves behind: a plan only looks at the spec's
 * targets, and there is no state file, so the traces apply leaves are looked for on the VPC's other
 * services: the link vSwitch's block as a whitelist entry (what apply writes, exactly), the link's
 * group bound to the service, or an inbound rule whose source is the link's group. A whitelist
 * entry is the vSwitch's, not the link's: every spec of the run in that vSwitch counts as naming a
 * service, so only a service none of them names is reported.
 */
function leftoverAccess(spec: ConnectionSpec, live: LiveState, unnamed: readonly UnnamedService[]): DriftItem[] {
  const linkGroupId = live.linkGroup?.group.securityGroupId;
  const block = live.vSwitch?.cidrBlock;
  return [...unnamed]
    .sort((a, b) => `${a.kind} ${a.id}`.localeCompare(`${b.kind} ${b.id}`))
    .flatMap((service) => {
      const traces = [
        ...(block === undefined
          ? []
          : (service.live.whitelist ?? []).filter((g) => g.ips.includes(block)).map((g) => `whitelist group ${g.name} holds ${block}`)),
        ...(linkGroupId !== undefined && (service.live.securityGroupIds ?? []).includes(linkGroupId)
          ? [`the link's group ${linkGroupId} is bound to it`]
          : []),
        ...(linkGroupId === undefined || service.live.group === undefined
          ? []
          : service.live.group.ingress
              .filter((r) => r.peerGroupId === linkGroupId)
              .map(
                (r) => `its group ${service.live.group!.group.securityGroupId} admits the link's group on ${r.protocol} ${r.portRange}`,
              )),
      ];
      if (traces.length === 0) return [];
      return [
        {
          field: `removed-target.${service.kind}.${service.id}`,
          message: `${service.kind} ${service.id} still admits the link (${traces.join('; ')}), but no spec checked here names it: a target removed from the spec after apply leaves its access behind (mcvpc plan looks only at the spec's targets); add the target back, or take that access back by hand`,
          range: spec.ranges.targets,
        },
      ];
    });
}
