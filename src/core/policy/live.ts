/**
 * The policy rules the cloud answers: the plan's live checks that are a rule's concern found
 * live (the link's group also guards someone else's instance: MCVPC106; it is one of
 * MaxCompute's groups: MCVPC105), at the rule's configured severity. Other live checks keep the
 * planner's code and severity.
 */
import type { LiveCheck } from '../plan';
import type { ConnectionSpec, ProblemSeverity, SourceRange } from '../specModel';
import type { PolicyRuleId, PolicySettings } from './types';

const RULE_OF_CHECK: Partial<Record<LiveCheck['code'], PolicyRuleId>> = {
  'group-shared': 'MCVPC106',
  'group-in-use': 'MCVPC106',
  'group-managed': 'MCVPC105',
};

/** A live check as a rule (or the planner's own) finding. */
export interface LiveFinding {
  /** A policy rule id, or `live/<planner's code>`. */
  ruleId: string;
  severity: ProblemSeverity;
  message: string;
  range: SourceRange;
}

/** The plan's live checks as findings, the rules' settings applied. */
export function livePolicyFindings(spec: ConnectionSpec, checks: readonly LiveCheck[], settings: PolicySettings): LiveFinding[] {
  return checks.flatMap((check): LiveFinding[] => {
    const ruleId = RULE_OF_CHECK[check.code];
    if (ruleId === undefined)
      return [{ ruleId: `live/${check.code}`, severity: check.severity, message: check.message, range: check.range }];
    const rule = settings[ruleId];
    const group = spec.securityGroup;
    // A group the repository allows as a link's group may be shared: that is what allowing it says.
    const allowed =
      ruleId === 'MCVPC106' && group.mode === 'existing' && (rule.allowedExistingGroups ?? []).includes(group.securityGroupId);
    // A refusing check stays an error whatever the rule's severity: the plan cannot go on.
    const severity = check.severity === 'error' ? 'error' : rule.severity;
    if (severity === 'off' || (allowed && check.severity !== 'error')) return [];
    return [{ ruleId, severity, message: check.message, range: check.range }];
  });
}
