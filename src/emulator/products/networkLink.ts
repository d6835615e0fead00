/**
 * What MaxCompute does when a network link is created (reference §6), by its console (the
 * `/__emulator/` page: at once) or by CreateNetworkLink (products/maxcompute.ts: the link is in a
 * non-SUCCESS status for a while, then SUCCESS). Validation follows the console's requirements;
 * the side effects are the ones visible through the public APIs: two service-managed ENIs and the
 * two `MaxCompute-*vpc-<vpcId>` return-traffic groups, present once the link is SUCCESS, released
 * a while after RemoveNetworkLink.
 */
import { formatAddress, parseBlock } from '../cidr';
import { isManagedGroupName, linkZoneProblem, managedGroupNames, NETWORK_LINK_ROLE_NAME } from '../facts';
import { macAddressFor, newResourceId, isoSeconds } from '../ids';
import type { AccountState } from '../state';
import type { NetworkInterfaceRecord, SecurityGroupRecord } from './ecsRecords';
import type { VSwitchRecord } from './vpc';

export interface NetworkLinkRecord {
  name: string;
  regionId: string;
  /** PASSTHROUGH (absent in state files from before the link API: read as PASSTHROUGH). */
  type?: string;
  vpcId: string;
  vSwitchId: string;
  securityGroupId: string;
  /** Empty until the link is SUCCESS. */
  networkInterfaceIds: string[];
  /** CREATING, SUCCESS, DELETING, FAILED, or a fault's end status (LINK_* below). */
  status: string;
  createTime: string;
  /** While CREATING: when it turns SUCCESS (or `endStatus`). */
  readyAt?: number;
  /** A fault's status the link ends in instead of SUCCESS. */
  endStatus?: string;
  /** While DELETING: when it and its interfaces are gone. */
  releaseAt?: number;
  /** Why it ended FAILED. */
  failure?: string;
}

declare module '../state' {
  interface AccountState {
    networkLinks: NetworkLinkRecord[];
  }
}

/** A network link's type as CreateNetworkLink names it: what this product creates. */
export const LINK_TYPE_PASSTHROUGH = 'PASSTHROUGH';
/** The one documented status: the link works (GetNetworkLink's example). */
export const LINK_READY = 'SUCCESS';
/**
 * [unverified] The statuses a link passes through besides SUCCESS are not documented: the
 * emulator's own names, chosen so a client that takes every non-SUCCESS status as "in progress"
 * (as the reference allows no more) is exercised.
 */
export const LINK_CREATING = 'CREATING';
export const LINK_DELETING = 'DELETING';
export const LINK_FAILED = 'FAILED';
/** Link records of state files written before the link API existed say this; read as SUCCESS. */
export const LINK_READY_BEFORE_API = 'Connected';

/** How many ENIs one MaxCompute network link creates. [unverified: the doc does not state the count] */
export const NETWORK_LINK_ENI_COUNT = 2;

/**
 * Network link names: a letter first, then letters, digits, `_` or `-`, 3–64 characters in all.
 * [unverified: the console's exact rule is not documented; this is deliberately strict]
 */
export const LINK_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_-]{2,63}$/;

/** The `ServiceID` a MaxCompute link ENI reports. [unverified: made up; only `ServiceManaged: true` is assumed by the reference] */
export const SERVICE_MANAGED_ENI_SERVICE_ID = '1413397765616316';

/** The RAM role the account owner grants so MaxCompute can create ENIs in the VPC (§6), the emulator's own copy (facts.ts). */
export { NETWORK_LINK_ROLE_NAME };

/**
 * A console-style refusal: HTTP status plus `{Code, Message}`. The console's internal API is
 * undocumented, so these codes are the emulator's own (named in Alibaba's style).
 */
export class ConsoleError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ConsoleError';
  }
}

/** The console form's fields. */
export interface NetworkLinkRequest {
  regionId: string;
  name: string;
  vpcId: string;
  vSwitchId: string;
  securityGroupId: string;
}

/** Makes ids; the seed passes a deterministic one, the console a random one. */
export type IdMaker = (prefix: string, regionId: string, label: string) => string;

const randomIds: IdMaker = (prefix, regionId) => newResourceId(prefix, regionId);

function requireText(body: Record<string, unknown>, field: string): string {
  const value = body[field];
  if (typeof value !== 'string' || value.trim() === '') {
    throw new ConsoleError(400, 'MissingParameter', `"${field}" is required.`);
  }
  return value.trim();
}

