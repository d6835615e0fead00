/** VPC API 2016-04-28: regions, zones, VPCs and vSwitches (reference §1). */
import { isVisible, type ActionContext, type ProductApi } from '../action';
import { invalidParameter, notFound } from '../errors';
import { findRecord, requiredRegion } from '../lookup';
import { pageByNumber } from '../paging';
import { collection, json, type DefaultWorld, type EmulatorProduct, type ScaleWorld } from '../product';
import { REGION_CATALOG, catalogRegion, zoneLocalName } from '../regions';
import { scaleId, SEED_CREATED, SEED_OTHER_REGION, SEED_REGION, seedId } from '../seedFacts';
import type { AccountState } from '../state';

export interface VpcRecord {
  vpcId: string;
  regionId: string;
  name: string;
  cidrBlock: string;
  description: string;
  isDefault: boolean;
  creationTime: string;
  /** Epoch ms from which Describe calls show the resource (eventual consistency fault). */
  visibleAt: number;
  /** The owner's account id when another account shares this VPC with this one (Resource Sharing); absent: this account's own. */
  ownerId?: string;
}

export interface VSwitchRecord {
  vSwitchId: string;
  vpcId: string;
  regionId: string;
  zoneId: string;
  name: string;
  cidrBlock: string;
  availableIpAddressCount: number;
  creationTime: string;
  visibleAt: number;
}

declare module '../state' {
  interface AccountState {
    vpcs: VpcRecord[];
    vSwitches: VSwitchRecord[];
  }
}

export const VPCS = collection({
  name: 'vpcs',
  schema: json.record<VpcRecord>(
    {
      vpcId: json.string,
      regionId: json.string,
      name: json.string,
      cidrBlock: json.string,
      description: json.string,
      isDefault: json.boolean,
      creationTime: json.string,
      visibleAt: json.number,
      ownerId: json.string,
    },
    ['ownerId'],
  ),
  finder: { idField: 'vpcId', notFound: (id) => notFound('InvalidVpcId.NotFound', 'VpcId', id) },
});

export const VSWITCHES = collection({
  name: 'vSwitches',
  schema: json.record<VSwitchRecord>({
    vSwitchId: json.string,
    vpcId: json.string,
    regionId: json.string,
    zoneId: json.string,
    name: json.string,
    cidrBlock: json.string,
    availableIpAddressCount: json.number,
    creationTime: json.string,
    visibleAt: json.number,
  }),
});

/** The caller's VPC (in the region, when given); InvalidVpcId.NotFound otherwise. */
export function findVpc(account: AccountState, vpcId: string, regionId?: string): VpcRecord {
  return findRecord(account, VPCS, vpcId, regionId);
}

/** VPC Describe* calls allow at most 50 per page. */
const VPC_MAX_PAGE_SIZE = 50;

function describeRegions(): Record<string, unknown> {
  return {
    Regions: {
      Region: REGION_CATALOG.map((r) => ({ RegionId: r.regionId, LocalName: r.localName, RegionEndpoint: r.endpoint })),
    },
  };
}

function describeZones(ctx: ActionContext): Record<string, unknown> {
  const region = catalogRegion(requiredRegion(ctx.params))!;
  return {
    Zones: { Zone: region.zoneIds.map((zoneId) => ({ ZoneId: zoneId, LocalName: zoneLocalName(zoneId), ZoneType: 'AvailabilityZone' })) },
  };
}

/** Visible vSwitch ids per VPC, in one pass (a scale seed has thousands of vSwitches). */
function vSwitchIdsByVpc(ctx: ActionContext, vpcIds: ReadonlySet<string>): Map<string, string[]> {
  const byVpc = new Map<string, string[]>();
  for (const s of ctx.account.vSwitches) {
    if (!vpcIds.has(s.vpcId) || !isVisible(s, ctx.now)) continue;
    const list = byVpc.get(s.vpcId) ?? [];
    list.push(s.vSwitchId);
    byVpc.set(s.vpcId, list);
  }
  return byVpc;
}

function vpcWire(vpc: VpcRecord, ctx: ActionContext, vSwitchIds: string[]): Record<string, unknown> {
  return {
    VpcId: vpc.vpcId,
    VpcName: vpc.name,
    CidrBlock: vpc.cidrBlock,
    Status: 'Available',
    RegionId: vpc.regionId,
    VRouterId: vpc.vpcId.replace(/^vpc-/, 'vrt-'),
    CreationTime: vpc.creationTime,
    Description: vpc.description,
    IsDefault: vpc.isDefault,
    // DescribeVpcs OwnerId: the account the VPC belongs to. [unverified] that a shared VPC reports its sharer here.
    OwnerId: Number(vpc.ownerId ?? ctx.account.accountId),
    ResourceGroupId: '',
    VSwitchIds: { VSwitchId: vSwitchIds },
    SecondaryCidrBlocks: { SecondaryCidrBlock: [] },
    UserCidrs: { UserCidr: [] },
    NatGatewayIds: { NatGatewayIds: [] },
    RouterTableIds: { RouterTableIds: [] },
    Ipv6CidrBlock: '',
    Ipv6CidrBlocks: { Ipv6CidrBlock: [] },
    EnabledIpv6: false,
    CenStatus: 'Detached',
    DhcpOptionsSetId: '',
    DhcpOptionsSetStatus: '',
    DnsHostnameStatus: 'DISABLED',
    Tags: { Tag: [] },
  };
}

