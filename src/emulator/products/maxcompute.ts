/**
 * MaxCompute 2022-01-04's network-link operations (reference §6), ROA style: `POST/GET
 * /api/v1/tenants/networklinks`, `GET/DELETE /api/v1/tenants/networklinks/{networkLinkName}`,
 * answered with a PopResult. The region is the endpoint host's (see apiHandler.ts). A created
 * link is CREATING for a while, then SUCCESS with MaxCompute's interfaces (networkLink.ts).
 */
import type { ProductApi, RoaContext } from '../action';
import { ApiError } from '../errors';
import { managedGroupNames } from '../facts';
import { findRecord } from '../lookup';
import { collection, json, type DefaultWorld, type EmulatorProduct } from '../product';
import { SEED_REGION, SEED_TIME, seedId } from '../seedFacts';
import { seedGroup } from './ecsRecords';
import {
  beginNetworkLinkRemoval,
  ConsoleError,
  createNetworkLink,
  LINK_READY,
  LINK_READY_BEFORE_API,
  LINK_TYPE_PASSTHROUGH,
  requestNetworkLink,
  type NetworkLinkRecord,
} from './networkLink';
import { VPC_SEED } from './vpc';

/**
 * [unverified] MaxCompute's codes for a missing link and a taken name are not documented (the
 * reference shows only InvalidArgument); these follow the product's console route.
 */
const LINK_NOT_FOUND = 'NetworkLink.NotFound';

export const NETWORK_LINKS = collection({
  name: 'networkLinks',
  schema: json.record<NetworkLinkRecord>(
    {
      name: json.string,
      regionId: json.string,
      type: json.string,
      vpcId: json.string,
      vSwitchId: json.string,
      securityGroupId: json.string,
      networkInterfaceIds: json.strings,
      status: json.string,
      createTime: json.string,
      readyAt: json.number,
      endStatus: json.string,
      releaseAt: json.number,
      failure: json.string,
    },
    ['type', 'readyAt', 'endStatus', 'releaseAt', 'failure'],
  ),
  finder: {
    idField: 'name',
    notFound: (name, regionId) => new ApiError(LINK_NOT_FOUND, `The network link "${name}" does not exist in ${regionId ?? ''}.`, 404),
  },
});

/** The wire form of a link: the fields GetNetworkLink documents. */
function wireLink(link: NetworkLinkRecord, withProperties: boolean): Record<string, unknown> {
  const status = link.status === LINK_READY_BEFORE_API ? LINK_READY : link.status;
  const wire: Record<string, unknown> = {
    name: link.name,
    type: link.type ?? LINK_TYPE_PASSTHROUGH,
    region: link.regionId,
    createTime: Date.parse(link.createTime),
    status,
    vpcId: link.vpcId,
  };
  // [unverified] The list's page says to call GetNetworkLink for the properties: the list leaves them out.
  if (withProperties) wire.passthroughProperties = { vSwitchId: link.vSwitchId, securityGroup: link.securityGroupId };
  return wire;
}

function findLink(ctx: RoaContext): NetworkLinkRecord {
  return findRecord(ctx.account, NETWORK_LINKS, ctx.path.networkLinkName!, ctx.regionId);
}

function text(body: Record<string, unknown>, field: string, where = ''): string {
  const value = body[field];
  if (typeof value !== 'string' || value.trim() === '')
    throw new ApiError('InvalidArgument', `The parameter "${where}${field}" is required.`);
  return value.trim();
}

/** The console route's refusals, as this API's answers. */
function asApiError(err: unknown): unknown {
  return err instanceof ConsoleError ? new ApiError(err.code, err.message, err.status) : err;
}

