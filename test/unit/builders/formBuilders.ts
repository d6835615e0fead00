/** Small typed builders for the Create Network Link form's context (a VPC as the tree read it). */
import type { EmrCluster } from '../../../src/cloud/products/emr';
import type { HBaseCluster } from '../../../src/cloud/products/hbase';
import type { RdsInstance } from '../../../src/cloud/products/rds';
import type { SecurityGroup, VSwitch, Vpc } from '../../../src/core/model';
import { networkLinkNameProblem } from '../../../src/connectionSpec/linkName';
import { targetKind, type ServiceResource } from '../../../src/targets';
import type { FormContext, FormService } from '../../../src/ui/linkForm/model/formContext';

export const ACCOUNT = '1234567890123456';

export function vpc(overrides: Partial<Vpc> = {}): Vpc {
  return {
    vpcId: 'vpc-app',
    regionId: 'cn-hangzhou',
    name: 'app',
    cidrBlock: '192.168.0.0/16',
    status: 'Available',
    ownerId: ACCOUNT,
    isDefault: false,
    vSwitchIds: ['vsw-h', 'vsw-a'],
    ...overrides,
  };
}

export function vSwitch(vSwitchId: string, zoneId: string, cidrBlock: string): VSwitch {
  return {
    vSwitchId,
    vpcId: 'vpc-app',
    zoneId,
    name: vSwitchId.replace('vsw-', 'app-'),
    cidrBlock,
    status: 'Available',
    availableIpAddressCount: 200,
  };
}

export function group(securityGroupId: string, overrides: Partial<SecurityGroup> = {}): SecurityGroup {
  return {
    securityGroupId,
    regionId: 'cn-hangzhou',
    vpcId: 'vpc-app',
    name: securityGroupId.replace('sg-', 'group-'),
    description: '',
    type: 'normal',
    managedByMaxCompute: false,
    ...overrides,
  };
}

export const rds: RdsInstance = {
  kind: 'rds',
  instanceId: 'rm-orders',
  regionId: 'cn-hangzhou',
  description: 'orders',
  engine: 'MySQL',
  engineVersion: '8.0',
  vpcId: 'vpc-app',
  vSwitchId: 'vsw-h',
  status: 'Running',
  port: 3306,
};
export const hbase: HBaseCluster = {
  kind: 'hbase',
  clusterId: 'hb-events',
  regionId: 'cn-hangzhou',
  name: 'events',
  vpcId: 'vpc-app',
  vSwitchId: 'vsw-h',
  status: 'ACTIVATION',
};
export const emr: EmrCluster = {
  kind: 'emr',
  clusterId: 'c-etl',
  regionId: 'cn-hangzhou',
  name: 'etl',
  clusterType: 'HADOOP',
  state: 'RUNNING',
  vpcId: 'vpc-app',
  securityGroupId: 'sg-emr',
};

/** A service as the host offers it: through its kind's module. */
export function service(resource: ServiceResource & { kind: string }): FormService {
  const kind = targetKind(resource.kind);
  const binding = kind.service!;
  const presentation = binding.present(resource);
  return {
    key: `${kind.kind}:${presentation.id}`,
    kind: kind.kind,
    noun: kind.noun,
    resource,
    label: presentation.label,
    detail: `${presentation.kindText} · ${presentation.id}`,
    offer: binding.formOffer(resource),
  };
}

/** The app VPC: a vSwitch in a supported zone (h) and one in an unsupported zone (a); an unused basic group, an advanced one, MaxCompute's, one in use. */
export function formContext(overrides: Partial<FormContext> = {}): FormContext {
  return {
    profile: 'main',
    regions: ['cn-hangzhou'],
    regionId: 'cn-hangzhou',
    vpcs: [vpc()],
    vpc: vpc(),
    vSwitches: [vSwitch('vsw-h', 'cn-hangzhou-h', '192.168.1.0/24'), vSwitch('vsw-a', 'cn-hangzhou-a', '192.168.9.0/24')],
    groups: [
      group('sg-free'),
      group('sg-adv', { type: 'enterprise' }),
      group('sg-mc', { name: 'MaxCompute-vpc-vpc-app', managedByMaxCompute: true }),
      group('sg-used'),
      group('sg-emr'),
    ],
    groupUsers: { 'sg-used': ['eni-web1'], 'sg-emr': ['eni-emr1', 'eni-emr2'] },
    links: [],
    knownLinkNames: ['orders_rds'],
    services: [service(rds), service(hbase), service(emr)],
    callerAccountId: ACCOUNT,
    addressBlockKind: 'custom',
    linkNameProblem: networkLinkNameProblem,
    readProblems: [],
    ...overrides,
  };
}
