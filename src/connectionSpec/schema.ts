/**
 * The JSON Schema (schemas/mcvpc.schema.json) and its validator. The schema is the single source
 * for the spec's structure; Red Hat YAML reads the same file through contributes.yamlValidation.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import precompiledValidator from './generated/specValidator';
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

/**
 * The validator, compiled ahead of time from the schema (generated/specValidator.js, kept in step
 * by a unit test): compiling with ajv at start-up would cost every CLI run and editor session
 * tens to hundreds of milliseconds.
 */
export function specValidator(): ValidateFunction {
  return precompiledValidator;
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
