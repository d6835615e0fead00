/**
 * The shape a state file must have before the emulator serves it: checked on load by ajv against
 * a JSON schema made of the shared parts (format version, accounts and their credentials, client
 * tokens) and every product's record schemas (products/<p>.ts), so that a file that is valid JSON
 * but wrong inside ("vpcs": null, a Lindorm instance without its region) is refused at start with
 * the path of the first bad field — never answered later with a 500. Messages name paths and
 * schema words (accounts[0].lindormInstances[0]: must have required property 'regionId'), never a
 * fragment of the file. Extra fields are allowed (older or newer emulators may add some); a
 * collection added after the first state files were written may be missing, and is then empty.
 */
import Ajv, { type ErrorObject, type SchemaObject, type ValidateFunction } from 'ajv';
import { json } from './product';
import { PRODUCTS } from './products';

const temporaryCredential = json.record<Record<'accessKeyId' | 'accessKeySecret' | 'securityToken' | 'roleName' | 'sessionName', string>>({
  accessKeyId: json.string,
  accessKeySecret: json.string,
  securityToken: json.string,
  roleName: json.string,
  sessionName: json.string,
});

/** An account: its own fields, then one list per collection of every product. */
function accountSchema(): SchemaObject {
  const properties: Record<string, SchemaObject> = {
    name: json.string,
    accountId: json.string,
    accessKeyId: json.string,
    accessKeySecret: json.string,
    temporaryCredentials: json.arrayOf(temporaryCredential),
    regionIds: json.strings,
  };
  const required = Object.keys(properties);
  for (const product of PRODUCTS) {
    for (const { name, schema, addedLater } of product.collections) {
      // A file from before the collection existed gets it empty (ajv's useDefaults).
      properties[name] = addedLater === true ? { ...json.arrayOf(schema), default: [] } : json.arrayOf(schema);
      if (addedLater !== true) required.push(name);
    }
  }
  return { type: 'object', properties, required };
}

/** The whole state file. */
export function stateJsonSchema(): SchemaObject {
  return {
    type: 'object',
    properties: {
      formatVersion: { const: 1 },
      accounts: json.arrayOf(accountSchema()),
      clientTokens: json.arrayOf({
        type: 'object',
        properties: { key: json.string, storedAt: json.number, body: { type: 'object' } },
        required: ['key', 'storedAt', 'body'],
      }),
    },
    required: ['formatVersion', 'accounts', 'clientTokens'],
  };
}

let compiled: ValidateFunction | undefined;

/** Compiled once, when the first state file is read (seeds never need it). */
function validator(): ValidateFunction {
  compiled ??= new Ajv({ allErrors: false, useDefaults: true, strict: true }).compile(stateJsonSchema());
  return compiled;
}

/** `/accounts/0/vpcs` → `accounts[0].vpcs`. */
function pathOf(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, segment) => (/^\d+$/.test(segment) ? `${path}[${segment}]` : path === '' ? segment : `${path}.${segment}`), '');
}

/** One ajv error in words: where, then what (ajv's words, plus the value a constant must have). */
function describe(error: ErrorObject): string {
  const where = pathOf(error.instancePath) || 'the top level';
  const allowed = error.keyword === 'const' ? ` ${JSON.stringify(error.params.allowedValue)}` : '';
  return `${where}: ${error.message ?? 'is not valid'}${allowed}`;
}

/**
 * The first problem of parsed state, naming its path; undefined when the state can be served.
 * A valid state gets the collections it lacks filled in, empty (the data is changed in place).
 */
export function stateProblem(value: unknown): string | undefined {
  const validate = validator();
  if (validate(value)) return undefined;
  const [first] = validate.errors ?? [];
  return first === undefined ? 'not emulator state' : describe(first);
}

/** A JSON.parse failure in words that quote nothing of the text (V8's messages include a fragment). */
export function jsonProblem(err: unknown): string {
  const position = /at position (\d+)/.exec(String((err as Error)?.message ?? ''));
  return position === null ? 'not valid JSON' : `not valid JSON (at character ${position[1]})`;
}
