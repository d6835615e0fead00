/**
 * For engine and CLI tests: spec text over the emulator's default world, the console step done
 * through the emulator's console endpoint, and the emulator state reduced to what a network
 * link changes (ids of created groups replaced by their names, so two runs compare equal).
 */
import { strict as assert } from 'node:assert';
import type { Cloud } from '../../../src/cloud';
import type { Emulator } from '../../../src/emulator';
import { DEFAULT_SEED } from '../../../src/emulator/seed';
import { hasErrors, parseSpecFile } from '../../../src/connectionSpec';
import type { ConnectionSpec } from '../../../src/connectionSpec/types';

const M = DEFAULT_SEED.main;

export interface SpecTextOptions {
  name?: string;
  vSwitchId?: string;
  groupName?: string;
  /** Use this existing group instead of creating one. */
  groupId?: string;
  inboundSource?: string;
  /** YAML items of `targets`, each already indented by two spaces. */
  targets?: string[];
}

/** A spec over the default seed: main VPC, vSwitch in cn-hangzhou-h, a group to create. */
export function specText(options: SpecTextOptions = {}): string {
  const group =
    options.groupId !== undefined
      ? [`securityGroup:`, `  id: ${options.groupId}`]
      : [
          `securityGroup:`,
          `  create:`,
          `    name: ${options.groupName ?? 'maxcompute-link'}`,
          `    inboundSource: ${options.inboundSource ?? 'vswitch-cidr'}`,
        ];
  const targets = options.targets === undefined || options.targets.length === 0 ? [] : ['targets:', ...options.targets];
  return [
    'version: mcvpc/v1',
    'kind: NetworkLink',
    'metadata:',
    `  name: ${options.name ?? 'orders_link'}`,
    `region: ${DEFAULT_SEED.regionId}`,
    `vpc: ${M.vpcId}`,
    `vSwitch: ${options.vSwitchId ?? M.vSwitchIdH}`,
    ...group,
    ...targets,
    '',
  ].join('\n');
}

export const TARGETS = {
  rdsWhitelist: [`  - kind: rds`, `    instance: ${M.rdsInstanceId}`, `    access: whitelist`, `    whitelistGroup: maxcompute`].join('\n'),
  rdsDefaultWhitelist: [`  - kind: rds`, `    instance: ${M.rdsInstanceId}`, `    access: whitelist`, `    whitelistGroup: default`].join(
    '\n',
  ),
  rdsSecurityGroup: [`  - kind: rds`, `    instance: ${M.rdsInstanceId}`, `    access: securityGroup`].join('\n'),
  hbaseWhitelist: [`  - kind: hbase`, `    cluster: ${M.hbaseClusterId}`].join('\n'),
  hbaseSecurityGroup: [`  - kind: hbase`, `    cluster: ${M.hbaseClusterId}`, `    access: securityGroup`].join('\n'),
  emr: [`  - kind: emr`, `    cluster: ${M.emrClusterId}`].join('\n'),
  custom: [`  - kind: custom`, `    name: metrics-api`, `    cidr: 192.168.2.20/32`, `    ports: [8080]`].join('\n'),
};

/** The one spec of a text that must be valid. */
export function parseOne(text: string): ConnectionSpec {
  const { specs, problems } = parseSpecFile(text, 'test.mcvpc.yaml');
  assert.ok(!hasErrors(problems), problems.map((p) => p.message).join('\n'));
  assert.equal(specs.length, 1);
  return specs[0]!;
}

