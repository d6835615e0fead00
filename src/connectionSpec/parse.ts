/**
 * `parseSpecFile`: spec text in, typed links and exact problems out. Pure and total: whatever
 * the text, it returns (never throws) and does bounded work (see limits.ts).
 */
import { isAlias, isScalar, visit, type YAMLError } from 'yaml';
import { escapeForMessageLines } from '../core/displayText';
import { buildConnectionSpec } from './build';
import { notASpecProblem } from './kindCheck';
import { MAX_ALIAS_COUNT, MAX_PROBLEMS_PER_DOCUMENT } from './limits';
import { Ranger } from './nodes';
import { partialSpec } from './partial';
import { LineIndex } from './positions';
import { validateSpecData } from './schema';
import { schemaProblems } from './schemaProblems';
import { fileSemanticProblems, linkSemanticProblems, type TargetWritten } from './semantics';
import type { ConnectionSpec, SpecFileResult, SpecProblem } from './types';
import { eachYamlDocument, type SpecDocument } from './yamlDocuments';

function yamlProblem(error: YAMLError, severity: 'error' | 'warning', index: LineIndex, documentIndex: number): SpecProblem {
  const [start, end] = error.pos;
  // The yaml package's messages are already specific ("Map keys must be unique"); keep them, minus trailing context.
  const message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  return {
    message: severity === 'error' ? `YAML syntax: ${message}` : `YAML: ${message}`,
    severity,
    range: index.range(start, end),
    code: severity === 'error' ? 'yaml-syntax' : 'yaml-warning',
    documentIndex,
  };
}

function firstAliasRange(doc: SpecDocument, ranger: Ranger, index: LineIndex) {
  let offset: number | undefined;
  let end: number | undefined;
  if (doc.contents)
    visit(doc.contents, {
      Alias(_, node) {
        if (isAlias(node) && node.range) {
          [offset, end] = node.range;
          return visit.BREAK;
        }
        return undefined;
      },
    });
  return offset === undefined ? ranger.documentStart() : index.range(offset, end ?? offset);
}

/** What one YAML document of a spec file yields. */
export interface DocumentOutcome {
  spec?: ConnectionSpec;
  /** When the schema refused the document: what is left of the link without the refused parts (partial.ts), for live checks only. */
  partial?: ConnectionSpec;
  problems: SpecProblem[];
  hasContent: boolean;
}

/** Reads one composed document: its YAML problems, then the schema, then the typed spec and its own checks; at most MAX_PROBLEMS_PER_DOCUMENT problems. */
export function readDocument(doc: SpecDocument, documentIndex: number, index: LineIndex): DocumentOutcome {
  const outcome = readDocumentUncapped(doc, documentIndex, index);
  return { ...outcome, problems: capped(outcome.problems, documentIndex) };
}

/** The first MAX_PROBLEMS_PER_DOCUMENT problems in text order, and one more that counts the rest, where they begin. */
export function capped(problems: SpecProblem[], documentIndex: number, limit = MAX_PROBLEMS_PER_DOCUMENT): SpecProblem[] {
  if (problems.length <= limit) return problems;
  const sorted = [...problems].sort((a, b) => a.range.start.offset - b.range.start.offset);
  const rest = sorted.slice(limit);
  const severity = rest.some((p) => p.severity === 'error') ? 'error' : rest.some((p) => p.severity === 'warning') ? 'warning' : 'info';
  const more: SpecProblem = {
    message: `… and ${rest.length} more problems in this document from here on (only the first ${limit} are listed)`,
    severity,
    range: rest[0]!.range,
    code: 'more-problems',
    documentIndex,
  };
  return [...sorted.slice(0, limit), more];
}

