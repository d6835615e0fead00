/**
 * The rules against the cloud and the plan (`mcvpc check` with a profile), for what a spec's text
 * cannot show: someone opened the link's group to the internet by hand (MCVPC101), widened the
 * entry that admits the link (MCVPC102), opened a target's group to the link on a remote-shell
 * port (MCVPC103), or a plan would write a whitelist in Cover mode (MCVPC104). Pure: the plan,
 * the live state it was made from, and the spec's policy facts; no kind is named (a target's
 * live `whitelist` and `group` are read by those names, see TargetLive).
 */
import { cidrContains, isWholeInternet, parseCidr, type Cidr } from '../cidr';
import { parsePortRange } from '../ports';
import { normalizePolicy } from '../rules';
import type { GroupWithIngress, LiveState, Plan, PlanStep } from '../plan';
import type { SecurityGroupRule } from '../model';
import type { SourceRange } from '../specModel';
import { ADMIN_PORTS, WIDEST_VSWITCH_PREFIX } from './rules';
import type { PolicyFinding, PolicyLink, PolicyRuleId, PolicySettings, RuleSettings } from './types';

type Found = Pick<PolicyFinding, 'path' | 'range' | 'message'>;

/**
 * The whitelist writes a plan can show, by `product/action` (product compared without case).
 * `mode`: the call changes only the entries it is given when ModifyMode is Append or Delete; Cover
 * (RDS ModifySecurityIps: "Cover: 默认值", the default when ModifyMode is absent) replaces the
 * group. PolarDB's ModifyMode is Cover|Append|Delete for WhiteListType=IP [its default, taken to
 * be Cover as RDS's, is unverified]. `whole-list`: the call sets the group's whole list (HBase
 * ModifyIpWhitelist's IpList; Lindorm UpdateInstanceIpWhiteList's SecurityIpList, whose
 * `Delete=true` "clears the whitelist"), so it is a Cover write unless it keeps every entry.
 */
const WHITELIST_WRITES: Record<
  string,
  { by: 'mode' | 'whole-list'; group: string; defaultGroup: string; entries: string; ipOnly?: boolean; clears?: string }
> = {
  'rds/modifysecurityips': { by: 'mode', group: 'DBInstanceIPArrayName', defaultGroup: 'default', entries: 'SecurityIps' },
  'polardb/modifydbclusteraccesswhitelist': {
    by: 'mode',
    group: 'DBClusterIPArrayName',
    defaultGroup: 'default',
    entries: 'SecurityIps',
    ipOnly: true,
  },
  'hbase/modifyipwhitelist': { by: 'whole-list', group: 'GroupName', defaultGroup: 'default', entries: 'IpList' },
  'hitsdb/updateinstanceipwhitelist': {
    by: 'whole-list',
    group: 'GroupName',
    defaultGroup: 'user',
    entries: 'SecurityIpList',
    clears: 'Delete',
  },
};

function listOf(value: unknown): string[] {
  return typeof value === 'string'
    ? value
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '')
    : [];
}

/** MCVPC104 on one step: a Cover write, or a whole-list write that drops an entry other than the link's own. */
function coverWrite(step: PlanStep, live: LiveState): string | undefined {
  const call = step.call;
  if (call === undefined) return undefined;
  const write = WHITELIST_WRITES[`${call.product}/${call.action}`.toLowerCase()];
  if (write === undefined) return undefined;
  const params = call.params;
  if (write.ipOnly === true && (params.WhiteListType ?? 'IP') !== 'IP') return undefined;
  const group = typeof params[write.group] === 'string' ? (params[write.group] as string) : write.defaultGroup;
  const where = `${call.product} ${call.action} on whitelist group ${group}`;
  if (write.by === 'mode') {
    const mode = params.ModifyMode;
    if (mode === 'Append' || mode === 'Delete') return undefined;
    return `${where} writes with ModifyMode=${typeof mode === 'string' ? mode : '(absent: Cover, the default)'}, which replaces the group's whole list; only Append and Delete leave others' entries alone`;
  }
  if (write.clears !== undefined && (params[write.clears] === true || params[write.clears] === 'true'))
    return `${where} sends ${write.clears}=true, which clears the whitelist`;
  const held = step.targetIndex === undefined ? undefined : live.targets[step.targetIndex]?.whitelist?.find((g) => g.name === group);
  const written = new Set(listOf(params[write.entries]));
  const linkBlock = live.vSwitch?.cidrBlock;
  const dropped = (held?.ips ?? []).filter((ip) => !written.has(ip) && ip !== linkBlock);
  if (dropped.length === 0) return undefined;
  return `${where} sets the group's whole list without ${dropped.join(', ')}, which the group holds: a Cover write that would drop others' entries`;
}

/** The link group's range in the spec: its inboundSource when the spec creates it, else the id. */
function linkGroupPlace(link: PolicyLink): { path: string; range: SourceRange } {
  const group = link.spec.securityGroup;
  return group.mode === 'create'
    ? { path: 'securityGroup.create.inboundSource', range: group.ranges.inboundSource }
    : { path: 'securityGroup.id', range: group.ranges.securityGroupId };
}

function ruleWords(rule: SecurityGroupRule): string {
  return `${rule.policy} ${rule.protocol} ${rule.portRange} from ${rule.peerCidr ?? rule.peerGroupId ?? '?'} (priority ${rule.priority})`;
}

const accepts = (rule: SecurityGroupRule): boolean => rule.direction === 'ingress' && normalizePolicy(rule.policy) === 'accept';

