/** The ecs part of schemas/mcvpc.schema.json (assembled by src/connectionSpec/schemaAssembly.ts). */
import type { SchemaObject } from '../kind';

export const definition: SchemaObject = {
  description: 'A self-managed service on an ECS instance (Kafka, ClickHouse, MySQL on ECS…).',
  markdownDescription:
    "A self-managed service on an ECS instance, given by `instance: i-…` and the TCP `ports` it listens on. The instance's security group gets one inbound rule per port with the link's security group as source. Name the group with `securityGroup` when the instance has several.",
  type: 'object',
  required: ['kind', 'instance', 'ports'],
  additionalProperties: false,
  properties: {
    kind: { const: 'ecs', description: 'A service on an ECS instance.', examples: ['ecs'] },
    name: { $ref: '#/definitions/targetLabel' },
    instance: {
      description: 'InstanceId of the ECS instance (i-…).',
      type: 'string',
      maxLength: 64,
      pattern: '^i-[a-z0-9]+$',
      patternErrorMessage: 'An ECS InstanceId starts with i- (like i-bp1abc2def3ghi4jk).',
      examples: ['i-bp1abc2def3ghi4jk'],
    },
    ports: {
      allOf: [{ $ref: '#/definitions/ports' }],
      description: 'TCP ports of the service MaxCompute must reach (Kafka 9092, ClickHouse 8123/9000, MySQL 3306…).',
      examples: [[9092]],
    },
    securityGroup: {
      allOf: [{ $ref: '#/definitions/securityGroupId' }],
      description: "The instance's security group that receives the rules; needed only when the instance has several.",
      examples: ['sg-bp1abc2def3ghi4jkl5'],
    },
  },
};
