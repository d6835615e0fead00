/** One valid spec from a text that must hold exactly one (text the product wrote: `mcvpc import`, Save as Spec). */
import { hasErrors, parseSpecFile } from './parse';
import type { ConnectionSpec } from './types';

/** The spec of `text`; throws with the parser's words when it does not validate or holds more or less than one. */
export function parseSingleSpec(text: string, fileName: string): ConnectionSpec {
  const { specs, problems } = parseSpecFile(text, fileName);
  if (hasErrors(problems) || specs.length !== 1)
    throw new Error(`${fileName} does not validate: ${problems.map((p) => p.message).join('; ') || `${specs.length} specs`}`);
  return specs[0]!;
}
