/**
 * Puts ajv's schema errors in the user's words and on the right text: the key for unknown and
 * missing properties, the value for wrong values. Messages come from the schema's own
 * annotations (title, patternErrorMessage, errorMessage) so the editor and the CLI agree with
 * what Red Hat YAML shows from the same file.
 */
import type { ErrorObject } from 'ajv';
import { formatPath, locate, pointerSegments, type Ranger } from './nodes';
import { resolveSchema, type SchemaNode } from './schema';
import type { SpecDocument } from './yamlDocuments';
import type { SourceRange, SpecProblem, SpecProblemCode } from './types';
import { closest, describeValue, firstSentence, idKindOf, listWords, typeWords } from './words';

interface Worded {
  message: string;
  code: SpecProblemCode;
  /** Which text to underline. */
  on: 'key' | 'value' | { property: string } | { item: number };
}

function prefix(path: string): string {
  return path === '' ? '' : `${path}: `;
}

/** A port-like bounded number named by its schema `title`: "70000 is not a port (1–65535)". */
function boundedNumber(schema: SchemaNode | undefined, data: unknown): string | undefined {
  if (!schema?.title || schema.minimum === undefined || schema.maximum === undefined) return undefined;
  return `${describeValue(data)} is not a ${schema.title} (${schema.minimum}–${schema.maximum})`;
}

function codeForBounded(schema: SchemaNode | undefined, fallback: SpecProblemCode): SpecProblemCode {
  return schema?.title === 'port' ? 'invalid-port' : fallback;
}

function word(error: ErrorObject, path: string): Worded | undefined {
  const parent = error.parentSchema as SchemaNode | undefined;
  const params = error.params as Record<string, unknown>;
  const data: unknown = error.data;
  const p = prefix(path);
  switch (error.keyword) {
    case 'required': {
      const property = String(params.missingProperty);
      const hint = firstSentence(resolveSchema(parent?.properties?.[property])?.description);
      return { message: `${p}missing \`${property}\`${hint ? ` (${hint})` : ''}`, code: 'missing-property', on: 'key' };
    }
    case 'additionalProperties': {
      const property = String(params.additionalProperty);
      const allowed = Object.keys(parent?.properties ?? {});
      const guess = closest(property, allowed);
      const advice = guess ? `did you mean \`${guess}\`?` : `allowed here: ${allowed.join(', ')}`;
      return { message: `${p}unknown property \`${property}\`; ${advice}`, code: 'unknown-property', on: { property } };
    }
    case 'type': {
      const bounded = boundedNumber(parent, data);
      if (bounded) return { message: `${p}${bounded}`, code: codeForBounded(parent, 'wrong-type'), on: 'value' };
      if (data === null) return { message: `${p}is empty; expected ${typeWords(params.type)}`, code: 'wrong-type', on: 'value' };
      return { message: `${p}expected ${typeWords(params.type)}, got ${describeValue(data)}`, code: 'wrong-type', on: 'value' };
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const bounded = boundedNumber(parent, data);
      const fallback = `${describeValue(data)} must be ${error.keyword.endsWith('inimum') ? 'at least' : 'at most'} ${String(params.limit)}`;
      return { message: `${p}${bounded ?? fallback}`, code: codeForBounded(parent, 'invalid-value'), on: 'value' };
    }
    case 'const': {
      return { message: `${p}expected ${String(params.allowedValue)}, got ${describeValue(data)}`, code: 'invalid-value', on: 'value' };
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]) ?? [];
      const guess = typeof data === 'string' ? closest(data, allowed.map(String)) : undefined;
      return {
        message: `${p}${describeValue(data)} is not one of ${listWords(allowed)}${guess ? `; did you mean ${guess}?` : ''}`,
        code: 'invalid-value',
        on: 'value',
      };
    }
    case 'pattern': {
      const expected = parent?.patternErrorMessage ?? `It must match ${String(params.pattern)}.`;
      const given = typeof data === 'string' ? idKindOf(data) : undefined;
      const wanted = typeof parent?.pattern === 'string' ? idKindOf(parent.pattern.replace(/^\^\(?/, '').replace(/\|.*$/, '-')) : undefined;
      if (given && wanted && given !== wanted) {
        return {
          message: `${p}${describeValue(data)} is ${given}, but this needs ${wanted}. ${expected}`,
          code: 'wrong-id-kind',
          on: 'value',
        };
      }
      return { message: `${p}${describeValue(data)} is not valid. ${expected}`, code: 'invalid-value', on: 'value' };
    }
    case 'minLength':
      return {
        message: `${p}${describeValue(data)} is too short (at least ${String(params.limit)} characters)`,
        code: 'invalid-value',
        on: 'value',
      };
    case 'maxLength':
      return {
        message: `${p}${describeValue(data)} is too long (at most ${String(params.limit)} characters)`,
        code: 'invalid-value',
        on: 'value',
      };
    case 'minItems':
      return {
        message: `${p}the list needs at least ${String(params.limit)} item${params.limit === 1 ? '' : 's'}`,
        code: 'invalid-value',
        on: 'value',
      };
    case 'maxItems':
      return { message: `${p}the list may have at most ${String(params.limit)} items`, code: 'invalid-value', on: 'value' };
    case 'uniqueItems': {
      const later = Math.max(Number(params.i), Number(params.j));
      const earlier = Math.min(Number(params.i), Number(params.j));
      const items = resolveSchema(parent?.items);
      const value = Array.isArray(data) ? describeValue(data[later]) : 'a value';
      const noun = items?.title ?? 'value';
      return {
        message: `${formatPath([...pointerSegments(error.instancePath), later])}: ${noun} ${value} is listed twice (also at [${earlier}])`,
        code: noun === 'port' ? 'duplicate-port' : 'invalid-value',
        on: { item: later },
      };
    }
    case 'minProperties':
    case 'maxProperties':
    case 'oneOf':
    case 'anyOf': {
      const sentence = parent?.errorMessage ?? error.message ?? 'is not valid';
      // The schema's errorMessage is a sentence of its own (Red Hat YAML shows it alone); after `path:` it continues ours.
      const text = path === '' ? sentence : sentence.charAt(0).toLowerCase() + sentence.slice(1);
      const isObject = typeof data === 'object' && data !== null && !Array.isArray(data);
      return { message: `${p}${text}`, code: 'invalid-value', on: isObject ? 'key' : 'value' };
    }
    case 'if':
      return undefined;
    default:
      return { message: `${p}${error.message ?? 'is not valid'}`, code: 'invalid-value', on: 'value' };
  }
}

