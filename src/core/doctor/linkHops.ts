/**
 * The hops of the link itself: the same-account rule, the vSwitch's zone, the link's security
 * group (exists, in the VPC, basic, not MaxCompute's, not shared), its return-traffic rule, the
 * link's ENIs and MaxCompute's two return-traffic groups as created.
 */
import { interfaceUserText, isServiceInterface, maxComputeManagedGroupNames, isMaxComputeManagedGroupName } from '../model';
import { isNetworkLinkReady, linkConfigurationText, NETWORK_LINK_READY_STATUS, PASSTHROUGH } from '../networkLinkApi';
import { linkGroupIngressRule, linkInboundCidr, overridingDrops, type LiveState } from '../plan';
import { ruleCovers } from '../ruleCoverage';
import { describeRule, normalizePolicy } from '../rules';
import type { ConnectionSpec } from '../specModel';
import { zoneSupportProblem } from '../zones';
import { groupEvidence, ruleEvidence, ruleFix, textEvidence } from './evidence';
import type { DoctorExtras, Hop } from './types';

const LINK = { kind: 'link' } as const;

type LinkHop = Omit<Hop, 'scope'>;

function hop(h: LinkHop): Hop {
  return { scope: LINK, ...h };
}

/**
 * How to get the link made: apply creates it through MaxCompute's API; only when that API cannot
 * be used, what to enter in the MaxCompute console.
 */
function consoleFix(spec: ConnectionSpec, groupId: string | undefined, live?: LiveState): Hop['fix'] {
  if (live?.networkLinkApi.state === 'ok') {
    return {
      kind: 'manual',
      summary: `Run mcvpc apply on the spec (or Apply in the Network view): it creates the network link ${spec.networkLinkName} through MaxCompute's API and waits until it is SUCCESS.`,
    };
  }
  return {
    kind: 'manual',
    summary: `Create the network link in the MaxCompute console (Network Connection → Add): name ${spec.networkLinkName}, type VPC direct connection, region ${spec.regionId}, VPC ${spec.vpcId}, vSwitch ${spec.vSwitchId}, security group ${groupId ?? '(the link group, once created by mcvpc apply)'}`,
  };
}

export function accountHop(spec: ConnectionSpec, live: LiveState): Hop {
  const caller = live.callerAccountId;
  const base = { id: 'account', title: 'Same account owns the VPC' };
  if (live.vpc === undefined) {
    return hop({
      ...base,
      verdict: 'fail',
      reason: `VPC ${spec.vpcId} was not found in region ${spec.regionId} of account ${caller}.`,
      evidence: [textEvidence(`DescribeVpcs VpcId=${spec.vpcId} in account ${caller}: no VPC`, spec.vpcId, caller)],
      fix: { kind: 'manual', summary: `Sign in with the account that owns ${spec.vpcId} (--profile), or correct vpc in the spec.` },
    });
  }
  const owner = live.vpc.ownerId;
  const evidence = [
    textEvidence(`VPC ${spec.vpcId} OwnerId ${owner || '(not reported)'}; caller (GetCallerIdentity) ${caller}`, spec.vpcId, caller),
  ];
  if (owner !== '' && owner !== caller) {
    return hop({
      ...base,
      verdict: 'fail',
      reason: `VPC ${spec.vpcId} belongs to account ${owner}, but the caller is ${caller}: MaxCompute requires the VPC owner and the project's account to be the same.`,
      evidence,
      fix: { kind: 'manual', summary: `Sign in with account ${owner} (the VPC owner) and create the link and project there.` },
    });
  }
  return hop({ ...base, verdict: 'pass', reason: `Account ${caller} owns ${spec.vpcId}.`, evidence });
}

