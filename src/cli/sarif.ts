/**
 * SARIF 2.1.0 (OASIS) for the reporting commands, the format GitHub code scanning, GitLab and
 * Azure DevOps read: one run, the rules that can be reported (policy rules with their docs), one
 * result per finding at the spot the editor's diagnostic shows, 1-based, columns in UTF-16 code
 * units as VS Code counts them (SARIF's default columnKind). `partialFingerprints` hash what a
 * finding is about (rule, file, link, field, the line's text), not its line number, so a result
 * keeps its identity when lines above it move.
 */
import { createHash } from 'node:crypto';
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { POLICY_RULES, ruleAnchor, RULES_DOC_URL } from '../core/policy';
import { shownFile, type Finding } from './findings';

/** The version SARIF names (package.json's). */
export const TOOL_VERSION = '0.1.0';

const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  helpUri: string;
  defaultConfiguration: { level: 'error' | 'warning' | 'note' | 'none' };
}

const LEVEL = { error: 'error', warning: 'warning', info: 'note', off: 'none' } as const;

/** The rule ids that are not policy rules, by family (`spec/<code>` is of family `spec`): each has its section in docs/rules.md. */
export const OTHER_RULE_FAMILIES = ['spec', 'usage', 'drift', 'unknown', 'live', 'doctor', 'not-applied', 'config', 'unreadable'] as const;

/** Words for the rule ids that are not policy rules: validate's, lint's, drift and unknown. */
function otherRule(id: string): SarifRule {
  const [family, code] = id.includes('/') ? (id.split('/') as [string, string]) : [id, id];
  const what: Record<(typeof OTHER_RULE_FAMILIES)[number], string> & Record<string, string> = {
    spec: `The spec file is checked offline (schema and semantics, as mcvpc validate and the spec editor do): ${code.replaceAll('-', ' ')}.`,
    usage: `A SQL or Spark line that uses a network link is checked against the known links (as mcvpc lint and the editor do): ${code.replaceAll('-', ' ')}.`,
    drift: 'The cloud no longer matches what the spec applied: mcvpc plan shows the steps that would bring it back.',
    unknown: 'The link could not be checked against the cloud (the cloud could not be read, or the plan refused).',
    live: `A live check of the plan (the cloud as it is now): ${code.replaceAll('-', ' ')}.`,
    doctor: `mcvpc doctor's hop ${code} did not pass: MaxCompute may not reach the target this way (the report says why and the fix).`,
    'not-applied': 'The spec has not been applied yet: there is nothing in the cloud to drift.',
    config: "The repository's mcvpc.config.json cannot be used.",
    unreadable: 'A file or folder under the paths cannot be read.',
  };
  const text = what[family] ?? id;
  return {
    id,
    name: id.replace('/', '-'),
    shortDescription: { text },
    fullDescription: { text },
    help: { text, markdown: text },
    helpUri: `${RULES_DOC_URL}#${ruleAnchor(family)}`,
    defaultConfiguration: {
      level:
        family === 'not-applied'
          ? 'note'
          : family === 'doctor'
            ? 'error'
            : family === 'drift' || family === 'unknown'
              ? 'warning'
              : 'error',
    },
  };
}

/** Every rule a report can name: the policy table first, then the others its findings use. */
function rules(findings: readonly Finding[]): SarifRule[] {
  const policy: SarifRule[] = POLICY_RULES.map((r) => ({
    id: r.id,
    name: r.name,
    shortDescription: { text: r.summary },
    fullDescription: { text: r.summary },
    help: {
      text: `${r.summary} Configure it under mcvpc.policy.${r.id} in mcvpc.config.json.`,
      markdown: `${r.summary}\n\nConfigure it under \`mcvpc.policy.${r.id}\` in \`mcvpc.config.json\`; see [${r.id}](${RULES_DOC_URL}#${ruleAnchor(r.id)}).`,
    },
    helpUri: `${RULES_DOC_URL}#${ruleAnchor(r.id)}`,
    defaultConfiguration: { level: LEVEL[r.defaults.severity] },
  }));
  const others = [...new Set(findings.map((f) => f.ruleId).filter((id) => !POLICY_RULES.some((r) => r.id === id)))].sort();
  return [...policy, ...others.map(otherRule)];
}

/** What a finding is, independent of where its line is now. */
function fingerprint(f: Finding, lineText: string | undefined): string {
  const key = [f.ruleId, shownFile(f.file), f.link ?? '', f.path ?? '', (lineText ?? '').trim()].join('\u0000');
  return createHash('sha256').update(key).digest('hex').slice(0, 32);
}

/** A file inside the working folder is relative to the checkout (%SRCROOT%), as code scanning wants; one outside it is a file URL. */
function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  const shown = shownFile(file);
  return isAbsolute(shown) ? { uri: pathToFileURL(shown).href } : { uri: encodeURI(shown), uriBaseId: '%SRCROOT%' };
}

/** The SARIF log of one run of `command`; `lineTextOf` gives a file's line (0-based) for fingerprints. */
export function sarifLog(
  command: string,
  version: string,
  findings: readonly Finding[],
  lineTextOf: (file: string, line: number) => string | undefined,
): Record<string, unknown> {
  const ruleList = rules(findings);
  const index = new Map(ruleList.map((r, i) => [r.id, i]));
  const seen = new Map<string, number>();
  const results = findings.map((f) => {
    const base = fingerprint(f, f.range === undefined ? undefined : lineTextOf(f.file, f.range.startLine));
    // Two findings alike in every way (the same line twice) stay two results with two identities.
    const nth = seen.get(base) ?? 0;
    seen.set(base, nth + 1);
    return {
      ruleId: f.ruleId,
      ruleIndex: index.get(f.ruleId)!,
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: artifactLocation(f.file),
            ...(f.range !== undefined
              ? {
                  region: {
                    startLine: f.range.startLine + 1,
                    startColumn: f.range.startColumn + 1,
                    endLine: f.range.endLine + 1,
                    endColumn: f.range.endColumn + 1,
                  },
                }
              : {}),
          },
          ...(f.link !== undefined
            ? {
                logicalLocations: [
                  { name: f.path ?? f.link, fullyQualifiedName: f.path !== undefined ? `${f.link}.${f.path}` : f.link, kind: 'member' },
                ],
              }
            : {}),
        },
      ],
      partialFingerprints: { 'mcvpcFinding/v1': nth === 0 ? base : `${base}:${nth}` },
    };
  });
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'mcvpc', fullName: `mcvpc ${command}`, version, informationUri: RULES_DOC_URL, rules: ruleList } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}
