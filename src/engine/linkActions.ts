/**
 * The network link through MaxCompute's API: create it (or adopt the same link a lost answer, an
 * earlier stopped run or another machine created), wait for SUCCESS and MaxCompute's interfaces,
 * and remove it. The API takes no ClientToken, so every decision is made on what GetNetworkLink
 * reads back: the same VPC, vSwitch and group is the spec's link; anything else is refused,
 * showing both, and never changed.
 */
import { linkApiRefusal, readNetworkLink } from '../cloud/reads';
import type { NetworkLink } from '../core/model';
import {
  isNetworkLinkReady,
  linkConfigurationText,
  NETWORK_LINK_READY_STATUS,
  PASSTHROUGH,
  sameLinkConfiguration,
} from '../core/networkLinkApi';
import type { StepOperation } from '../core/plan';
import { readDetectedLink } from './detectLink';
import { waitUntilLinkGone } from './linkRemovalWait';
import { delay, isNotFound } from './engineCloud';
import { ApplyRefusal, throwIfCancelled, type StepContext, type StepOutcome } from './stepContext';
import { resolveLinkGroupId } from './targetActions';

type CreateOp = Extract<StepOperation, { kind: 'create-network-link' }>;
type RemoveOp = Extract<StepOperation, { kind: 'remove-network-link' }>;

/** What the spec asks MaxCompute for, with the group this run resolved. */
function wanted(op: CreateOp, groupId: string): Pick<NetworkLink, 'type' | 'vpcId' | 'vSwitchId' | 'securityGroupId'> {
  return { type: PASSTHROUGH, vpcId: op.vpcId, vSwitchId: op.vSwitchId, securityGroupId: groupId };
}

function otherLinkRefusal(link: NetworkLink, want: Pick<NetworkLink, 'type' | 'vpcId' | 'vSwitchId' | 'securityGroupId'>): ApplyRefusal {
  return new ApplyRefusal(
    'NetworkLinkConflict',
    `A network link named "${link.name}" exists with ${linkConfigurationText(link)} (status ${link.status}), but this spec asks for ${linkConfigurationText(want)}. It is not changed: choose another networkLinkName, or remove that link first.`,
  );
}

/**
 * Creates the link unless the same one exists, then waits for it. Returns `undefined` when the API
 * refused for permission or is not offered: the caller falls back to the console hand-over.
 */
export async function createNetworkLink(ctx: StepContext, op: CreateOp): Promise<StepOutcome | { fallback: string }> {
  const { cloud, spec, signal } = ctx;
  const groupId = await resolveLinkGroupId(ctx);
  if (groupId === undefined) throw new Error('The link group is not known yet; the link-group step must run first.');
  const want = wanted(op, groupId);
  const read = (): Promise<NetworkLink | undefined> => readNetworkLink(cloud, spec.regionId, op.networkLinkName, { signal });
  let existing: NetworkLink | undefined;
  try {
    existing = await read();
  } catch (err) {
    const refusal = linkApiRefusal(err);
    if (refusal !== undefined && refusal.state !== 'ok') return { fallback: refusal.reason };
    throw err;
  }
  let created = false;
  if (existing !== undefined) {
    if (!sameLinkConfiguration(existing, want)) throw otherLinkRefusal(existing, want);
  } else {
    throwIfCancelled(ctx);
    try {
      await cloud.maxcompute.createNetworkLink({
        name: op.networkLinkName,
        type: PASSTHROUGH,
        region: spec.regionId,
        vpcId: op.vpcId,
        passthroughProperties: { vSwitchId: op.vSwitchId, securityGroup: groupId },
      });
      created = true;
    } catch (err) {
      const refusal = linkApiRefusal(err);
      if (refusal !== undefined && refusal.state !== 'ok') return { fallback: refusal.reason };
      // The answer may be lost after MaxCompute acted, or another run created the name first:
      // what GetNetworkLink reads back decides (the same link is adopted, any other refused).
      const after = await read();
      if (after === undefined) throw err;
      if (!sameLinkConfiguration(after, want)) throw otherLinkRefusal(after, want);
      existing = after;
    }
  }
  const ready = await waitUntilReady(ctx, op, groupId);
  const how = created ? 'created' : "adopted (it already had this spec's VPC, vSwitch and group)";
  return {
    status: created ? 'done' : isNetworkLinkReady(existing!) ? 'already' : 'done',
    detail: `network link "${op.networkLinkName}" ${how}; ${ready}`,
  };
}

/**
 * Polls GetNetworkLink (with backoff, until the run's deadline) until the status is SUCCESS and
 * MaxCompute's interfaces are seen in the vSwitch with the group: "ready" is said only about what
 * was read back. Any other status is shown verbatim and waited on.
 */
