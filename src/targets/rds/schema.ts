/** The rds part of schemas/mcvpc.schema.json (assembled by src/connectionSpec/schemaAssembly.ts). */
import type { SchemaObject } from '../kind';

export const definition: SchemaObject = {
  description: 'An ApsaraDB RDS instance.',
  type: 'object',
  required: ['kind', 'instance'],
  additionalProperties: false,
  properties: {
    kind: {
      const: 'rds',
      description: 'An ApsaraDB RDS instance.',
      examples: ['rds'],
    },
    name: {
      $ref: '#/definitions/targetLabel',
    },
    instance: {
      description: 'DBInstanceId of the RDS instance (rm-… for MySQL, pgm-… for PostgreSQL).',
      type: 'string',
      maxLength: 64,
      pattern: '^(rm|pgm)-[a-z0-9]+$',
      patternErrorMessage: 'An RDS DBInstanceId starts with rm- (or pgm- for PostgreSQL).',
      examples: ['rm-bp1abc2def3ghi4jkl5'],
    },
    access: {
      $ref: '#/definitions/access',
    },
    whitelistGroup: {
      $ref: '#/definitions/whitelistGroup',
    },
  },
};
