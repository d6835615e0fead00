/**
 * After RemoveNetworkLink: wait until MaxCompute no longer lists the link and its network
 * interfaces are out of the vSwitch — "removed" is said only about what was read back. Shared by
 * a spec's destroy (linkActions.ts) and the Network view's removal of a listed link
 * (removeListedLink.ts). Polls with backoff (×1.5 up to the most), bounded by a deadline, cancellable.
 */
import { readLinkInterfaces, readNetworkLink, type ReadOptions } from '../cloud/reads';
import type { NetworkInterface, NetworkLink } from '../core/model';
import { delay, type EngineCloud } from './engineCloud';

/** The link to wait for; without vSwitch and group its interfaces cannot be told and only the listing counts. */
export interface RemovedLink {
  regionId: string;
  name: string;
  vSwitchId?: string;
  securityGroupId?: string;
}

export interface RemovalWait extends ReadOptions {
  deadline: number;
  pollInitialMs: number;
  pollMaxMs: number;
  /** Told what is still there before each pause. */
  onStill?: (still: LinkStillThere) => void;
}

/** What remains: the link as still listed, and/or MaxCompute's interfaces. */
export interface LinkStillThere {
  link: NetworkLink | undefined;
  interfaces: NetworkInterface[];
}

/** Undefined once the link and its interfaces are gone; what remains when the deadline comes first. */
export async function waitUntilLinkGone(cloud: EngineCloud, removed: RemovedLink, wait: RemovalWait): Promise<LinkStillThere | undefined> {
  const read: ReadOptions = { signal: wait.signal };
  let pause = wait.pollInitialMs;
  for (;;) {
    const { vSwitchId, securityGroupId } = removed;
    const [link, interfaces] = await Promise.all([
      readNetworkLink(cloud, removed.regionId, removed.name, read),
      vSwitchId === undefined || securityGroupId === undefined
        ? Promise.resolve([])
        : readLinkInterfaces(cloud, removed.regionId, vSwitchId, securityGroupId, read),
    ]);
    if (link === undefined && interfaces.length === 0) return undefined;
    const still = { link, interfaces };
    if (Date.now() + pause > wait.deadline) return still;
    wait.onStill?.(still);
    await delay(pause, wait.signal);
    pause = Math.min(Math.round(pause * 1.5), wait.pollMaxMs);
  }
}