/** Reads the console form's JSON body; ConsoleError 400 naming the missing field. */
export function parseNetworkLinkRequest(body: Record<string, unknown>): NetworkLinkRequest {
  return {
    regionId: requireText(body, 'regionId'),
    name: requireText(body, 'name'),
    vpcId: requireText(body, 'vpcId'),
    vSwitchId: requireText(body, 'vSwitchId'),
    securityGroupId: requireText(body, 'securityGroupId'),
  };
}

/** Checks a request as the console would; returns the resolved vSwitch and group. */
export function validateNetworkLink(
  account: AccountState,
  req: NetworkLinkRequest,
): { vSwitch: VSwitchRecord; group: SecurityGroupRecord } {
  if (!LINK_NAME_PATTERN.test(req.name)) {
    throw new ConsoleError(
      400,
      'InvalidNetworkLinkName',
      `Connection name "${req.name}" is invalid: it must start with a letter and contain 3 to 64 letters, digits, "_" or "-".`,
    );
  }
  if (account.networkLinks.some((l) => l.regionId === req.regionId && l.name === req.name)) {
    throw new ConsoleError(400, 'NetworkLink.AlreadyExists', `A network connection named "${req.name}" already exists in ${req.regionId}.`);
  }
  const vpc = account.vpcs.find((v) => v.vpcId === req.vpcId && v.regionId === req.regionId);
  if (!vpc)
    throw new ConsoleError(
      404,
      'InvalidVpcId.NotFound',
      `VPC ${req.vpcId} does not exist in ${req.regionId} for account ${account.accountId}.`,
    );
  const vSwitch = account.vSwitches.find((s) => s.vSwitchId === req.vSwitchId && s.regionId === req.regionId);
  if (!vSwitch) throw new ConsoleError(404, 'InvalidVSwitchId.NotFound', `vSwitch ${req.vSwitchId} does not exist in ${req.regionId}.`);
  if (vSwitch.vpcId !== vpc.vpcId) {
    throw new ConsoleError(
      400,
      'InvalidVSwitchId.VpcMismatch',
      `vSwitch ${vSwitch.vSwitchId} belongs to ${vSwitch.vpcId}, not to ${vpc.vpcId}.`,
    );
  }
  const zoneProblem = linkZoneProblem(req.regionId, vSwitch.zoneId);
  if (zoneProblem) throw new ConsoleError(400, 'ZoneNotSupported', zoneProblem);
  const group = account.securityGroups.find((g) => g.securityGroupId === req.securityGroupId && g.regionId === req.regionId);
  if (!group)
    throw new ConsoleError(
      404,
      'InvalidSecurityGroupId.NotFound',
      `Security group ${req.securityGroupId} does not exist in ${req.regionId}.`,
    );
  if (group.vpcId !== vpc.vpcId) {
    throw new ConsoleError(
      400,
      'InvalidSecurityGroupId.VpcMismatch',
      `Security group ${group.securityGroupId} belongs to ${group.vpcId}, not to ${vpc.vpcId}.`,
    );
  }
  if (group.type !== 'normal') {
    throw new ConsoleError(
      400,
      'InvalidSecurityGroup.NotBasic',
      `Security group ${group.securityGroupId} is an advanced group; a network connection needs a basic security group (advanced groups deny outbound traffic by default).`,
    );
  }
  if (isManagedGroupName(group.name)) {
    throw new ConsoleError(
      400,
      'InvalidSecurityGroup.ManagedByMaxCompute',
      `Security group ${group.securityGroupId} (${group.name}) is managed by MaxCompute; create a separate basic group for the connection.`,
    );
  }
  if (!account.ramRoles.some((r) => r.roleName === NETWORK_LINK_ROLE_NAME)) {
    throw new ConsoleError(
      400,
      'NoPermission.RoleNotAuthorized',
      `Account ${account.accountId} has not authorized MaxCompute to create network interfaces: the RAM role ${NETWORK_LINK_ROLE_NAME} is missing. Click "Authorize" in the console first.`,
    );
  }
  return { vSwitch, group };
}

