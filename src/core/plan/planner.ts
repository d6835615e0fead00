/**
 * The planner: a connection spec plus the live state → the ordered steps of the seed doc's
 * procedure (preflight, the link's security group, the console hand-over, target access, usage),
 * each marked + ~ = ! with the API call it makes and the spec text it comes from. Pure.
 */
import { isMaxComputeManagedGroupName, maxComputeManagedGroupNames } from '../model';
import { NETWORK_LINK_ROLE_NAME, NETWORK_LINK_TYPE, networkLinkConsoleUrl } from '../networkLinkConsole';
import { isNetworkLinkReady, NETWORK_LINK_READY_STATUS, PASSTHROUGH } from '../networkLinkApi';
import { ruleCovers } from '../ruleCoverage';
import { describeRule } from '../rules';
import { formatLinkUsage } from '../usage';
import type { ConnectionSpec } from '../specModel';
import { liveStateFingerprint, specHash } from './fingerprint';
import { linkInboundCidr, liveChecks, networkLinkDetected, targetLive } from './liveChecks';
import type { TargetPlanners } from './targetPlanning';
import type { LiveState } from './liveState';
import {
  KNOWN_AFTER_APPLY,
  type ConsoleHandover,
  type LiveCheck,
  type Plan,
  type PlanPurpose,
  type PlanStep,
  type PlanSummary,
} from './steps';
import { linkGroupIngressRule } from './wantedRules';

export interface PlanOptions {
  /** The emulator's endpoint when one is in use: the hand-over then points at its console page. */
  emulatorEndpoint?: string;
}

/** What planning needs besides the spec and the live state: each target kind's planning functions. */
export interface PlanInputs extends PlanOptions {
  planners: TargetPlanners;
}

/** Step ids the executor and the CLI refer to. */
export const STEP_IDS = {
  account: 'preflight.account',
  eniRole: 'preflight.eni-role',
  zone: 'preflight.zone',
  groupCreate: 'link-group.create',
  groupIngress: 'link-group.ingress',
  groupExtra: 'link-group.extra',
  networkLink: 'network-link',
  usage: 'usage',
} as const;

/** The description a created link group gets. */
function groupDescription(spec: ConnectionSpec): string {
  return spec.securityGroup.mode === 'create' && spec.securityGroup.description
    ? spec.securityGroup.description
    : `MaxCompute network link ${spec.networkLinkName}`;
}

/** The plan for one spec against the live state read for it. */
export function planConnection(spec: ConnectionSpec, live: LiveState, inputs: PlanInputs): Plan {
  return assemblePlan('apply', spec, live, inputs, liveChecks(spec, live, inputs.planners), () => orderedSteps(spec, live, inputs));
}

/** A plan of either purpose: the steps only when no check refuses, guarded against touching MaxCompute's groups. */
export function assemblePlan(
  purpose: PlanPurpose,
  spec: ConnectionSpec,
  live: LiveState,
  inputs: PlanInputs,
  checks: LiveCheck[],
  steps: () => PlanStep[],
): Plan {
  const refused = checks.some((c) => c.severity === 'error');
  const planned = refused ? [] : steps();
  if (!refused) assertNoManagedGroupChanged(planned, spec, live, inputs.planners);
  return {
    formatVersion: 1,
    purpose,
    networkLinkName: spec.networkLinkName,
    regionId: spec.regionId,
    vpcId: spec.vpcId,
    specHash: specHash(spec),
    fingerprint: liveStateFingerprint(live),
    refused,
    checks,
    steps: planned,
    summary: summarize(planned),
  };
}

