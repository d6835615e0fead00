/** The vocabulary of the policy rules: what a rule is given, what it finds, how a repository configures it. */
import type { ProblemSeverity, SourceRange, ConnectionSpec } from '../specModel';

/** A rule's id: `MCVPC1xx`, stable (SARIF results, config files and docs/rules.md anchors use it). */
export type PolicyRuleId = 'MCVPC101' | 'MCVPC102' | 'MCVPC103' | 'MCVPC104' | 'MCVPC105' | 'MCVPC106';

/** How loud a finding is; `off` turns the rule off. */
export type PolicySeverity = ProblemSeverity | 'off';

/** What a rule needs of one target beyond what every target has: read by the spec layer from the kind's module. */
export interface PolicyTarget {
  index: number;
  kind: string;
  label: string;
  range: SourceRange;
  /** The TCP ports the target opens, each with where it is written (the whole target when defaulted). */
  ports: ReadonlyArray<{ port: number; range: SourceRange }>;
  /** An address block the target names (custom targets), with its range. */
  cidr?: { value: string; range: SourceRange };
  /** The whitelist group the link's block is written into, when the target is reached by a whitelist. */
  whitelistGroup?: { name: string; range: SourceRange };
}

/** One link as the rules see it: the spec and its targets' facts. */
export interface PolicyLink {
  spec: ConnectionSpec;
  targets: readonly PolicyTarget[];
}

/** One rule's settings in a repository's config (every field optional: the defaults fill in). */
export interface RuleSettings {
  severity: PolicySeverity;
  /** MCVPC102: the widest block a spec may name, as a prefix length (16 allows /16, refuses /15). */
  minPrefixLength?: number;
  /** MCVPC103: ports never opened, whatever the kind. */
  forbiddenPorts?: number[];
  /** MCVPC103: the only ports a kind may open, by kind; kinds not listed are free (but for forbiddenPorts). */
  allowedPorts?: Record<string, number[]>;
  /** MCVPC106: existing security groups a link may use as its own (ids). */
  allowedExistingGroups?: string[];
}

/** The whole policy: every rule with its settings. */
export type PolicySettings = Record<PolicyRuleId, RuleSettings>;

/** A rule's verdict on one field of one link. */
export interface PolicyFinding {
  ruleId: PolicyRuleId;
  severity: ProblemSeverity;
  message: string;
  range: SourceRange;
  /** The field path, as validate's problems write it (`targets[1].ports[0]`). */
  path: string;
  networkLinkName: string;
  documentIndex: number;
}
