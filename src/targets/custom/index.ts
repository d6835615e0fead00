/**
 * Any address block in the VPC and its ports (a self-managed database…). Nothing about it can be
 * read or changed through an API: the plan hands over to a person, and access is "unknown".
 */
import { cidrProblem, formatCidr, parseCidr } from '../../core/cidr';
import { targetStepBase, type TargetLive } from '../../core/plan';
import type { SourceRange, TargetSpec } from '../../core/specModel';
import type { TargetKindModule, TargetProblem } from '../kind';
import { portsOf } from '../common/portsSpec';
import { stringField } from '../common/serviceSpec';
import { definition } from './schema';
import { blockEnds, textEvidence } from '../../core/doctor';

export interface CustomTargetSpec extends TargetSpec {
  kind: 'custom';
  cidr: string;
  ports: number[];
  ranges: TargetSpec['ranges'] & { cidr: SourceRange; ports: SourceRange; portItems: SourceRange[] };
}

export interface CustomLive extends TargetLive {
  kind: 'custom';
}

function normalizedCidr(text: string): string {
  const parsed = parseCidr(text);
  return parsed ? formatCidr(parsed) : text;
}

export const customKind: TargetKindModule<CustomTargetSpec, CustomLive> = {
  kind: 'custom',
  noun: 'address block',
  schema: {
    definition,
    kindWords: 'custom (any address block and ports in the VPC)',
    example: { kind: 'custom', name: 'kafka', cidr: '192.168.10.0/24', ports: [9092] },
  },
  defaultPorts: [],

  buildSpec(fields, common) {
    const { ports, ranges } = portsOf(fields, []);
    return {
      ...common,
      kind: 'custom',
      cidr: stringField(fields, 'cidr'),
      ports,
      ranges: { ...common.ranges, cidr: fields.range('cidr'), ...ranges },
    };
  },
  derivedLabel: (data) => `custom ${String(data.cidr ?? '')}`,
  specProblems(target): TargetProblem[] {
    const reason = cidrProblem(target.cidr);
    if (reason === undefined) return [];
    // Host bits set is only untidy (the cloud normalizes the block); a malformed block is an error.
    return [
      {
        severity: parseCidr(target.cidr) === undefined ? 'error' : 'warning',
        code: 'invalid-cidr',
        field: 'cidr',
        range: target.ranges.cidr,
        message: reason,
      },
    ];
  },
  identity: (target) => ({
    words: `address block ${normalizedCidr(target.cidr)} on ports ${[...target.ports].sort((a, b) => a - b).join(', ')}`,
    range: target.ranges.cidr,
  }),
  targetPorts: (target) => target.ports,
  resourceIdOf: () => undefined,
  addressBlockItem: (name, cidr, ports) => ({ kind: 'custom', name, cidr, ports: [...ports] }),

  readLive: () => Promise.resolve({ kind: 'custom' }),
  liveChecks: () => [],
  planGrant: (target, _live, ctx) => ({
    ...targetStepBase(target, ctx, 'grant'),
    action: 'manual',
    title: `"${target.label}" (${target.cidr}): if the server has its own access control, allow ${ctx.vSwitchCidr} on TCP ${target.ports.join(', ')}`,
    details: [
      `MaxCompute's network interfaces take addresses in ${ctx.vSwitchCidr} and sit in security group ${ctx.linkGroupLabel}; this cannot be checked from the cloud API (seed doc, optional step 4).`,
    ],
  }),
  planRevoke: (target, _live, ctx) => ({
    ...targetStepBase(target, ctx, 'revoke'),
    action: 'manual',
    title: `"${target.label}" (${target.cidr}): if you allowed ${ctx.vSwitchCidr || "the link vSwitch's block"} on the server itself, remove it there`,
    details: ['nothing about this target can be read or changed through the cloud API'],
  }),
  modifiedGroups: () => [],
  apply: (target, change) =>
    Promise.resolve({
      status: 'manual',
      detail: `"${target.label}" (${target.cidr}): ${change === 'grant' ? 'allow' : 'remove'} the link's block on the server itself, if it has its own access control`,
    }),
  usageHints: () => [],
  reachability: (target, _live, link) => ({
    ports: [...target.ports],
    addresses: blockEnds(normalizedCidr(target.cidr)),
    hops: [
      {
        id: 'access',
        title: `"${target.label}" (${target.cidr}) admits the link`,
        verdict: 'unknown',
        reason: `Whether the server itself admits ${link.vSwitchCidr ?? "the link vSwitch's block"} on TCP ${target.ports.join(', ')} cannot be read from the cloud API.`,
        evidence: [textEvidence(`custom target ${target.cidr}: no API describes its access control`)],
        fix: {
          kind: 'manual',
          summary: `If the server has its own access control, allow ${link.vSwitchCidr ?? "the link vSwitch's block"} on TCP ${target.ports.join(', ')} there.`,
        },
      },
    ],
  }),
};
