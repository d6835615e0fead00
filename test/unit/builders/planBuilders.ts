/**
 * Typed builders for planner tests: a connection spec (each field on its own line, so a test
 * can tell which field a step or check points at) and the live state of a small VPC.
 */
import type { NetworkInterface, NetworkLink, SecurityGroup, SecurityGroupRule } from '../../../src/core/model';
import type { GroupWithIngress, LiveState, TargetLive } from '../../../src/core/plan';
import type { ConnectionSpec, SecurityGroupSpec, SourceRange } from '../../../src/connectionSpec/types';
import type { RdsLive, RdsTargetSpec } from '../../../src/targets/rds';
import type { HBaseLive, HBaseTargetSpec } from '../../../src/targets/hbase';
import type { EmrLive, EmrTargetSpec } from '../../../src/targets/emr';
import type { CustomTargetSpec } from '../../../src/targets/custom';
import type { EcsLive, EcsTargetSpec } from '../../../src/targets/ecs';
import type { LindormLive, LindormTargetSpec } from '../../../src/targets/lindorm';
import type { PolarDbLive, PolarDbTargetSpec } from '../../../src/targets/polardb';

export const ACCOUNT = '1481736092753620';
export const OTHER_ACCOUNT = '1937204815562094';
export const REGION = 'cn-hangzhou';
export const VPC = 'vpc-app';
export const VPC_CIDR = '192.168.0.0/16';
export const VSW = 'vsw-h';
export const VSW_CIDR = '192.168.1.0/24';
export const LINK_GROUP = 'sg-link';
export const LINK_GROUP_NAME = 'mc-link';

/** The range of line `line` (0-based), columns 2–20. */
export function lineRange(line: number): SourceRange {
  return { start: { line, column: 2, offset: line * 40 + 2 }, end: { line, column: 20, offset: line * 40 + 20 } };
}

/** Lines the spec builder puts each field on. */
export const LINES = {
  networkLinkName: 2,
  region: 4,
  vpc: 5,
  vSwitch: 6,
  securityGroup: 7,
  groupId: 8,
  groupName: 8,
  inboundSource: 9,
  targets: 12,
} as const;

export function createGroupSpec(overrides: Partial<Extract<SecurityGroupSpec, { mode: 'create' }>> = {}): SecurityGroupSpec {
  return {
    mode: 'create',
    name: LINK_GROUP_NAME,
    inboundSource: { kind: 'vswitch-cidr' },
    allowWholeInternet: false,
    range: lineRange(LINES.securityGroup),
    ranges: {
      name: lineRange(LINES.groupName),
      description: lineRange(LINES.securityGroup),
      inboundSource: lineRange(LINES.inboundSource),
      allowWholeInternet: lineRange(LINES.securityGroup),
    },
    ...overrides,
  };
}

export function existingGroupSpec(securityGroupId = LINK_GROUP): SecurityGroupSpec {
  return {
    mode: 'existing',
    securityGroupId,
    range: lineRange(LINES.securityGroup),
    ranges: { securityGroupId: lineRange(LINES.groupId) },
  };
}

function targetLine(index: number): number {
  return LINES.targets + index * 5;
}

export function rdsTarget(
  index: number,
  access: 'whitelist' | 'securityGroup' = 'whitelist',
  whitelistGroup = 'maxcompute',
): RdsTargetSpec {
  const r = lineRange(targetLine(index));
  return {
    kind: 'rds',
    index,
    label: `rds-${index}`,
    labelGiven: false,
    range: r,
    instanceId: `rm-${index}`,
    access: access === 'whitelist' ? { mode: 'whitelist', whitelistGroup } : { mode: 'securityGroup' },
    ranges: {
      kind: r,
      label: r,
      instanceId: lineRange(targetLine(index) + 1),
      access: lineRange(targetLine(index) + 2),
      whitelistGroup: r,
    },
  };
}

export function hbaseTarget(index: number, access: 'whitelist' | 'securityGroup' = 'whitelist'): HBaseTargetSpec {
  const r = lineRange(targetLine(index));
  return {
    kind: 'hbase',
    index,
    label: `hbase-${index}`,
    labelGiven: false,
    range: r,
    clusterId: `hb-${index}`,
    access: access === 'whitelist' ? { mode: 'whitelist', whitelistGroup: 'maxcompute' } : { mode: 'securityGroup' },
    ranges: { kind: r, label: r, clusterId: lineRange(targetLine(index) + 1), access: r, whitelistGroup: r },
  };
}

export function emrTarget(
  index: number,
  ports = [9083, 8020, 50010],
  by: { clusterId?: string; securityGroupId?: string } = { clusterId: `c-${index}` },
): EmrTargetSpec {
  const r = lineRange(targetLine(index));
  return {
    kind: 'emr',
    index,
    label: `emr-${index}`,
    labelGiven: false,
    range: r,
    ...by,
    ports,
    portsDefaulted: false,
    ranges: { kind: r, label: r, cluster: lineRange(targetLine(index) + 1), ports: r, portItems: ports.map(() => r) },
  };
}

