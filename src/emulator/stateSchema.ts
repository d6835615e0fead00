/**
 * The shape a state file must have before the emulator serves it: checked on load, field by
 * field, so that a file that is valid JSON but wrong inside ("vpcs": null, a rule without a
 * port range) is refused at start with the path of the first bad field — never answered later
 * with a 500. Messages name paths built from this schema (accounts[0].vpcs[2].cidrBlock), never a
 * fragment of the file. A new per-account collection is one row of ACCOUNT_COLLECTIONS.
 */

/** A field's expected type; `?` marks an optional one. */
type FieldType = 'string' | 'number' | 'boolean' | 'string[]' | 'object' | `${'string' | 'number' | 'boolean' | 'string[]' | 'object'}?` | RecordSchema | { arrayOf: RecordSchema };

/** The fields of one record. Extra fields are allowed (older or newer emulators may add some). */
export interface RecordSchema {
  [field: string]: FieldType;
}

const temporaryCredential: RecordSchema = { accessKeyId: 'string', accessKeySecret: 'string', securityToken: 'string', roleName: 'string', sessionName: 'string' };
const vpc: RecordSchema = { vpcId: 'string', regionId: 'string', name: 'string', cidrBlock: 'string', description: 'string', isDefault: 'boolean', creationTime: 'string', visibleAt: 'number', ownerId: 'string?' };
const vSwitch: RecordSchema = { vSwitchId: 'string', vpcId: 'string', regionId: 'string', zoneId: 'string', name: 'string', cidrBlock: 'string', availableIpAddressCount: 'number', creationTime: 'string', visibleAt: 'number' };
const rule: RecordSchema = {
  ruleId: 'string', direction: 'string', ipProtocol: 'string', portRange: 'string', sourcePortRange: 'string', policy: 'string', priority: 'number', nicType: 'string',
  peerCidr: 'string?', peerIpv6Cidr: 'string?', peerGroupId: 'string?', peerPrefixListId: 'string?', localCidr: 'string?', description: 'string', createTime: 'string',
};
const securityGroup: RecordSchema = {
  securityGroupId: 'string', regionId: 'string', vpcId: 'string', name: 'string', description: 'string', type: 'string', innerAccessPolicy: 'string',
  serviceManaged: 'boolean', creationTime: 'string', visibleAt: 'number', rules: { arrayOf: rule },
};
const networkInterface: RecordSchema = {
  networkInterfaceId: 'string', regionId: 'string', vpcId: 'string', vSwitchId: 'string', zoneId: 'string', name: 'string', description: 'string', privateIpAddress: 'string',
  macAddress: 'string', securityGroupIds: 'string[]', serviceManaged: 'boolean', serviceId: 'string', type: 'string', status: 'string', creationTime: 'string', visibleAt: 'number',
  instanceId: 'string?',
};
const rdsInstance: RecordSchema = {
  dbInstanceId: 'string', regionId: 'string', zoneId: 'string', vpcId: 'string', vSwitchId: 'string', description: 'string', engine: 'string', engineVersion: 'string',
  instanceClass: 'string', port: 'number', status: 'string', connectionString: 'string', createTime: 'string',
  ipArrays: { arrayOf: { name: 'string', attribute: 'string', ips: 'string[]' } }, securityGroupIds: 'string[]',
};
const hbaseCluster: RecordSchema = {
  clusterId: 'string', regionId: 'string', zoneId: 'string', vpcId: 'string', vSwitchId: 'string', name: 'string', engine: 'string', majorVersion: 'string', status: 'string',
  createdTime: 'string', whitelist: { arrayOf: { groupName: 'string', ipVersion: 'number', ips: 'string[]' } }, securityGroupIds: 'string[]',
};
const emrCluster: RecordSchema = { clusterId: 'string', regionId: 'string', zoneId: 'string', vpcId: 'string', securityGroupId: 'string', name: 'string', clusterType: 'string', state: 'string', releaseVersion: 'string', createTime: 'number' };
const ramRole: RecordSchema = { roleName: 'string', roleId: 'string', description: 'string', createDate: 'string' };
const networkLink: RecordSchema = {
  name: 'string', regionId: 'string', type: 'string?', vpcId: 'string', vSwitchId: 'string', securityGroupId: 'string', networkInterfaceIds: 'string[]', status: 'string', createTime: 'string',
  readyAt: 'number?', endStatus: 'string?', releaseAt: 'number?', failure: 'string?',
};
/** The fields of an ECS instance its primary interface is made from (primaryInterfaces.ts), so a bad one is refused at start. */
const ecsInstance: RecordSchema = {
  instanceId: 'string', regionId: 'string', zoneId: 'string', vpcId: 'string', vSwitchId: 'string', privateIpAddresses: 'string[]', securityGroupIds: 'string[]', creationTime: 'string',
};
/** A record whose fields this file does not know yet (a collection another product adds): any object. */
const anyRecord: RecordSchema = {};

