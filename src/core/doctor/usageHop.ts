/**
 * Optional hop: the lines that use this link in the given files (SQL `networklink`, Spark
 * `eni.info`) point at it — its name, its region and VPC — judged by src/core/usage's checks with
 * this link as the one known link. Only the problems about naming a link or a VPC count here.
 */
import { checkUsage, eniInfoValue, type Dialect, type UsageProblemCode } from '../usage';
import type { ConnectionSpec } from '../specModel';
import { textEvidence } from './evidence';
import type { Hop } from './types';

/** A file whose link usage is checked. */
export interface UsageFile {
  /** How the report names it (a workspace-relative path). */
  path: string;
  text: string;
  dialect: Dialect;
}

const ABOUT_THE_LINK: ReadonlySet<UsageProblemCode> = new Set([
  'unknown-link',
  'missing-link-name',
  'eni-info-format',
  'eni-info-unlinked',
]);

/** The usage hop, or undefined when no file is given or none uses a link. */
export function usageHop(spec: ConnectionSpec, files: readonly UsageFile[]): Hop | undefined {
  if (files.length === 0) return undefined;
  const link = { name: spec.networkLinkName, regionId: spec.regionId, vpcId: spec.vpcId, source: 'the checked spec' };
  const eniInfo = eniInfoValue(spec);
  const problems = files.flatMap((f) =>
    checkUsage(f.text, f.dialect, [link])
      .filter((p) => ABOUT_THE_LINK.has(p.code))
      .map((p) => ({ file: f, p })),
  );
  const using = files.filter((f) => f.text.includes(spec.networkLinkName) || f.text.includes(eniInfo));
  const base = {
    id: 'workspace.usage',
    scope: { kind: 'link' } as const,
    title: "The workspace's networklink / eni.info lines point at this link",
  };
  if (problems.length > 0) {
    return {
      ...base,
      verdict: 'warn',
      reason: `${problems.length} line(s) name another link or VPC than "${spec.networkLinkName}" (${eniInfo}).`,
      evidence: problems.map(({ file, p }) => textEvidence(`${file.path}:${p.range.start.line + 1}: ${p.message}`)),
      fix: {
        kind: 'manual',
        summary: `Point the lines at "${spec.networkLinkName}" / ${eniInfo} (mcvpc lint --fix applies the safe fixes).`,
      },
    };
  }
  if (using.length === 0) {
    return {
      ...base,
      verdict: 'warn',
      reason: `None of ${files.map((f) => f.path).join(', ')} uses "${spec.networkLinkName}" or ${eniInfo}.`,
      evidence: files.map((f) => textEvidence(`${f.path}: no networklink=${spec.networkLinkName} and no eni.info ${eniInfo}`)),
      fix: { kind: 'manual', summary: `Add the usage lines (mcvpc usage on the spec prints them).` },
    };
  }
  return {
    ...base,
    verdict: 'pass',
    reason: `${using.map((f) => f.path).join(', ')} use "${spec.networkLinkName}" / ${eniInfo}.`,
    evidence: using.map((f) => textEvidence(`${f.path} names this link`)),
  };
}
