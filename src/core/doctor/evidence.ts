/** Evidence lines and fix steps the link hops and the kinds share. */
import type { SecurityGroup, SecurityGroupRule } from '../model';
import type { PlanStep } from '../plan';
import { describeRule } from '../rules';
import type { SourceRange } from '../specModel';
import type { Evidence, HopFix } from './types';

/** `rule sgr-… in sg-…: inbound accept ALL from 192.168.0.0/16 (priority 1)`. */
export function ruleEvidence(groupId: string, rule: SecurityGroupRule): Evidence {
  const id = rule.ruleId !== undefined && rule.ruleId !== '' ? `rule ${rule.ruleId}` : 'a rule';
  return { text: `${id} in ${groupId}: ${describeRule(rule)}`, ids: [groupId, ...(rule.ruleId ? [rule.ruleId] : [])] };
}

/** `sg-… (name): basic group in vpc-…`. */
export function groupEvidence(group: SecurityGroup): Evidence {
  const type = group.type === 'enterprise' ? 'advanced' : 'basic';
  return {
    text: `security group ${group.securityGroupId} ("${group.name}"): ${type}, in ${group.vpcId || 'no VPC'}`,
    ids: [group.securityGroupId, group.vpcId].filter((id) => id !== ''),
  };
}

export function textEvidence(text: string, ...ids: string[]): Evidence {
  return { text, ids };
}

/** A fix that changes rules of one group through the engine's authorize/revoke-rules steps. */
export function ruleFix(
  summary: string,
  idPrefix: string,
  groupId: string,
  change: { add?: SecurityGroupRule[]; remove?: SecurityGroupRule[] },
  range: SourceRange,
): HopFix {
  const steps: PlanStep[] = [];
  const base = { phase: 'security-group' as const, dependsOn: [], range };
  if (change.remove !== undefined && change.remove.length > 0) {
    steps.push({
      ...base,
      id: `${idPrefix}.revoke`,
      action: 'remove',
      title: `Remove ${change.remove.length === 1 ? 'a rule' : `${change.remove.length} rules`} from ${groupId}`,
      details: change.remove.map(describeRule),
      call: {
        product: 'Ecs',
        action: change.remove.every((r) => r.direction === 'ingress') ? 'RevokeSecurityGroup' : 'RevokeSecurityGroupEgress',
        params: { SecurityGroupId: groupId, rules: change.remove.map(describeRule) },
      },
      operation: { kind: 'revoke-rules', securityGroupId: groupId, rules: change.remove },
    });
  }
  if (change.add !== undefined && change.add.length > 0) {
    steps.push({
      ...base,
      id: `${idPrefix}.authorize`,
      action: 'create',
      title: `Add ${change.add.length === 1 ? 'a rule' : `${change.add.length} rules`} to ${groupId}`,
      details: change.add.map(describeRule),
      call: {
        product: 'Ecs',
        action: change.add.every((r) => r.direction === 'ingress') ? 'AuthorizeSecurityGroup' : 'AuthorizeSecurityGroupEgress',
        params: { SecurityGroupId: groupId, rules: change.add.map(describeRule) },
      },
      // Removals first: an accept added while a drop of equal priority remains would not take effect.
      operation: { kind: 'authorize-rules', securityGroupId: groupId, rules: change.add },
    });
    if (steps.length === 2) steps[1]!.dependsOn = [steps[0]!.id];
  }
  return { kind: 'steps', summary, steps };
}
