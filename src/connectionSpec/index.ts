/** The YAML connection spec (`*.mcvpc.yaml`): parse, validate, positions. Pure; no vscode. */
export { parseSpecFile, hasErrors } from './parse';
export { IncrementalSpecParser } from './incremental';
export { LineIndex } from './positions';
export { specSchema, specValidator } from './schema';
export { DEFAULT_EMR_PORTS, DEFAULT_WHITELIST_GROUP, SPEC_KIND, SPEC_VERSION } from './defaults';
export { MAX_ALIAS_COUNT, MAX_DOCUMENTS, MAX_NESTING_DEPTH, MAX_PROBLEMS_PER_DOCUMENT, MAX_SPEC_FILE_BYTES } from './limits';
export { networkLinkNameProblem } from './linkName';
export type * from './types';
export { linkSketches, type LinkSketch } from './sketch';
export { policyFindings, policyLink } from './policyLinks';