export function zoneHop(spec: ConnectionSpec, live: LiveState): Hop {
  const base = { id: 'zone', title: 'vSwitch zone supports network links' };
  const vSwitch = live.vSwitch;
  if (vSwitch === undefined) {
    return hop({
      ...base,
      verdict: 'fail',
      reason: `vSwitch ${spec.vSwitchId} was not found in ${spec.regionId}.`,
      evidence: [textEvidence(`DescribeVSwitches VSwitchId=${spec.vSwitchId}: none`, spec.vSwitchId)],
      fix: { kind: 'manual', summary: 'Correct vSwitch in the spec.' },
    });
  }
  const evidence = [
    textEvidence(
      `vSwitch ${vSwitch.vSwitchId} (${vSwitch.cidrBlock}) is in zone ${vSwitch.zoneId}, VPC ${vSwitch.vpcId}`,
      vSwitch.vSwitchId,
      vSwitch.zoneId,
    ),
  ];
  if (vSwitch.vpcId !== spec.vpcId) {
    return hop({
      ...base,
      verdict: 'fail',
      reason: `vSwitch ${vSwitch.vSwitchId} is in ${vSwitch.vpcId}, not in ${spec.vpcId}.`,
      evidence,
      fix: { kind: 'manual', summary: `Name a vSwitch of ${spec.vpcId} in the spec.` },
    });
  }
  const problem = zoneSupportProblem(spec.regionId, vSwitch.zoneId);
  if (problem !== undefined) {
    return hop({
      ...base,
      verdict: 'fail',
      reason: problem,
      evidence,
      fix: {
        kind: 'manual',
        summary: `Create the link in a vSwitch of ${spec.vpcId} in a supported zone (set vSwitch in the spec), then delete this one in the MaxCompute console.`,
      },
    });
  }
  return hop({ ...base, verdict: 'pass', reason: `Zone ${vSwitch.zoneId} supports MaxCompute network links.`, evidence });
}

/** The link group: exists, in the VPC, basic, not MaxCompute's, not shared with other instances. */
export function linkGroupHops(spec: ConnectionSpec, live: LiveState, extras: DoctorExtras): Hop[] {
  const found = live.linkGroup?.group;
  const named = spec.securityGroup.mode === 'existing' ? spec.securityGroup.securityGroupId : `"${spec.securityGroup.name}"`;
  if (found === undefined) {
    return [
      hop({
        id: 'link-group',
        title: 'Link security group exists',
        verdict: 'fail',
        reason: `Security group ${named} was not found in ${spec.vpcId}.`,
        evidence: [textEvidence(`DescribeSecurityGroups for ${named}: none`, spec.vpcId)],
        fix: { kind: 'manual', summary: 'Run mcvpc apply on the spec: it creates the basic group and its inbound rule.' },
      }),
    ];
  }
  const id = found.securityGroupId;
  const evidence = [groupEvidence(found)];
  const hops: Hop[] = [];
  hops.push(
    found.vpcId === spec.vpcId
      ? hop({
          id: 'link-group.vpc',
          title: "Link group is in the link's VPC",
          verdict: 'pass',
          reason: `${id} is in ${spec.vpcId}.`,
          evidence,
        })
      : hop({
          id: 'link-group.vpc',
          title: "Link group is in the link's VPC",
          verdict: 'fail',
          reason: `${id} is in ${found.vpcId || 'no VPC'}, not in ${spec.vpcId}: MaxCompute's ENIs can only carry a group of their own VPC.`,
          evidence,
          fix: {
            kind: 'manual',
            summary: `Use a basic group of ${spec.vpcId} (securityGroup.create in the spec, then mcvpc apply), and recreate the link with it in the MaxCompute console.`,
          },
        }),
  );
  hops.push(
    found.type === 'normal'
      ? hop({
          id: 'link-group.type',
          title: 'Link group is a basic group',
          verdict: 'pass',
          reason: `${id} is a basic group (outbound allowed unless a rule drops it).`,
          evidence,
        })
      : hop({
          id: 'link-group.type',
          title: 'Link group is a basic group',
          verdict: 'fail',
          reason: `${id} is an advanced group: MaxCompute needs a basic group for a link (advanced groups deny outbound traffic by default, and the console refuses them).`,
          evidence,
          fix: {
            kind: 'manual',
            summary: `Give the link a basic group of its own (securityGroup.create in the spec, then mcvpc apply), and create the link with it in the MaxCompute console.`,
          },
        }),
  );
  const managed = found.managedByMaxCompute || isMaxComputeManagedGroupName(found.name);
  hops.push(
    managed
      ? hop({
          id: 'link-group.managed',
          title: "Link group is not MaxCompute's own",
          verdict: 'fail',
          reason: `${id} ("${found.name}") is one of MaxCompute's return-traffic groups, which must not be used or modified.`,
          evidence,
          fix: {
            kind: 'manual',
            summary: 'Create a separate basic group for the link (securityGroup.create) and recreate the link with it.',
          },
        })
      : hop({
          id: 'link-group.managed',
          title: "Link group is not MaxCompute's own",
          verdict: 'pass',
          reason: `${id} is not a MaxCompute-managed group.`,
          evidence,
        }),
  );
  const others = extras.linkGroupInterfaces.filter((n) => !isServiceInterface(n));
  hops.push(
    others.length === 0
      ? hop({
          id: 'link-group.shared',
          title: 'Link group is used by the link alone',
          verdict: 'pass',
          reason: `No instance other than MaxCompute's ENIs carries ${id}.`,
          evidence: [
            textEvidence(
              `DescribeNetworkInterfaces and DescribeInstances SecurityGroupId=${id}: ${extras.linkGroupInterfaces.length} interface(s), all service-managed`,
              id,
            ),
          ],
        })
      : hop({
          id: 'link-group.shared',
          title: 'Link group is used by the link alone',
          verdict: 'warn',
          reason: `${id} also guards ${others.map(interfaceUserText).join(', ')}: rules added for the link apply to them too.`,
          evidence: others.map((n) =>
            textEvidence(
              `ENI ${n.networkInterfaceId} (${n.privateIpAddress}, ${n.type}${n.instanceId === undefined ? '' : `, of instance ${n.instanceId}`}) carries ${id}`,
              n.networkInterfaceId,
              id,
            ),
          ),
          fix: { kind: 'manual', summary: `Move the other instances out of ${id}, or give the link a group of its own.` },
        }),
  );
  hops.push(returnTrafficHop(spec, live, extras));
  return hops;
}

