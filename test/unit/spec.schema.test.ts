import { strict as assert } from 'node:assert';
import { TARGET_KINDS } from '../../src/targets';
import { assembleSpecSchema } from '../../src/connectionSpec/schemaAssembly';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SUPPORTED_REGIONS } from '../../src/core/zones';
import { DEFAULT_EMR_PORTS, DEFAULT_WHITELIST_GROUP, networkLinkNameProblem, specSchema, specValidator } from '../../src/connectionSpec';
import { DEFAULT_ACCESS } from '../../src/connectionSpec/defaults';
import { resolveSchema, type SchemaNode } from '../../src/connectionSpec/schema';
import { GENERATED_VALIDATOR_PATH, specValidatorSource } from '../../src/connectionSpec/validatorSource';

const root = join(__dirname, '..', '..');

/** Every property schema in the file, with its path, `$ref`s resolved. */
function allProperties(): Array<[string, SchemaNode]> {
  const out: Array<[string, SchemaNode]> = [];
  const visit = (path: string, node: SchemaNode): void => {
    for (const [name, property] of Object.entries(node.properties ?? {})) out.push([`${path}.${name}`, resolveSchema(property)!]);
  };
  visit('#', specSchema);
  for (const [name, definition] of Object.entries(specSchema.definitions ?? {})) visit(`#/definitions/${name}`, definition);
  return out;
}

describe('spec: JSON Schema', () => {
  it('is draft-07, which ajv and every yaml-language-server release read', () => {
    assert.equal(specSchema.$schema, 'http://json-schema.org/draft-07/schema#');
  });

  it('documents every field with a description and examples', () => {
    const properties = allProperties();
    assert.ok(properties.length > 30);
    for (const [path, property] of properties) {
      assert.ok(typeof property.description === 'string' && property.description.length > 10, `${path} has no description`);
      assert.ok(Array.isArray(property.examples) && property.examples.length > 0, `${path} has no examples`);
    }
  });

  it('gives every id pattern a message that says what the id looks like', () => {
    for (const [path, property] of allProperties()) {
      if (property.pattern !== undefined) assert.ok(property.patternErrorMessage, `${path} has a pattern but no patternErrorMessage`);
    }
  });

  it('states the same defaults the parser fills in', () => {
    const defs = specSchema.definitions!;
    assert.deepEqual(defs.emrTarget!.properties!.ports!.default, DEFAULT_EMR_PORTS);
    assert.equal(defs.whitelistGroup!.default, DEFAULT_WHITELIST_GROUP);
    assert.equal(defs.access!.default, DEFAULT_ACCESS);
  });

  it('offers exactly the supported regions as examples', () => {
    assert.deepEqual(
      specSchema.properties!.region!.examples,
      SUPPORTED_REGIONS.map((r) => r.regionId),
    );
  });

  it('has one branch per target kind', () => {
    const kinds = specSchema.definitions!.target!.properties!.kind!.enum;
    assert.deepEqual(
      kinds,
      TARGET_KINDS.map((k) => k.kind),
    );
    assert.deepEqual(kinds, ['rds', 'polardb', 'hbase', 'lindorm', 'emr', 'ecs', 'custom']);
    const branches = (specSchema.definitions!.target!.allOf as SchemaNode[]).map((b) => (b.if as SchemaNode).properties!.kind!.const);
    assert.deepEqual(branches, kinds);
  });

  it('keeps the link name rule in the schema and applies it to forms too', () => {
    assert.match(String(specSchema.definitions!.networkLinkName!.$comment), /\[unverified\]/);
    assert.equal(networkLinkNameProblem('orders_rds'), undefined);
    assert.equal(networkLinkNameProblem('hadoop-prod-2'), undefined);
    assert.match(networkLinkNameProblem('9lives')!, /starts with a letter/);
    assert.match(networkLinkNameProblem('ab')!, /3–64 characters/);
    assert.match(networkLinkNameProblem('a'.repeat(65))!, /3–64 characters/);
    assert.match(networkLinkNameProblem('has space')!, /only letters, digits/);
  });

  it('is what the target kinds assemble (npm run generate:spec writes it)', () => {
    assert.deepStrictEqual(
      specSchema,
      assembleSpecSchema(),
      "schemas/mcvpc.schema.json is behind the target kinds' fragments; run npm run generate:spec",
    );
  });

  it('is validated by a precompiled validator that matches the schema', () => {
    // The committed file against one generated in memory from the committed schema; the test never writes.
    const committed = readFileSync(join(root, GENERATED_VALIDATOR_PATH), 'utf8');
    assert.ok(
      committed === specValidatorSource(specSchema),
      `${GENERATED_VALIDATOR_PATH} is out of date with the schema; regenerate it: npm run generate:spec`,
    );
    assert.equal(specValidator(), specValidator());
    assert.equal(specValidator()({}), false);
  });

  it('is what package.json gives Red Hat YAML for *.mcvpc.yaml', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      contributes: { yamlValidation: Array<{ fileMatch: string[]; url: string }> };
    };
    const entry = pkg.contributes.yamlValidation.find((v) => v.url === './schemas/mcvpc.schema.json');
    assert.ok(entry);
    assert.deepEqual(entry.fileMatch, ['*.mcvpc.yaml', '*.mcvpc.yml']);
    assert.ok(existsSync(join(root, entry.url)));
  });
});
