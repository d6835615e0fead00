/** The hbase part of schemas/mcvpc.schema.json (assembled by src/spec/schemaAssembly.ts). */
import type { SchemaObject } from '../kind';

export const definition: SchemaObject = {
  "description": "An ApsaraDB for HBase cluster.",
  "type": "object",
  "required": [
    "kind",
    "cluster"
  ],
  "additionalProperties": false,
  "properties": {
    "kind": {
      "const": "hbase",
      "description": "An ApsaraDB for HBase cluster.",
      "examples": [
        "hbase"
      ]
    },
    "name": {
      "$ref": "#/definitions/targetLabel"
    },
    "cluster": {
      "description": "ClusterId of the HBase cluster (hb-…).",
      "type": "string",
      "maxLength": 64,
      "pattern": "^hb-[a-z0-9]+$",
      "patternErrorMessage": "An HBase ClusterId starts with hb- (like hb-bp1abc2def3).",
      "examples": [
        "hb-bp1abc2def3ghi4jkl5"
      ]
    },
    "access": {
      "$ref": "#/definitions/access"
    },
    "whitelistGroup": {
      "$ref": "#/definitions/whitelistGroup"
    }
  }
};