/** The seed's inbound rule: accept ALL from the VPC's or the vSwitch's block. */
function returnTrafficHop(spec: ConnectionSpec, live: LiveState, extras: DoctorExtras): Hop {
  const group = live.linkGroup!.group;
  const id = group.securityGroupId;
  const ingress = (extras.linkGroupRules ?? live.linkGroup!.ingress).filter((r) => r.direction === 'ingress');
  const base = { id: 'link-group.return', title: 'Link group admits return traffic' };
  const wantedCidr = linkInboundCidr(spec, live);
  const candidates = [
    ...new Set([wantedCidr, live.vpc?.cidrBlock, live.vSwitch?.cidrBlock].filter((c): c is string => c !== undefined && c !== '')),
  ];
  const covered = candidates.find((cidr) => ruleCovers(ingress, linkGroupIngressRule(cidr)));
  if (covered !== undefined) {
    const accepts = ingress.filter((r) => normalizePolicy(r.policy) === 'accept' && ruleCovers([r], linkGroupIngressRule(covered)));
    return hop({
      ...base,
      verdict: 'pass',
      reason: `${id} accepts all inbound traffic from ${covered}.`,
      evidence: (accepts.length > 0 ? accepts : ingress).map((r) => ruleEvidence(id, r)),
    });
  }
  if (wantedCidr === undefined)
    return hop({ ...base, verdict: 'unknown', reason: "The VPC's and vSwitch's blocks are unknown.", evidence: [] });
  const wanted = linkGroupIngressRule(wantedCidr);
  const drops = overridingDrops(ingress, wanted);
  const evidence =
    drops.length > 0
      ? drops.map((r) => ruleEvidence(id, r))
      : [textEvidence(`${id} has ${ingress.length} inbound rule(s), none accepting ALL from ${candidates.join(' or ')}`, id)];
  return hop({
    ...base,
    verdict: 'fail',
    reason: `${id} has no inbound rule accepting all traffic from ${candidates.join(' or ')}${drops.length > 0 ? `; ${drops.map(describeRule).join('; ')} drops it` : ''} (the seed's step 2).`,
    evidence,
    fix: ruleFix(
      `${drops.length > 0 ? `Remove ${drops.length} drop rule(s) and add` : 'Add'} ${describeRule(wanted)} to ${id}`,
      'fix.link-group.return',
      id,
      { add: [wanted], remove: drops },
      spec.securityGroup.range,
    ),
  });
}

/**
 * The link as MaxCompute's API tells it (GetNetworkLink, in the live state): it exists, it is a
 * PASSTHROUGH link, its status is SUCCESS, its vSwitch and group are the spec's. When the API
 * cannot be asked (denied, not offered in the region) the verdict is unknown with the API's words;
 * the interfaces hop still judges what the VPC shows.
 */