export function customTarget(index: number): CustomTargetSpec {
  const r = lineRange(targetLine(index));
  return {
    kind: 'custom',
    index,
    label: `server-${index}`,
    labelGiven: true,
    range: r,
    cidr: '192.168.5.10/32',
    ports: [8080],
    ranges: { kind: r, label: r, cidr: r, ports: r, portItems: [r] },
  };
}

export function spec(overrides: Partial<ConnectionSpec> = {}): ConnectionSpec {
  return {
    documentIndex: 0,
    version: 'mcvpc/v1',
    networkLinkName: 'orders_link',
    regionId: REGION,
    vpcId: VPC,
    vSwitchId: VSW,
    securityGroup: createGroupSpec(),
    targets: [],
    range: lineRange(0),
    ranges: {
      version: lineRange(0),
      kind: lineRange(1),
      networkLinkName: lineRange(LINES.networkLinkName),
      description: lineRange(3),
      profile: lineRange(3),
      regionId: lineRange(LINES.region),
      vpcId: lineRange(LINES.vpc),
      vSwitchId: lineRange(LINES.vSwitch),
      securityGroup: lineRange(LINES.securityGroup),
      targets: lineRange(LINES.targets),
    },
    ...overrides,
  };
}

export function group(securityGroupId: string, overrides: Partial<SecurityGroup> = {}): SecurityGroup {
  return {
    securityGroupId,
    regionId: REGION,
    vpcId: VPC,
    name: securityGroupId === LINK_GROUP ? LINK_GROUP_NAME : `name-${securityGroupId}`,
    description: '',
    type: 'normal',
    managedByMaxCompute: false,
    ...overrides,
  };
}

export function withIngress(g: SecurityGroup, ingress: SecurityGroupRule[] = []): GroupWithIngress {
  return { group: g, ingress };
}

/** The inbound rule the link group needs from the vSwitch's block. */
export function returnTrafficRule(peerCidr = VSW_CIDR): SecurityGroupRule {
  return { direction: 'ingress', policy: 'accept', protocol: 'ALL', portRange: '-1/-1', priority: 1, peerCidr };
}

export function linkEni(id = 'eni-1'): NetworkInterface {
  return {
    networkInterfaceId: id,
    vpcId: VPC,
    vSwitchId: VSW,
    zoneId: 'cn-hangzhou-h',
    privateIpAddress: '192.168.1.3',
    securityGroupIds: [LINK_GROUP],
    serviceManaged: true,
    status: 'InUse',
    type: 'Secondary',
  };
}

export function managedGroups(): SecurityGroup[] {
  return [
    group('sg-mc1', { name: `MaxCompute-vpc-${VPC}`, managedByMaxCompute: true }),
    group('sg-mc2', { name: `MaxCompute-backup-vpc-${VPC}`, managedByMaxCompute: true }),
  ];
}

/** Nothing of the link exists yet: VPC, vSwitch (zone h), role present; no group, no link. */
export function live(overrides: Partial<LiveState> = {}): LiveState {
  return {
    regionId: REGION,
    callerAccountId: ACCOUNT,
    eniRoleExists: true,
    vpc: {
      vpcId: VPC,
      regionId: REGION,
      name: 'app',
      cidrBlock: VPC_CIDR,
      status: 'Available',
      ownerId: ACCOUNT,
      isDefault: false,
      vSwitchIds: [VSW],
    },
    vSwitch: {
      vSwitchId: VSW,
      vpcId: VPC,
      zoneId: 'cn-hangzhou-h',
      name: 'h',
      cidrBlock: VSW_CIDR,
      status: 'Available',
      availableIpAddressCount: 250,
    },
    sameNameGroupIds: [],
    managedGroups: [],
    linkNetworkInterfaces: [],
    networkLinkApi: { state: 'ok' },
    targets: [],
    ...overrides,
  };
}

/** A state where the group, its rule and the link already exist. */
/** The link as MaxCompute's API lists it: the spec's name, vSwitch and group; SUCCESS unless said otherwise. */
export function networkLink(overrides: Partial<NetworkLink> = {}): NetworkLink {
  return {
    name: 'orders_link',
    regionId: REGION,
    type: 'PASSTHROUGH',
    status: 'SUCCESS',
    vpcId: VPC,
    vSwitchId: VSW,
    securityGroupId: LINK_GROUP,
    createTime: 1_700_000_000_000,
    ...overrides,
  };
}

/** The link up: MaxCompute lists it SUCCESS and its interfaces are in the link group. */
export function linkedLive(targets: TargetLive[] = []): LiveState {
  return live({
    linkGroup: withIngress(group(LINK_GROUP), [returnTrafficRule()]),
    managedGroups: managedGroups(),
    linkNetworkInterfaces: [linkEni('eni-1'), linkEni('eni-2')],
    networkLink: networkLink(),
    targets,
  });
}

