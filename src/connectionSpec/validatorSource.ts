/**
 * Generates src/connectionSpec/generated/specValidator.js: the JSON Schema compiled ahead of time by ajv's
 * standalone mode, so neither the CLI nor the extension pays for compiling it (tens to hundreds of
 * milliseconds) at start-up. Written by `npm run generate:spec`; a unit test keeps it in step.
 */
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone';
import { specSchema } from './schema';

/** Path of the generated module, relative to the repository root. */
export const GENERATED_VALIDATOR_PATH = 'src/connectionSpec/generated/specValidator.js';

/** The ajv options the spec is validated with: every error, with its data and schema for our messages. */
function specAjv(): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    verbose: true,
    strict: true,
    strictTypes: false,
    strictRequired: false,
    allowUnionTypes: true,
    code: { source: true, lines: true },
  });
  // yaml-language-server's annotations: documentation and message text only, never validation.
  ajv.addVocabulary(['markdownDescription', 'patternErrorMessage', 'errorMessage']);
  return ajv;
}

/** The source of the generated validator module. */
export function specValidatorSource(schema: object = specSchema): string {
  const ajv = specAjv();
  const code = standaloneCode(ajv, ajv.compile(schema));
  return `/* eslint-disable */\n// Generated from schemas/mcvpc.schema.json by src/connectionSpec/validatorSource.ts; do not edit.\n// Regenerate: npm run generate:spec\n${code}\n`;
}
