/** The custom part of schemas/mcvpc.schema.json (assembled by src/connectionSpec/schemaAssembly.ts). */
import type { SchemaObject } from '../kind';

export const definition: SchemaObject = {
  description: 'Any address block in the VPC and the ports MaxCompute must reach there (a self-managed database, an ECS service…).',
  type: 'object',
  required: ['kind', 'name', 'cidr', 'ports'],
  additionalProperties: false,
  properties: {
    kind: {
      const: 'custom',
      description: 'Any address block in the VPC.',
      examples: ['custom'],
    },
    name: {
      $ref: '#/definitions/targetLabel',
      description: 'What this service is, shown in plans and the editor. Required for custom targets.',
    },
    cidr: {
      $ref: '#/definitions/cidrText',
      description: "The service's IPv4 address or CIDR block, like 192.168.10.0/24.",
    },
    ports: {
      $ref: '#/definitions/ports',
    },
  },
};
