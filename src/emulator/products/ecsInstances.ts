/**
 * ECS API 2014-05-26: instances (DescribeInstances) and deleting a security group
 * (DeleteSecurityGroup), which needs to know what still uses the group. Split from ecs.ts, which
 * keeps groups, rules and network interfaces.
 *
 * Verified against the generated SDK models (alibabacloud-typescript-sdk ecs-20140526) and the API
 * reference:
 * - DescribeInstances: RegionId*, VpcId, VSwitchId, ZoneId, SecurityGroupId, InstanceIds and
 *   PrivateIpAddresses (JSON array strings of up to 100), InstanceName (`*` wildcards), Status,
 *   MaxResults (1-100: below 10 means 10, above 100 means 100) + NextToken, or the deprecated
 *   PageNumber/PageSize. Answer: {RequestId, NextToken, Instances:{Instance:[…]}} (+ PageNumber,
 *   PageSize, TotalCount in page mode), each instance with InstanceId, InstanceName, Status, ZoneId,
 *   VpcAttributes:{VpcId, VSwitchId, NatIpAddress, PrivateIpAddress:{IpAddress:[]}},
 *   SecurityGroupIds:{SecurityGroupId:[]}, Tags:{Tag:[{TagKey, TagValue}]},
 *   NetworkInterfaces:{NetworkInterface:[{NetworkInterfaceId, Type, MacAddress, PrimaryIpAddress,
 *   PrivateIpSets:{PrivateIpSet:[{PrivateIpAddress, Primary, PrivateDnsName}]}, Ipv6Sets, …}]}
 *   (the primary interface, the same record DescribeNetworkInterfaces lists).
 * - DeleteSecurityGroup: RegionId*, SecurityGroupId*; no ClientToken. Refused with DependencyViolation
 *   (403) while an instance is in the group ("There is still instance(s) in the specified security
 *   group.") or another group's rule authorizes it ("The specified security group has been authorized
 *   in another one."); the doc also names ENIs as blocking. Unknown group: InvalidSecurityGroupId.NotFound.
 * What stays unverified is ECS_INSTANCES_UNVERIFIED below.
 */
import { isVisible, type ActionContext, type ActionDefinition } from '../action';
import { ApiError, invalidParameter } from '../errors';
import { requiredRegion } from '../lookup';
import { pageByNumber, pageByToken } from '../paging';
import { Params } from '../params';
import { collection, json, type DefaultWorld, type EmulatorProduct } from '../product';
import { SEED_CREATED, SEED_REGION, seedId } from '../seedFacts';
import type { AccountState } from '../state';
import { findSecurityGroup, securityGroupNotFound, seedGroup, seedRule, type EcsInstanceRecord } from './ecsRecords';
import { PRIMARY_ENI_UNVERIFIED, primaryInterfaceId, primaryInterfaceOf, syncPrimaryInterfaces } from './primaryInterfaces';
import { VPC_SEED } from './vpc';

export type { EcsInstanceRecord } from './ecsRecords';

declare module '../state' {
  interface AccountState {
    /** Added with ECS instances: state files written before have none (read as empty). */
    ecsInstances: EcsInstanceRecord[];
  }
}

export const ECS_INSTANCES = collection({
  name: 'ecsInstances',
  schema: json.record<EcsInstanceRecord>({
    instanceId: json.string,
    regionId: json.string,
    zoneId: json.string,
    vpcId: json.string,
    vSwitchId: json.string,
    name: json.string,
    description: json.string,
    status: json.string,
    instanceType: json.string,
    privateIpAddresses: json.strings,
    securityGroupIds: json.strings,
    creationTime: json.string,
    tags: json.arrayOf(json.record<{ key: string; value: string }>({ key: json.string, value: json.string })),
  }),
  addedLater: true,
});

/** ECS DescribeInstances / DeleteSecurityGroup behaviour not settled by the SDK models and API doc. Each entry is [unverified]. */
export const ECS_INSTANCES_UNVERIFIED = {
  /** DeleteSecurityGroup on a group a network interface still uses: DependencyViolation with this message (the doc says ENIs block deletion, its error table names only instances and references). */
  eniInUseMessage: 'There is still network interface(s) in the specified security group.',
  /** DescribeInstances in NextToken mode does not return TotalCount (as for DescribeSecurityGroups). */
  tokenModeTotalCount: false,
} as const;

/** DeleteSecurityGroup's refusals: 403 (ECS API doc, error table). */
const DEPENDENCY_VIOLATION_STATUS = 403;

