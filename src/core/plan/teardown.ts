/**
 * Teardown, the reverse of apply: take back exactly what apply added. Each target's kind removes
 * the link's own whitelist entry or rules (never another entry or rule); the network link is
 * removed through MaxCompute's API (the console hand-over only when the API cannot be used), and
 * the link's security group — only one apply created — is deleted once no network interface uses
 * it. Pure, like the planner.
 */
import { networkLinkConsoleUrl } from '../networkLinkConsole';
import type { ConnectionSpec } from '../specModel';
import { linkMatchesSpec, networkLinkDetected, targetLive } from './liveChecks';
import { linkConfigurationText } from '../networkLinkApi';
import type { LiveState } from './liveState';
import { assemblePlan, type PlanInputs } from './planner';
import type { LiveCheck, Plan, PlanStep } from './steps';

/** Step ids of a teardown plan (the account check shares apply's id). */
export const TEARDOWN_STEP_IDS = { networkLink: 'network-link.remove', groupDelete: 'link-group.delete' } as const;

/** The plan that removes what applying the spec added. */
export function planTeardown(spec: ConnectionSpec, live: LiveState, inputs: PlanInputs): Plan {
  return assemblePlan('destroy', spec, live, inputs, teardownChecks(spec, live), () => teardownSteps(spec, live, inputs));
}

/**
 * The link: RemoveNetworkLink when MaxCompute lists it under the spec's name with the spec's
 * configuration; a same-named link configured otherwise is not the spec's and is left alone; the
 * console hand-over only when the API cannot be used.
 */
function linkRemovalStep(spec: ConnectionSpec, live: LiveState, inputs: PlanInputs, linkGroupLabel: string, dependsOn: string[]): PlanStep {
  const common = { id: TEARDOWN_STEP_IDS.networkLink, phase: 'network-link', dependsOn, range: spec.ranges.networkLinkName } as const;
  const detected = networkLinkDetected(live);
  if (live.networkLinkApi.state === 'ok') {
    const operation = {
      kind: 'remove-network-link',
      networkLinkName: spec.networkLinkName,
      vpcId: spec.vpcId,
      vSwitchId: spec.vSwitchId,
    } as const;
    const link = live.networkLink;
    if (link !== undefined && linkMatchesSpec(spec, live)) {
      return {
        ...common,
        action: 'remove',
        operation,
        title: `Remove network link "${link.name}" (${link.status}) and wait until MaxCompute's interfaces are gone from ${spec.vSwitchId}`,
        details: [linkConfigurationText(link), 'SQL and Spark that name the link stop reaching the VPC'],
        call: { product: 'MaxCompute', action: 'RemoveNetworkLink', params: { networkLinkName: link.name } },
      };
    }
    if (link !== undefined) {
      return {
        ...common,
        action: 'unchanged',
        operation: { kind: 'await-network-link-removal', vpcId: spec.vpcId, vSwitchId: spec.vSwitchId },
        title: `Network link "${link.name}" is not this spec's (${linkConfigurationText(link)}): left alone`,
        details: ['destroy never removes a link the spec does not describe'],
      };
    }
    if (!detected) {
      return {
        ...common,
        action: 'unchanged',
        operation,
        details: [],
        title: `No network link "${spec.networkLinkName}" in ${spec.regionId}`,
      };
    }
    // Interfaces in the link group, but no link of this name: a link made by hand under another name.
  }
  const reason =
    live.networkLinkApi.state === 'ok'
      ? `MaxCompute lists no link named "${spec.networkLinkName}", yet its interfaces use ${linkGroupLabel}`
      : `the link API cannot be used: ${live.networkLinkApi.reason}`;
  const url = networkLinkConsoleUrl(spec.regionId, inputs.emulatorEndpoint);
  const operation = { kind: 'await-network-link-removal', vpcId: spec.vpcId, vSwitchId: spec.vSwitchId } as const;
  return detected
    ? {
        ...common,
        action: 'manual',
        operation,
        title: `Delete the network link that uses ${linkGroupLabel} in the MaxCompute console (${reason})`,
        details: [
          `open ${url} → Network Connection, find the link in vSwitch ${spec.vSwitchId} with security group ${linkGroupLabel} and delete it`,
          `done when MaxCompute's network interfaces are gone from ${spec.vSwitchId}`,
        ],
        handover: {
          url,
          fields: [
            { label: 'Connection Name', value: spec.networkLinkName },
            { label: 'VPC', value: spec.vpcId },
            { label: 'vSwitch', value: spec.vSwitchId },
          ],
        },
      }
    : {
        ...common,
        action: 'unchanged',
        operation,
        details: [],
        title: `No network link detected in ${spec.vSwitchId} with ${linkGroupLabel}`,
      };
}