async function control(
  emu: Emulator,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${emu.endpoint}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

interface EmuGroup {
  securityGroupId: string;
  name: string;
  vpcId: string;
  rules: Array<Record<string, unknown>>;
}
interface EmuAccount {
  accountId: string;
  securityGroups: EmuGroup[];
  networkInterfaces: Array<{ networkInterfaceId: string; vSwitchId: string; securityGroupIds: string[]; serviceManaged: boolean }>;
  rdsInstances: Array<{ dbInstanceId: string; ipArrays: Array<{ name: string; ips: string[] }>; securityGroupIds: string[] }>;
  hbaseClusters: Array<{ clusterId: string; whitelist: Array<{ groupName: string; ips: string[] }>; securityGroupIds: string[] }>;
  polardbClusters?: Array<{ dbClusterId: string; ipArrays: Array<{ name: string; ips: string[] }>; securityGroupIds: string[] }>;
  lindormInstances?: Array<{ instanceId: string; whitelist: Array<{ groupName: string; ips: string[] }> }>;
  ecsInstances?: Array<{ instanceId: string; securityGroupIds: string[] }>;
}

/** The main account's state as the emulator holds it. */
export async function mainAccount(emu: Emulator): Promise<EmuAccount> {
  const { json } = await control(emu, 'GET', '/__emulator/state');
  const account = (json.accounts as EmuAccount[]).find((a) => a.accountId === M.accountId);
  assert.ok(account, 'the main account is in the emulator state');
  return account;
}

/** The id of the (single) group with this name in the main VPC. */
export async function groupIdByName(emu: Emulator, name: string): Promise<string> {
  const groups = (await mainAccount(emu)).securityGroups.filter((g) => g.name === name && g.vpcId === M.vpcId);
  assert.equal(groups.length, 1, `exactly one group named ${name}`);
  return groups[0]!.securityGroupId;
}

/** Does the console step: creates the network link through the emulator's console endpoint. */
export async function createLinkInConsole(emu: Emulator, spec: ConnectionSpec, securityGroupId: string): Promise<void> {
  const { status, json } = await control(emu, 'POST', '/__emulator/console/network-links', {
    accountId: M.accountId,
    regionId: spec.regionId,
    name: spec.networkLinkName,
    vpcId: spec.vpcId,
    vSwitchId: spec.vSwitchId,
    securityGroupId,
  });
  assert.equal(status, 201, JSON.stringify(json));
}

/**
 * What a link's apply changes, comparable across runs: groups by name with their rules (peer
 * groups by name, no rule ids or times), how many groups share a name, ENIs per vSwitch, the
 * whitelists and security groups (by name) of RDS, HBase and PolarDB, Lindorm's whitelists, and the
 * groups of ECS instances.
 */
export async function linkFootprint(emu: Emulator): Promise<unknown> {
  const account = await mainAccount(emu);
  const nameOf = (id: string): string => account.securityGroups.find((g) => g.securityGroupId === id)?.name ?? id;
  const groups = account.securityGroups
    .filter((g) => g.vpcId === M.vpcId)
    .map((g) => ({
      name: g.name,
      rules: g.rules
        .map(
          (r) =>
            `${String(r.direction)} ${String(r.policy)} ${String(r.ipProtocol)} ${String(r.portRange)} p${String(r.priority)} ${r.peerCidr !== undefined ? String(r.peerCidr) : nameOf(String(r.peerGroupId))}`,
        )
        .sort(),
    }))
    .sort((a, b) => a.name.localeCompare(b.name) || JSON.stringify(a.rules).localeCompare(JSON.stringify(b.rules)));
  const enis = account.networkInterfaces
    .filter((n) => n.serviceManaged)
    .map((n) => `${n.vSwitchId} ${n.securityGroupIds.map(nameOf).join(',')}`)
    .sort();
  const rds = account.rdsInstances.map((i) => ({
    id: i.dbInstanceId,
    ipArrays: i.ipArrays.map((a) => `${a.name}: ${a.ips.join(',')}`).sort(),
    groups: i.securityGroupIds.map(nameOf),
  }));
  const hbase = account.hbaseClusters.map((c) => ({
    id: c.clusterId,
    whitelist: c.whitelist.map((w) => `${w.groupName}: ${w.ips.join(',')}`).sort(),
    groups: c.securityGroupIds.map(nameOf),
  }));
  const polardb = (account.polardbClusters ?? []).map((c) => ({
    id: c.dbClusterId,
    ipArrays: c.ipArrays.map((a) => `${a.name}: ${a.ips.join(',')}`).sort(),
    groups: c.securityGroupIds.map(nameOf),
  }));
  const lindorm = (account.lindormInstances ?? []).map((i) => ({
    id: i.instanceId,
    whitelist: i.whitelist.map((w) => `${w.groupName}: ${w.ips.join(',')}`).sort(),
  }));
  const ecs = (account.ecsInstances ?? []).map((i) => ({ id: i.instanceId, groups: i.securityGroupIds.map(nameOf) }));
  return { groups, enis, rds, hbase, polardb, lindorm, ecs };
}

export { DEFAULT_SEED };

/** Does the teardown's console step: deletes the network link through the emulator's console endpoint. */
export async function deleteLinkInConsole(emu: Emulator, spec: ConnectionSpec): Promise<void> {
  const query = new URLSearchParams({ accountId: M.accountId, regionId: spec.regionId });
  const { status, json } = await control(
    emu,
    'DELETE',
    `/__emulator/console/network-links/${encodeURIComponent(spec.networkLinkName)}?${query}`,
  );
  assert.equal(status, 200, JSON.stringify(json));
}

/**
 * A person replaces the link's block in the RDS whitelist group "maxcompute" by an office address
 * (through the API, as the console does; a group cannot be left empty): the drift and the failing
 * hop that the doctor, check and the CI recipe must report.
 */
export async function replaceRdsBlockByHand(cloud: Cloud, block = '192.168.1.0/24'): Promise<void> {
  const group = { RegionId: 'cn-hangzhou', DBInstanceId: DEFAULT_SEED.main.rdsInstanceId, DBInstanceIPArrayName: 'maxcompute' };
  await cloud.rds.modifySecurityIps({ ...group, SecurityIps: '10.8.0.0/24', ModifyMode: 'Append' });
  await cloud.rds.modifySecurityIps({ ...group, SecurityIps: block, ModifyMode: 'Delete' });
}
