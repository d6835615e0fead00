/**
 * The worlds the emulator starts with. `DEFAULT_SEED` names every id of the default world, so
 * tests, samples and the demo refer to `DEFAULT_SEED.main.vpcId` instead of copying strings.
 * Ids are derived from labels (not random), so they are the same in every run.
 */
import { createHash } from 'node:crypto';
import { isoSeconds, regionLetters, seededResourceId } from './ids';
import { managedGroupNames } from './facts';
import { createNetworkLink, NETWORK_LINK_ROLE_NAME } from './networkLink';
import { primaryInterfaceId, syncAllPrimaryInterfaces } from './primaryInterfaces';
import { REGION_CATALOG } from './regions';
import { emptyAccount, type AccountState, type EmulatorState, type RuleRecord, type SecurityGroupRecord } from './state';

/** A large, generated world for benchmarks: many VPCs with vSwitches and groups in one region. */
export interface ScaleSeed {
  kind: 'scale';
  regionId: string;
  vpcs: number;
  vSwitchesPerVpc: number;
  securityGroupsPerVpc: number;
}

/** Which world a new emulator starts with. */
export type SeedChoice = 'default' | 'empty' | ScaleSeed;

const HZ = 'cn-hangzhou';
const SH = 'cn-shanghai';
const id = (prefix: string, regionId: string, label: string): string => seededResourceId(prefix, regionId, label);
const emrClusterId = (label: string): string => `c-${createHash('sha256').update(label).digest('hex').slice(0, 16)}`;
const linkedVpcId = id('vpc', HZ, 'main/linked');

/** Every id and credential of the default world. */
export const DEFAULT_SEED = {
  regionId: HZ,
  main: {
    name: 'main',
    accountId: '1481736092753620',
    accessKeyId: 'LTAI5tEmuMainAccount0001',
    accessKeySecret: 'emuMainSecret0000000000000000001',
    /** A temporary (STS) credential of the main account; its key only works with its token. */
    sts: {
      accessKeyId: 'STS.NUemuMainTemporaryKey01',
      accessKeySecret: 'emuMainStsSecret000000000000001',
      securityToken: 'CAISemuMainSecurityToken000000000000000000000001',
      roleName: 'mcvpc-operator',
      sessionName: 'emulator-session',
    },
    vpcId: id('vpc', HZ, 'main/app'),
    vpcCidr: '192.168.0.0/16',
    /** vSwitch in cn-hangzhou-h (MaxCompute-supported zone). */
    vSwitchIdH: id('vsw', HZ, 'main/app/h'),
    /** vSwitch in cn-hangzhou-j (supported). */
    vSwitchIdJ: id('vsw', HZ, 'main/app/j'),
    /** vSwitch in cn-hangzhou-b (NOT supported by MaxCompute network links). */
    vSwitchIdB: id('vsw', HZ, 'main/app/b'),
    basicGroupId: id('sg', HZ, 'main/app/basic'),
    advancedGroupId: id('sg', HZ, 'main/app/advanced'),
    /** A second VPC that already has a network link. */
    linkedVpcId,
    linkedVSwitchId: id('vsw', HZ, 'main/linked/k'),
    linkedGroupId: id('sg', HZ, 'main/linked/mc-link'),
    linkName: 'existing_link',
    linkedEniIds: [id('eni', HZ, 'existing_link/0'), id('eni', HZ, 'existing_link/1')],
    managedGroupIds: managedGroupNames(linkedVpcId).map((name) => id('sg', HZ, name)),
    rdsInstanceId: id('rm', HZ, 'main/rds'),
    rdsPort: 3306,
    hbaseClusterId: id('hb', HZ, 'main/hbase'),
    hbaseGroupId: id('sg', HZ, 'main/app/hbase'),
    emrClusterId: emrClusterId('main/emr'),
    emrGroupId: id('sg', HZ, 'main/app/emr'),
    /** PolarDB MySQL cluster in the app VPC (cn-hangzhou-h); whitelist groups `default` (127.0.0.1) and `app` (10.0.0.0/24). */
    polardbClusterId: id('pc', HZ, 'main/polardb'),
    polardbWhitelist: { default: ['127.0.0.1'], app: ['10.0.0.0/24'] },
    /** Lindorm instance in the app VPC (cn-hangzhou-j); whitelist group `user` holds 192.168.1.10. */
    lindormInstanceId: id('ld', HZ, 'main/lindorm'),
    lindormWhitelist: { user: ['192.168.1.10'] },
    /** ECS instance running Kafka (port 9092, said only in its description and tags) in the app VPC, in its own basic group. */
    ecsInstanceId: id('i', HZ, 'main/kafka'),
    ecsPrivateIp: '192.168.1.20',
    ecsGroupId: id('sg', HZ, 'main/app/kafka'),
    /** The Kafka instance's primary network interface (Type Primary, its address and group). */
    ecsPrimaryEniId: primaryInterfaceId({ instanceId: id('i', HZ, 'main/kafka'), regionId: HZ }),
    ecsPorts: [9092],
    roleName: NETWORK_LINK_ROLE_NAME,
    shanghaiVpcId: id('vpc', SH, 'main/sh'),
    shanghaiVSwitchId: id('vsw', SH, 'main/sh/b'),
  },
  second: {
    name: 'second',
    accountId: '1937204815562094',
    accessKeyId: 'LTAI5tEmuSecondAccount02',
    accessKeySecret: 'emuSecondSecret000000000000000002',
    vpcId: id('vpc', HZ, 'second/app'),
    vSwitchId: id('vsw', HZ, 'second/app/h'),
    basicGroupId: id('sg', HZ, 'second/app/basic'),
  },
} as const;

