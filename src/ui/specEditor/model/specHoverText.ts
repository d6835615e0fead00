/**
 * What hovering an id in a spec shows: the live resource (name, CIDR, zone and its network-link
 * support, status, rules or whitelist summary, from the kinds' `present()`/`accessFacts()`) and
 * its console page. Markdown lines; pure, the cloud's answers are handed in. No vscode.
 * Every value from the cloud or the file goes in through `text` or `code` (escaped), and lines a
 * target kind composed through `markdownInert`: a name in a shared account cannot render an image.
 */
import { markdownCode as code, markdownInert, markdownText as text } from '../../../core/displayText';
import { describeRule } from '../../../core/rules';
import type { SecurityGroup, SecurityGroupRule, VSwitch, Vpc } from '../../../core/model';
import type { TargetLive } from '../../../core/plan';
import { SUPPORTED_REGIONS, zoneSupportProblem } from '../../../core/zones';
import { consoleUrl } from '../../networkView/model/consoleUrls';
import type { CatalogService } from './specCatalog';
import type { IdField } from './specCompletionItems';

/** A hover: Markdown lines and the console page, if any. */
export interface SpecHover {
  lines: string[];
  consoleUrl?: string;
}

/** The cloud's answers for the id under the cursor. */
export interface HoverFacts {
  vpcs?: readonly Vpc[];
  vSwitches?: readonly VSwitch[];
  groups?: readonly SecurityGroup[];
  rules?: readonly SecurityGroupRule[];
  services?: readonly CatalogService[];
  /** The access settings of the service (its kind's readAccess), when read. */
  serviceLive?: TargetLive;
}

const MAX_RULES = 6;

function notFound(what: string, id: string, regionId: string): SpecHover {
  return { lines: [`$(warning) ${what} ${code(id)} was not found in ${text(regionId)} for this account.`] };
}

/** The hover for `id` in an id field, or undefined when there is nothing to say. */
export function hoverFor(field: IdField, id: string, regionId: string, facts: HoverFacts): SpecHover | undefined {
  if (id === '') return undefined;
  switch (field.resource) {
    case 'region': {
      const region = SUPPORTED_REGIONS.find((r) => r.regionId === id);
      if (region === undefined)
        return { lines: [`**${text(id)}**`, `$(warning) MaxCompute network links are not available in this region.`] };
      return { lines: [`**${region.name}** ${code(id)}`, `Zones with network links: ${region.zoneIds.join(', ')}`] };
    }
    case 'vpc': {
      const vpc = facts.vpcs?.find((v) => v.vpcId === id);
      if (vpc === undefined) return notFound('VPC', id, regionId);
      return {
        lines: [
          `**${text(vpc.name || vpc.vpcId)}** ${code(vpc.vpcId)} — VPC`,
          `- CIDR: ${code(vpc.cidrBlock)}\n- Status: ${text(vpc.status)}\n- vSwitches: ${vpc.vSwitchIds.length}${vpc.isDefault ? '\n- Default VPC' : ''}`,
        ],
        consoleUrl: consoleUrl({ kind: 'vpc', regionId, id }),
      };
    }
    case 'vSwitch': {
      const vSwitch = facts.vSwitches?.find((s) => s.vSwitchId === id);
      if (vSwitch === undefined) return notFound('vSwitch', id, regionId);
      const problem = zoneSupportProblem(regionId, vSwitch.zoneId);
      const support = problem === undefined ? '$(pass) supports network links' : `$(error) ${text(problem)}`;
      return {
        lines: [
          `**${text(vSwitch.name || vSwitch.vSwitchId)}** ${code(vSwitch.vSwitchId)} — vSwitch of ${code(vSwitch.vpcId)}`,
          `- CIDR: ${code(vSwitch.cidrBlock)}\n- Zone: ${text(vSwitch.zoneId)}: ${support}\n- Status: ${text(vSwitch.status)}\n- Free IP addresses: ${vSwitch.availableIpAddressCount}`,
        ],
        consoleUrl: consoleUrl({ kind: 'vSwitch', regionId, id }),
      };
    }
    case 'linkGroup':
    case 'targetGroup': {
      const group = facts.groups?.find((g) => g.securityGroupId === id);
      if (group === undefined) return notFound('Security group', id, regionId);
      const ingress = (facts.rules ?? []).filter((r) => r.direction === 'ingress');
      const egress = (facts.rules ?? []).filter((r) => r.direction === 'egress');
      const shown = [...ingress, ...egress].slice(0, MAX_RULES).map((r) => `- ${text(describeRule(r))}`);
      const more = ingress.length + egress.length > MAX_RULES ? [`- … ${ingress.length + egress.length - MAX_RULES} more`] : [];
      const lines = [
        `**${text(group.name || group.securityGroupId)}** ${code(group.securityGroupId)} — ${group.type === 'normal' ? 'basic' : 'advanced'} security group in ${code(group.vpcId)}`,
      ];
      if (group.managedByMaxCompute)
        lines.push("$(lock) One of MaxCompute's return-traffic groups: never modify it, never use it for a link.");
      else if (field.resource === 'linkGroup' && group.type !== 'normal')
        lines.push('$(error) Advanced groups deny outbound traffic by default: a network link needs a basic group.');
      lines.push(facts.rules === undefined ? 'Rules: not read' : `Rules: ${ingress.length} inbound, ${egress.length} outbound`);
      if (shown.length > 0) lines.push([...shown, ...more].join('\n'));
      return { lines, consoleUrl: consoleUrl({ kind: 'securityGroup', regionId, id }) };
    }
    case 'service': {
      const binding = field.kind.service!;
      const found = facts.services?.find((s) => s.kind === field.kind && binding.idOf(s.resource) === id);
      if (found === undefined) return notFound(field.kind.noun, id, regionId);
      const shown = binding.present(found.resource);
      const access = facts.serviceLive === undefined ? [] : binding.accessFacts(facts.serviceLive);
      return {
        lines: [
          `**${text(shown.label)}** ${code(shown.id)} — ${text(shown.kindText)}${found.resource.vpcId ? ` in ${code(found.resource.vpcId)}` : ''}`,
          [...shown.facts, ...access].map(markdownInert).join('\n'),
        ].filter((l) => l !== ''),
        consoleUrl: shown.consoleUrl,
      };
    }
  }
}
