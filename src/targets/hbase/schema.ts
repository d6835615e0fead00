/** The hbase part of schemas/mcvpc.schema.json (assembled by src/connectionSpec/schemaAssembly.ts). */
import type { SchemaObject } from '../kind';

export const definition: SchemaObject = {
  description: 'An ApsaraDB for HBase cluster.',
  type: 'object',
  required: ['kind', 'cluster'],
  additionalProperties: false,
  properties: {
    kind: {
      const: 'hbase',
      description: 'An ApsaraDB for HBase cluster.',
      examples: ['hbase'],
    },
    name: {
      $ref: '#/definitions/targetLabel',
    },
    cluster: {
      $comment:
        "Performance-enhanced clusters created in the Lindorm console have ld- ids (the HBase external-table page's note; DescribeInstances' samples).",
      description: 'ClusterId of the HBase cluster (hb-…, or ld-… for a Performance-enhanced cluster).',
      type: 'string',
      maxLength: 64,
      pattern: '^(hb|ld)-[a-z0-9]+$',
      patternErrorMessage: 'An HBase ClusterId starts with hb- or ld- (like hb-bp1abc2def3).',
      examples: ['hb-bp1abc2def3ghi4jkl5'],
    },
    access: {
      $ref: '#/definitions/access',
    },
    whitelistGroup: {
      $ref: '#/definitions/whitelistGroup',
    },
  },
};
