/**
 * `npm run generate:spec`: writes schemas/mcvpc.schema.json (assembled from the link's fields and
 * each target kind's fragment) and src/connectionSpec/generated/specValidator.js (ajv, compiled ahead of
 * time). Tests never write these files; they fail when the committed ones fall behind.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assembleSpecSchema } from '../src/connectionSpec/schemaAssembly';
import { GENERATED_VALIDATOR_PATH, specValidatorSource } from '../src/connectionSpec/validatorSource';

const root = join(__dirname, '..');
const schema = assembleSpecSchema();
writeFileSync(join(root, 'schemas', 'mcvpc.schema.json'), `${JSON.stringify(schema, null, 2)}\n`);
writeFileSync(join(root, GENERATED_VALIDATOR_PATH), specValidatorSource(schema));
console.log(`wrote schemas/mcvpc.schema.json and ${GENERATED_VALIDATOR_PATH}`);
