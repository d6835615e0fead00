// `npm run generate:validator`: rewrites src/spec/generated/specValidator.js from the committed
// schema (ajv standalone code, see src/spec/validatorSource.ts). The unit test only compares; this
// is the one thing that writes the file.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { requireTs, root } from './lib/prepare.mjs';

const { GENERATED_VALIDATOR_PATH, specValidatorSource } = await requireTs('src/spec/validatorSource.ts');
writeFileSync(join(root, GENERATED_VALIDATOR_PATH), specValidatorSource());
console.log(`[mcvpc] wrote ${GENERATED_VALIDATOR_PATH}`);
