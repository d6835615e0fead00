/**
 * A self-managed service on an ECS instance (Kafka, ClickHouse, MySQL on ECS…): the instance's
 * security group gets one inbound rule per port with the link's group as source, as for EMR.
 * An instance in several groups needs the spec to say which one receives the rules.
 */
import type { Cloud } from '../../cloud';
import { toEcsInstance, type EcsInstance } from '../../cloud/products/ecsInstances';
import { unlessNotFound, type ReadOptions } from '../../cloud/reads';
import { otherVpcCheck, targetError, type GroupWithIngress, type TargetLive } from '../../core/plan';
import type { SourceRange, TargetSpec } from '../../core/specModel';
import type { SharedReads, TargetCloud, TargetKindModule } from '../kind';
import { fillConsoleUrl } from '../common/consoleUrl';
import { applyPortRules, planPortGrant, planPortRevoke, portGroupChecks, portLinkAccess } from '../common/portRules';
import { portsOf } from '../common/portsSpec';
import { stringField } from '../common/serviceSpec';
import { definition } from './schema';
import { placementHop, portAccessHop } from '../common/reachability';

/** [unverified] The console page of an instance. */
const CONSOLE_URL = 'https://ecs.console.aliyun.com/server/{id}/detail?regionId={regionId}';

export interface EcsTargetSpec extends TargetSpec {
  kind: 'ecs';
  instanceId: string;
  ports: number[];
  /** The group that receives the rules when the spec names one. */
  securityGroupId?: string;
  ranges: TargetSpec['ranges'] & { instanceId: SourceRange; ports: SourceRange; portItems: SourceRange[]; securityGroup: SourceRange };
}

export interface EcsLive extends TargetLive {
  kind: 'ecs';
  instance?: EcsInstance;
  /** The group that receives the rules: the spec's, or the instance's only group. */
  group?: GroupWithIngress;
}

async function readInstance(
  cloud: TargetCloud,
  regionId: string,
  instanceId: string,
  options: ReadOptions,
): Promise<EcsInstance | undefined> {
  const r = await unlessNotFound(cloud.ecs.describeInstances({ RegionId: regionId, InstanceIds: JSON.stringify([instanceId]) }, options));
  const wire = (r?.Instances?.Instance ?? []).find((i) => i.InstanceId === instanceId);
  return wire === undefined ? undefined : toEcsInstance(wire, regionId);
}

/** The group the rules go into: the spec's when given, else the instance's only one. */
function ruleGroupId(instance: EcsInstance | undefined, named: string | undefined): string | undefined {
  if (named !== undefined) return named;
  return instance !== undefined && instance.securityGroupIds.length === 1 ? instance.securityGroupIds[0] : undefined;
}

async function groupOf(reads: SharedReads, groupId: string): Promise<GroupWithIngress | undefined> {
  const group = await reads.group(groupId);
  if (group === undefined) return undefined;
  const rules = await unlessNotFound(reads.groupRules(groupId));
  return rules === undefined ? undefined : { group, ingress: rules.filter((r) => r.direction === 'ingress') };
}

function owner(target: EcsTargetSpec, groupId: string): string {
  return `ECS ${target.instanceId}'s security group ${groupId}`;
}