/** Only the account rule refuses a teardown: a missing VPC or target just means less to remove. */
function teardownChecks(spec: ConnectionSpec, live: LiveState): LiveCheck[] {
  if (live.vpc !== undefined && live.vpc.ownerId !== '' && live.vpc.ownerId !== live.callerAccountId) {
    return [
      {
        code: 'other-account',
        severity: 'error',
        message: `VPC ${spec.vpcId} belongs to account ${live.vpc.ownerId}, but you are signed in as ${live.callerAccountId}; sign in with the account that applied the link.`,
        range: spec.ranges.vpcId,
      },
    ];
  }
  return [];
}

function teardownSteps(spec: ConnectionSpec, live: LiveState, inputs: PlanInputs): PlanStep[] {
  const steps: PlanStep[] = [];
  const linkGroup = live.linkGroup?.group;
  const linkGroupLabel =
    linkGroup === undefined ? "the link's security group (not found)" : `${linkGroup.securityGroupId} (${linkGroup.name})`;
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

  steps.push(linkRemovalStep(spec, live, inputs, linkGroupLabel, targetIds));

  const groupSpec = spec.securityGroup;
  if (groupSpec.mode === 'existing') {
    steps.push({
      id: TEARDOWN_STEP_IDS.groupDelete,
      phase: 'security-group',
      action: 'unchanged',
      dependsOn: [TEARDOWN_STEP_IDS.networkLink],
      range: groupSpec.ranges.securityGroupId,
      details: ['apply did not create it, so teardown leaves it and its rules alone'],
      title: `Security group ${groupSpec.securityGroupId} is kept: the spec names an existing group`,
      operation: { kind: 'use-link-group', securityGroupId: groupSpec.securityGroupId },
    });
  } else if (linkGroup === undefined) {
    steps.push({
      id: TEARDOWN_STEP_IDS.groupDelete,
      phase: 'security-group',
      action: 'unchanged',
      dependsOn: [TEARDOWN_STEP_IDS.networkLink],
      range: groupSpec.ranges.name,
      details: [],
      title: `No security group "${groupSpec.name}" in ${spec.vpcId}: nothing to delete`,
      operation: { kind: 'delete-link-group', vpcId: spec.vpcId, name: groupSpec.name },
    });
  } else {
    steps.push({
      id: TEARDOWN_STEP_IDS.groupDelete,
      phase: 'security-group',
      action: 'remove',
      dependsOn: [TEARDOWN_STEP_IDS.networkLink],
      range: groupSpec.ranges.name,
      title: `Delete security group ${linkGroupLabel}`,
      details: [
        "once no network interface uses it (removing the link releases MaxCompute's interfaces)",
        ...live.sameNameGroupIds.map((id) => `also ${id}: an extra empty group with the same name (left by two applies at once)`),
      ],
      call: {
        product: 'Ecs',
        action: 'DeleteSecurityGroup',
        params: { RegionId: spec.regionId, SecurityGroupId: linkGroup.securityGroupId },
      },
      operation: { kind: 'delete-link-group', vpcId: spec.vpcId, name: groupSpec.name },
    });
  }
  return steps;
}
