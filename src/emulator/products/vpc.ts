/** VPC API 2016-04-28: regions, zones, VPCs and vSwitches (reference §1). */
import { isVisible, type ActionContext, type ProductApi } from '../action';
import { invalidParameter } from '../errors';
import { requiredRegion } from '../lookup';
import { pageByNumber } from '../paging';
import { REGION_CATALOG, catalogRegion, zoneLocalName } from '../regions';
import type { VpcRecord, VSwitchRecord } from '../state';

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