export const ecsKind: TargetKindModule<EcsTargetSpec, EcsLive, EcsInstance> = {
  kind: 'ecs',
  noun: 'ECS instance',
  schema: {
    definition,
    kindWords: 'ecs (a service on an ECS instance)',
    example: { kind: 'ecs', instance: 'i-bp1abc2def3ghi4jk', ports: [9092] },
  },
  // The service decides; the spec must say (ports is required).
  defaultPorts: [],

  buildSpec(fields, common) {
    const { ports, ranges } = portsOf(fields, []);
    const spec: EcsTargetSpec = {
      ...common,
      kind: 'ecs',
      instanceId: stringField(fields, 'instance'),
      ports,
      ranges: { ...common.ranges, instanceId: fields.range('instance'), securityGroup: fields.range('securityGroup'), ...ranges },
    };
    if (typeof fields.data.securityGroup === 'string') spec.securityGroupId = fields.data.securityGroup;
    return spec;
  },
  derivedLabel: (data) => `ecs ${String(data.instance ?? '')}`,
  specProblems: () => [],
  identity: (target) => ({
    words: `ECS instance ${target.instanceId} on ports ${[...target.ports].sort((a, b) => a - b).join(', ')}`,
    range: target.ranges.instanceId,
  }),
  targetPorts: (target) => target.ports,
  resourceIdOf: (target) => target.instanceId,

  async readLive(cloud, regionId, target, reads, options) {
    const instance =
      reads.ecsInstance === undefined
        ? await readInstance(cloud, regionId, target.instanceId, options)
        : await unlessNotFound(reads.ecsInstance(target.instanceId));
    const live: EcsLive = { kind: 'ecs', instance };
    const groupId = ruleGroupId(instance, target.securityGroupId);
    if (instance !== undefined && groupId !== undefined) live.group = await groupOf(reads, groupId);
    return live;
  },

  liveChecks(target, live, ctx) {
    const instance = live.instance;
    if (instance === undefined)
      return [
        targetError(
          'target-not-found',
          target,
          `ECS instance ${target.instanceId} was not found in ${ctx.spec.regionId}.`,
          target.ranges.instanceId,
        ),
      ];
    if (target.securityGroupId === undefined && instance.securityGroupIds.length > 1) {
      return [
        targetError(
          'target-group-missing',
          target,
          `ECS instance ${target.instanceId} is in ${instance.securityGroupIds.length} security groups (${instance.securityGroupIds.join(', ')}); name the one that should admit the link with securityGroup.`,
          target.ranges.instanceId,
        ),
      ];
    }
    if (target.securityGroupId !== undefined && !instance.securityGroupIds.includes(target.securityGroupId)) {
      return [
        targetError(
          'target-group-missing',
          target,
          `security group ${target.securityGroupId} is not one of ECS instance ${target.instanceId}'s groups (${instance.securityGroupIds.join(', ') || 'none'}).`,
          target.ranges.securityGroup,
        ),
      ];
    }
    if (live.group === undefined) {
      const which = ruleGroupId(instance, target.securityGroupId);
      return [
        targetError(
          'target-group-missing',
          target,
          which === undefined
            ? `ECS instance ${target.instanceId} is in no security group.`
            : `security group ${which} was not found in ${ctx.spec.regionId}.`,
          target.ranges.instanceId,
        ),
      ];
    }
    return [
      ...otherVpcCheck(target, `ECS instance ${target.instanceId}`, instance.vpcId, ctx, target.ranges.instanceId),
      ...portGroupChecks(target, live.group.group, live.group.ingress, target.ports, ctx, target.ranges.ports),
    ];
  },
  planGrant(target, live, ctx) {
    if (live.group === undefined)
      throw new Error(`ECS target ${target.index} has no security group; the live checks should have refused the plan.`);
    return planPortGrant(target, owner(target, live.group.group.securityGroupId), live.group, target.ports, ctx);
  },
  planRevoke: (target, live, ctx) =>
    planPortRevoke(
      target,
      owner(target, live.group?.group.securityGroupId ?? target.securityGroupId ?? '(unknown)'),
      live.group,
      target.ports,
      ctx,
    ),
  modifiedGroups: (live) => (live.group === undefined ? [] : [live.group.group]),

  async apply(target, change, ctx) {
    const instance =
      target.securityGroupId === undefined
        ? await readInstance(ctx.cloud, ctx.regionId, target.instanceId, { signal: ctx.signal })
        : undefined;
    return applyPortRules(ruleGroupId(instance, target.securityGroupId), target.ports, change, ctx);
  },

  usageHints: (target, link) => [
    `-- ${target.label}: UDFs and Spark reach ${target.instanceId} on TCP ${target.ports.join(', ')} once SET odps.session.networklink=${link.networkLinkName}; (or the Spark ENI lines) is in force`,
  ],
  reachability: (target, live, link) => {
    const words = `ECS instance ${target.instanceId}`;
    const placement = placementHop(words, live.instance !== undefined, live.instance?.vpcId, link);
    if (placement.verdict === 'fail' || live.instance === undefined) return { ports: [], addresses: [], hops: [placement] };
    const access = portAccessHop(
      target,
      words,
      live.group?.group,
      live.group?.ingress ?? [],
      target.ports.map((p) => [p]),
      link,
    );
    return { ports: [...target.ports], addresses: [...live.instance.privateIpAddresses], hops: [placement, access] };
  },

  service: {
    listScope: 'vpc',
    list: (cloud: Cloud, _regionId, vpcId, options) =>
      cloud.fetchAll(cloud.lists.ecsInstances(vpcId === undefined ? {} : { VpcId: vpcId }), options),
    async readAccess(_cloud, _regionId, instance, reads) {
      const live: EcsLive = { kind: 'ecs', instance };
      const groupId = ruleGroupId(instance, undefined);
      if (groupId !== undefined) live.group = await groupOf(reads, groupId);
      return live;
    },
    // Ports: the spec's when a spec names the instance; else the tree cannot know which ports matter.
    linkAccess: (live, source, ports) =>
      ports === undefined || ports.length === 0
        ? { link: source.label, verdict: 'unknown', reason: 'which ports the service listens on is known only from a spec' }
        : portLinkAccess(live.group?.group, live.group?.ingress ?? [], ports, source),
    accessFacts: (live) =>
      live.group === undefined
        ? []
        : [`- Security group \`${live.group.group.securityGroupId}\`: ${live.group.ingress.length} inbound rules`],
    // The service decides its ports: a few common ones to tick, none ticked by default.
    formOffer: () => ({
      ports: [
        { port: 9092, label: 'Kafka', checked: false },
        { port: 3306, label: 'MySQL', checked: false },
        { port: 8123, label: 'ClickHouse HTTP', checked: false },
        { port: 9000, label: 'ClickHouse native', checked: false },
      ],
    }),
    formItem: (instance, choice) => ({
      kind: 'ecs',
      instance: instance.instanceId,
      ports: [...choice.ports],
      ...(instance.securityGroupIds.length > 1 ? { securityGroup: instance.securityGroupIds[0] } : {}),
    }),
    idOf: (instance) => instance.instanceId,
    matches: (target, instance) => target.instanceId === instance.instanceId,
    present: (instance) => ({
      id: instance.instanceId,
      label: instance.name || instance.instanceId,
      kindText: 'ECS',
      icon: 'vm',
      facts: [
        `- Status: ${instance.status}`,
        `- Private IP: ${instance.privateIpAddresses.map((ip) => `\`${ip}\``).join(', ') || 'none'}`,
        `- Security groups: ${instance.securityGroupIds.map((id) => `\`${id}\``).join(', ') || 'none'}`,
      ],
      consoleUrl: fillConsoleUrl(CONSOLE_URL, instance.regionId, instance.instanceId),
    }),
  },
};
