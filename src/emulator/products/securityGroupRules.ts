/**
 * Security-group rules as ECS treats them (reference §2, "AuthorizeSecurityGroup" and
 * "Security-group semantics"): parsing `Permissions.N.*` or the legacy flat parameters,
 * validation, rule identity (peer + PortRange + IpProtocol + Policy + direction), idempotent
 * authorization and the two ways of revoking.
 */
import { parseBlock } from '../cidr';
import { ApiError, invalidParameter, missingParameter } from '../errors';
import { isoSeconds, newResourceId } from '../ids';
import type { Params } from '../params';
import type { AccountState } from '../state';
import {
  BASIC_GROUP_MAX_GROUP_RULES,
  ECS_UNVERIFIED_CODES as UNVERIFIED_CODES,
  findSecurityGroup,
  type RuleRecord,
  type SecurityGroupRecord,
} from './ecsRecords';

export type Direction = 'ingress' | 'egress';

/** A validated rule from a request, before it gets an id. */
export type RuleRequest = Omit<RuleRecord, 'ruleId' | 'createTime'>;

const PROTOCOLS = new Set(['TCP', 'UDP', 'ICMP', 'GRE', 'ALL', 'ICMPV6']);
/** Fields of one permission; the legacy flat form uses the same names without `Permissions.N.`. */
const PERMISSION_FIELDS = [
  'IpProtocol',
  'PortRange',
  'SourcePortRange',
  'Policy',
  'Priority',
  'NicType',
  'Description',
  'SourceCidrIp',
  'Ipv6SourceCidrIp',
  'SourceGroupId',
  'SourcePrefixListId',
  'SourceGroupOwnerId',
  'SourceGroupOwnerAccount',
  'DestCidrIp',
  'Ipv6DestCidrIp',
  'DestGroupId',
  'DestPrefixListId',
  'DestGroupOwnerId',
  'DestGroupOwnerAccount',
  'PortRangeListId',
];

/** The permissions of a request: `Permissions.N.*` when present, else the legacy flat parameters. */
export function requestedPermissions(params: Params): Array<{ fields: Record<string, string>; label: string }> {
  const listed = params.objects('Permissions');
  if (listed.length > 100) throw invalidParameter('Permissions', 'at most 100 permissions may be given in one request.');
  if (listed.length > 0) return listed.map((fields, i) => ({ fields, label: `Permissions.${i + 1}.` }));
  const flat: Record<string, string> = {};
  for (const name of PERMISSION_FIELDS) {
    const value = params.optional(name);
    if (value !== undefined) flat[name] = value;
  }
  return Object.keys(flat).length > 0 ? [{ fields: flat, label: '' }] : [];
}

function validPortRange(protocol: string, range: string): boolean {
  if (protocol === 'TCP' || protocol === 'UDP') {
    const m = /^(\d{1,5})\/(\d{1,5})$/.exec(range);
    if (!m) return false;
    const [from, to] = [Number(m[1]), Number(m[2])];
    return from >= 1 && to <= 65535 && from <= to;
  }
  return range === '-1/-1';
}

function checkCidr(name: string, value: string): string {
  if (!parseBlock(value))
    throw new ApiError(UNVERIFIED_CODES.cidr, `The specified ${name} "${value}" is not a valid IPv4 address or CIDR block.`);
  return value;
}

/** Validates one permission for a rule in `direction` of `group`. */
export function parseRule(
  account: AccountState,
  group: SecurityGroupRecord,
  direction: Direction,
  fields: Record<string, string>,
  label: string,
): RuleRequest {
  const protocolText = fields.IpProtocol;
  if (!protocolText) throw missingParameter(`${label}IpProtocol`);
  const ipProtocol = protocolText.toUpperCase();
  if (!PROTOCOLS.has(ipProtocol)) {
    throw new ApiError(
      UNVERIFIED_CODES.ipProtocol,
      `The specified ${label}IpProtocol "${protocolText}" is not valid; use TCP, UDP, ICMP, ICMPv6, GRE or ALL.`,
    );
  }
  const portRange = fields.PortRange;
  if (!portRange) throw missingParameter(`${label}PortRange`);
  if (!validPortRange(ipProtocol, portRange)) {
    const expected = ipProtocol === 'TCP' || ipProtocol === 'UDP' ? 'start/end with 1 <= start <= end <= 65535' : '-1/-1 for this protocol';
    throw new ApiError(UNVERIFIED_CODES.portRange, `The specified ${label}PortRange "${portRange}" is not valid: expected ${expected}.`);
  }
  const sourcePortRange = fields.SourcePortRange ?? '';
  if (sourcePortRange !== '' && !validPortRange(ipProtocol, sourcePortRange)) {
    throw new ApiError(UNVERIFIED_CODES.portRange, `The specified ${label}SourcePortRange "${sourcePortRange}" is not valid.`);
  }
  const priorityText = fields.Priority ?? '1';
  if (!/^\d+$/.test(priorityText) || Number(priorityText) < 1 || Number(priorityText) > 100) {
    throw new ApiError(
      UNVERIFIED_CODES.priority,
      `The specified ${label}Priority "${priorityText}" is not valid: it must be an integer from 1 to 100.`,
    );
  }
  const policyText = (fields.Policy ?? 'accept').toLowerCase();
  if (policyText !== 'accept' && policyText !== 'drop') {
    throw new ApiError(UNVERIFIED_CODES.policy, `The specified ${label}Policy "${fields.Policy}" is not valid; use accept or drop.`);
  }
  const peer = direction === 'ingress' ? 'Source' : 'Dest';
  const local = direction === 'ingress' ? 'DestCidrIp' : 'SourceCidrIp';
  const cidr = fields[`${peer}CidrIp`];
  const ipv6 = fields[`Ipv6${peer}CidrIp`];
  const groupId = fields[`${peer}GroupId`];
  const prefixList = fields[`${peer}PrefixListId`];
  const rule: RuleRequest = {
    direction,
    ipProtocol,
    portRange,
    sourcePortRange,
    policy: policyText === 'accept' ? 'Accept' : 'Drop',
    priority: Number(priorityText),
    nicType: fields.NicType || 'intranet',
    description: fields.Description ?? '',
  };
  if (fields[local]) rule.localCidr = checkCidr(`${label}${local}`, fields[local]);
  // A CIDR wins over a group when both are given (ECS doc), so the group is then ignored.
  if (cidr) rule.peerCidr = checkCidr(`${label}${peer}CidrIp`, cidr);
  else if (ipv6) rule.peerIpv6Cidr = ipv6;
  else if (prefixList) rule.peerPrefixListId = prefixList;
  else if (groupId) {
    if (group.type === 'enterprise') {
      throw new ApiError(
        UNVERIFIED_CODES.advancedGroupReference,
        `Security group ${group.securityGroupId} is an advanced group; advanced groups cannot authorize other security groups.`,
      );
    }
    const other = findSecurityGroup(account, groupId, group.regionId);
    if (other.type === 'enterprise') {
      throw new ApiError(
        UNVERIFIED_CODES.advancedGroupReference,
        `Security group ${groupId} is an advanced group; advanced groups cannot be authorized by other security groups.`,
      );
    }
    rule.peerGroupId = groupId;
    rule.nicType = 'intranet';
  } else {
    throw missingParameter(`${label}${peer}CidrIp`);
  }
  return rule;
}

