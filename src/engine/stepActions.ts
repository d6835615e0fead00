/**
 * What each kind of step does when applied. Every action re-reads the state it depends on right
 * before acting and does nothing when the wanted state is already there, so running it again
 * after any failure (even one where the server committed and the answer was lost) finishes the
 * job without duplicating anything. Mutating calls are not given the AbortSignal: a call in
 * flight completes, so the report can say truthfully what was done.
 */
import { ruleCovers } from '../core/ruleCoverage';
import { linkGroupIngressRule, type PlanStep, type StepOperation } from '../core/plan';
import { delay, isNotFound } from './engineCloud';
import { throwIfCancelled, type StepContext, type StepOutcome } from './stepContext';
import { detectNetworkLink } from './detectLink';
import { checkAccount, checkEniRole, checkZone, deleteExtraLinkGroups, ensureLinkGroup, useLinkGroup } from './preflightActions';
import { readIngress } from './liveReads';
import { targetAccess } from './targetActions';
import { awaitNetworkLinkRemoval, deleteLinkGroup } from './teardownActions';
import { createNetworkLink, removeNetworkLink } from './linkActions';
import { authorizeRules, revokeRules } from './ruleActions';

function requireLinkGroup(ctx: StepContext): string {
  if (ctx.link.groupId === undefined) throw new Error('The link group is not known yet; the link-group step must run first.');
  return ctx.link.groupId;
}

/** Retries a read while it answers "not found", for resources created a moment ago (eventual consistency). */
async function whenVisible<T>(ctx: StepContext, read: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + ctx.visibilityTimeoutMs;
  let wait = ctx.pollInitialMs;
  for (;;) {
    try {
      return await read();
    } catch (err) {
      if (!isNotFound(err) || Date.now() + wait > deadline) throw err;
    }
    await delay(wait, ctx.signal);
    wait = Math.min(wait * 2, ctx.pollMaxMs);
  }
}

/** Runs one step's operation. */
export async function runOperation(step: PlanStep, ctx: StepContext): Promise<StepOutcome> {
  const op: StepOperation = step.operation;
  const regionId = ctx.spec.regionId;
  const { cloud, signal } = ctx;
  switch (op.kind) {
    case 'check-account':
      return checkAccount(ctx, op.vpcId);
    case 'check-eni-role':
      return checkEniRole(ctx, op.linkDetected);
    case 'check-zone':
      return checkZone(ctx, op.vSwitchId);
    case 'ensure-link-group':
      return ensureLinkGroup(ctx, op);
    case 'use-link-group':
      return useLinkGroup(ctx, op.securityGroupId);
    case 'authorize-link-group': {
      const groupId = requireLinkGroup(ctx);
      const wanted = linkGroupIngressRule(op.sourceCidr);
      const ingress = await whenVisible(ctx, () => readIngress(cloud, regionId, groupId, { signal }));
      if (ruleCovers(ingress, wanted))
        return { status: 'already', detail: `${groupId} already accepts all inbound traffic from ${op.sourceCidr}` };
      throwIfCancelled(ctx);
      await cloud.ecs.authorizeSecurityGroup({
        RegionId: regionId,
        SecurityGroupId: groupId,
        Permissions: [
          {
            IpProtocol: 'ALL',
            PortRange: '-1/-1',
            SourceCidrIp: op.sourceCidr,
            Policy: 'accept',
            Priority: '1',
            Description: wanted.description,
          },
        ],
      });
      return { status: 'done', detail: `${groupId} now accepts all inbound traffic from ${op.sourceCidr}` };
    }
    case 'await-network-link':
      return awaitNetworkLink(ctx, op.vpcId, op.vSwitchId);
    case 'create-network-link': {
      const outcome = await createNetworkLink(ctx, op);
      if (!('fallback' in outcome)) return outcome;
      // The API refused for permission or is not offered: the console hand-over (the step carries its values).
      const handed = await awaitNetworkLink(
        { ...ctx, onWaiting: (deadline) => ctx.onWaiting(deadline, outcome.fallback) },
        op.vpcId,
        op.vSwitchId,
      );
      return { ...handed, detail: `${handed.detail} (the link API cannot be used: ${outcome.fallback})` };
    }
    case 'remove-network-link': {
      const outcome = await removeNetworkLink(ctx, op);
      if (!('fallback' in outcome)) return outcome;
      const handed = await awaitNetworkLinkRemoval(
        { ...ctx, onWaiting: (deadline) => ctx.onWaiting(deadline, outcome.fallback) },
        op.vpcId,
        op.vSwitchId,
      );
      return { ...handed, detail: `${handed.detail} (the link API cannot be used: ${outcome.fallback})` };
    }
    case 'delete-extra-link-groups':
      return deleteExtraLinkGroups(ctx, op.vpcId, op.name);
    case 'target-access':
      return targetAccess(ctx, op);
    case 'await-network-link-removal':
      return awaitNetworkLinkRemoval(ctx, op.vpcId, op.vSwitchId);
    case 'delete-link-group':
      return deleteLinkGroup(ctx, op.vpcId, op.name);
    case 'usage':
      return { status: 'info', detail: step.details.join('\n') };
    case 'authorize-rules':
      return authorizeRules(ctx, op);
    case 'revoke-rules':
      return revokeRules(ctx, op);
  }
}

/** Detects the link, waiting (with backoff, until the deadline) when asked to. */
async function awaitNetworkLink(ctx: StepContext, vpcId: string, vSwitchId: string): Promise<StepOutcome> {
  const groupId = requireLinkGroup(ctx);
  const detect = (): Promise<boolean> => detectNetworkLink(ctx.cloud, ctx.spec.regionId, vpcId, vSwitchId, groupId, { signal: ctx.signal });
  if (await detect()) return { status: 'already', detail: `network link detected in ${vSwitchId}` };
  if (ctx.waitForConsoleMs <= 0)
    return { status: 'waiting-for-console', detail: 'the network link has not been created in the MaxCompute console yet' };
  const deadline = Date.now() + ctx.waitForConsoleMs;
  ctx.onWaiting(deadline);
  let wait = ctx.pollInitialMs;
  while (Date.now() < deadline) {
    await delay(Math.min(wait, Math.max(0, deadline - Date.now())), ctx.signal);
    if (await detect()) return { status: 'done', detail: `network link detected in ${vSwitchId}` };
    wait = Math.min(Math.round(wait * 1.5), ctx.pollMaxMs);
  }
  return { status: 'waiting-for-console', detail: `the network link did not appear within ${Math.round(ctx.waitForConsoleMs / 1000)} s` };
}
