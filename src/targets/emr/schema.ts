/** The emr part of schemas/mcvpc.schema.json (assembled by src/connectionSpec/schemaAssembly.ts). */
import type { SchemaObject } from '../kind';

export const definition: SchemaObject = {
  description: 'An E-MapReduce (Hadoop) cluster, given by its ClusterId or by its security group.',
  markdownDescription:
    "An E-MapReduce (Hadoop) cluster, given by `cluster: c-…` **or** `securityGroup: sg-…`. The link's security group is allowed into the cluster's group on `ports` (default HiveMetaStore 9083, NameNode 8020, DataNode 50010).",
  type: 'object',
  required: ['kind'],
  additionalProperties: false,
  oneOf: [
    {
      required: ['cluster'],
    },
    {
      required: ['securityGroup'],
    },
  ],
  errorMessage: "Give exactly one of cluster (the EMR ClusterId, c-…) or securityGroup (the cluster's security group, sg-…).",
  properties: {
    kind: {
      const: 'emr',
      description: 'An E-MapReduce (Hadoop) cluster.',
      examples: ['emr'],
    },
    name: {
      $ref: '#/definitions/targetLabel',
    },
    cluster: {
      description: 'ClusterId of the EMR cluster (c-…).',
      type: 'string',
      maxLength: 64,
      pattern: '^c-[a-z0-9]+$',
      patternErrorMessage: 'An EMR ClusterId starts with c- (like c-b933c5aac8fe****).',
      examples: ['c-b933c5aac8fe4a2b'],
    },
    securityGroup: {
      $ref: '#/definitions/securityGroupId',
    },
    ports: {
      allOf: [
        {
          $ref: '#/definitions/ports',
        },
      ],
      description:
        'TCP ports of the cluster MaxCompute must reach. Default: HiveMetaStore 9083, HDFS NameNode 8020, HDFS DataNode 50010 (Hadoop 3 clusters use 9866 for DataNode).',
      default: [9083, 8020, 50010],
      examples: [[9083, 8020, 50010]],
    },
  },
};