/** Every per-account collection: its record schema, and whether a file may lack it (then it is empty). */
export const ACCOUNT_COLLECTIONS: Readonly<Record<string, { record: RecordSchema; optional?: true }>> = {
  temporaryCredentials: { record: temporaryCredential },
  regionIds: { record: anyRecord },
  vpcs: { record: vpc },
  vSwitches: { record: vSwitch },
  securityGroups: { record: securityGroup },
  networkInterfaces: { record: networkInterface },
  rdsInstances: { record: rdsInstance },
  hbaseClusters: { record: hbaseCluster },
  emrClusters: { record: emrCluster },
  ramRoles: { record: ramRole },
  networkLinks: { record: networkLink },
  polardbClusters: { record: anyRecord, optional: true },
  lindormInstances: { record: anyRecord, optional: true },
  ecsInstances: { record: ecsInstance, optional: true },
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typeProblem(value: unknown, type: FieldType, path: string): string | undefined {
  if (typeof type === 'string') {
    const optional = type.endsWith('?');
    const base = optional ? type.slice(0, -1) : type;
    if (value === undefined) return optional ? undefined : `${path} is missing`;
    if (base === 'string[]') {
      if (!Array.isArray(value)) return `${path} is not a list`;
      const bad = value.findIndex((v) => typeof v !== 'string');
      return bad < 0 ? undefined : `${path}[${bad}] is not a string`;
    }
    if (base === 'object') return isRecord(value) ? undefined : `${path} is not an object`;
    if (base === 'number') return typeof value === 'number' && Number.isFinite(value) ? undefined : `${path} is not a number`;
    return typeof value === base ? undefined : `${path} is not a ${base}`;
  }
  if (value === undefined) return `${path} is missing`;
  if ('arrayOf' in type && Object.keys(type).length === 1 && typeof type.arrayOf === 'object') {
    if (!Array.isArray(value)) return `${path} is not a list`;
    for (const [i, item] of value.entries()) {
      const problem = recordProblem(item, type.arrayOf as RecordSchema, `${path}[${i}]`);
      if (problem !== undefined) return problem;
    }
    return undefined;
  }
  return recordProblem(value, type as RecordSchema, path);
}

/** The first problem of `value` as a record of `schema`, or undefined. */
export function recordProblem(value: unknown, schema: RecordSchema, path: string): string | undefined {
  if (!isRecord(value)) return `${path} is not an object`;
  for (const [field, type] of Object.entries(schema)) {
    const problem = typeProblem(value[field], type, `${path}.${field}`);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

const account: RecordSchema = { name: 'string', accountId: 'string', accessKeyId: 'string', accessKeySecret: 'string' };

/** The first problem of parsed state, naming its path; undefined when the state can be served. */
export function stateProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return 'the top level is not a JSON object';
  if (value.formatVersion !== 1) return 'formatVersion is not 1';
  if (!Array.isArray(value.accounts)) return 'accounts is not a list';
  if (!Array.isArray(value.clientTokens)) return 'clientTokens is not a list';
  for (const [i, token] of value.clientTokens.entries()) {
    const problem = recordProblem(token, { key: 'string', storedAt: 'number', body: 'object' }, `clientTokens[${i}]`);
    if (problem !== undefined) return problem;
  }
  for (const [i, entry] of value.accounts.entries()) {
    const path = `accounts[${i}]`;
    const problem = recordProblem(entry, account, path);
    if (problem !== undefined) return problem;
    const record = entry as Record<string, unknown>;
    for (const [name, { record: schema, optional }] of Object.entries(ACCOUNT_COLLECTIONS)) {
      const list = record[name];
      if (list === undefined && optional === true) continue;
      if (!Array.isArray(list)) return `${path}.${name} is not a list`;
      if (name === 'regionIds') {
        const bad = list.findIndex((r) => typeof r !== 'string');
        if (bad >= 0) return `${path}.regionIds[${bad}] is not a string`;
        continue;
      }
      for (const [j, item] of list.entries()) {
        const itemProblem = recordProblem(item, schema, `${path}.${name}[${j}]`);
        if (itemProblem !== undefined) return itemProblem;
      }
    }
  }
  return undefined;
}

/** A JSON.parse failure in words that quote nothing of the text (V8's messages include a fragment). */
export function jsonProblem(err: unknown): string {
  const position = /at position (\d+)/.exec(String((err as Error)?.message ?? ''));
  return position === null ? 'not valid JSON' : `not valid JSON (at character ${position[1]})`;
}

/** Fills the optional collections a file lacks with empty lists, so handlers can rely on them. */
export function withOptionalCollections<T extends { accounts: unknown[] }>(state: T): T {
  for (const entry of state.accounts as Array<Record<string, unknown>>) {
    for (const [name, { optional }] of Object.entries(ACCOUNT_COLLECTIONS)) if (optional === true && entry[name] === undefined) entry[name] = [];
  }
  return state;
}