function describeVpcs(ctx: ActionContext): Record<string, unknown> {
  const { params } = ctx;
  const regionId = requiredRegion(params);
  const ids = params.commaList('VpcId');
  if (ids && ids.length > 20) throw invalidParameter('VpcId', 'at most 20 VPC ids may be given.');
  const name = params.optional('VpcName');
  const isDefault = params.boolean('IsDefault');
  const matches = ctx.account.vpcs.filter(
    (v) =>
      v.regionId === regionId &&
      isVisible(v, ctx.now) &&
      (!ids || ids.length === 0 || ids.includes(v.vpcId)) &&
      (!name || v.name === name) &&
      (isDefault === undefined || v.isDefault === isDefault),
  );
  const page = pageByNumber(matches, params, { defaultPageSize: 10, maxPageSize: VPC_MAX_PAGE_SIZE });
  const vSwitchIds = vSwitchIdsByVpc(ctx, new Set(page.items.map((v) => v.vpcId)));
  return {
    TotalCount: page.totalCount,
    PageNumber: page.pageNumber,
    PageSize: page.pageSize,
    Vpcs: { Vpc: page.items.map((v) => vpcWire(v, ctx, vSwitchIds.get(v.vpcId) ?? [])) },
  };
}

function vSwitchWire(s: VSwitchRecord, ctx: ActionContext): Record<string, unknown> {
  return {
    VSwitchId: s.vSwitchId,
    VSwitchName: s.name,
    VpcId: s.vpcId,
    ZoneId: s.zoneId,
    CidrBlock: s.cidrBlock,
    AvailableIpAddressCount: s.availableIpAddressCount,
    Status: 'Available',
    CreationTime: s.creationTime,
    Description: '',
    IsDefault: false,
    NetworkAclId: '',
    OwnerId: Number(ctx.account.accountId),
    ResourceGroupId: '',
    RouteTable: { RouteTableId: s.vpcId.replace(/^vpc-/, 'vtb-'), RouteTableType: 'System' },
    ShareType: 'Sharing',
    Ipv6CidrBlock: '',
    EnabledIpv6: false,
    Tags: { Tag: [] },
  };
}

function describeVSwitches(ctx: ActionContext): Record<string, unknown> {
  const { params } = ctx;
  const regionId = params.optional('RegionId') ? requiredRegion(params) : undefined;
  const vpcId = params.optional('VpcId');
  if (!regionId && !vpcId) throw invalidParameter('RegionId', 'either RegionId or VpcId must be given.');
  const vSwitchIds = params.commaList('VSwitchId');
  const zoneId = params.optional('ZoneId');
  const name = params.optional('VSwitchName');
  const matches = ctx.account.vSwitches.filter(
    (s) =>
      isVisible(s, ctx.now) &&
      (!regionId || s.regionId === regionId) &&
      (!vpcId || s.vpcId === vpcId) &&
      (!vSwitchIds || vSwitchIds.length === 0 || vSwitchIds.includes(s.vSwitchId)) &&
      (!zoneId || s.zoneId === zoneId) &&
      (!name || s.name === name),
  );
  const page = pageByNumber(matches, params, { defaultPageSize: 10, maxPageSize: VPC_MAX_PAGE_SIZE });
  return {
    TotalCount: page.totalCount,
    PageNumber: page.pageNumber,
    PageSize: page.pageSize,
    VSwitches: { VSwitch: page.items.map((s) => vSwitchWire(s, ctx)) },
  };
}

export const VPC_API: ProductApi = {
  product: 'Vpc',
  version: '2016-04-28',
  hostId: 'vpc.aliyuncs.com',
  actions: {
    DescribeRegions: { mutates: false, handle: describeRegions },
    DescribeZones: { mutates: false, handle: describeZones },
    DescribeVpcs: { mutates: false, handle: describeVpcs },
    DescribeVSwitches: { mutates: false, handle: describeVSwitches },
  },
};

const HZ = SEED_REGION;
const SH = SEED_OTHER_REGION;

