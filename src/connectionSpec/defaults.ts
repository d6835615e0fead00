/**
 * Values the parser fills in when the spec leaves them out. The JSON Schema repeats them as
 * `default` annotations for the editor's hover; a unit test keeps the two equal.
 */

// Per-kind defaults live with their kind (src/targets/<kind>); the parser's own stay here.
export { DEFAULT_EMR_PORTS } from '../targets/emr';
export { DEFAULT_WHITELIST_GROUP, SHARED_WHITELIST_GROUPS } from '../targets/common/serviceSpec';

/** RDS and HBase targets go through the IP whitelist unless the spec says `access: securityGroup`. */
export const DEFAULT_ACCESS = 'whitelist';

/** The format version this parser reads. */
export const SPEC_VERSION = 'mcvpc/v1';

/** The document kind this parser reads. */
export const SPEC_KIND = 'NetworkLink';