function readDocumentUncapped(doc: SpecDocument, documentIndex: number, index: LineIndex): DocumentOutcome {
  const problems: SpecProblem[] = [
    ...doc.errors.map((e) => yamlProblem(e, 'error', index, documentIndex)),
    ...doc.warnings.map((w) => yamlProblem(w, 'warning', index, documentIndex)),
  ];
  // `---` alone yields an empty null scalar: nothing written, so nothing to check.
  const contents = doc.contents;
  const hasContent =
    contents !== null &&
    contents !== undefined &&
    !(isScalar(contents) && contents.value === null && contents.range != null && contents.range[0] === contents.range[1]);
  // After a syntax error the tree is a guess; schema errors on it would only add noise.
  if (doc.errors.length > 0 || !hasContent) return { problems, hasContent };

  const ranger = new Ranger(doc, index);
  let data: unknown;
  try {
    data = doc.toData(MAX_ALIAS_COUNT);
  } catch (error) {
    const tooMany = error instanceof ReferenceError || /alias/i.test(String(error));
    problems.push({
      message: tooMany
        ? `Aliases here expand to too many nodes (more than ${MAX_ALIAS_COUNT}); this looks like an "alias bomb", so the document is not read.`
        : `YAML: this document cannot be read: ${String(error)}`,
      severity: 'error',
      range: firstAliasRange(doc, ranger, index),
      code: tooMany ? 'too-many-aliases' : 'yaml-syntax',
      documentIndex,
    });
    return { problems, hasContent };
  }

  const foreign = notASpecProblem(doc, data, ranger, documentIndex);
  if (foreign) return { problems: [...problems, foreign], hasContent };

  const schemaErrors = validateSpecData(data);
  if (schemaErrors.length > 0) {
    const partial = partialSpec(data, schemaErrors, doc, ranger, documentIndex);
    return {
      problems: [...problems, ...schemaProblems(schemaErrors, doc, ranger, documentIndex)],
      hasContent,
      ...(partial === undefined ? {} : { partial }),
    };
  }

  const spec = buildConnectionSpec(data, doc, ranger, documentIndex);
  const written = ((data as { targets?: TargetWritten[] }).targets ?? []) as TargetWritten[];
  return { spec, problems: [...problems, ...linkSemanticProblems(spec, written)], hasContent };
}

function parseUnguarded(text: string, fileName: string | undefined): SpecFileResult {
  const index = new LineIndex(text);
  const problems: SpecProblem[] = [];
  const specs: ConnectionSpec[] = [];
  const partials: ConnectionSpec[] = [];
  let withContent = 0;
  // Each document is read as soon as it is composed, and only its outcome kept (see eachYamlDocument).
  const read = eachYamlDocument(text, index, (doc, documentIndex, unread) => {
    if (unread) return;
    const outcome = readDocument(doc, documentIndex, index);
    problems.push(...outcome.problems);
    if (outcome.hasContent) withContent++;
    if (outcome.spec) specs.push(outcome.spec);
    if (outcome.partial) partials.push(outcome.partial);
  });
  if (read.refused) return finishFile([], [...read.problems], false, index, fileName);
  return finishFile(specs, [...read.problems, ...problems], withContent > 0, index, fileName, partials);
}

/** The file-level end of a parse, over every document's outcome: cross-document checks, an empty file, order, safe messages. */
export function finishFile(
  specs: ConnectionSpec[],
  problems: SpecProblem[],
  hasContent: boolean,
  index: LineIndex,
  fileName: string | undefined,
  partialSpecs: ConnectionSpec[] = [],
): SpecFileResult {
  problems.push(...fileSemanticProblems(specs));
  if (!hasContent && problems.length === 0) {
    problems.push({
      message: `${fileName ? `${fileName} is` : 'This file is'} empty: a spec needs at least one document with \`version: mcvpc/v1\` and \`kind: NetworkLink\``,
      severity: 'error',
      range: index.range(0, 0),
      code: 'empty-file',
    });
  }
  problems.sort((a, b) => a.range.start.offset - b.range.start.offset);
  // Messages quote what the file says; none may carry a bidi override or an invisible character out.
  return {
    specs,
    problems: problems.map((p) => ({ ...p, message: escapeForMessageLines(p.message) })),
    ...(partialSpecs.length === 0 ? {} : { partialSpecs }),
  };
}

/**
 * Parses and validates a `*.mcvpc.yaml` file: one ConnectionSpec per schema-valid document and
 * every problem with an exact range. Never throws.
 */
export function parseSpecFile(text: string, fileName?: string): SpecFileResult {
  try {
    return parseUnguarded(typeof text === 'string' ? text : String(text), fileName);
  } catch (error) {
    // Only a bug in this module gets here; the fuzz test asserts it never happens.
    return {
      specs: [],
      problems: [
        {
          message: `Internal error while reading this spec (please report it): ${String(error)}`,
          severity: 'error',
          range: { start: { line: 0, column: 0, offset: 0 }, end: { line: 0, column: 0, offset: 0 } },
          code: 'internal-error',
        },
      ],
    };
  }
}

/** True when any problem is an error: callers that plan or apply must then refuse. */
export function hasErrors(problems: readonly SpecProblem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}
