/** The security-group rules a network link needs, and whether a drop rule would defeat them. */
import type { SecurityGroupRule } from '../model';
import { ruleCovers } from '../ruleCoverage';
import { normalizePolicy } from '../rules';

/** The inbound rule the link's group needs: MaxCompute's traffic back into its ENIs is return traffic, so accept all of it from the source block. */
export function linkGroupIngressRule(sourceCidr: string): SecurityGroupRule {
  return {
    direction: 'ingress',
    policy: 'accept',
    protocol: 'ALL',
    portRange: '-1/-1',
    priority: 1,
    peerCidr: sourceCidr,
    description: 'MaxCompute network link return traffic',
  };
}

/** The inbound rule that lets the link's ENIs reach one TCP port of a cluster or instance. */
export function portRule(linkGroupId: string, port: number): SecurityGroupRule {
  return {
    direction: 'ingress',
    policy: 'accept',
    protocol: 'TCP',
    portRange: `${port}/${port}`,
    priority: 1,
    peerGroupId: linkGroupId,
    description: 'MaxCompute network link',
  };
}

/**
 * The drop rules that would still win over the wanted accept rule once it is added (a drop at
 * the same or a better priority beats an accept), or [] when adding the rule would work.
 */
export function overridingDrops(existing: readonly SecurityGroupRule[], wanted: SecurityGroupRule): SecurityGroupRule[] {
  if (ruleCovers([...existing, wanted], wanted)) return [];
  return existing.filter((r) => r.direction === wanted.direction && normalizePolicy(r.policy) === 'drop' && r.priority <= wanted.priority);
}
