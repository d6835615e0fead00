/** The doctor's hops that did not pass, as findings for SARIF: at the target (or the link's name) in the spec the hop is about. */
import type { DoctorReport, HopVerdict } from '../core/doctor';
import type { ConnectionSpec, SourceRange } from '../connectionSpec/types';
import type { Finding, FindingRange } from './findings';

const SEVERITY: Record<Exclude<HopVerdict, 'pass'>, Finding['severity']> = { fail: 'error', warn: 'warning', unknown: 'info' };

function rangeOf(r: SourceRange): FindingRange {
  return { startLine: r.start.line, startColumn: r.start.column, endLine: r.end.line, endColumn: r.end.column };
}

/** One finding per hop that did not pass; the rule id is the hop's kind (`doctor/target.access`), the same for every target. */
export function doctorFindings(file: string, checked: ReadonlyArray<{ spec: ConnectionSpec; report: DoctorReport }>): Finding[] {
  return checked.flatMap(({ spec, report }) =>
    report.hops.flatMap((hop) => {
      if (hop.verdict === 'pass') return [];
      const target = hop.scope.kind === 'target' ? spec.targets[hop.scope.index] : undefined;
      const range = target?.range ?? spec.ranges.networkLinkName;
      return [
        {
          ruleId: `doctor/${hop.id.replace(/^target\.\d+\./, 'target.')}`,
          severity: SEVERITY[hop.verdict],
          message: `${hop.title}: ${hop.reason}`,
          file,
          range: rangeOf(range),
          link: spec.networkLinkName,
          path: hop.id,
        },
      ];
    }),
  );
}
