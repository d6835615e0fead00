/**
 * A repository's policy: the `mcvpc.policy` section of `mcvpc.config.json` (the nearest one above
 * a spec, see cli/policyConfig.ts). Each rule id maps to a severity word or to an object of the
 * severity and the rule's options; a rule not named keeps its defaults. The shape is checked by
 * ajv, and every mistake is told with the file and the key it is at.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { POLICY_RULES } from './rules';
import type { PolicyRuleId, PolicySettings, RuleSettings } from './types';

/** The config file's name, looked for in the spec's folder and the folders above it. */
export const POLICY_CONFIG_FILE = 'mcvpc.config.json';

const severity = { enum: ['error', 'warning', 'info', 'off'] };
const ports = { type: 'array', items: { type: 'integer', minimum: 1, maximum: 65535 } };
const ruleObject = {
  type: 'object',
  additionalProperties: false,
  properties: {
    severity,
    minPrefixLength: { type: 'integer', minimum: 0, maximum: 32 },
    forbiddenPorts: ports,
    allowedPorts: { type: 'object', additionalProperties: ports },
    allowedExistingGroups: { type: 'array', items: { type: 'string', pattern: '^sg-[0-9a-z]+$' } },
  },
};
const configSchema = {
  type: 'object',
  required: ['mcvpc'],
  properties: {
    mcvpc: {
      type: 'object',
      additionalProperties: false,
      properties: {
        policy: {
          type: 'object',
          additionalProperties: false,
          properties: Object.fromEntries(POLICY_RULES.map((r) => [r.id, { anyOf: [severity, ruleObject] }])),
        },
      },
    },
  },
};

let validator: ValidateFunction | undefined;

/** The defaults of every rule. */
export function defaultPolicy(): PolicySettings {
  return Object.fromEntries(POLICY_RULES.map((r) => [r.id, { ...r.defaults }])) as PolicySettings;
}

/** A config file that cannot be used; the message names the file and the key. */
export class PolicyConfigError extends Error {
  override readonly name = 'PolicyConfigError';
}

function words(file: string, error: ErrorObject): string {
  const at = error.instancePath === '' ? 'the top level' : error.instancePath.slice(1).replaceAll('/', '.');
  if (error.keyword === 'additionalProperties') {
    const key = (error.params as { additionalProperty: string }).additionalProperty;
    const known = error.instancePath === '/mcvpc/policy' ? ` (rules: ${POLICY_RULES.map((r) => r.id).join(', ')})` : '';
    return `${file}: ${at}: unknown key "${key}"${known}`;
  }
  if (error.keyword === 'enum')
    return `${file}: ${at}: must be one of ${(error.params as { allowedValues: string[] }).allowedValues.join(', ')}`;
  return `${file}: ${at}: ${error.message ?? 'is not valid'}`;
}

/** The policy the config text sets, on top of the defaults; throws PolicyConfigError naming what is wrong. */
export function parsePolicyConfig(text: string, file: string): PolicySettings {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new PolicyConfigError(`${file}: not valid JSON (${(err as Error).message})`);
  }
  validator ??= new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(configSchema);
  if (!validator(data)) {
    // anyOf reports each branch; the most specific error (deepest path) says the most.
    const errors = [...(validator.errors ?? [])]
      .filter((e) => e.keyword !== 'anyOf')
      .sort((a, b) => b.instancePath.length - a.instancePath.length);
    throw new PolicyConfigError(errors.length > 0 ? words(file, errors[0]!) : `${file}: not a valid mcvpc config`);
  }
  const policy = defaultPolicy();
  const written = ((data as { mcvpc: { policy?: Record<string, string | Partial<RuleSettings>> } }).mcvpc.policy ?? {}) as Record<
    PolicyRuleId,
    string | Partial<RuleSettings>
  >;
  for (const [id, value] of Object.entries(written) as Array<[PolicyRuleId, string | Partial<RuleSettings>]>) {
    policy[id] = typeof value === 'string' ? { ...policy[id], severity: value as RuleSettings['severity'] } : { ...policy[id], ...value };
  }
  return policy;
}