export function linkApiHop(spec: ConnectionSpec, live: LiveState): Hop {
  const base = {
    id: 'network-link',
    title: `The link exists, its status is ${NETWORK_LINK_READY_STATUS}, its vSwitch and group are the spec's`,
  };
  const name = spec.networkLinkName;
  // A spec never holds a name with a space (the schema's rule): such a name is the view's stand-in
  // for interfaces no listed link explains ("unnamed link in vsw-…"), so there is no link to ask about.
  if (/\s/.test(name)) {
    return hop({
      ...base,
      verdict: 'unknown',
      reason: `This link is known by its network interfaces only: MaxCompute lists no link with them, so its status cannot be asked.`,
      evidence: [textEvidence(`${name}: no name MaxCompute lists`, spec.vSwitchId)],
    });
  }
  const api = live.networkLinkApi;
  if (api.state !== 'ok') {
    const why = api.state === 'denied' ? 'the caller may not read network links' : "MaxCompute's link API is not offered in this region";
    return hop({
      ...base,
      verdict: 'unknown',
      reason: `GetNetworkLink could not be asked (${why}: ${api.reason}); the link is judged by its network interfaces only.`,
      evidence: [textEvidence(`GetNetworkLink ${name} in ${spec.regionId}: ${api.state} (${api.reason})`, name)],
    });
  }
  const link = live.networkLink;
  if (link === undefined) {
    return hop({
      ...base,
      verdict: 'fail',
      reason: `MaxCompute has no network link named ${name} in ${spec.regionId}.`,
      evidence: [textEvidence(`GetNetworkLink ${name} in ${spec.regionId}: not found`, name)],
      fix: {
        kind: 'manual',
        summary: `Create it: mcvpc apply on the spec (it creates ${name} through MaxCompute's API and waits for ${NETWORK_LINK_READY_STATUS}).`,
      },
    });
  }
  const evidence = [
    textEvidence(
      `GetNetworkLink ${name}: type ${link.type || '(none)'}, status ${link.status || '(none)'}, ${linkConfigurationText(link)}`,
      name,
      ...[link.vpcId, link.vSwitchId, link.securityGroupId].filter((id): id is string => id !== undefined && id !== ''),
    ),
  ];
  const recreate = `Remove the link (mcvpc destroy on the spec, or Remove Network Link in the Network view), then mcvpc apply to create it with the spec's values.`;
  if (link.type !== PASSTHROUGH) {
    return hop({
      ...base,
      verdict: 'fail',
      reason: `${name} is a ${link.type || 'typeless'} link, not ${PASSTHROUGH}: it does not carry MaxCompute's traffic into ${spec.vpcId}.`,
      evidence,
      fix: { kind: 'manual', summary: `Give the spec another link name, or ${recreate.charAt(0).toLowerCase()}${recreate.slice(1)}` },
    });
  }
  const specGroupId =
    live.linkGroup?.group.securityGroupId ?? (spec.securityGroup.mode === 'existing' ? spec.securityGroup.securityGroupId : undefined);
  const specGroupText =
    specGroupId ?? `the group "${spec.securityGroup.mode === 'create' ? spec.securityGroup.name : ''}" (not created yet)`;
  const differences: string[] = [];
  if (link.vpcId !== '' && link.vpcId !== spec.vpcId) differences.push(`its VPC is ${link.vpcId}, the spec's ${spec.vpcId}`);
  if (link.vSwitchId !== spec.vSwitchId)
    differences.push(`its vSwitch is ${link.vSwitchId ?? '(not reported)'}, the spec's ${spec.vSwitchId}`);
  if (link.securityGroupId !== specGroupId)
    differences.push(`its security group is ${link.securityGroupId ?? '(not reported)'}, the spec's ${specGroupText}`);
  if (differences.length > 0) {
    return hop({
      ...base,
      verdict: 'fail',
      reason: `${name} exists with another configuration: ${differences.join('; ')}.`,
      evidence,
      fix: { kind: 'manual', summary: `Correct the spec to the link's values (mcvpc import ${name} writes them), or: ${recreate}` },
    });
  }
  if (!isNetworkLinkReady(link)) {
    return hop({
      ...base,
      verdict: 'fail',
      reason: `${name} is in status ${link.status || '(none)'}, not ${NETWORK_LINK_READY_STATUS}: MaxCompute's traffic does not flow through it yet.`,
      evidence,
      fix: {
        kind: 'manual',
        summary: `Wait and run the doctor again (creation takes minutes); if the status stays ${link.status || '(none)'}: ${recreate}`,
      },
    });
  }
  return hop({
    ...base,
    verdict: 'pass',
    reason: `${name} is ${NETWORK_LINK_READY_STATUS}, in ${spec.vSwitchId} with ${link.securityGroupId}.`,
    evidence,
  });
}