export function rdsLive(whitelist: Array<{ name: string; ips: string[] }> = [], securityGroupIds: string[] = [], vpcId = VPC): RdsLive {
  return {
    kind: 'rds',
    resource: {
      kind: 'rds',
      instanceId: 'rm-0',
      regionId: REGION,
      description: '',
      engine: 'MySQL',
      engineVersion: '8.0',
      vpcId,
      vSwitchId: VSW,
      status: 'Running',
      port: 3306,
    },
    whitelist,
    securityGroupIds,
  };
}

export function hbaseLive(
  whitelist: Array<{ name: string; ips: string[]; ipVersion?: number }> = [],
  securityGroupIds: string[] = [],
): HBaseLive {
  return {
    kind: 'hbase',
    resource: { kind: 'hbase', clusterId: 'hb-0', regionId: REGION, name: 'events', vpcId: VPC, vSwitchId: VSW, status: 'ACTIVATION' },
    whitelist,
    securityGroupIds,
  };
}

export function emrLive(ingress: SecurityGroupRule[] = [], groupOverrides: Partial<SecurityGroup> = {}): EmrLive {
  return {
    kind: 'emr',
    cluster: {
      kind: 'emr',
      clusterId: 'c-0',
      regionId: REGION,
      name: 'etl',
      clusterType: 'HADOOP',
      state: 'RUNNING',
      vpcId: VPC,
      securityGroupId: 'sg-emr',
    },
    group: withIngress(group('sg-emr', groupOverrides), ingress),
  };
}

const kindRange = lineRange(LINES.targets);
const firstTarget = { index: 0, labelGiven: false, range: kindRange };

export function polardbTarget(access: 'whitelist' | 'securityGroup' = 'whitelist'): PolarDbTargetSpec {
  const r = kindRange;
  return {
    ...firstTarget,
    kind: 'polardb',
    label: 'polardb pc-1',
    clusterId: 'pc-1',
    access: access === 'whitelist' ? { mode: 'whitelist', whitelistGroup: 'maxcompute' } : { mode: 'securityGroup' },
    ranges: { kind: r, label: r, clusterId: r, access: r, whitelistGroup: r },
  };
}

export function polardbLive(
  whitelist: Array<{ name: string; ips: string[] }>,
  securityGroupIds: string[] = [],
  present = true,
): PolarDbLive {
  return {
    kind: 'polardb',
    whitelist,
    securityGroupIds,
    ...(present
      ? {
          resource: {
            kind: 'polardb',
            clusterId: 'pc-1',
            regionId: REGION,
            description: 'billing',
            engine: 'MySQL',
            engineVersion: '8.0',
            vpcId: VPC,
            vSwitchId: VSW,
            zoneId: 'cn-hangzhou-h',
            status: 'Running',
          },
        }
      : {}),
  };
}

export function lindormTarget(): LindormTargetSpec {
  const r = kindRange;
  return {
    ...firstTarget,
    kind: 'lindorm',
    label: 'lindorm ld-1',
    instanceId: 'ld-1',
    access: { mode: 'whitelist', whitelistGroup: 'maxcompute' },
    ranges: { kind: r, label: r, instanceId: r, access: r, whitelistGroup: r },
  };
}

export function lindormLive(whitelist: Array<{ name: string; ips: string[] }>, present = true): LindormLive {
  return {
    kind: 'lindorm',
    whitelist,
    securityGroupIds: [],
    ...(present
      ? {
          resource: {
            kind: 'lindorm',
            instanceId: 'ld-1',
            regionId: REGION,
            name: 'metrics',
            vpcId: VPC,
            zoneId: 'cn-hangzhou-h',
            status: 'ACTIVATION',
            engineType: 4,
            serviceType: 'lindorm',
          },
        }
      : {}),
  };
}

export function ecsTarget(ports = [9092, 9093]): EcsTargetSpec {
  const r = kindRange;
  return {
    ...firstTarget,
    kind: 'ecs',
    label: 'ecs i-1',
    instanceId: 'i-1',
    ports,
    ranges: { kind: r, label: r, instanceId: r, ports: r, portItems: ports.map(() => r), securityGroup: r },
  };
}

export function ecsLive(ingress: SecurityGroupRule[], groups = ['sg-kafka'], present = true): EcsLive {
  return {
    kind: 'ecs',
    ...(present
      ? {
          instance: {
            kind: 'ecs',
            instanceId: 'i-1',
            regionId: REGION,
            name: 'kafka',
            description: '',
            vpcId: VPC,
            vSwitchId: VSW,
            zoneId: 'cn-hangzhou-h',
            privateIpAddresses: ['192.168.1.50'],
            securityGroupIds: groups,
            status: 'Running',
            tags: {},
          },
          group: withIngress(group('sg-kafka'), ingress),
        }
      : {}),
  };
}