/** The peer as a comparable string: a bare address equals its /32. */
function peerKey(rule: RuleRequest): string {
  if (rule.peerCidr !== undefined) {
    const parsed = parseBlock(rule.peerCidr)!;
    return `cidr:${parsed.network}/${parsed.prefix}`;
  }
  if (rule.peerIpv6Cidr !== undefined) return `ipv6:${rule.peerIpv6Cidr.toLowerCase()}`;
  if (rule.peerGroupId !== undefined) return `group:${rule.peerGroupId}`;
  return `prefix:${rule.peerPrefixListId ?? ''}`;
}

/** Rule identity: direction + peer + PortRange + IpProtocol + Policy (priority and description are not part of it). */
export function ruleIdentity(rule: RuleRequest): string {
  return [rule.direction, peerKey(rule), rule.portRange, rule.ipProtocol, rule.policy].join('|');
}

/** Adds the rules that do not exist yet; an identical rule is a silent no-op, as in ECS. */
export function authorize(group: SecurityGroupRecord, rules: RuleRequest[], now: number): void {
  const existing = new Set(group.rules.map(ruleIdentity));
  const added: RuleRecord[] = [];
  for (const rule of rules) {
    const identity = ruleIdentity(rule);
    if (existing.has(identity)) continue;
    existing.add(identity);
    added.push({ ...rule, ruleId: newResourceId('sgr', group.regionId), createTime: isoSeconds(now) });
  }
  const groupRules =
    group.rules.filter((r) => r.peerGroupId !== undefined).length + added.filter((r) => r.peerGroupId !== undefined).length;
  if (group.type === 'normal' && groupRules > BASIC_GROUP_MAX_GROUP_RULES) {
    throw new ApiError(
      UNVERIFIED_CODES.groupRuleQuota,
      `Security group ${group.securityGroupId} would have ${groupRules} rules that authorize security groups; a basic group allows at most ${BASIC_GROUP_MAX_GROUP_RULES}.`,
    );
  }
  group.rules.push(...added);
}

/** Revokes by `SecurityGroupRuleId.N` (unknown id: InvalidParam.SecurityGroupRuleId) or by permissions (no match: nothing happens). */
export function revoke(account: AccountState, group: SecurityGroupRecord, direction: Direction, params: Params): void {
  const ruleIds = params.list('SecurityGroupRuleId');
  const permissions = requestedPermissions(params);
  if (ruleIds.length > 0 && permissions.length > 0) {
    throw invalidParameter('SecurityGroupRuleId', 'SecurityGroupRuleId.N and Permissions.N cannot be combined in one request.');
  }
  if (ruleIds.length > 100) throw invalidParameter('SecurityGroupRuleId', 'at most 100 rule ids may be given.');
  if (ruleIds.length > 0) {
    for (const ruleId of ruleIds) {
      if (!group.rules.some((r) => r.ruleId === ruleId && r.direction === direction)) {
        throw new ApiError(
          'InvalidParam.SecurityGroupRuleId',
          `The specified SecurityGroupRuleId "${ruleId}" does not exist in ${direction} rules of ${group.securityGroupId}.`,
        );
      }
    }
    const doomed = new Set(ruleIds);
    group.rules = group.rules.filter((r) => !doomed.has(r.ruleId));
    return;
  }
  if (permissions.length === 0) throw missingParameter('SecurityGroupRuleId.N');
  const identities = new Set(permissions.map(({ fields, label }) => ruleIdentity(parseRule(account, group, direction, fields, label))));
  group.rules = group.rules.filter((r) => !identities.has(ruleIdentity(r)));
}
