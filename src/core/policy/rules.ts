/**
 * The policy rules: a small, named table a network team turns on, off or louder per repository
 * (config.ts), each documented under its id in docs/rules.md. Every rule reads one link's spec
 * offline, so they run in the editor, in `mcvpc check` and in CI alike; with a profile, MCVPC101-104
 * are also checked against the cloud and the plan (liveRules.ts).
 */
import { isWholeInternet, parseCidr } from '../cidr';
import { isMaxComputeManagedGroupName } from '../model';
import type { ProblemSeverity, SourceRange } from '../specModel';
import type { PolicyFinding, PolicyLink, PolicyRuleId, RuleSettings } from './types';

/** The documentation of the rules, in this repository (a section per rule id, under its anchor). */
export const RULES_DOC_PATH = 'docs/rules.md';

/**
 * docs/rules.md as the repository hosts it: package.json's `repository` URL, `/blob/HEAD/`, the
 * path (a unit test holds the three together, so the address is changed in package.json and here
 * at once). Absolute, because SARIF's helpUri must be (SARIF 2.1.0 §3.49.12; the schema's
 * `format: uri`): a path relative to the checkout is not allowed there.
 */
export const RULES_DOC_URL = `https://github.com/maxcompute-vpc-connect/maxcompute-vpc-connect/blob/HEAD/${RULES_DOC_PATH}`;

/** The anchor of a rule id (or a family: `spec`, `usage`, `drift`…) in docs/rules.md. */
export function ruleAnchor(ruleId: string): string {
  return ruleId.toLowerCase().replace(/[^a-z0-9-]/g, '');
}

/** One rule of the table. */
export interface PolicyRule {
  id: PolicyRuleId;
  /** A short kebab-case name (SARIF's `name`). */
  name: string;
  /** One sentence: what the rule wants (SARIF's shortDescription, the docs' heading). */
  summary: string;
  /** The settings a repository starts from. */
  defaults: RuleSettings;
  /** No spec setting decides it: checked only with the cloud, on plans (liveRules.ts), so it has no spec fixtures. */
  liveOnly?: true;
  check(link: PolicyLink, settings: RuleSettings): Array<Omit<PolicyFinding, 'ruleId' | 'severity' | 'networkLinkName' | 'documentIndex'>>;
}

/** Remote shells and desktops: no MaxCompute job needs one, and an opened one is a way in for anyone on the link. */
export const ADMIN_PORTS = [22, 23, 3389, 5900];

/** The widest block a vSwitch may have (Alibaba VPC: a vSwitch's mask is /16 to /29). */
export const WIDEST_VSWITCH_PREFIX = 16;

function finding(path: string, range: SourceRange, message: string): { path: string; range: SourceRange; message: string } {
  return { path, range, message };
}

