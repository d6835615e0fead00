/** The polardb part of schemas/mcvpc.schema.json (assembled by src/connectionSpec/schemaAssembly.ts). */
import type { SchemaObject } from '../kind';

export const definition: SchemaObject = {
  description: 'A PolarDB cluster (MySQL, PostgreSQL or Oracle compatible).',
  markdownDescription:
    "A PolarDB cluster, given by `cluster: pc-…`. MaxCompute gets in through an IP whitelist group (`access: whitelist`, the default: the link vSwitch's CIDR block is appended, never replacing an entry) or by adding the link's security group to the cluster (`access: securityGroup`; at most 3 groups per cluster).",
  type: 'object',
  required: ['kind', 'cluster'],
  additionalProperties: false,
  properties: {
    kind: { const: 'polardb', description: 'A PolarDB cluster.', examples: ['polardb'] },
    name: { $ref: '#/definitions/targetLabel' },
    cluster: {
      description: 'DBClusterId of the PolarDB cluster (pc-…).',
      type: 'string',
      maxLength: 64,
      pattern: '^pc-[a-z0-9]+$',
      patternErrorMessage: 'A PolarDB DBClusterId starts with pc- (like pc-bp1abc2def3ghi4jk).',
      examples: ['pc-bp1abc2def3ghi4jk'],
    },
    access: { $ref: '#/definitions/access' },
    whitelistGroup: {
      $comment:
        'ModifyDBClusterAccessWhitelist: DBClusterIPArrayName starts with a letter and has 2-120 lower-case letters and digits (SDK model description).',
      description:
        "Name of the cluster's IP whitelist group that holds MaxCompute's block (created when absent). A dedicated group (default maxcompute) lets you remove MaxCompute's access without touching other entries.",
      type: 'string',
      minLength: 2,
      maxLength: 120,
      pattern: '^[a-z][a-z0-9]+$',
      patternErrorMessage:
        'A PolarDB whitelist group name starts with a lower-case letter and has only lower-case letters and digits (2-120).',
      default: 'maxcompute',
      examples: ['maxcompute'],
    },
  },
};