function orderedSteps(spec: ConnectionSpec, live: LiveState, options: PlanInputs): PlanStep[] {
  // The live checks passed, so the VPC and vSwitch exist.
  const vpc = live.vpc!;
  const vSwitch = live.vSwitch!;
  const steps: PlanStep[] = [
    {
      id: STEP_IDS.account,
      phase: 'preflight',
      action: 'unchanged',
      dependsOn: [],
      range: spec.ranges.vpcId,
      operation: { kind: 'check-account', vpcId: vpc.vpcId },
      details: [],
      title: `Account ${live.callerAccountId} owns ${vpc.vpcId}: same-account rule met`,
    },
    {
      id: STEP_IDS.eniRole,
      phase: 'preflight',
      action: 'unchanged',
      dependsOn: [],
      range: spec.ranges.networkLinkName,
      operation: { kind: 'check-eni-role', linkDetected: networkLinkDetected(live) },
      details: [],
      title: live.eniRoleExists
        ? `MaxCompute may create network interfaces (RAM role ${NETWORK_LINK_ROLE_NAME} exists)`
        : 'MaxCompute created the link, so it was authorized to create network interfaces',
    },
    {
      id: STEP_IDS.zone,
      phase: 'preflight',
      action: 'unchanged',
      dependsOn: [],
      range: spec.ranges.vSwitchId,
      operation: { kind: 'check-zone', vSwitchId: vSwitch.vSwitchId },
      details: [],
      title: `vSwitch ${vSwitch.vSwitchId} is in zone ${vSwitch.zoneId}, which supports network links`,
    },
  ];
  const preflight = steps.map((s) => s.id);

  const groupSpec = spec.securityGroup;
  const linkGroupId = live.linkGroup?.group.securityGroupId;
  const groupName = groupSpec.mode === 'create' ? groupSpec.name : (live.linkGroup?.group.name ?? '');
  const linkGroupLabel = linkGroupId === undefined ? `"${groupName}" ${KNOWN_AFTER_APPLY}` : `${linkGroupId} (${groupName})`;
  const groupRange = groupSpec.range;
  const description = groupDescription(spec);
  const ensure =
    groupSpec.mode === 'create' ? ({ kind: 'ensure-link-group', vpcId: vpc.vpcId, name: groupSpec.name, description } as const) : undefined;
  if (linkGroupId === undefined && ensure !== undefined && groupSpec.mode === 'create') {
    steps.push({
      id: STEP_IDS.groupCreate,
      phase: 'security-group',
      action: 'create',
      dependsOn: preflight,
      range: groupSpec.ranges.name,
      title: `Create basic security group "${groupSpec.name}" in ${vpc.vpcId}`,
      details: ['type: basic (normal); outbound: left at the default, allow all'],
      call: {
        product: 'Ecs',
        action: 'CreateSecurityGroup',
        params: {
          RegionId: spec.regionId,
          VpcId: vpc.vpcId,
          SecurityGroupName: groupSpec.name,
          SecurityGroupType: 'normal',
          Description: description,
        },
      },
      operation: ensure,
    });
  } else {
    steps.push({
      id: STEP_IDS.groupCreate,
      phase: 'security-group',
      action: 'unchanged',
      dependsOn: preflight,
      range: groupSpec.mode === 'create' ? groupSpec.ranges.name : groupSpec.ranges.securityGroupId,
      title: `Basic security group ${linkGroupLabel} exists in ${vpc.vpcId}`,
      details: [],
      operation: ensure ?? { kind: 'use-link-group', securityGroupId: linkGroupId! },
    });
  }

  if (groupSpec.mode === 'create' && live.sameNameGroupIds.length > 0) {
    steps.push({
      id: STEP_IDS.groupExtra,
      phase: 'security-group',
      action: 'remove',
      dependsOn: [STEP_IDS.groupCreate],
      range: groupSpec.ranges.name,
      title: `Delete ${live.sameNameGroupIds.join(', ')}: newer empty security group${live.sameNameGroupIds.length === 1 ? '' : 's'} named "${groupSpec.name}" (two applies at once); ${linkGroupLabel} is kept`,
      details: ["no network interface uses them; the oldest group with the name is the link's"],
      call: {
        product: 'Ecs',
        action: 'DeleteSecurityGroup',
        params: { RegionId: spec.regionId, SecurityGroupId: live.sameNameGroupIds.join(',') },
      },
      operation: { kind: 'delete-extra-link-groups', vpcId: vpc.vpcId, name: groupSpec.name },
    });
  }

  const sourceCidr = linkInboundCidr(spec, live);
  if (sourceCidr === undefined)
    throw new Error(`The inbound source block of ${spec.networkLinkName}'s group is unknown although the VPC and vSwitch exist.`);
  const wanted = linkGroupIngressRule(sourceCidr);
  const covered = live.linkGroup !== undefined && ruleCovers(live.linkGroup.ingress, wanted);
  const sourceRange = groupSpec.mode === 'create' ? groupSpec.ranges.inboundSource : groupRange;
  steps.push(
    covered
      ? {
          id: STEP_IDS.groupIngress,
          phase: 'security-group',
          action: 'unchanged',
          dependsOn: [STEP_IDS.groupCreate],
          range: sourceRange,
          details: [],
          title: `${linkGroupLabel} already accepts all inbound traffic from ${sourceCidr}`,
          operation: { kind: 'authorize-link-group', sourceCidr },
        }
      : {
          id: STEP_IDS.groupIngress,
          phase: 'security-group',
          action: 'create',
          dependsOn: [STEP_IDS.groupCreate],
          range: sourceRange,
          title: `Allow all inbound traffic from ${sourceCidr} in ${linkGroupLabel}`,
          details: [describeRule(wanted), "traffic into the link's network interfaces is return traffic, so all of it is accepted"],
          call: {
            product: 'Ecs',
            action: 'AuthorizeSecurityGroup',
            params: {
              RegionId: spec.regionId,
              SecurityGroupId: linkGroupId ?? KNOWN_AFTER_APPLY,
              Permissions: [
                {
                  IpProtocol: 'ALL',
                  PortRange: '-1/-1',
                  SourceCidrIp: sourceCidr,
                  Policy: 'accept',
                  Priority: '1',
                  Description: wanted.description,
                },
              ],
            },
          },
          operation: { kind: 'authorize-link-group', sourceCidr },
        },
  );

  steps.push(networkLinkStep(spec, live, linkGroupId, linkGroupLabel, options));

  const targetContext = {
    regionId: spec.regionId,
    vpcId: vpc.vpcId,
    linkGroupId,
    linkGroupLabel,
    vSwitchCidr: vSwitch.cidrBlock,
    dependsOn: [STEP_IDS.networkLink],
  };
  for (const target of spec.targets) steps.push(options.planners(target.kind).planGrant(target, targetLive(live, target), targetContext));

  steps.push({
    id: STEP_IDS.usage,
    phase: 'usage',
    action: 'info',
    dependsOn: [],
    range: spec.ranges.networkLinkName,
    operation: { kind: 'usage' },
    title: `Use the link "${spec.networkLinkName}" from SQL and Spark`,
    details: [
      ...formatLinkUsage({ networkLinkName: spec.networkLinkName, regionId: spec.regionId, vpcId: spec.vpcId }).trimEnd().split('\n'),
      ...spec.targets.flatMap((target) => options.planners(target.kind).usageHints(target, spec)),
    ],
  });
  return steps;
}

