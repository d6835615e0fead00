/** Small typed builders for security groups, rules and flows in unit tests. */
import type { SecurityGroup, SecurityGroupRule } from '../../src/core/model';
import type { GroupWithRules } from '../../src/core/flowEvaluation';
import type { Flow } from '../../src/core/rules';

/** A basic (`normal`) group in vpc-test. */
export function basicGroup(securityGroupId = 'sg-a'): SecurityGroup {
  return {
    securityGroupId,
    regionId: 'cn-hangzhou',
    vpcId: 'vpc-test',
    name: `group-${securityGroupId}`,
    description: '',
    type: 'normal',
    managedByMaxCompute: false,
  };
}

/** An advanced (`enterprise`) group in vpc-test. */
export function advancedGroup(securityGroupId = 'sg-adv'): SecurityGroup {
  return { ...basicGroup(securityGroupId), type: 'enterprise' };
}

/**
 * A rule; by default "inbound accept TCP 3306/3306 from 192.168.1.0/24 (priority 1)".
 * Giving peerGroupId alone replaces the default CIDR.
 */
export function rule(overrides: Partial<SecurityGroupRule> = {}): SecurityGroupRule {
  const base: SecurityGroupRule = {
    direction: 'ingress',
    policy: 'accept',
    protocol: 'TCP',
    portRange: '3306/3306',
    priority: 1,
    peerCidr: '192.168.1.0/24',
  };
  if (overrides.peerGroupId !== undefined && !('peerCidr' in overrides)) delete base.peerCidr;
  return { ...base, ...overrides };
}

/** A flow; by default "inbound TCP 3306 from 192.168.1.10". */
export function flow(overrides: Partial<Flow> = {}): Flow {
  return { direction: 'ingress', protocol: 'TCP', port: 3306, peerIp: '192.168.1.10', ...overrides };
}

/** A group on the NIC with its rules. */
export function withRules(group: SecurityGroup, ...rules: SecurityGroupRule[]): GroupWithRules {
  return { group, rules };
}
