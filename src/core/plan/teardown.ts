/**
 * Teardown, the reverse of apply: take back exactly what apply added. Each target's kind removes
 * the link's own whitelist entry or rules (never another entry or rule); the network link is
 * deleted in the MaxCompute console (no API exists), and the link's security group — only one
 * apply created — is deleted once no network interface uses it. Pure, like the planner.
 */
import { networkLinkConsoleUrl } from '../networkLinkConsole';
import type { ConnectionSpec } from '../specModel';
import { networkLinkDetected, targetLive } from './liveChecks';
import type { LiveState } from './liveState';
import { assemblePlan, type PlanInputs } from './planner';
import type { LiveCheck, Plan, PlanStep } from './steps';

/** Step ids of a teardown plan (the account check shares apply's id). */
export const TEARDOWN_STEP_IDS = { networkLink: 'network-link.remove', groupDelete: 'link-group.delete' } as const;

/** The plan that removes what applying the spec added. */
export function planTeardown(spec: ConnectionSpec, live: LiveState, inputs: PlanInputs): Plan {
  return assemblePlan('destroy', spec, live, inputs, teardownChecks(spec, live), () => teardownSteps(spec, live, inputs));
}

/** Only the account rule refuses a teardown: a missing VPC or target just means less to remove. */
function teardownChecks(spec: ConnectionSpec, live: LiveState): LiveCheck[] {
  if (live.vpc !== undefined && live.vpc.ownerId !== '' && live.vpc.ownerId !== live.callerAccountId) {
    return [{ code: 'other-account', severity: 'error', message: `VPC ${spec.vpcId} belongs to account ${live.vpc.ownerId}, but you are signed in as ${live.callerAccountId}; sign in with the account that applied the link.`, range: spec.ranges.vpcId }];
  }
  return [];
}

function teardownSteps(spec: ConnectionSpec, live: LiveState, inputs: PlanInputs): PlanStep[] {
  const steps: PlanStep[] = [];
  const linkGroup = live.linkGroup?.group;
  const linkGroupLabel = linkGroup === undefined ? 'the link\'s security group (not found)' : `${linkGroup.securityGroupId} (${linkGroup.name})`;
  const context = {
    regionId: spec.regionId,
    vpcId: spec.vpcId,
    linkGroupId: linkGroup?.securityGroupId,
    linkGroupLabel,
    vSwitchCidr: live.vSwitch?.cidrBlock ?? '',
    dependsOn: [],
  };
  for (const target of spec.targets) steps.push(inputs.planners(target.kind).planRevoke(target, targetLive(live, target), context));
  const targetIds = steps.map((s) => s.id);

  const detected = networkLinkDetected(live);
  const url = networkLinkConsoleUrl(spec.regionId, inputs.emulatorEndpoint);
  steps.push(detected ? {
    id: TEARDOWN_STEP_IDS.networkLink, phase: 'network-link', action: 'manual', dependsOn: targetIds, range: spec.ranges.networkLinkName,
    title: `Delete the network link "${spec.networkLinkName}" in the MaxCompute console (no API exists for it)`,
    details: [`open ${url} → Network Connection, find "${spec.networkLinkName}" (vSwitch ${spec.vSwitchId}, security group ${linkGroupLabel}) and delete it`, `done when MaxCompute's network interfaces are gone from ${spec.vSwitchId}`],
    handover: { url, fields: [{ label: 'Connection Name', value: spec.networkLinkName }, { label: 'VPC', value: spec.vpcId }, { label: 'vSwitch', value: spec.vSwitchId }] },
    operation: { kind: 'await-network-link-removal', vpcId: spec.vpcId, vSwitchId: spec.vSwitchId },
  } : {
    id: TEARDOWN_STEP_IDS.networkLink, phase: 'network-link', action: 'unchanged', dependsOn: targetIds, range: spec.ranges.networkLinkName, details: [],
    title: `No network link detected in ${spec.vSwitchId} with ${linkGroupLabel}`,
    operation: { kind: 'await-network-link-removal', vpcId: spec.vpcId, vSwitchId: spec.vSwitchId },
  });

  const groupSpec = spec.securityGroup;
  if (groupSpec.mode === 'existing') {
    steps.push({
      id: TEARDOWN_STEP_IDS.groupDelete, phase: 'security-group', action: 'unchanged', dependsOn: [TEARDOWN_STEP_IDS.networkLink], range: groupSpec.ranges.securityGroupId, details: ['apply did not create it, so teardown leaves it and its rules alone'],
      title: `Security group ${groupSpec.securityGroupId} is kept: the spec names an existing group`,
      operation: { kind: 'use-link-group', securityGroupId: groupSpec.securityGroupId },
    });
  } else if (linkGroup === undefined) {
    steps.push({
      id: TEARDOWN_STEP_IDS.groupDelete, phase: 'security-group', action: 'unchanged', dependsOn: [TEARDOWN_STEP_IDS.networkLink], range: groupSpec.ranges.name, details: [],
      title: `No security group "${groupSpec.name}" in ${spec.vpcId}: nothing to delete`,
      operation: { kind: 'delete-link-group', vpcId: spec.vpcId, name: groupSpec.name },
    });
  } else {
    steps.push({
      id: TEARDOWN_STEP_IDS.groupDelete, phase: 'security-group', action: 'remove', dependsOn: [TEARDOWN_STEP_IDS.networkLink], range: groupSpec.ranges.name,
      title: `Delete security group ${linkGroupLabel}`,
      details: ['once no network interface uses it (the console step removes MaxCompute\'s interfaces)', ...live.sameNameGroupIds.map((id) => `also ${id}: an extra empty group with the same name (left by two applies at once)`)],
      call: { product: 'Ecs', action: 'DeleteSecurityGroup', params: { RegionId: spec.regionId, SecurityGroupId: linkGroup.securityGroupId } },
      operation: { kind: 'delete-link-group', vpcId: spec.vpcId, name: groupSpec.name },
    });
  }
  return steps;
}
