/** A security-group rule's identity for comparing sets of rules: what it does, not its id, description or position in a list. */
import type { SecurityGroupRule } from './model';

/** The same for two rules that admit the same traffic the same way (the mappers have already normalized policy and protocol). */
export function ruleKey(rule: SecurityGroupRule): string {
  return [rule.direction, rule.policy, rule.protocol, rule.portRange, rule.priority, rule.peerCidr ?? '', rule.peerGroupId ?? ''].join('|');
}
