/** A security-group rule's identity for comparing sets of rules: what it does, not its id, description or position in a list. */
import type { SecurityGroupRule } from './model';
import { normalizePolicy } from './rules';

/** The same for two rules that admit the same traffic the same way. */
export function ruleKey(rule: SecurityGroupRule): string {
  return [rule.direction, normalizePolicy(rule.policy), rule.protocol.toUpperCase(), rule.portRange, rule.priority, rule.peerCidr ?? '', rule.peerGroupId ?? ''].join('|');
}