function createLink(ctx: RoaContext): string {
  const body = ctx.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new ApiError('InvalidArgument', 'The request body must be a JSON object.');
  const fields = body as Record<string, unknown>;
  const type = text(fields, 'type');
  if (type === 'REVERSEACCESS') throw new ApiError('InvalidArgument', 'The emulator creates PASSTHROUGH links only.');
  if (type !== LINK_TYPE_PASSTHROUGH)
    throw new ApiError('InvalidArgument', `The parameter "type" must be PASSTHROUGH or REVERSEACCESS, not "${type.slice(0, 40)}".`);
  const region = text(fields, 'region');
  if (region !== ctx.regionId)
    throw new ApiError('InvalidArgument', `The parameter "region" is ${region.slice(0, 40)}, but this endpoint serves ${ctx.regionId}.`);
  const pass = fields.passthroughProperties;
  if (typeof pass !== 'object' || pass === null)
    throw new ApiError('InvalidArgument', 'The parameter "passthroughProperties" is required for a PASSTHROUGH link.');
  const properties = pass as Record<string, unknown>;
  try {
    requestNetworkLink(
      ctx.account,
      {
        regionId: region,
        name: text(fields, 'name'),
        vpcId: text(fields, 'vpcId'),
        vSwitchId: text(properties, 'vSwitchId', 'passthroughProperties.'),
        securityGroupId: text(properties, 'securityGroup', 'passthroughProperties.'),
      },
      ctx.now,
      ctx.linkSchedule,
    );
  } catch (err) {
    throw asApiError(err);
  }
  return 'success';
}

function removeLink(ctx: RoaContext): string {
  const link = findLink(ctx);
  try {
    beginNetworkLinkRemoval(ctx.account, link.regionId, link.name, ctx.now, ctx.linkRemoveMs);
  } catch (err) {
    throw asApiError(err);
  }
  return 'success';
}

const NAME = '(?<networkLinkName>[^/]+)';

export const MAXCOMPUTE_API: ProductApi = {
  product: 'MaxCompute',
  version: '2022-01-04',
  hostId: 'maxcompute.aliyuncs.com',
  hostLabel: 'maxcompute',
  actions: {},
  roaRoutes: [
    { action: 'CreateNetworkLink', method: 'POST', path: /^\/api\/v1\/tenants\/networklinks\/?$/, mutates: true, handle: createLink },
    {
      action: 'ListNetworkLinks',
      method: 'GET',
      path: /^\/api\/v1\/tenants\/networklinks\/?$/,
      mutates: false,
      handle: (ctx) => ({
        networkLinkInfoList: ctx.account.networkLinks.filter((l) => l.regionId === ctx.regionId).map((l) => wireLink(l, false)),
      }),
    },
    {
      action: 'GetNetworkLink',
      method: 'GET',
      path: new RegExp(`^/api/v1/tenants/networklinks/${NAME}$`),
      mutates: false,
      handle: (ctx) => wireLink(findLink(ctx), true),
    },
    {
      action: 'RemoveNetworkLink',
      method: 'DELETE',
      path: new RegExp(`^/api/v1/tenants/networklinks/${NAME}$`),
      mutates: true,
      handle: removeLink,
    },
  ],
};

const HZ = SEED_REGION;
const LINKED_VPC_ID = VPC_SEED.main.linkedVpcId;

/** The default world's existing link, in the linked VPC (vpc.ts), with its group, interfaces and MaxCompute's groups. */
export const MAXCOMPUTE_SEED = {
  main: {
    linkedGroupId: seedId('sg', HZ, 'main/linked/mc-link'),
    linkName: 'existing_link',
    linkedEniIds: [seedId('eni', HZ, 'existing_link/0'), seedId('eni', HZ, 'existing_link/1')],
    managedGroupIds: managedGroupNames(LINKED_VPC_ID).map((name) => seedId('sg', HZ, name)),
  },
} as const;

function seedRows({ main }: DefaultWorld): void {
  const m = { ...VPC_SEED.main, ...MAXCOMPUTE_SEED.main };
  seedGroup(main, m.linkedGroupId, m.linkedVpcId, HZ, 'mc-link-sg', 'normal');
  createNetworkLink(
    main,
    { regionId: HZ, name: m.linkName, vpcId: m.linkedVpcId, vSwitchId: m.linkedVSwitchId, securityGroupId: m.linkedGroupId },
    SEED_TIME,
    0,
    seedId,
  );
}

/** MaxCompute's network links: the API (here), the console's and the links' life (networkLink.ts). */
export const maxcompute = {
  name: 'MaxCompute',
  apis: [MAXCOMPUTE_API],
  collections: [NETWORK_LINKS],
  seed: { ids: MAXCOMPUTE_SEED, rows: seedRows },
  unverified: { linkNotFound: LINK_NOT_FOUND },
} satisfies EmulatorProduct;
