/**
 * Starts an emulator on the default world plus extra resources, by writing the state to a
 * temporary file first (the emulator has no API to create clusters or instances). Small typed
 * builders for the records the PolarDB, Lindorm and ECS-instance tests add.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { startEmulator, type Emulator } from '../../../src/emulator';
import { buildSeed, DEFAULT_SEED } from '../../../src/emulator/seed';
import type { AccountState } from '../../../src/emulator/state';
import type { EcsInstanceRecord } from '../../../src/emulator/products/ecsInstances';
import type { LindormInstanceRecord } from '../../../src/emulator/products/lindorm';
import type { PolarDbClusterRecord } from '../../../src/emulator/products/polardb';
import { tempDir } from '../cloud.harness';

const M = DEFAULT_SEED.main;

/** A PolarDB cluster in the main app VPC; override what the test is about. */
export function polarDbCluster(dbClusterId: string, extra: Partial<PolarDbClusterRecord> = {}): PolarDbClusterRecord {
  return {
    dbClusterId,
    regionId: 'cn-hangzhou',
    zoneId: 'cn-hangzhou-h',
    vpcId: M.vpcId,
    vSwitchId: M.vSwitchIdH,
    description: dbClusterId,
    dbType: 'MySQL',
    dbVersion: '8.0',
    status: 'Running',
    nodeClass: 'polar.mysql.x4.large',
    createTime: '2026-01-15T08:00:00Z',
    ipArrays: [{ name: 'default', attribute: '', ips: ['127.0.0.1'] }],
    securityGroupIds: [],
    ...extra,
  };
}

/** A Lindorm instance in the main app VPC. */
export function lindormInstance(instanceId: string, extra: Partial<LindormInstanceRecord> = {}): LindormInstanceRecord {
  return {
    instanceId,
    regionId: 'cn-hangzhou',
    zoneId: 'cn-hangzhou-j',
    vpcId: M.vpcId,
    vSwitchId: M.vSwitchIdJ,
    alias: instanceId,
    status: 'ACTIVATION',
    engineType: 4,
    serviceType: 'lindorm',
    createMilliseconds: Date.parse('2026-01-15T08:00:00Z'),
    whitelist: [],
    ...extra,
  };
}

/** An ECS instance in the main app VPC. */
export function ecsInstance(instanceId: string, extra: Partial<EcsInstanceRecord> = {}): EcsInstanceRecord {
  return {
    instanceId,
    regionId: 'cn-hangzhou',
    zoneId: 'cn-hangzhou-h',
    vpcId: M.vpcId,
    vSwitchId: M.vSwitchIdH,
    name: instanceId,
    description: '',
    status: 'Running',
    instanceType: 'ecs.g7.large',
    privateIpAddresses: ['192.168.1.99'],
    securityGroupIds: [M.basicGroupId],
    creationTime: '2026-01-15T08:00:00Z',
    tags: [],
    ...extra,
  };
}

/** The default world with `change` applied to the main account, served by a fresh emulator. */
export async function emulatorWith(change: (main: AccountState) => void): Promise<Emulator> {
  const state = buildSeed('default');
  change(state.accounts[0]!);
  const { dir, remove } = await tempDir();
  const file = path.join(dir, 'state.json');
  await fs.writeFile(file, JSON.stringify(state));
  const emulator = await startEmulator({ port: 0, stateFile: file });
  return {
    ...emulator,
    close: async () => {
      await emulator.close();
      await remove();
    },
  };
}