/** The default world's VPCs and vSwitches. */
export const VPC_SEED = {
  main: {
    vpcId: seedId('vpc', HZ, 'main/app'),
    vpcCidr: '192.168.0.0/16',
    /** vSwitch in cn-hangzhou-h (MaxCompute-supported zone). */
    vSwitchIdH: seedId('vsw', HZ, 'main/app/h'),
    /** vSwitch in cn-hangzhou-j (supported). */
    vSwitchIdJ: seedId('vsw', HZ, 'main/app/j'),
    /** vSwitch in cn-hangzhou-b (NOT supported by MaxCompute network links). */
    vSwitchIdB: seedId('vsw', HZ, 'main/app/b'),
    /** A second VPC that already has a network link (maxcompute.ts). */
    linkedVpcId: seedId('vpc', HZ, 'main/linked'),
    linkedVSwitchId: seedId('vsw', HZ, 'main/linked/k'),
    shanghaiVpcId: seedId('vpc', SH, 'main/sh'),
    shanghaiVSwitchId: seedId('vsw', SH, 'main/sh/b'),
  },
  second: {
    vpcId: seedId('vpc', HZ, 'second/app'),
    vSwitchId: seedId('vsw', HZ, 'second/app/h'),
  },
} as const;

function seedVpc(account: AccountState, vpcId: string, regionId: string, name: string, cidrBlock: string): void {
  account.vpcs.push({ vpcId, regionId, name, cidrBlock, description: '', isDefault: false, creationTime: SEED_CREATED, visibleAt: 0 });
  if (!account.regionIds.includes(regionId)) account.regionIds.push(regionId);
}

function seedVSwitch(
  account: AccountState,
  vSwitchId: string,
  vpcId: string,
  regionId: string,
  zoneId: string,
  name: string,
  cidrBlock: string,
): void {
  const prefix = Number(cidrBlock.split('/')[1]);
  account.vSwitches.push({
    vSwitchId,
    vpcId,
    regionId,
    zoneId,
    name,
    cidrBlock,
    availableIpAddressCount: 2 ** (32 - prefix) - 6,
    creationTime: SEED_CREATED,
    visibleAt: 0,
  });
}

function seedRows({ main, second }: DefaultWorld): void {
  const m = VPC_SEED.main;
  const s = VPC_SEED.second;
  seedVpc(main, m.vpcId, HZ, 'mcvpc-app', m.vpcCidr);
  seedVSwitch(main, m.vSwitchIdH, m.vpcId, HZ, 'cn-hangzhou-h', 'app-h', '192.168.1.0/24');
  seedVSwitch(main, m.vSwitchIdJ, m.vpcId, HZ, 'cn-hangzhou-j', 'app-j', '192.168.2.0/24');
  seedVSwitch(main, m.vSwitchIdB, m.vpcId, HZ, 'cn-hangzhou-b', 'app-b', '192.168.3.0/24');
  seedVpc(main, m.linkedVpcId, HZ, 'mcvpc-linked', '172.16.0.0/12');
  seedVSwitch(main, m.linkedVSwitchId, m.linkedVpcId, HZ, 'cn-hangzhou-k', 'linked-k', '172.16.1.0/24');
  seedVpc(main, m.shanghaiVpcId, SH, 'mcvpc-sh', '10.0.0.0/16');
  seedVSwitch(main, m.shanghaiVSwitchId, m.shanghaiVpcId, SH, 'cn-shanghai-b', 'sh-b', '10.0.1.0/24');
  seedVpc(second, s.vpcId, HZ, 'second-app', '192.168.0.0/16');
  seedVSwitch(second, s.vSwitchId, s.vpcId, HZ, 'cn-hangzhou-h', 'second-h', '192.168.1.0/24');
}

/** The scale seed's ids count vSwitches and groups together, VPC by VPC (the ECS product's groups follow each VPC's vSwitches). */
export function scaleVpcId(world: ScaleWorld, v: number): string {
  return scaleId('vpc', world.seed.regionId, v);
}

function scaleRows(world: ScaleWorld): void {
  const { seed, zoneIds, main } = world;
  const perVpc = seed.vSwitchesPerVpc + seed.securityGroupsPerVpc;
  for (let v = 0; v < seed.vpcs; v++) {
    const vpcId = scaleVpcId(world, v);
    main.vpcs.push({
      vpcId,
      regionId: seed.regionId,
      name: `scale-vpc-${v}`,
      cidrBlock: `10.${v % 256}.0.0/16`,
      description: '',
      isDefault: false,
      creationTime: SEED_CREATED,
      visibleAt: 0,
    });
    for (let w = 0; w < seed.vSwitchesPerVpc; w++) {
      main.vSwitches.push({
        vSwitchId: scaleId('vsw', seed.regionId, v * perVpc + w),
        vpcId,
        regionId: seed.regionId,
        zoneId: zoneIds[w % zoneIds.length]!,
        name: `scale-vsw-${v}-${w}`,
        cidrBlock: `10.${v % 256}.${w}.0/24`,
        availableIpAddressCount: 250,
        creationTime: SEED_CREATED,
        visibleAt: 0,
      });
    }
  }
}

export const vpc = {
  name: 'VPC',
  apis: [VPC_API],
  collections: [VPCS, VSWITCHES],
  seed: { ids: VPC_SEED, rows: seedRows, scaleRows },
} satisfies EmulatorProduct;