async function waitUntilReady(ctx: StepContext, op: CreateOp, groupId: string): Promise<string> {
  const { cloud, spec, signal } = ctx;
  const deadline = Date.now() + ctx.linkWaitMs;
  let wait = ctx.pollInitialMs;
  let lastStatus: string | undefined;
  for (;;) {
    const link = await readNetworkLink(cloud, spec.regionId, op.networkLinkName, { signal });
    if (link === undefined)
      throw new ApplyRefusal(
        'NetworkLinkGone',
        `The network link "${op.networkLinkName}" disappeared while apply waited for it (someone removed it); run apply again to create it.`,
      );
    if (link.status !== lastStatus) {
      lastStatus = link.status;
      ctx.onLinkStatus(link.status, deadline);
    }
    const detected = isNetworkLinkReady(link)
      ? await readDetectedLink(cloud, spec.regionId, op.vpcId, op.vSwitchId, groupId, { signal })
      : undefined;
    if (detected !== undefined) {
      return `${NETWORK_LINK_READY_STATUS}, MaxCompute's interfaces ${detected.networkInterfaces.map((n) => n.networkInterfaceId).join(', ')} are in ${groupId} (read back)`;
    }
    if (Date.now() + wait > deadline) {
      const seen = isNetworkLinkReady(link)
        ? `${NETWORK_LINK_READY_STATUS}, but MaxCompute's network interfaces did not appear in ${op.vSwitchId}`
        : `still ${link.status}`;
      throw new ApplyRefusal(
        'NetworkLinkNotReady',
        `The network link "${op.networkLinkName}" was ${seen} after ${Math.round(ctx.linkWaitMs / 1000)} s. It exists and is left as it is: run apply again to keep waiting (it is adopted, not created twice), or destroy to remove it; the targets were not opened.`,
      );
    }
    await delay(wait, signal);
    wait = Math.min(Math.round(wait * 1.5), ctx.pollMaxMs);
  }
}

/** RemoveNetworkLink (when the link is still the spec's), then waits until it and its interfaces are gone. */
export async function removeNetworkLink(ctx: StepContext, op: RemoveOp): Promise<StepOutcome | { fallback: string }> {
  const { cloud, spec, signal } = ctx;
  const groupId = await resolveLinkGroupId(ctx);
  let link: NetworkLink | undefined;
  try {
    link = await readNetworkLink(cloud, spec.regionId, op.networkLinkName, { signal });
  } catch (err) {
    const refusal = linkApiRefusal(err);
    if (refusal !== undefined && refusal.state !== 'ok') return { fallback: refusal.reason };
    throw err;
  }
  let removed = false;
  if (link !== undefined) {
    // Only the link this spec describes: a same-named link made otherwise since the plan is not ours.
    const want = { type: PASSTHROUGH, vpcId: op.vpcId, vSwitchId: op.vSwitchId, securityGroupId: groupId };
    if (!sameLinkConfiguration(link, want))
      throw new ApplyRefusal(
        'NetworkLinkConflict',
        `The network link "${link.name}" now has ${linkConfigurationText(link)}, not this spec's ${linkConfigurationText(want)}: it is not removed.`,
      );
    throwIfCancelled(ctx);
    try {
      await cloud.maxcompute.removeNetworkLink({ networkLinkName: op.networkLinkName, regionId: spec.regionId });
      removed = true;
    } catch (err) {
      const refusal = linkApiRefusal(err);
      if (refusal !== undefined && refusal.state !== 'ok') return { fallback: refusal.reason };
      // Removed by another run in the meantime: the outcome is the same.
      if (!isNotFound(err)) throw err;
    }
  }
  const deadline = Date.now() + ctx.linkWaitMs;
  const still = await waitUntilLinkGone(
    cloud,
    { regionId: spec.regionId, name: op.networkLinkName, vSwitchId: op.vSwitchId, securityGroupId: groupId },
    {
      signal,
      deadline,
      pollInitialMs: ctx.pollInitialMs,
      pollMaxMs: ctx.pollMaxMs,
      onStill: ({ link: listed }) => {
        if (listed?.status !== undefined) ctx.onLinkStatus(listed.status, deadline);
      },
    },
  );
  if (still === undefined) {
    return {
      status: removed ? 'done' : 'already',
      detail: removed
        ? `removed network link "${op.networkLinkName}"; it and MaxCompute's interfaces are gone (read back)`
        : `no network link "${op.networkLinkName}" and no interfaces of one in ${op.vSwitchId}`,
    };
  }
  const left =
    still.link !== undefined
      ? `is still listed (${still.link.status})`
      : `is gone, but MaxCompute's network interfaces are still in ${op.vSwitchId}`;
  throw new ApplyRefusal(
    'NetworkLinkStillThere',
    `The network link "${op.networkLinkName}" ${left} after ${Math.round(ctx.linkWaitMs / 1000)} s; run destroy again to keep waiting. The link's security group is kept until then.`,
  );
}
