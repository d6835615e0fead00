/**
 * A document the schema refused, read without the refused parts, for the editor's live checks:
 * one unknown key elsewhere must not hide that the vSwitch does not exist. Never planned or
 * applied — the schema's errors still stand and refuse the file.
 */
import type { ErrorObject } from 'ajv';
import { buildConnectionSpec } from './build';
import type { Ranger } from './nodes';
import { validateSpecData } from './schema';
import type { ConnectionSpec } from './types';
import type { SpecDocument } from './yamlDocuments';

/** Each removal can expose one more refusal up the tree (a required field now missing); a spec is a few levels deep. */
const MAX_ROUNDS = 6;

function segments(instancePath: string): string[] {
  return instancePath === ''
    ? []
    : instancePath
        .slice(1)
        .split('/')
        .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function at(data: unknown, path: readonly string[]): unknown {
  let node = data;
  for (const key of path) node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  return node;
}

/** Removes what an error points at: an unknown key itself, else the field holding the bad value. False when it points at the document. */
function removeRefused(data: Record<string, unknown>, error: ErrorObject): boolean {
  const path = segments(error.instancePath);
  const unknownKey =
    error.keyword === 'additionalProperties' ? (error.params as { additionalProperty?: string }).additionalProperty : undefined;
  if (unknownKey !== undefined) path.push(unknownKey);
  if (path.length === 0) return false;
  // A target is all or nothing: its kind's fields only make sense together.
  if (path[0] === 'targets' && path.length > 1) path.length = 2;
  const parent = at(data, path.slice(0, -1));
  if (parent === null || typeof parent !== 'object') return true;
  const key = path[path.length - 1]!;
  if (Array.isArray(parent)) (parent as unknown[])[Number(key)] = undefined;
  else delete (parent as Record<string, unknown>)[key];
  return true;
}

/**
 * The link a refused document still describes, from the fields that parse: refused keys, values
 * and whole targets left out, as long as what is left passes the schema. Each target keeps its
 * source ranges; its `index` is its place among the targets kept (live state is per place).
 */
export function partialSpec(
  data: unknown,
  errors: readonly ErrorObject[],
  doc: SpecDocument,
  ranger: Ranger,
  documentIndex: number,
): ConnectionSpec | undefined {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const copy = structuredClone(data) as Record<string, unknown>;
  const written = Array.isArray(copy.targets) ? (copy.targets as unknown[]).map((_, i) => i) : [];
  let refused = errors;
  for (let round = 0; round < MAX_ROUNDS && refused.length > 0; round++) {
    for (const error of refused) if (!removeRefused(copy, error)) return undefined;
    if (Array.isArray(copy.targets)) {
      const targets = copy.targets as unknown[];
      const kept = targets.map((t, i) => (t === undefined ? -1 : i)).filter((i) => i >= 0);
      const original = kept.map((i) => written[i]!);
      written.splice(0, written.length, ...original);
      copy.targets = kept.map((i) => targets[i]);
    }
    refused = validateSpecData(copy);
  }
  if (refused.length > 0) return undefined;
  const spec = buildConnectionSpec(copy, doc, ranger, documentIndex, written);
  return { ...spec, targets: spec.targets.map((t, i) => ({ ...t, index: i })) };
}
