/** The spec's JSON Schema compiled ahead of time (see src/connectionSpec/validatorSource.ts). */
import type { ValidateFunction } from 'ajv';

declare const validate: ValidateFunction;
export default validate;
