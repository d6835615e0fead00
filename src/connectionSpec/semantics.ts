/**
 * Checks that need no cloud but more than the schema can say: CIDR arithmetic, a refused
 * 0.0.0.0/0, supported regions, duplicates within a link and link names across documents.
 */
import { cidrProblem, isWholeInternet, parseCidr } from '../core/cidr';
import { isMaxComputeManagedGroupName } from '../core/model';
import { isRegionSupported, SUPPORTED_REGIONS } from '../core/zones';
import { targetKind } from '../targets';
import type { ConnectionSpec, ProblemSeverity, SourceRange, SpecProblem, SpecProblemCode } from './types';

function problem(
  spec: ConnectionSpec,
  severity: ProblemSeverity,
  code: SpecProblemCode,
  path: string,
  range: SourceRange,
  message: string,
): SpecProblem {
  return { message: `${path}: ${message}`, severity, range, code, path, documentIndex: spec.documentIndex };
}

function cidrProblems(spec: ConnectionSpec, path: string, range: SourceRange, cidr: string): SpecProblem[] {
  const reason = cidrProblem(cidr);
  if (reason === undefined) return [];
  // Host bits set is only untidy (the cloud normalizes the block); a malformed block is an error.
  const severity = parseCidr(cidr) === undefined ? 'error' : 'warning';
  return [problem(spec, severity, 'invalid-cidr', path, range, reason)];
}

function targetProblems(spec: ConnectionSpec, written: readonly TargetWritten[]): SpecProblem[] {
  const problems: SpecProblem[] = [];
  const byIdentity = new Map<string, number>();
  const byLabel = new Map<string, number>();
  for (const target of spec.targets) {
    const path = `targets[${target.index}]`;
    const kind = targetKind(target.kind);
    const identity = kind.identity(target);
    const first = byIdentity.get(identity.words);
    if (first !== undefined) {
      problems.push(
        problem(
          spec,
          'error',
          'duplicate-target',
          path,
          identity.range,
          `the ${identity.words} is already a target (targets[${first}]); list each service once`,
        ),
      );
    } else byIdentity.set(identity.words, target.index);
    if (target.labelGiven) {
      const sameName = byLabel.get(target.label);
      if (sameName !== undefined) {
        problems.push(
          problem(
            spec,
            'error',
            'duplicate-target-name',
            `${path}.name`,
            target.ranges.label,
            `the name "${target.label}" is already used by targets[${sameName}]; give each target its own name`,
          ),
        );
      } else byLabel.set(target.label, target.index);
    }
    for (const found of kind.specProblems(target, { data: written[target.index] ?? {}, range: () => target.range })) {
      problems.push(
        problem(spec, found.severity, found.code, found.field === '' ? path : `${path}.${found.field}`, found.range, found.message),
      );
    }
  }
  return problems;
}

function linkProblems(spec: ConnectionSpec): SpecProblem[] {
  const problems: SpecProblem[] = [];
  if (!isRegionSupported(spec.regionId)) {
    const supported = SUPPORTED_REGIONS.map((r) => r.regionId).join(', ');
    problems.push(
      problem(
        spec,
        'error',
        'unsupported-region',
        'region',
        spec.ranges.regionId,
        `MaxCompute network links are not available in ${spec.regionId}; supported regions: ${supported}`,
      ),
    );
  }
  const group = spec.securityGroup;
  if (group.mode === 'create') {
    if (isMaxComputeManagedGroupName(group.name)) {
      problems.push(
        problem(
          spec,
          'error',
          'managed-group-name',
          'securityGroup.create.name',
          group.ranges.name,
          `"${group.name}" is the name of a group MaxCompute creates for return traffic; choose another name`,
        ),
      );
    }
    const source = group.inboundSource;
    if (source.kind === 'cidr') {
      const path = 'securityGroup.create.inboundSource';
      if (isWholeInternet(source.cidr)) {
        if (group.allowWholeInternet) {
          problems.push(
            problem(
              spec,
              'warning',
              'whole-internet',
              path,
              group.ranges.inboundSource,
              `${source.cidr} lets the whole internet into the link's security group (allowed by allowWholeInternet: true); vpc-cidr is enough for return traffic`,
            ),
          );
        } else {
          problems.push(
            problem(
              spec,
              'error',
              'whole-internet',
              path,
              group.ranges.inboundSource,
              `${source.cidr} would let the whole internet into the link's security group; use vpc-cidr, or set allowWholeInternet: true if you really mean it`,
            ),
          );
        }
      } else {
        problems.push(...cidrProblems(spec, path, group.ranges.inboundSource, source.cidr));
      }
    }
    if (group.allowWholeInternet && !(source.kind === 'cidr' && isWholeInternet(source.cidr))) {
      problems.push(
        problem(
          spec,
          'info',
          'ignored-property',
          'securityGroup.create.allowWholeInternet',
          group.ranges.allowWholeInternet,
          'has no effect: inboundSource is not 0.0.0.0/0',
        ),
      );
    }
  }
  return problems;
}

/** Problems of one link that the schema cannot express. */
/** A target item as written (the builder drops what a check may still need, such as an ignored field). */
export type TargetWritten = Record<string, unknown>;

export function linkSemanticProblems(spec: ConnectionSpec, written: readonly TargetWritten[]): SpecProblem[] {
  return [...linkProblems(spec), ...targetProblems(spec, written)];
}

/** Problems across the documents of one file: a link name used twice. */
export function fileSemanticProblems(specs: readonly ConnectionSpec[]): SpecProblem[] {
  const problems: SpecProblem[] = [];
  const byName = new Map<string, ConnectionSpec>();
  for (const spec of specs) {
    const first = byName.get(spec.networkLinkName);
    if (first) {
      const line = first.ranges.networkLinkName.start.line + 1;
      problems.push(
        problem(
          spec,
          'error',
          'duplicate-link-name',
          'metadata.name',
          spec.ranges.networkLinkName,
          `the link name "${spec.networkLinkName}" is already used on line ${line}; each network link needs its own name`,
        ),
      );
    } else byName.set(spec.networkLinkName, spec);
  }
  return problems;
}
