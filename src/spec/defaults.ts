/**
 * Values the parser fills in when the spec leaves them out. The JSON Schema repeats them as
 * `default` annotations for the editor's hover; a unit test keeps the two equal.
 */

/** EMR/Hadoop ports from the direct-connection doc: HiveMetaStore, HDFS NameNode, HDFS DataNode. */
export const DEFAULT_EMR_PORTS: readonly number[] = [9083, 8020, 50010];

/** A dedicated whitelist group, so MaxCompute's access can be removed without touching other entries. */
export const DEFAULT_WHITELIST_GROUP = 'maxcompute';

/** RDS and HBase targets go through the IP whitelist unless the spec says `access: securityGroup`. */
export const DEFAULT_ACCESS = 'whitelist';

/** Whitelist groups every client shares; adding MaxCompute there is allowed but flagged. */
export const SHARED_WHITELIST_GROUPS: readonly string[] = ['default', 'rds_default'];

/** The format version this parser reads. */
export const SPEC_VERSION = 'mcvpc/v1';

/** The document kind this parser reads. */
export const SPEC_KIND = 'NetworkLink';