function instanceWire(i: EcsInstanceRecord): Record<string, unknown> {
  const primary = primaryInterfaceOf(i);
  return {
    InstanceId: i.instanceId,
    InstanceName: i.name,
    Description: i.description,
    HostName: i.name,
    Status: i.status,
    RegionId: i.regionId,
    ZoneId: i.zoneId,
    InstanceType: i.instanceType,
    InstanceNetworkType: 'vpc',
    InstanceChargeType: 'PostPaid',
    CreationTime: i.creationTime,
    OSType: 'linux',
    VpcAttributes: { VpcId: i.vpcId, VSwitchId: i.vSwitchId, NatIpAddress: '', PrivateIpAddress: { IpAddress: [...i.privateIpAddresses] } },
    SecurityGroupIds: { SecurityGroupId: [...i.securityGroupIds] },
    NetworkInterfaces: {
      NetworkInterface: [
        {
          NetworkInterfaceId: primary.networkInterfaceId,
          Type: 'Primary',
          MacAddress: primary.macAddress,
          PrimaryIpAddress: primary.privateIpAddress,
          PrivateIpSets: {
            PrivateIpSet: i.privateIpAddresses.map((ip, n) => ({ PrivateIpAddress: ip, Primary: n === 0, PrivateDnsName: '' })),
          },
          Ipv6Sets: { Ipv6Set: [] },
          Ipv4PrefixSets: { Ipv4PrefixSet: [] },
          Ipv6PrefixSets: { Ipv6PrefixSet: [] },
        },
      ],
    },
    InnerIpAddress: { IpAddress: [] },
    PublicIpAddress: { IpAddress: [] },
    EipAddress: { AllocationId: '', IpAddress: '' },
    Tags: { Tag: i.tags.map((t) => ({ TagKey: t.key, TagValue: t.value })) },
  };
}

/** A JSON array of at most 100 strings, as InstanceIds and PrivateIpAddresses are sent. */
function jsonList(name: string, text: string | undefined): string[] | undefined {
  if (text === undefined || text === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalidParameter(name, 'it must be a JSON array, like ["i-1","i-2"].');
  }
  if (!Array.isArray(parsed) || parsed.some((x) => typeof x !== 'string'))
    throw invalidParameter(name, 'it must be a JSON array of strings.');
  if (parsed.length > 100) throw invalidParameter(name, 'at most 100 values may be given.');
  return parsed as string[];
}