/** The lowest `count` free host addresses of the vSwitch; like a VPC, the first and last three are reserved. */
function allocateIps(account: AccountState, vSwitch: VSwitchRecord, count: number): string[] {
  const cidr = parseBlock(vSwitch.cidrBlock);
  if (!cidr) throw new ConsoleError(500, 'InternalError', `vSwitch ${vSwitch.vSwitchId} has an unreadable CIDR ${vSwitch.cidrBlock}.`);
  const used = new Set(account.networkInterfaces.filter((e) => e.vSwitchId === vSwitch.vSwitchId).map((e) => e.privateIpAddress));
  const size = 2 ** (32 - cidr.prefix);
  const free: string[] = [];
  for (let offset = 3; offset < size - 3 && free.length < count; offset++) {
    const ip = formatAddress(cidr.network + offset);
    if (!used.has(ip)) free.push(ip);
  }
  if (free.length < count)
    throw new ConsoleError(400, 'InvalidVSwitchId.IpNotEnough', `vSwitch ${vSwitch.vSwitchId} has fewer than ${count} free IP addresses.`);
  return free;
}

function managedGroup(account: AccountState, vSwitch: VSwitchRecord, name: string, now: number, visibleAt: number, ids: IdMaker): void {
  if (account.securityGroups.some((g) => g.vpcId === vSwitch.vpcId && g.name === name)) return;
  account.securityGroups.push({
    securityGroupId: ids('sg', vSwitch.regionId, name),
    regionId: vSwitch.regionId,
    vpcId: vSwitch.vpcId,
    name,
    description: 'Created by MaxCompute for network connection return traffic. Do not modify.',
    type: 'normal',
    innerAccessPolicy: 'Accept',
    serviceManaged: false,
    creationTime: isoSeconds(now),
    visibleAt,
    rules: [],
  });
}

/** Creates MaxCompute's interfaces and return-traffic groups for a link; the link is then SUCCESS. */
function provision(account: AccountState, link: NetworkLinkRecord, now: number, visibleAt: number, ids: IdMaker): void {
  const vSwitch = account.vSwitches.find((s) => s.vSwitchId === link.vSwitchId && s.regionId === link.regionId);
  if (!vSwitch) throw new ConsoleError(404, 'InvalidVSwitchId.NotFound', `vSwitch ${link.vSwitchId} does not exist in ${link.regionId}.`);
  // Everything that can fail is done before the first change, so a refusal leaves no trace.
  const ips = allocateIps(account, vSwitch, NETWORK_LINK_ENI_COUNT);
  const enis: NetworkInterfaceRecord[] = [];
  for (let i = 0; i < NETWORK_LINK_ENI_COUNT; i++) {
    const networkInterfaceId = ids('eni', link.regionId, `${link.name}/${i}`);
    const eni: NetworkInterfaceRecord = {
      networkInterfaceId,
      regionId: link.regionId,
      vpcId: link.vpcId,
      vSwitchId: vSwitch.vSwitchId,
      zoneId: vSwitch.zoneId,
      name: '',
      description: `MaxCompute network connection ${link.name}`,
      privateIpAddress: ips[i]!,
      macAddress: macAddressFor(networkInterfaceId),
      securityGroupIds: [link.securityGroupId],
      serviceManaged: true,
      serviceId: SERVICE_MANAGED_ENI_SERVICE_ID,
      type: 'Secondary',
      status: 'InUse',
      creationTime: isoSeconds(now),
      visibleAt,
    };
    account.networkInterfaces.push(eni);
    vSwitch.availableIpAddressCount = Math.max(0, vSwitch.availableIpAddressCount - 1);
    enis.push(eni);
  }
  for (const name of managedGroupNames(link.vpcId)) managedGroup(account, vSwitch, name, now, visibleAt, ids);
  link.networkInterfaceIds = enis.map((e) => e.networkInterfaceId);
  link.status = LINK_READY;
  delete link.readyAt;
}

/** Validates and creates a link at once, as the console does: ENIs, managed groups and the link record. Mutates the account. */
export function createNetworkLink(
  account: AccountState,
  req: NetworkLinkRequest,
  now: number,
  visibilityDelayMs: number,
  ids: IdMaker = randomIds,
): NetworkLinkRecord {
  const { vSwitch } = validateNetworkLink(account, req);
  allocateIps(account, vSwitch, NETWORK_LINK_ENI_COUNT);
  const link = linkRecord(req, now);
  provision(account, link, now, now + visibilityDelayMs, ids);
  account.networkLinks.push(link);
  return link;
}

