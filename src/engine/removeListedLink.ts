/**
 * Removing a link MaxCompute lists that no spec declares (the Network view's "Remove Network
 * Link" on a listed link): RemoveNetworkLink, then wait until MaxCompute no longer lists it and its
 * interfaces in the link's vSwitch and group are gone (linkRemovalWait.ts). Nothing else is
 * touched: the group and any access on the targets are the person's (a spec's destroy removes those).
 */
import { unlessNotFound, type ReadOptions } from '../cloud/reads';
import type { NetworkInterface, NetworkLink } from '../core/model';
import { PASSTHROUGH } from '../core/networkLinkApi';
import type { EngineCloud } from './engineCloud';
import { waitUntilLinkGone } from './linkRemovalWait';

/** How long the interfaces may take to go, and the polls' pause (first, then doubling to the most). */
export interface RemoveLinkOptions extends ReadOptions {
  timeoutMs?: number;
  pollInitialMs?: number;
  pollMaxMs?: number;
  /** A line of progress: what is being waited for. */
  onProgress?: (text: string) => void;
}

/** `removed`: the link and its interfaces are gone (read back); `timeout`: the link or interfaces still there when the wait ran out. */
export interface RemoveLinkReport {
  outcome: 'removed' | 'timeout';
  /** The interfaces still there at the end (empty when removed). */
  remaining: NetworkInterface[];
}

/** [unverified] How long MaxCompute takes to release a link's interfaces is not documented: minutes are allowed. */
const DEFAULT_TIMEOUT_MS = 10 * 60_000;

/** Removes a listed PASSTHROUGH link and waits for its interfaces to go. Refuses another type. */
export async function removeListedLink(
  cloud: EngineCloud,
  link: Pick<NetworkLink, 'name' | 'regionId' | 'type' | 'vSwitchId' | 'securityGroupId'>,
  options: RemoveLinkOptions = {},
): Promise<RemoveLinkReport> {
  if (link.type !== PASSTHROUGH)
    throw new Error(`${link.name} is a ${link.type} link: it is listed read-only (this product removes ${PASSTHROUGH} links only).`);
  const read: ReadOptions = { signal: options.signal };
  options.onProgress?.(`Removing ${link.name} (RemoveNetworkLink)…`);
  // Gone already (removed elsewhere): not-found is the answer wanted.
  await unlessNotFound(cloud.maxcompute.removeNetworkLink({ networkLinkName: link.name, regionId: link.regionId }, read));
  const still = await waitUntilLinkGone(cloud, link, {
    ...read,
    deadline: Date.now() + (options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    pollInitialMs: options.pollInitialMs ?? 1000,
    pollMaxMs: options.pollMaxMs ?? 10_000,
    onStill: ({ link: listed, interfaces }) =>
      options.onProgress?.(
        interfaces.length > 0
          ? `Waiting for MaxCompute to release ${interfaces.length} network interface(s) of ${link.name}…`
          : `Waiting for MaxCompute to stop listing ${link.name} (${listed?.status ?? 'listed'})…`,
      ),
  });
  return still === undefined ? { outcome: 'removed', remaining: [] } : { outcome: 'timeout', remaining: still.interfaces };
}