/** A fixed creation time for seeded resources, so the seed is deterministic. */
const SEED_TIME = Date.parse('2026-01-15T08:00:00Z');
const created = isoSeconds(SEED_TIME);

function accounts(): [AccountState, AccountState] {
  const m = DEFAULT_SEED.main;
  const s = DEFAULT_SEED.second;
  return [
    emptyAccount({ name: m.name, accountId: m.accountId, accessKeyId: m.accessKeyId, accessKeySecret: m.accessKeySecret, temporaryCredentials: [{ ...m.sts }] }),
    emptyAccount({ name: s.name, accountId: s.accountId, accessKeyId: s.accessKeyId, accessKeySecret: s.accessKeySecret }),
  ];
}

function vpc(account: AccountState, vpcId: string, regionId: string, name: string, cidrBlock: string): void {
  account.vpcs.push({ vpcId, regionId, name, cidrBlock, description: '', isDefault: false, creationTime: created, visibleAt: 0 });
  if (!account.regionIds.includes(regionId)) account.regionIds.push(regionId);
}

function vSwitch(account: AccountState, vSwitchId: string, vpcId: string, regionId: string, zoneId: string, name: string, cidrBlock: string): void {
  const prefix = Number(cidrBlock.split('/')[1]);
  account.vSwitches.push({ vSwitchId, vpcId, regionId, zoneId, name, cidrBlock, availableIpAddressCount: 2 ** (32 - prefix) - 6, creationTime: created, visibleAt: 0 });
}

function group(account: AccountState, securityGroupId: string, vpcId: string, regionId: string, name: string, type: 'normal' | 'enterprise', rules: RuleRecord[] = []): SecurityGroupRecord {
  const record: SecurityGroupRecord = {
    securityGroupId,
    regionId,
    vpcId,
    name,
    description: '',
    type,
    innerAccessPolicy: type === 'normal' ? 'Accept' : 'Drop',
    serviceManaged: false,
    creationTime: created,
    visibleAt: 0,
    rules,
  };
  account.securityGroups.push(record);
  return record;
}

function rule(ruleId: string, direction: 'ingress' | 'egress', ipProtocol: string, portRange: string, peerCidr: string, description: string): RuleRecord {
  return { ruleId, direction, ipProtocol, portRange, sourcePortRange: '', policy: 'Accept', priority: 1, nicType: 'intranet', peerCidr, description, createTime: created };
}

function role(account: AccountState, roleName: string): void {
  account.ramRoles.push({ roleName, roleId: `3${account.accountId.slice(0, 17).padEnd(18, '7')}`, description: 'MaxCompute uses this role to create network interfaces in your VPC.', createDate: created });
}

