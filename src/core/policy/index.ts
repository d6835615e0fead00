/** Policy rules over link specs: the table, a repository's settings, the findings. Pure. */
export { POLICY_RULES, RULES_DOC_PATH, RULES_DOC_URL, policyRule, checkPolicy, ruleAnchor, type PolicyRule } from './rules';
export { POLICY_CONFIG_FILE, PolicyConfigError, defaultPolicy, parsePolicyConfig } from './config';
export { livePolicyFindings, type LiveFinding } from './live';
export { liveRuleFindings } from './liveRules';
export type * from './types';