function linkRecord(req: NetworkLinkRequest, now: number): NetworkLinkRecord {
  return {
    name: req.name,
    regionId: req.regionId,
    type: LINK_TYPE_PASSTHROUGH,
    vpcId: req.vpcId,
    vSwitchId: req.vSwitchId,
    securityGroupId: req.securityGroupId,
    networkInterfaceIds: [],
    status: LINK_CREATING,
    createTime: isoSeconds(now),
  };
}

/** How a requested link goes on: SUCCESS after `readyInMs`, or `endStatus` instead (a fault). */
export interface LinkSchedule {
  readyInMs: number;
  endStatus?: string;
}

/**
 * CreateNetworkLink: validates as the console does (a refusal leaves no trace), then records the
 * link in a non-SUCCESS status; `settleNetworkLinks` provisions it once its time has come.
 */
export function requestNetworkLink(account: AccountState, req: NetworkLinkRequest, now: number, schedule: LinkSchedule): NetworkLinkRecord {
  const { vSwitch } = validateNetworkLink(account, req);
  allocateIps(account, vSwitch, NETWORK_LINK_ENI_COUNT);
  const link = linkRecord(req, now);
  link.readyAt = now + schedule.readyInMs;
  if (schedule.endStatus !== undefined) link.endStatus = schedule.endStatus;
  account.networkLinks.push(link);
  return link;
}

/**
 * Moves links whose time has come: a created link to SUCCESS (its interfaces and groups appear)
 * or to the fault's end status; a removed one out of the account with its interfaces. True when
 * anything changed (the caller persists).
 */
export function settleNetworkLinks(account: AccountState, now: number, visibilityDelayMs: number, ids: IdMaker = randomIds): boolean {
  let changed = false;
  for (const link of [...account.networkLinks]) {
    if (link.releaseAt !== undefined && link.releaseAt <= now) {
      releaseLink(account, link);
      changed = true;
    } else if (link.readyAt !== undefined && link.readyAt <= now) {
      changed = true;
      if (link.endStatus !== undefined) {
        link.status = link.endStatus;
        delete link.readyAt;
        continue;
      }
      try {
        provision(account, link, now, now + visibilityDelayMs, ids);
      } catch (err) {
        // The vSwitch went or filled up meanwhile: the link ends failed, as MaxCompute would say.
        link.status = LINK_FAILED;
        link.failure = (err as Error).message;
        delete link.readyAt;
      }
    }
  }
  return changed;
}

/** RemoveNetworkLink: the link is DELETING until `releaseInMs` has passed, then gone with its interfaces. */
export function beginNetworkLinkRemoval(
  account: AccountState,
  regionId: string,
  name: string,
  now: number,
  releaseInMs: number,
): NetworkLinkRecord {
  const link = account.networkLinks.find((l) => l.regionId === regionId && l.name === name);
  if (!link)
    throw new ConsoleError(
      404,
      'NetworkLink.NotFound',
      `No network connection named "${name}" exists in ${regionId} for account ${account.accountId}.`,
    );
  link.status = LINK_DELETING;
  delete link.readyAt;
  link.releaseAt = now + releaseInMs;
  return link;
}

function releaseLink(account: AccountState, link: NetworkLinkRecord): void {
  const doomed = new Set(link.networkInterfaceIds);
  const vSwitch = account.vSwitches.find((s) => s.vSwitchId === link.vSwitchId);
  if (vSwitch) vSwitch.availableIpAddressCount += account.networkInterfaces.filter((e) => doomed.has(e.networkInterfaceId)).length;
  account.networkInterfaces = account.networkInterfaces.filter((e) => !doomed.has(e.networkInterfaceId));
  account.networkLinks = account.networkLinks.filter((l) => l !== link);
}

/** Removes a link and its ENIs at once, as the console does (the return-traffic groups stay, as they are per VPC); ConsoleError 404 when absent. */
export function removeNetworkLink(account: AccountState, regionId: string, name: string): NetworkLinkRecord {
  const link = account.networkLinks.find((l) => l.regionId === regionId && l.name === name);
  if (!link)
    throw new ConsoleError(
      404,
      'NetworkLink.NotFound',
      `No network connection named "${name}" exists in ${regionId} for account ${account.accountId}.`,
    );
  releaseLink(account, link);
  return link;
}
