/** The lindorm part of schemas/mcvpc.schema.json (assembled by src/connectionSpec/schemaAssembly.ts). */
import type { SchemaObject } from '../kind';

export const definition: SchemaObject = {
  description: 'A Lindorm instance (the successor of ApsaraDB for HBase).',
  markdownDescription:
    "A Lindorm instance, given by `instance: ld-…`. MaxCompute gets in through the instance's IP whitelist: the link vSwitch's CIDR block is added to `whitelistGroup` (every group is read before and after the write; other entries are kept, and removal leaves the group holding `127.0.0.1`, which admits no one). Lindorm V2 instances are not supported yet: their whitelist API is not verified here.",
  type: 'object',
  required: ['kind', 'instance'],
  additionalProperties: false,
  properties: {
    kind: { const: 'lindorm', description: 'A Lindorm instance.', examples: ['lindorm'] },
    name: { $ref: '#/definitions/targetLabel' },
    instance: {
      description: 'InstanceId of the Lindorm instance (ld-…).',
      type: 'string',
      maxLength: 64,
      pattern: '^ld-[a-z0-9]+$',
      patternErrorMessage: 'A Lindorm InstanceId starts with ld- (like ld-bp1abc2def3ghi4jk).',
      examples: ['ld-bp1abc2def3ghi4jk'],
    },
    access: {
      description: 'Lindorm admits clients by IP whitelist only.',
      const: 'whitelist',
      default: 'whitelist',
      examples: ['whitelist'],
    },
    whitelistGroup: { $ref: '#/definitions/whitelistGroup' },
  },
};
