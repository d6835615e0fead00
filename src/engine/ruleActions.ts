/**
 * The doctor's security-group fixes at apply time: add rules that are not yet in force, remove
 * rules that are still there. Each re-reads the group first and changes only what is missing or
 * present, so a second run changes nothing; revokes go by rule content (a missing rule is no error).
 */
import type { PermissionRequest } from '../cloud/products/ecs';
import type { SecurityGroupRule } from '../core/model';
import type { StepOperation } from '../core/plan';
import { ruleCovers } from '../core/ruleCoverage';
import { describeRule, sameRule } from '../core/rules';
import { readGroupRules } from '../cloud/reads';
import { throwIfCancelled, type StepContext, type StepOutcome } from './stepContext';

/** A rule as the API's `Permissions.N.*` fields. */
function permissionOf(rule: SecurityGroupRule): PermissionRequest {
  const permission: PermissionRequest = {
    IpProtocol: rule.protocol,
    PortRange: rule.portRange,
    Policy: rule.policy,
    Priority: String(rule.priority),
    NicType: 'intranet',
  };
  if (rule.description !== undefined && rule.description !== '') permission.Description = rule.description;
  const egress = rule.direction === 'egress';
  if (rule.peerCidr !== undefined && rule.peerCidr !== '') permission[egress ? 'DestCidrIp' : 'SourceCidrIp'] = rule.peerCidr;
  else if (rule.peerGroupId !== undefined) permission[egress ? 'DestGroupId' : 'SourceGroupId'] = rule.peerGroupId;
  return permission;
}

function readRules(ctx: StepContext, groupId: string): Promise<SecurityGroupRule[]> {
  return readGroupRules(ctx.cloud, ctx.spec.regionId, groupId, 'all', { signal: ctx.signal });
}

/** Adds the rules not yet covered by the group's rules in force, then reads back. */
export async function authorizeRules(ctx: StepContext, op: Extract<StepOperation, { kind: 'authorize-rules' }>): Promise<StepOutcome> {
  const { securityGroupId: groupId } = op;
  const missing = (rules: readonly SecurityGroupRule[]): SecurityGroupRule[] => op.rules.filter((wanted) => !ruleCovers(rules, wanted));
  const todo = missing(await readRules(ctx, groupId));
  if (todo.length === 0) return { status: 'already', detail: `${groupId} already has ${op.rules.map(describeRule).join('; ')}` };
  for (const direction of ['ingress', 'egress'] as const) {
    const batch = todo.filter((r) => r.direction === direction);
    if (batch.length === 0) continue;
    throwIfCancelled(ctx);
    const request = { RegionId: ctx.spec.regionId, SecurityGroupId: groupId, Permissions: batch.map(permissionOf) };
    await (direction === 'ingress' ? ctx.cloud.ecs.authorizeSecurityGroup(request) : ctx.cloud.ecs.authorizeSecurityGroupEgress(request));
  }
  const still = missing(await readRules(ctx, groupId));
  if (still.length > 0) throw new Error(`${groupId}: ${still.map(describeRule).join('; ')} not in force when read back after adding it.`);
  return { status: 'done', detail: `${groupId}: added ${todo.map(describeRule).join('; ')} (read back)` };
}

/** Removes the rules still present (same direction, peer, ports, protocol, policy), then reads back. */
export async function revokeRules(ctx: StepContext, op: Extract<StepOperation, { kind: 'revoke-rules' }>): Promise<StepOutcome> {
  const { securityGroupId: groupId } = op;
  const present = (rules: readonly SecurityGroupRule[]): SecurityGroupRule[] =>
    op.rules.filter((gone) => rules.some((r) => sameRule(r, gone)));
  const todo = present(await readRules(ctx, groupId));
  if (todo.length === 0) return { status: 'already', detail: `${groupId} no longer has ${op.rules.map(describeRule).join('; ')}` };
  for (const direction of ['ingress', 'egress'] as const) {
    const batch = todo.filter((r) => r.direction === direction);
    if (batch.length === 0) continue;
    throwIfCancelled(ctx);
    const request = { RegionId: ctx.spec.regionId, SecurityGroupId: groupId, Permissions: batch.map(permissionOf) };
    await (direction === 'ingress' ? ctx.cloud.ecs.revokeSecurityGroup(request) : ctx.cloud.ecs.revokeSecurityGroupEgress(request));
  }
  const left = present(await readRules(ctx, groupId));
  if (left.length > 0) throw new Error(`${groupId}: ${left.map(describeRule).join('; ')} still there when read back after removing it.`);
  return { status: 'done', detail: `${groupId}: removed ${todo.map(describeRule).join('; ')} (read back)` };
}