/** The link exists: MaxCompute's ENIs are in the vSwitch with the link group. */
export function interfacesHop(spec: ConnectionSpec, live: LiveState): Hop {
  const base = { id: 'network-link.enis', title: "The link's network interfaces exist" };
  const enis = live.linkNetworkInterfaces;
  const groupId = live.linkGroup?.group.securityGroupId;
  if (enis.length === 0) {
    return hop({
      ...base,
      verdict: 'fail',
      reason: `No MaxCompute network interface is in ${spec.vSwitchId} with ${groupId ?? 'the link group'}: the link was not created (or not with this vSwitch and group).`,
      evidence: [
        textEvidence(
          `DescribeNetworkInterfaces VSwitchId=${spec.vSwitchId} SecurityGroupId=${groupId ?? '(none)'}: no service-managed interface`,
          spec.vSwitchId,
        ),
      ],
      fix: consoleFix(spec, groupId, live),
    });
  }
  return hop({
    ...base,
    verdict: 'pass',
    reason: `${enis.length} network interface(s) of MaxCompute in ${spec.vSwitchId}.`,
    evidence: enis.map((n) =>
      textEvidence(
        `ENI ${n.networkInterfaceId} ${n.privateIpAddress} (${n.status}), groups ${n.securityGroupIds.join(', ')}`,
        n.networkInterfaceId,
      ),
    ),
  });
}

/**
 * MaxCompute's two return-traffic groups, present and as created. "Edited" means any rule in
 * them: UNVERIFIED assumption (doc: "Do not modify the rules of these two security groups", no
 * list of their original rules published) that MaxCompute creates both with no rules — the
 * emulator models them so. A drop rule fails the hop (it may discard return traffic); any other
 * rule warns, as the seed does. The fix takes back exactly the rules found, after confirmation.
 */
export function managedGroupHops(spec: ConnectionSpec, live: LiveState, extras: DoctorExtras): Hop[] {
  const linkExists = live.linkNetworkInterfaces.length > 0;
  return maxComputeManagedGroupNames(spec.vpcId).map((name, i) => {
    const base = { id: i === 0 ? 'managed.vpc' : 'managed.backup', title: `${name} present and unedited` };
    const found = extras.managedGroups.find((g) => g.group.name === name && g.group.vpcId === spec.vpcId);
    if (found === undefined) {
      return hop({
        ...base,
        verdict: 'fail',
        reason: linkExists
          ? `${name} is missing although the link's ENIs exist: it was deleted, and MaxCompute's return traffic has no group.`
          : `${name} does not exist: MaxCompute creates it with the first link of ${spec.vpcId}.`,
        evidence: [textEvidence(`DescribeSecurityGroups VpcId=${spec.vpcId} SecurityGroupName=${name}: none`, spec.vpcId)],
        fix: linkExists
          ? { kind: 'manual', summary: `Delete and recreate the network link in the MaxCompute console, which creates ${name} again.` }
          : consoleFix(spec, live.linkGroup?.group.securityGroupId),
      });
    }
    const id = found.group.securityGroupId;
    if (found.rules.length === 0)
      return hop({
        ...base,
        verdict: 'pass',
        reason: `${id} holds no rule, as MaxCompute created it.`,
        evidence: [groupEvidence(found.group), textEvidence(`DescribeSecurityGroupAttribute ${id}: 0 rules`, id)],
      });
    const drops = found.rules.some((r) => normalizePolicy(r.policy) === 'drop');
    return hop({
      ...base,
      verdict: drops ? 'fail' : 'warn',
      reason: `${id} was edited: ${found.rules.length} rule(s) added to a group MaxCompute manages${drops ? ', a drop among them may discard return traffic' : ''}; the seed: "Do not modify the rules of these two security groups".`,
      evidence: found.rules.map((r) => ruleEvidence(id, r)),
      fix: ruleFix(
        `Remove the ${found.rules.length} added rule(s) from ${id}, back to how MaxCompute created it`,
        `fix.${base.id}`,
        id,
        { remove: found.rules },
        spec.ranges.vpcId,
      ),
    });
  });
}
