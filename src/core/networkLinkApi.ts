/**
 * What we know of MaxCompute's network-link API (2022-01-04: CreateNetworkLink, GetNetworkLink,
 * ListNetworkLinks, RemoveNetworkLink) beyond its field names, kept in ONE place because much of
 * it is not documented. Sources: the API reference pages api-maxcompute-2022-01-04-createnetworklink,
 * -getnetworklink, -listnetworklinks, -removenetworklink; the direct-connection guide (step 3).
 */
import type { NetworkLink } from './model';

/** The type this product creates: MaxCompute's traffic passes into the VPC. */
export const PASSTHROUGH = 'PASSTHROUGH';

/** The one status value the reference shows (GetNetworkLink's example): the link works. */
export const NETWORK_LINK_READY_STATUS = 'SUCCESS';

/**
 * [unverified] No other status value is documented: any other is shown verbatim and taken as
 * "in progress" until a bounded wait runs out (then the run says so, naming the status).
 */
export function isNetworkLinkReady(link: Pick<NetworkLink, 'status'>): boolean {
  return link.status === NETWORK_LINK_READY_STATUS;
}

/** The RAM action each call needs (the reference's authorization tables). */
export const NETWORK_LINK_RAM_ACTIONS = {
  CreateNetworkLink: 'odps:CreateNetworkLink',
  GetNetworkLink: 'odps:GetNetworkLink',
  ListNetworkLinks: 'odps:ListNetworkLinks',
  RemoveNetworkLink: 'odps:RemoveNetworkLink',
} as const;

/** Who may manage links besides a RAM grant: the seed doc's step 3. */
export const NETWORK_LINK_TENANT_ROLES = 'the tenant-level Super_Administrator or Admin role';

/**
 * What a permission refusal of a link call lacks, in words, for describeError and the hand-over.
 * [unverified] The error codes of a refusal are not documented; any permission-kind error counts.
 */
export function networkLinkPermissionText(action: string): string {
  const ramAction = (NETWORK_LINK_RAM_ACTIONS as Record<string, string>)[action] ?? `odps:${action}`;
  return `The caller may not ${action}: grant the RAM action ${ramAction} in a RAM policy, and ${NETWORK_LINK_TENANT_ROLES} in MaxCompute (Tenants > Roles).`;
}

/**
 * How long creating a link may take before apply gives up waiting, and the pause between polls.
 * [unverified] The reference says nothing of how long creation takes; the console's own progress
 * takes minutes, so the default wait is generous and every run can set its own.
 */
export const NETWORK_LINK_DEFAULT_WAIT_MS = 10 * 60_000;

/**
 * [unverified] Whether ListNetworkLinks pages (the reference shows no paging parameter), whether
 * the list carries the passthrough properties (the page says to call GetNetworkLink for them: the
 * product always does), and the error codes of a missing link or a taken name (the reference
 * shows only `InvalidArgument`). A missing link is recognised by kind (not-found) or by an
 * error whose message says it does not exist; see cloud/products/maxcompute.ts.
 */
export const NETWORK_LINK_API_UNVERIFIED = [
  'status values other than SUCCESS',
  'list paging',
  'list properties',
  'error codes',
  'creation time',
  'ClientToken (none documented)',
] as const;

/** Two link configurations are the same link when VPC, vSwitch and group agree (the name is the key). */
export function sameLinkConfiguration(
  a: Pick<NetworkLink, 'vpcId' | 'vSwitchId' | 'securityGroupId' | 'type'>,
  b: Pick<NetworkLink, 'vpcId' | 'vSwitchId' | 'securityGroupId' | 'type'>,
): boolean {
  return a.type === b.type && a.vpcId === b.vpcId && a.vSwitchId === b.vSwitchId && a.securityGroupId === b.securityGroupId;
}

/** A link's configuration in one line, for "refused: … exists with …" messages. */
export function linkConfigurationText(
  link: Pick<NetworkLink, 'type' | 'vpcId' | 'vSwitchId' | 'securityGroupId' | 'reverseTargets' | 'zoneId'>,
): string {
  // Fields GetNetworkLink left out are said to be unknown, not printed as blanks.
  const vpc = link.vpcId || '(VPC not given)';
  if (link.type !== PASSTHROUGH)
    return `${link.type || '(type not given)'} in ${vpc}${link.reverseTargets ? ` to ${link.reverseTargets}` : ''}${link.zoneId ? ` (zone ${link.zoneId})` : ''}`;
  return `VPC ${vpc}, vSwitch ${link.vSwitchId ?? '?'}, security group ${link.securityGroupId ?? '?'}`;
}