/** `*` matches any run of characters; everything else literally. */
function nameMatcher(pattern: string): (name: string) => boolean {
  const regex = new RegExp(
    `^${pattern
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
  return (name) => regex.test(name);
}

function describeInstances(ctx: ActionContext): Record<string, unknown> {
  const { params } = ctx;
  const regionId = requiredRegion(params);
  const vpcId = params.optional('VpcId');
  const vSwitchId = params.optional('VSwitchId');
  const zoneId = params.optional('ZoneId');
  const groupId = params.optional('SecurityGroupId');
  const status = params.optional('Status');
  const ids = jsonList('InstanceIds', params.optional('InstanceIds'));
  const privateIps = jsonList('PrivateIpAddresses', params.optional('PrivateIpAddresses'));
  const nameMatches = params.optional('InstanceName') ? nameMatcher(params.optional('InstanceName')!) : undefined;
  const matches = ctx.account.ecsInstances.filter(
    (i) =>
      i.regionId === regionId &&
      (!vpcId || i.vpcId === vpcId) &&
      (!vSwitchId || i.vSwitchId === vSwitchId) &&
      (!zoneId || i.zoneId === zoneId) &&
      (!groupId || i.securityGroupIds.includes(groupId)) &&
      (!status || i.status === status) &&
      (!ids || ids.includes(i.instanceId)) &&
      (!privateIps || i.privateIpAddresses.some((ip) => privateIps.includes(ip))) &&
      (!nameMatches || nameMatches(i.name)),
  );
  const legacy = !params.has('MaxResults') && !params.has('NextToken') && (params.has('PageNumber') || params.has('PageSize'));
  if (legacy) {
    const page = pageByNumber(matches, params, { defaultPageSize: 10, maxPageSize: 100 });
    return {
      NextToken: '',
      PageNumber: page.pageNumber,
      PageSize: page.pageSize,
      TotalCount: page.totalCount,
      Instances: { Instance: page.items.map(instanceWire) },
    };
  }
  // MaxResults outside 10-100 is brought into range rather than refused (API doc).
  const asked = params.integer('MaxResults', 10, -1_000_000, 1_000_000);
  const clamped = new Params({ ...params.values, MaxResults: String(Math.min(100, Math.max(10, asked))) });
  const page = pageByToken(matches, clamped, { defaultMaxResults: 10, minMaxResults: 10, maxMaxResults: 100 });
  // No TotalCount in NextToken mode (ECS_INSTANCES_UNVERIFIED.tokenModeTotalCount).
  return { NextToken: page.nextToken, Instances: { Instance: page.items.map(instanceWire) } };
}

function deleteSecurityGroup(ctx: ActionContext): Record<string, unknown> {
  const { params, account } = ctx;
  const regionId = requiredRegion(params);
  const group = findSecurityGroup(account, params.required('SecurityGroupId'), regionId);
  if (!isVisible(group, ctx.now)) throw securityGroupNotFound(group.securityGroupId);
  const id = group.securityGroupId;
  if (account.ecsInstances.some((i) => i.securityGroupIds.includes(id))) {
    throw new ApiError('DependencyViolation', 'There is still instance(s) in the specified security group.', DEPENDENCY_VIOLATION_STATUS);
  }
  if (account.networkInterfaces.some((e) => e.securityGroupIds.includes(id))) {
    throw new ApiError('DependencyViolation', ECS_INSTANCES_UNVERIFIED.eniInUseMessage, DEPENDENCY_VIOLATION_STATUS);
  }
  if (account.securityGroups.some((g) => g.securityGroupId !== id && g.rules.some((r) => r.peerGroupId === id))) {
    throw new ApiError(
      'DependencyViolation',
      'The specified security group has been authorized in another one.',
      DEPENDENCY_VIOLATION_STATUS,
    );
  }
  account.securityGroups = account.securityGroups.filter((g) => g !== group);
  return {};
}

/** Instances and group deletion, merged into ECS_API by ecs.ts. */
export const ECS_INSTANCE_ACTIONS: Readonly<Record<string, ActionDefinition>> = {
  DescribeInstances: { mutates: false, handle: describeInstances },
  DeleteSecurityGroup: { mutates: true, handle: deleteSecurityGroup },
};

/** How many instances use a group (DescribeSecurityGroups' EcsCount). */
export function instancesInGroup(ctx: ActionContext, securityGroupId: string): number {
  return ctx.account.ecsInstances.filter((i) => i.securityGroupIds.includes(securityGroupId)).length;
}

const HZ = SEED_REGION;
const KAFKA_INSTANCE_ID = seedId('i', HZ, 'main/kafka');

/** The default world's Kafka broker: an ECS instance (port 9092, said only in its description and tags) in the app VPC, in its own basic group. */
export const ECS_INSTANCES_SEED = {
  main: {
    ecsInstanceId: KAFKA_INSTANCE_ID,
    ecsPrivateIp: '192.168.1.20',
    ecsGroupId: seedId('sg', HZ, 'main/app/kafka'),
    /** The Kafka instance's primary network interface (Type Primary, its address and group). */
    ecsPrimaryEniId: primaryInterfaceId({ instanceId: KAFKA_INSTANCE_ID, regionId: HZ }),
    ecsPorts: [9092],
  },
} as const;

function seedRows({ main }: DefaultWorld): void {
  const m = { ...VPC_SEED.main, ...ECS_INSTANCES_SEED.main };
  seedGroup(main, m.ecsGroupId, m.vpcId, HZ, 'kafka-sg', 'normal', [
    seedRule(seedId('sgr', HZ, 'main/kafka/ssh'), 'ingress', 'TCP', '22/22', '10.0.0.0/8', 'ssh from office'),
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
    creationTime: SEED_CREATED,
    tags: [
      { key: 'service', value: 'kafka' },
      { key: 'ports', value: m.ecsPorts.join(',') },
    ],
  });
}

/** ECS instances: their records and primary interfaces; their actions are served in ECS_API (ecs.ts). */
export const ecsInstances = {
  name: 'ECS instances',
  apis: [],
  collections: [ECS_INSTANCES],
  seed: { ids: ECS_INSTANCES_SEED, rows: seedRows },
  errorStatus: { DependencyViolation: DEPENDENCY_VIOLATION_STATUS },
  // A file from before primary interfaces existed (or with instances a test added) gets them here.
  reconcile: (account: AccountState) => void syncPrimaryInterfaces(account),
  unverified: { ...ECS_INSTANCES_UNVERIFIED, primaryInterfaces: PRIMARY_ENI_UNVERIFIED },
} satisfies EmulatorProduct;
