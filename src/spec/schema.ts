/**
 * The JSON Schema (schemas/mcvpc.schema.json) compiled once with ajv. The schema is the single
 * source for the spec's structure; Red Hat YAML reads the same file through contributes.yamlValidation.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import specSchemaJson from '../../schemas/mcvpc.schema.json';

/** A JSON Schema object as far as this module reads it. */
export interface SchemaNode {
  $ref?: string;
  title?: string;
  description?: string;
  markdownDescription?: string;
  patternErrorMessage?: string;
  errorMessage?: string;
  type?: string | string[];
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  allOf?: SchemaNode[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  examples?: unknown[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  definitions?: Record<string, SchemaNode>;
  [keyword: string]: unknown;
}

/** The spec's JSON Schema as loaded from schemas/mcvpc.schema.json. */
export const specSchema: SchemaNode = specSchemaJson as SchemaNode;

let compiled: ValidateFunction | undefined;

/** Milliseconds the one-time compilation took (0 until it ran); the benchmark reports it. */
export let schemaCompileMilliseconds = 0;

/**
 * The compiled validator, built on first use and kept for the process: compiling costs tens of
 * milliseconds, validating a document microseconds. Call early (e.g. when a spec editor opens)
 * to take the compilation off the first keystroke.
 */
export function specValidator(): ValidateFunction {
  if (compiled) return compiled;
  const started = performance.now();
  const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, strictTypes: false, strictRequired: false, allowUnionTypes: true });
  // yaml-language-server's annotations: documentation and message text only, never validation.
  ajv.addVocabulary(['markdownDescription', 'patternErrorMessage', 'errorMessage']);
  compiled = ajv.compile(specSchema);
  schemaCompileMilliseconds = performance.now() - started;
  return compiled;
}

/** Validates one document's data; the errors are ajv's, for `schemaProblems` to put in words. */
export function validateSpecData(data: unknown): ErrorObject[] {
  const validate = specValidator();
  return validate(data) ? [] : [...(validate.errors ?? [])];
}

/** Follows a local `$ref` (`#/definitions/x`) and `allOf` wrappers of one schema, merging their annotations. */
export function resolveSchema(node: SchemaNode | undefined): SchemaNode | undefined {
  let current = node;
  let merged: SchemaNode = {};
  for (let hops = 0; current && hops < 8; hops++) {
    merged = { ...current, ...merged };
    const ref = current.$ref ?? current.allOf?.find((s) => s.$ref)?.$ref;
    if (!ref) break;
    const name = /^#\/definitions\/(.+)$/.exec(ref)?.[1];
    current = name ? specSchema.definitions?.[name] : undefined;
    delete merged.$ref;
  }
  return current || node ? merged : undefined;
}