/** Drops errors that only explain a failed `oneOf`/`anyOf` branch; the combinator's own message says it better. */
function withoutBranchNoise(errors: readonly ErrorObject[]): ErrorObject[] {
  const combinators = errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf').map((e) => `${e.schemaPath}/`);
  return errors.filter((e) => !combinators.some((c) => e.schemaPath.startsWith(c)));
}

/** Schema problems of one document, in text order, without duplicates. */
export function schemaProblems(errors: readonly ErrorObject[], doc: SpecDocument, ranger: Ranger, documentIndex: number): SpecProblem[] {
  const problems: SpecProblem[] = [];
  const seen = new Set<string>();
  for (const error of withoutBranchNoise(errors)) {
    const segments = pointerSegments(error.instancePath);
    const path = formatPath(segments);
    const worded = word(error, path);
    if (!worded) continue;
    let range: SourceRange;
    let problemPath = path;
    if (worded.on === 'key') range = ranger.keyRange(locate(doc, segments));
    else if (worded.on === 'value') range = ranger.valueRange(locate(doc, segments));
    else if ('property' in worded.on) {
      range = ranger.propertyKeyRange(segments, worded.on.property);
      problemPath = formatPath([...segments, worded.on.property]);
    } else {
      range = ranger.valueRange(locate(doc, [...segments, worded.on.item]));
      problemPath = formatPath([...segments, worded.on.item]);
    }
    const identity = `${range.start.offset}:${range.end.offset}:${worded.message}`;
    if (seen.has(identity)) continue;
    seen.add(identity);
    problems.push({ message: worded.message, severity: 'error', range, code: worded.code, path: problemPath, documentIndex });
  }
  return problems.sort((a, b) => a.range.start.offset - b.range.start.offset);
}