function networkLinkStep(
  spec: ConnectionSpec,
  live: LiveState,
  linkGroupId: string | undefined,
  linkGroupLabel: string,
  options: PlanOptions,
): PlanStep {
  const common: Pick<PlanStep, 'id' | 'phase' | 'dependsOn' | 'range'> = {
    id: STEP_IDS.networkLink,
    phase: 'network-link',
    dependsOn: [STEP_IDS.groupIngress],
    range: spec.ranges.networkLinkName,
  };
  const handover = consoleHandover(spec, linkGroupId, linkGroupLabel, options);
  if (live.networkLinkApi.state !== 'ok') return consoleLinkStep(spec, live, linkGroupLabel, handover, common, live.networkLinkApi.reason);
  const operation = {
    kind: 'create-network-link',
    networkLinkName: spec.networkLinkName,
    vpcId: spec.vpcId,
    vSwitchId: spec.vSwitchId,
  } as const;
  const link = live.networkLink;
  if (link === undefined) {
    return {
      ...common,
      action: 'create',
      operation,
      handover,
      title: `Create network link "${spec.networkLinkName}" in ${spec.vSwitchId} with ${linkGroupLabel}, and wait until MaxCompute says ${NETWORK_LINK_READY_STATUS}`,
      details: [
        `type ${PASSTHROUGH}; MaxCompute then puts its network interfaces in ${spec.vSwitchId} and creates ${maxComputeManagedGroupNames(spec.vpcId).join(' and ')}`,
        'apply polls GetNetworkLink until the status is SUCCESS and the interfaces are seen, then goes on to the targets',
      ],
      call: {
        product: 'MaxCompute',
        action: 'CreateNetworkLink',
        params: {
          name: spec.networkLinkName,
          type: PASSTHROUGH,
          region: spec.regionId,
          vpcId: spec.vpcId,
          passthroughProperties: { vSwitchId: spec.vSwitchId, securityGroup: linkGroupId ?? KNOWN_AFTER_APPLY },
        },
      },
    };
  }
  if (isNetworkLinkReady(link) && networkLinkDetected(live)) {
    return {
      ...common,
      action: 'unchanged',
      operation,
      details: [
        `MaxCompute's interfaces: ${live.linkNetworkInterfaces.map((n) => n.networkInterfaceId).join(', ')}`,
        `return-traffic groups: ${live.managedGroups.map((g) => g.name).join(', ')}`,
      ],
      title: `Network link "${link.name}" is ${link.status} in ${spec.vSwitchId} with ${linkGroupLabel}`,
    };
  }
  // Created (by an earlier run, another machine, a run that was stopped) but not working yet.
  const waitingFor = isNetworkLinkReady(link) ? "MaxCompute's network interfaces to appear" : `status ${NETWORK_LINK_READY_STATUS}`;
  return {
    ...common,
    action: 'change',
    operation,
    handover,
    details: ["the link has this spec's VPC, vSwitch and group: apply adopts it and waits, it does not create another"],
    title: `Wait for network link "${link.name}" (now ${link.status}) to reach ${waitingFor}`,
  };
}