function defaultWorld(): EmulatorState {
  const m = DEFAULT_SEED.main;
  const s = DEFAULT_SEED.second;
  const [main, second] = accounts();

  vpc(main, m.vpcId, HZ, 'mcvpc-app', m.vpcCidr);
  vSwitch(main, m.vSwitchIdH, m.vpcId, HZ, 'cn-hangzhou-h', 'app-h', '192.168.1.0/24');
  vSwitch(main, m.vSwitchIdJ, m.vpcId, HZ, 'cn-hangzhou-j', 'app-j', '192.168.2.0/24');
  vSwitch(main, m.vSwitchIdB, m.vpcId, HZ, 'cn-hangzhou-b', 'app-b', '192.168.3.0/24');
  group(main, m.basicGroupId, m.vpcId, HZ, 'app-basic', 'normal', [
    rule(id('sgr', HZ, 'main/basic/ssh'), 'ingress', 'TCP', '22/22', '10.0.0.0/8', 'ssh from office'),
    rule(id('sgr', HZ, 'main/basic/egress'), 'egress', 'ALL', '-1/-1', '0.0.0.0/0', ''),
  ]);
  group(main, m.advancedGroupId, m.vpcId, HZ, 'app-advanced', 'enterprise');
  group(main, m.hbaseGroupId, m.vpcId, HZ, 'hbase-sg', 'normal');
  group(main, m.emrGroupId, m.vpcId, HZ, 'emr-hadoop-sg', 'normal', [
    rule(id('sgr', HZ, 'main/emr/internal'), 'ingress', 'TCP', '1/65535', '192.168.1.0/24', 'cluster internal'),
  ]);

  main.rdsInstances.push({
    dbInstanceId: m.rdsInstanceId,
    regionId: HZ,
    zoneId: 'cn-hangzhou-h',
    vpcId: m.vpcId,
    vSwitchId: m.vSwitchIdH,
    description: 'orders-mysql',
    engine: 'MySQL',
    engineVersion: '8.0',
    instanceClass: 'mysql.n2.medium.1',
    port: m.rdsPort,
    status: 'Running',
    connectionString: `${m.rdsInstanceId}.mysql.rds.aliyuncs.com`,
    createTime: created,
    ipArrays: [
      { name: 'default', attribute: '', ips: ['127.0.0.1', '192.168.1.10'] },
      { name: 'ali_dms_group', attribute: 'hidden', ips: ['100.104.0.0/16'] },
    ],
    securityGroupIds: [],
  });
  main.hbaseClusters.push({
    clusterId: m.hbaseClusterId,
    regionId: HZ,
    zoneId: 'cn-hangzhou-j',
    vpcId: m.vpcId,
    vSwitchId: m.vSwitchIdJ,
    name: 'events-hbase',
    engine: 'hbase',
    majorVersion: '2.0',
    status: 'ACTIVATION',
    createdTime: created,
    whitelist: [{ groupName: 'default', ipVersion: 4, ips: ['127.0.0.1'] }],
    securityGroupIds: [m.hbaseGroupId],
  });
  main.emrClusters.push({
    clusterId: m.emrClusterId,
    regionId: HZ,
    zoneId: 'cn-hangzhou-h',
    vpcId: m.vpcId,
    securityGroupId: m.emrGroupId,
    name: 'etl-hadoop',
    clusterType: 'HADOOP',
    state: 'RUNNING',
    releaseVersion: 'EMR-3.46.2',
    createTime: SEED_TIME,
  });
  main.polardbClusters.push({
    dbClusterId: m.polardbClusterId,
    regionId: HZ,
    zoneId: 'cn-hangzhou-h',
    vpcId: m.vpcId,
    vSwitchId: m.vSwitchIdH,
    description: 'billing-polardb',
    dbType: 'MySQL',
    dbVersion: '8.0',
    status: 'Running',
    nodeClass: 'polar.mysql.x4.large',
    createTime: created,
    ipArrays: Object.entries(m.polardbWhitelist).map(([name, ips]) => ({ name, attribute: '', ips: [...ips] })),
    securityGroupIds: [],
  });
  main.lindormInstances.push({
    instanceId: m.lindormInstanceId,
    regionId: HZ,
    zoneId: 'cn-hangzhou-j',
    vpcId: m.vpcId,
    vSwitchId: m.vSwitchIdJ,
    alias: 'metrics-lindorm',
    status: 'ACTIVATION',
    // LindormTable (4) + LindormTSDB (2).
    engineType: 6,
    serviceType: 'lindorm',
    createMilliseconds: SEED_TIME,
    whitelist: Object.entries(m.lindormWhitelist).map(([groupName, ips]) => ({ groupName, ips: [...ips] })),
  });
  group(main, m.ecsGroupId, m.vpcId, HZ, 'kafka-sg', 'normal', [
    rule(id('sgr', HZ, 'main/kafka/ssh'), 'ingress', 'TCP', '22/22', '10.0.0.0/8', 'ssh from office'),
  ]).description = 'Kafka broker: clients connect on 9092';
  main.ecsInstances.push({
    instanceId: m.ecsInstanceId,
    regionId: HZ,
    zoneId: 'cn-hangzhou-h',
    vpcId: m.vpcId,
    vSwitchId: m.vSwitchIdH,
    name: 'kafka-broker-1',
    description: 'Self-managed Kafka broker, listening on 9092',
    status: 'Running',
    instanceType: 'ecs.g7.large',
    privateIpAddresses: [m.ecsPrivateIp],
    securityGroupIds: [m.ecsGroupId],
    creationTime: created,
    tags: [{ key: 'service', value: 'kafka' }, { key: 'ports', value: m.ecsPorts.join(',') }],
  });
  role(main, m.roleName);

  vpc(main, m.linkedVpcId, HZ, 'mcvpc-linked', '172.16.0.0/12');
  vSwitch(main, m.linkedVSwitchId, m.linkedVpcId, HZ, 'cn-hangzhou-k', 'linked-k', '172.16.1.0/24');
  group(main, m.linkedGroupId, m.linkedVpcId, HZ, 'mc-link-sg', 'normal');
  createNetworkLink(main, { regionId: HZ, name: m.linkName, vpcId: m.linkedVpcId, vSwitchId: m.linkedVSwitchId, securityGroupId: m.linkedGroupId }, SEED_TIME, 0, id);

  vpc(main, m.shanghaiVpcId, SH, 'mcvpc-sh', '10.0.0.0/16');
  vSwitch(main, m.shanghaiVSwitchId, m.shanghaiVpcId, SH, 'cn-shanghai-b', 'sh-b', '10.0.1.0/24');

  vpc(second, s.vpcId, HZ, 'second-app', '192.168.0.0/16');
  vSwitch(second, s.vSwitchId, s.vpcId, HZ, 'cn-hangzhou-h', 'second-h', '192.168.1.0/24');
  group(second, s.basicGroupId, s.vpcId, HZ, 'second-basic', 'normal');

  return { formatVersion: 1, accounts: [main, second], clientTokens: [] };
}

