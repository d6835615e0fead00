/**
 * Removing a link MaxCompute lists that no spec declares (the Network view's "Remove Network
 * Link" on a listed link): RemoveNetworkLink, then wait until MaxCompute's interfaces in the
 * link's vSwitch and group are gone, polling with backoff, bounded, cancellable. Nothing else is
 * touched: the group and any access on the targets are the person's (a spec's destroy removes those).
 */
import { readLinkInterfaces, unlessNotFound, type ReadOptions } from '../cloud/reads';
import type { NetworkInterface, NetworkLink } from '../core/model';
import { PASSTHROUGH } from '../core/networkLinkApi';
import { delay, type EngineCloud } from './engineCloud';

/** How long the interfaces may take to go, and the polls' pause (first, then doubling to the most). */
export interface RemoveLinkOptions extends ReadOptions {
  timeoutMs?: number;
  pollInitialMs?: number;
  pollMaxMs?: number;
  /** A line of progress: what is being waited for. */
  onProgress?: (text: string) => void;
}

/** `removed`: the link and its interfaces are gone; `timeout`: interfaces still there when the wait ran out. */
export interface RemoveLinkReport {
  outcome: 'removed' | 'timeout';
  /** The interfaces still there at the end (empty when removed). */
  remaining: NetworkInterface[];
}

/** [unverified] How long MaxCompute takes to release a link's interfaces is not documented: minutes are allowed. */
const DEFAULT_TIMEOUT_MS = 10 * 60_000;

/** Removes a listed PASSTHROUGH link and waits for its interfaces to go. Refuses another type. */
export async function removeListedLink(cloud: EngineCloud, link: Pick<NetworkLink, 'name' | 'regionId' | 'type' | 'vSwitchId' | 'securityGroupId'>, options: RemoveLinkOptions = {}): Promise<RemoveLinkReport> {
  if (link.type !== PASSTHROUGH) throw new Error(`${link.name} is a ${link.type} link: it is listed read-only (this product removes ${PASSTHROUGH} links only).`);
  const read: ReadOptions = { signal: options.signal };
  options.onProgress?.(`Removing ${link.name} (RemoveNetworkLink)…`);
  // Gone already (removed elsewhere): not-found is the answer wanted.
  await unlessNotFound(cloud.maxcompute.removeNetworkLink({ networkLinkName: link.name, regionId: link.regionId }, read));
  const { vSwitchId, securityGroupId } = link;
  if (vSwitchId === undefined || securityGroupId === undefined) return { outcome: 'removed', remaining: [] };
  const deadline = Date.now() + (options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  let pause = options.pollInitialMs ?? 1000;
  for (;;) {
    const remaining = await readLinkInterfaces(cloud, link.regionId, vSwitchId, securityGroupId, read);
    if (remaining.length === 0) return { outcome: 'removed', remaining };
    if (Date.now() >= deadline) return { outcome: 'timeout', remaining };
    options.onProgress?.(`Waiting for MaxCompute to release ${remaining.length} network interface(s) of ${link.name}…`);
    await delay(Math.min(pause, Math.max(0, deadline - Date.now())), options.signal);
    pause = Math.min(pause * 2, options.pollMaxMs ?? 10_000);
  }
}