/** The values a person enters in the MaxCompute console, for the fallback when the API cannot be used. */
function consoleHandover(
  spec: ConnectionSpec,
  linkGroupId: string | undefined,
  linkGroupLabel: string,
  options: PlanOptions,
): ConsoleHandover {
  const url = networkLinkConsoleUrl(spec.regionId, options.emulatorEndpoint);
  const fields = [
    { label: 'Connection Name', value: spec.networkLinkName },
    { label: 'Type', value: NETWORK_LINK_TYPE },
    { label: 'Region', value: spec.regionId },
    { label: 'VPC', value: spec.vpcId },
    { label: 'vSwitch', value: spec.vSwitchId },
    { label: 'Security Group', value: linkGroupId ?? `${linkGroupLabel}` },
  ];
  return { url, fields };
}

/** The console hand-over, only when MaxCompute's link API refused (permission) or is not offered in the region. */
function consoleLinkStep(
  spec: ConnectionSpec,
  live: LiveState,
  linkGroupLabel: string,
  handover: ConsoleHandover,
  common: Pick<PlanStep, 'id' | 'phase' | 'dependsOn' | 'range'>,
  reason: string,
): PlanStep {
  const operation = { kind: 'await-network-link', vpcId: spec.vpcId, vSwitchId: spec.vSwitchId } as const;
  if (networkLinkDetected(live)) {
    return {
      ...common,
      action: 'unchanged',
      operation,
      title: `Network link detected in ${spec.vSwitchId}: MaxCompute's interfaces ${live.linkNetworkInterfaces.map((n) => n.networkInterfaceId).join(', ')} are in ${linkGroupLabel}`,
      details: [
        `return-traffic groups: ${live.managedGroups.map((g) => g.name).join(', ')}`,
        `its name cannot be read back (the link API cannot be used: ${reason}); SQL and Spark must use "${spec.networkLinkName}"`,
      ],
    };
  }
  return {
    ...common,
    action: 'manual',
    operation,
    handover,
    title: `Create the network link "${spec.networkLinkName}" in the MaxCompute console (its API cannot be used: ${reason})`,
    details: [
      `open ${handover.url} → Network Connection → Add Network Connection, and enter:`,
      ...handover.fields.map((f) => `  ${f.label}: ${f.value}`),
      `done when MaxCompute's network interfaces appear in ${spec.vSwitchId} with ${maxComputeManagedGroupNames(spec.vpcId)[0]}`,
    ],
  };
}

/** Programming-error guard: no step may change one of MaxCompute's own groups (the live checks refuse such specs). */
export function assertNoManagedGroupChanged(
  steps: readonly PlanStep[],
  spec: ConnectionSpec,
  live: LiveState,
  planners: TargetPlanners,
): void {
  const managedIds = new Set(live.managedGroups.map((g) => g.securityGroupId));
  if (live.linkGroup !== undefined && isMaxComputeManagedGroupName(live.linkGroup.group.name))
    managedIds.add(live.linkGroup.group.securityGroupId);
  for (const target of spec.targets) {
    for (const group of planners(target.kind).modifiedGroups(targetLive(live, target))) {
      if (group.managedByMaxCompute || isMaxComputeManagedGroupName(group.name)) managedIds.add(group.securityGroupId);
    }
  }
  for (const step of steps) {
    const groupId = step.call?.params.SecurityGroupId;
    if (step.call?.product === 'Ecs' && typeof groupId === 'string' && managedIds.has(groupId)) {
      throw new Error(`Refusing to plan step ${step.id}: it would modify ${groupId}, a security group managed by MaxCompute.`);
    }
  }
}

/** Counts for the summary line; usage lines are not counted. */
export function summarize(steps: readonly PlanStep[]): PlanSummary {
  const count = (action: PlanStep['action']): number => steps.filter((s) => s.action === action).length;
  return { add: count('create'), change: count('change'), remove: count('remove'), unchanged: count('unchanged'), manual: count('manual') };
}

/** True when applying would change something or still waits for the console (`plan` exits 2). */
export function planHasChanges(plan: Plan): boolean {
  return plan.steps.some(
    (s) =>
      s.action === 'create' ||
      s.action === 'change' ||
      s.action === 'remove' ||
      (s.action === 'manual' && (s.operation.kind === 'await-network-link' || s.operation.kind === 'await-network-link-removal')),
  );
}