/** The table, in id order. */
export const POLICY_RULES: readonly PolicyRule[] = [
  {
    id: 'MCVPC101',
    name: 'no-inbound-from-internet',
    summary: "The link's security group admits no inbound traffic from 0.0.0.0/0, even with allowWholeInternet.",
    defaults: { severity: 'error' },
    check({ spec }) {
      const group = spec.securityGroup;
      if (group.mode !== 'create' || group.inboundSource.kind !== 'cidr' || !isWholeInternet(group.inboundSource.cidr)) return [];
      return [
        finding(
          'securityGroup.create.inboundSource',
          group.ranges.inboundSource,
          `${group.inboundSource.cidr} lets the whole internet into the link's security group; MaxCompute's return traffic comes from the VPC, so use vpc-cidr or vswitch-cidr`,
        ),
      ];
    },
  },
  {
    id: 'MCVPC102',
    name: 'no-block-wider-than-vswitch',
    summary: 'An address block the spec names (inboundSource, a custom target) is no wider than a vSwitch may be (/16 unless configured).',
    defaults: { severity: 'error', minPrefixLength: WIDEST_VSWITCH_PREFIX },
    check({ spec, targets }, settings) {
      const min = settings.minPrefixLength ?? WIDEST_VSWITCH_PREFIX;
      const blocks: Array<{ path: string; cidr: string; range: SourceRange }> = [];
      const group = spec.securityGroup;
      if (group.mode === 'create' && group.inboundSource.kind === 'cidr' && !isWholeInternet(group.inboundSource.cidr)) {
        blocks.push({ path: 'securityGroup.create.inboundSource', cidr: group.inboundSource.cidr, range: group.ranges.inboundSource });
      }
      for (const t of targets)
        if (t.cidr !== undefined) blocks.push({ path: `targets[${t.index}].cidr`, cidr: t.cidr.value, range: t.cidr.range });
      return blocks.flatMap(({ path, cidr, range }) => {
        const parsed = parseCidr(cidr);
        // A malformed block is validate's error; the whole internet is MCVPC101's.
        if (parsed === undefined || parsed.prefix >= min || (path.startsWith('targets') && isWholeInternet(cidr))) return [];
        return [
          finding(
            path,
            range,
            `${cidr} is wider than /${min}, the widest block this repository allows; name the vSwitch's block or a narrower one`,
          ),
        ];
      });
    },
  },
  {
    id: 'MCVPC103',
    name: 'only-needed-ports',
    summary: 'A target opens only the ports its kind needs: never a remote shell or desktop, and only the configured ports of a kind.',
    defaults: { severity: 'error', forbiddenPorts: ADMIN_PORTS, allowedPorts: {} },
    check({ targets }, settings) {
      const forbidden = new Set(settings.forbiddenPorts ?? ADMIN_PORTS);
      return targets.flatMap((t) => {
        const allowed = settings.allowedPorts?.[t.kind];
        return t.ports.flatMap(({ port, range }, i) => {
          const path = `targets[${t.index}].ports[${i}]`;
          if (forbidden.has(port))
            return [finding(path, range, `port ${port} is a remote shell or desktop port, which no MaxCompute job needs; remove it`)];
          if (allowed !== undefined && !allowed.includes(port))
            return [
              finding(
                path,
                range,
                `port ${port} is not among the ports this repository allows for ${t.kind} targets (${allowed.join(', ') || 'none'})`,
              ),
            ];
          return [];
        });
      });
    },
  },
  {
    id: 'MCVPC104',
    name: 'no-cover-whitelist-writes',
    summary:
      "No whitelist write replaces a group's list: RDS and PolarDB entries are added and taken back with ModifyMode Append/Delete, never Cover; HBase and Lindorm, whose calls set a whole list, keep every entry the group held.",
    defaults: { severity: 'error' },
    liveOnly: true,
    // A spec has no knob that picks a write mode: the rule is a guarantee about plans, checked
    // live against the plan's whitelist calls (liveRules.ts). Offline there is nothing to find.
    check: () => [],
  },
  {
    id: 'MCVPC105',
    name: 'managed-groups-untouched',
    summary: "MaxCompute's own security groups (MaxCompute-vpc-…) are never created, named or edited by a spec.",
    defaults: { severity: 'error' },
    check({ spec }) {
      const group = spec.securityGroup;
      if (group.mode !== 'create' || !isMaxComputeManagedGroupName(group.name)) return [];
      return [
        finding(
          'securityGroup.create.name',
          group.ranges.name,
          `"${group.name}" is the name of a group MaxCompute manages for return traffic; the link's group must be a different one`,
        ),
      ];
    },
  },
  {
    id: 'MCVPC106',
    name: 'dedicated-link-group',
    summary:
      "The link's security group is used by nothing but the link: the spec creates it, or names an existing group the repository allows.",
    defaults: { severity: 'warning', allowedExistingGroups: [] },
    check({ spec }, settings) {
      const group = spec.securityGroup;
      if (group.mode !== 'existing' || (settings.allowedExistingGroups ?? []).includes(group.securityGroupId)) return [];
      return [
        finding(
          'securityGroup.id',
          group.ranges.securityGroupId,
          `${group.securityGroupId} is an existing group: rules added for the link would also apply to whatever else uses it; let the spec create the link's own group, or allow this one in mcvpc.config.json`,
        ),
      ];
    },
  },
];

/** The rule with this id. */
export function policyRule(id: PolicyRuleId): PolicyRule {
  const rule = POLICY_RULES.find((r) => r.id === id);
  if (rule === undefined) throw new Error(`no policy rule ${id}`);
  return rule;
}

/** Every finding of the enabled rules on one link, in rule order then text order. */
export function checkPolicy(link: PolicyLink, settings: Readonly<Record<PolicyRuleId, RuleSettings>>): PolicyFinding[] {
  const findings: PolicyFinding[] = [];
  for (const rule of POLICY_RULES) {
    const ruleSettings = settings[rule.id];
    if (ruleSettings.severity === 'off') continue;
    const severity: ProblemSeverity = ruleSettings.severity;
    for (const f of rule.check(link, ruleSettings)) {
      findings.push({
        ...f,
        ruleId: rule.id,
        severity,
        networkLinkName: link.spec.networkLinkName,
        documentIndex: link.spec.documentIndex,
      });
    }
  }
  return findings;
}