/** True when `block` is wider than the repository allows, or wider than (and around) the link's VPC. */
function tooWide(block: Cidr, min: number, vpc: Cidr | undefined): boolean {
  return block.prefix < min || (vpc !== undefined && block.prefix < vpc.prefix && cidrContains(block, vpc));
}

/** The ports of a rule's range that the settings refuse for the kind, in words; undefined when none. */
function refusedPorts(rule: SecurityGroupRule, kind: string, settings: RuleSettings): string | undefined {
  const parsed = parsePortRange(rule.portRange);
  if ('problem' in parsed) return undefined;
  const all = parsed.from === -1;
  const [from, to] = all ? [1, 65535] : [parsed.from, parsed.to];
  const forbidden = (settings.forbiddenPorts ?? ADMIN_PORTS).filter((p) => p >= from && p <= to);
  if (forbidden.length > 0) return `port ${forbidden.join(', ')} (a remote shell or desktop port, which no MaxCompute job needs)`;
  const allowed = settings.allowedPorts?.[kind];
  if (allowed === undefined) return undefined;
  const inside = new Set(allowed.filter((p) => p >= from && p <= to)).size;
  return inside === to - from + 1
    ? undefined
    : `ports ${all ? 'all' : `${from}-${to}`} beyond those this repository allows for ${kind} targets (${allowed.join(', ') || 'none'})`;
}

const LIVE_RULES: ReadonlyArray<{
  id: PolicyRuleId;
  check(link: PolicyLink, plan: Plan, live: LiveState, settings: RuleSettings): Found[];
}> = [
  {
    id: 'MCVPC101',
    check(link, _plan, live) {
      const group = live.linkGroup;
      if (group === undefined) return [];
      const place = linkGroupPlace(link);
      return group.ingress
        .filter((r) => accepts(r) && r.peerCidr !== undefined && isWholeInternet(r.peerCidr))
        .map((r) => ({
          ...place,
          message: `in the cloud, the link's group ${group.group.securityGroupId} admits the whole internet: ${ruleWords(r)}; revoke it`,
        }));
    },
  },
  {
    id: 'MCVPC102',
    check(link, _plan, live, settings) {
      const min = settings.minPrefixLength ?? WIDEST_VSWITCH_PREFIX;
      const vpc = parseCidr(live.vpc?.cidrBlock ?? '');
      const found: Found[] = [];
      const group = live.linkGroup;
      if (group !== undefined) {
        for (const r of group.ingress.filter(accepts)) {
          const block = r.peerCidr === undefined || isWholeInternet(r.peerCidr) ? undefined : parseCidr(r.peerCidr);
          if (block !== undefined && tooWide(block, min, vpc))
            found.push({
              ...linkGroupPlace(link),
              message: `in the cloud, the link's group ${group.group.securityGroupId} admits ${r.peerCidr}, wider than the link's VPC or /${min}: ${ruleWords(r)}`,
            });
        }
      }
      for (const t of link.targets) {
        if (t.whitelistGroup === undefined) continue;
        const held = live.targets[t.index]?.whitelist?.find((g) => g.name === t.whitelistGroup!.name);
        for (const ip of held?.ips ?? []) {
          const block = parseCidr(ip);
          if (block !== undefined && tooWide(block, min, vpc)) {
            found.push({
              path: `targets[${t.index}].whitelistGroup`,
              range: t.whitelistGroup.range,
              message: `in the cloud, whitelist group ${held!.name} of ${t.label} admits ${ip}, wider than the link's VPC${vpc === undefined ? '' : ` (${live.vpc!.cidrBlock})`} or /${min}; the link needs only its vSwitch's block`,
            });
          }
        }
      }
      return found;
    },
  },
  {
    id: 'MCVPC103',
    check(link, _plan, live, settings) {
      // Rules that name the link: their source is its group (what apply writes). A block that holds
      // the link's vSwitch also lets it in, but such rules serve the vSwitch's other machines too
      // (an EMR cluster's own 1/65535 from its vSwitch): they are not the link's to judge.
      const linkGroupId = live.linkGroup?.group.securityGroupId;
      const admitsLink = (r: SecurityGroupRule): boolean => linkGroupId !== undefined && r.peerGroupId === linkGroupId;
      return link.targets.flatMap((t) => {
        const group: GroupWithIngress | undefined = live.targets[t.index]?.group;
        if (group === undefined) return [];
        return group.ingress
          .filter((r) => accepts(r) && admitsLink(r))
          .flatMap((r): Found[] => {
            const refused = refusedPorts(r, t.kind, settings);
            return refused === undefined
              ? []
              : [
                  {
                    path: `targets[${t.index}]`,
                    range: t.range,
                    message: `in the cloud, ${t.label}'s security group ${group.group.securityGroupId} opens ${refused} to the link: ${ruleWords(r)}`,
                  },
                ];
          });
      });
    },
  },
  {
    id: 'MCVPC104',
    check(_link, plan, live) {
      return plan.steps.flatMap((step): Found[] => {
        const why = coverWrite(step, live);
        return why === undefined ? [] : [{ path: step.id, range: step.range, message: `the plan's step "${step.title}": ${why}` }];
      });
    },
  },
];

/** The rules' findings against the cloud and the plan, at the rules' configured severities, in rule order. */
export function liveRuleFindings(link: PolicyLink, plan: Plan, live: LiveState, settings: PolicySettings): PolicyFinding[] {
  return LIVE_RULES.flatMap(({ id, check }) => {
    const rule = settings[id];
    if (rule.severity === 'off') return [];
    const severity = rule.severity;
    return check(link, plan, live, rule).map((f) => ({
      ...f,
      ruleId: id,
      severity,
      networkLinkName: link.spec.networkLinkName,
      documentIndex: link.spec.documentIndex,
    }));
  });
}