function emptyWorld(): EmulatorState {
  return { formatVersion: 1, accounts: accounts(), clientTokens: [] };
}

/** Sequential, readable ids for the scale seed (`vpc-bp1s00000000000000042`): cheap and collision-free. */
function scaleId(prefix: string, regionId: string, n: number): string {
  return `${prefix}-${regionLetters(regionId)}1s${n.toString(36).padStart(17, '0')}`;
}

function scaleWorld(seed: ScaleSeed): EmulatorState {
  const region = REGION_CATALOG.find((r) => r.regionId === seed.regionId);
  if (!region) throw new Error(`Scale seed: unknown region "${seed.regionId}"; known: ${REGION_CATALOG.map((r) => r.regionId).join(', ')}.`);
  for (const key of ['vpcs', 'vSwitchesPerVpc', 'securityGroupsPerVpc'] as const) {
    if (!Number.isInteger(seed[key]) || seed[key] < 0) throw new Error(`Scale seed: ${key} must be a non-negative integer, got ${String(seed[key])}.`);
  }
  if (seed.vSwitchesPerVpc > 256) throw new Error('Scale seed: vSwitchesPerVpc must be at most 256 (one /24 per vSwitch in a /16).');
  const world = emptyWorld();
  const main = world.accounts[0]!;
  role(main, NETWORK_LINK_ROLE_NAME);
  main.regionIds.push(seed.regionId);
  let n = 0;
  for (let v = 0; v < seed.vpcs; v++) {
    const vpcId = scaleId('vpc', seed.regionId, v);
    const second = v % 256;
    main.vpcs.push({ vpcId, regionId: seed.regionId, name: `scale-vpc-${v}`, cidrBlock: `10.${second}.0.0/16`, description: '', isDefault: false, creationTime: created, visibleAt: 0 });
    for (let w = 0; w < seed.vSwitchesPerVpc; w++) {
      main.vSwitches.push({
        vSwitchId: scaleId('vsw', seed.regionId, n++),
        vpcId,
        regionId: seed.regionId,
        zoneId: region.zoneIds[w % region.zoneIds.length]!,
        name: `scale-vsw-${v}-${w}`,
        cidrBlock: `10.${second}.${w}.0/24`,
        availableIpAddressCount: 250,
        creationTime: created,
        visibleAt: 0,
      });
    }
    for (let g = 0; g < seed.securityGroupsPerVpc; g++) {
      main.securityGroups.push({
        securityGroupId: scaleId('sg', seed.regionId, n++),
        regionId: seed.regionId,
        vpcId,
        name: `scale-sg-${v}-${g}`,
        description: '',
        type: g % 5 === 4 ? 'enterprise' : 'normal',
        innerAccessPolicy: g % 5 === 4 ? 'Drop' : 'Accept',
        serviceManaged: false,
        creationTime: created,
        visibleAt: 0,
        rules: [],
      });
    }
  }
  return world;
}

/** Builds the initial state for a seed choice; every instance comes with its primary interface. */
export function buildSeed(choice: SeedChoice = 'default'): EmulatorState {
  if (choice === 'default') return syncAllPrimaryInterfaces(defaultWorld());
  if (choice === 'empty') return emptyWorld();
  if (choice.kind === 'scale') return scaleWorld(choice);
  throw new Error(`Unknown seed ${JSON.stringify(choice)}: use 'default', 'empty' or { kind: 'scale', … }.`);
}
