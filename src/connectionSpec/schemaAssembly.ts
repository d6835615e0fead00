/**
 * Puts schemas/mcvpc.schema.json together: the link's fields (schemaBase.json) plus one
 * definition per target kind from the table in src/targets. Run by `npm run generate:spec`,
 * which writes the schema and its precompiled validator; a unit test fails when the committed
 * files fall behind what this assembles.
 */
import { TARGET_KINDS } from '../targets';
import type { AnyTargetKind } from '../targets';
import baseSchema from './schemaBase.json';

type Json = { [key: string]: unknown };

function listWords(words: readonly string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

/** The whole schema for the given kinds (the table's by default). */
export function assembleSpecSchema(kinds: readonly AnyTargetKind[] = TARGET_KINDS): Json {
  const schema = structuredClone(baseSchema) as Json & { definitions: Record<string, Json>; properties: Record<string, Json> };
  const names = kinds.map((k) => k.kind);
  const definitions: Record<string, Json> = { ...schema.definitions };
  definitions.target = {
    description: `A service MaxCompute must reach. kind says which: ${listWords(names)}.`,
    type: 'object',
    required: ['kind'],
    properties: {
      kind: {
        description: `What sort of service: ${listWords(kinds.map((k) => k.schema.kindWords))}.`,
        type: 'string',
        enum: names,
        examples: names,
      },
    },
    allOf: kinds.map((k) => ({
      if: { properties: { kind: { const: k.kind } }, required: ['kind'] },
      then: { $ref: `#/definitions/${k.kind}Target` },
    })),
    examples: [kinds[0]!.schema.example],
  };
  for (const kind of kinds) {
    definitions[`${kind.kind}Target`] = kind.schema.definition;
    Object.assign(definitions, kind.schema.definitions ?? {});
  }
  schema.definitions = definitions;
  return schema;
}
