/**
 * The doctor's hops of the link itself, over the starting states that matter, as `mcvpc doctor`
 * prints them: the verdict, the sentence saying why, the evidence read, and the fix (a person's
 * step, or the rule changes the engine applies). Pure: the hop functions over built live states
 * (doctor.scenarios.test.ts drives the same hops through the emulator).
 */
import { strict as assert } from 'node:assert';
import { accountHop, interfacesHop, linkApiHop, linkGroupHops, managedGroupHops, zoneHop } from '../../src/core/doctor/linkHops';
import type { DoctorExtras, Hop } from '../../src/core/doctor';
import type { LiveState } from '../../src/core/plan';
import type { SecurityGroupRule } from '../../src/core/model';
import * as b from './builders/planBuilders';

const { ACCOUNT, OTHER_ACCOUNT, VPC, VSW, VSW_CIDR, VPC_CIDR, LINK_GROUP: SG } = b;
const RETURN_RULE_TEXT = `inbound accept ALL from ${VSW_CIDR} (priority 1)`;

/** What the doctor prints of a hop: verdict, reason, evidence lines, the fix (`manual: …` for a person's step, `steps: …` for the engine's) and its steps. */
function printed(hop: Hop): { verdict: string; reason: string; evidence: string[]; fix?: string; steps?: string[] } {
  return {
    verdict: hop.verdict,
    reason: hop.reason,
    evidence: hop.evidence.map((e) => `${e.text} [${e.ids.join(' ')}]`),
    ...(hop.fix === undefined ? {} : { fix: `${hop.fix.kind}: ${hop.fix.summary}` }),
    ...(hop.fix?.kind === 'steps' ? { steps: hop.fix.steps.map((s) => `${s.id}: ${s.title}: ${s.details.join('; ')}`) } : {}),
  };
}

function extras(overrides: Partial<DoctorExtras> = {}): DoctorExtras {
  return {
    managedGroups: b.managedGroups().map((group) => ({ group, rules: [] })),
    linkGroupInterfaces: [b.linkEni('eni-1'), b.linkEni('eni-2')],
    ...overrides,
  };
}

function linked(overrides: Partial<LiveState> = {}): LiveState {
  return { ...b.linkedLive(), ...overrides };
}

const rule = (overrides: Partial<SecurityGroupRule>): SecurityGroupRule => ({ ...b.returnTrafficRule(), ...overrides });

describe('doctor: the same-account hop', () => {
  it("fails when the VPC is not found in the caller's account, saying what to sign in with", () => {
    assert.deepEqual(printed(accountHop(b.spec(), linked({ vpc: undefined }))), {
      verdict: 'fail',
      reason: `VPC ${VPC} was not found in region cn-hangzhou of account ${ACCOUNT}.`,
      evidence: [`DescribeVpcs VpcId=${VPC} in account ${ACCOUNT}: no VPC [${VPC} ${ACCOUNT}]`],
      fix: `manual: Sign in with the account that owns ${VPC} (--profile), or correct vpc in the spec.`,
    });
  });

  it('fails naming the owner when another account owns the VPC', () => {
    const live = linked({ vpc: { ...b.live().vpc!, ownerId: OTHER_ACCOUNT } });
    assert.deepEqual(printed(accountHop(b.spec(), live)), {
      verdict: 'fail',
      reason: `VPC ${VPC} belongs to account ${OTHER_ACCOUNT}, but the caller is ${ACCOUNT}: MaxCompute requires the VPC owner and the project's account to be the same.`,
      evidence: [`VPC ${VPC} OwnerId ${OTHER_ACCOUNT}; caller (GetCallerIdentity) ${ACCOUNT} [${VPC} ${ACCOUNT}]`],
      fix: `manual: Sign in with account ${OTHER_ACCOUNT} (the VPC owner) and create the link and project there.`,
    });
  });

  it("passes for the caller's own VPC, and when the API does not report an owner", () => {
    assert.deepEqual(printed(accountHop(b.spec(), linked())), {
      verdict: 'pass',
      reason: `Account ${ACCOUNT} owns ${VPC}.`,
      evidence: [`VPC ${VPC} OwnerId ${ACCOUNT}; caller (GetCallerIdentity) ${ACCOUNT} [${VPC} ${ACCOUNT}]`],
    });
    const unreported = printed(accountHop(b.spec(), linked({ vpc: { ...b.live().vpc!, ownerId: '' } })));
    assert.equal(unreported.verdict, 'pass');
    assert.deepEqual(unreported.evidence, [`VPC ${VPC} OwnerId (not reported); caller (GetCallerIdentity) ${ACCOUNT} [${VPC} ${ACCOUNT}]`]);
  });
});

describe('doctor: the zone hop', () => {
  const vSwitch = b.live().vSwitch!;

  it('fails for a vSwitch that is gone, or in another VPC, saying what to correct', () => {
    assert.deepEqual(printed(zoneHop(b.spec(), linked({ vSwitch: undefined }))), {
      verdict: 'fail',
      reason: `vSwitch ${VSW} was not found in cn-hangzhou.`,
      evidence: [`DescribeVSwitches VSwitchId=${VSW}: none [${VSW}]`],
      fix: 'manual: Correct vSwitch in the spec.',
    });
    assert.deepEqual(printed(zoneHop(b.spec(), linked({ vSwitch: { ...vSwitch, vpcId: 'vpc-other' } }))), {
      verdict: 'fail',
      reason: `vSwitch ${VSW} is in vpc-other, not in ${VPC}.`,
      evidence: [`vSwitch ${VSW} (${VSW_CIDR}) is in zone cn-hangzhou-h, VPC vpc-other [${VSW} cn-hangzhou-h]`],
      fix: `manual: Name a vSwitch of ${VPC} in the spec.`,
    });
  });

  it('fails for a zone without network links, with the zones that have them; passes for a supported zone', () => {
    const unsupported = printed(zoneHop(b.spec(), linked({ vSwitch: { ...vSwitch, zoneId: 'cn-hangzhou-z' } })));
    assert.equal(unsupported.verdict, 'fail');
    assert.match(
      unsupported.reason,
      /^Zone cn-hangzhou-z does not support MaxCompute network links; supported zones in cn-hangzhou: .*cn-hangzhou-h/,
    );
    assert.equal(
      unsupported.fix,
      `manual: Create the link in a vSwitch of ${VPC} in a supported zone (set vSwitch in the spec), then delete this one in the MaxCompute console.`,
    );
    assert.deepEqual(printed(zoneHop(b.spec(), linked())), {
      verdict: 'pass',
      reason: 'Zone cn-hangzhou-h supports MaxCompute network links.',
      evidence: [`vSwitch ${VSW} (${VSW_CIDR}) is in zone cn-hangzhou-h, VPC ${VPC} [${VSW} cn-hangzhou-h]`],
    });
  });
});

describe('doctor: the link group hops', () => {
  const hops = (live: LiveState, extra: DoctorExtras = extras(), spec = b.spec()) =>
    Object.fromEntries(linkGroupHops(spec, live, extra).map((h) => [h.id, h]));

  it('fails when the group is missing, naming it as the spec does, with apply as the fix', () => {
    const missing = linkGroupHops(b.spec(), linked({ linkGroup: undefined }), extras());
    assert.deepEqual(
      missing.map((h) => [h.id, h.title, h.scope]),
      [['link-group', 'Link security group exists', { kind: 'link' }]],
    );
    assert.deepEqual(printed(missing[0]!), {
      verdict: 'fail',
      reason: `Security group "${b.LINK_GROUP_NAME}" was not found in ${VPC}.`,
      evidence: [`DescribeSecurityGroups for "${b.LINK_GROUP_NAME}": none [${VPC}]`],
      fix: 'manual: Run mcvpc apply on the spec: it creates the basic group and its inbound rule.',
    });
    assert.equal(
      linkGroupHops(b.spec({ securityGroup: b.existingGroupSpec('sg-given') }), linked({ linkGroup: undefined }), extras())[0]!.reason,
      `Security group sg-given was not found in ${VPC}.`,
    );
  });

  it('passes each check of a healthy group, with the group as evidence', () => {
    const healthy = hops(linked());
    const groupLine = `security group ${SG} ("${b.LINK_GROUP_NAME}"): basic, in ${VPC} [${SG} ${VPC}]`;
    assert.deepEqual(Object.keys(healthy), [
      'link-group.vpc',
      'link-group.type',
      'link-group.managed',
      'link-group.shared',
      'link-group.return',
    ]);
    assert.deepEqual(printed(healthy['link-group.vpc']!), { verdict: 'pass', reason: `${SG} is in ${VPC}.`, evidence: [groupLine] });
    assert.deepEqual(printed(healthy['link-group.type']!), {
      verdict: 'pass',
      reason: `${SG} is a basic group (outbound allowed unless a rule drops it).`,
      evidence: [groupLine],
    });
    assert.deepEqual(printed(healthy['link-group.managed']!), {
      verdict: 'pass',
      reason: `${SG} is not a MaxCompute-managed group.`,
      evidence: [groupLine],
    });
    assert.deepEqual(printed(healthy['link-group.shared']!), {
      verdict: 'pass',
      reason: `No instance other than MaxCompute's ENIs carries ${SG}.`,
      evidence: [`DescribeNetworkInterfaces and DescribeInstances SecurityGroupId=${SG}: 2 interface(s), all service-managed [${SG}]`],
    });
    assert.deepEqual(printed(healthy['link-group.return']!), {
      verdict: 'pass',
      reason: `${SG} accepts all inbound traffic from ${VSW_CIDR}.`,
      evidence: [`a rule in ${SG}: ${RETURN_RULE_TEXT} [${SG}]`],
    });
  });

  it("fails a group of another VPC (or of none), an advanced group, and MaxCompute's own group, each with its fix", () => {
    const elsewhere = (vpcId: string) =>
      hops(linked({ linkGroup: b.withIngress(b.group(SG, { vpcId }), [b.returnTrafficRule()]) }))['link-group.vpc']!;
    assert.equal(elsewhere('vpc-other').verdict, 'fail');
    assert.equal(
      elsewhere('vpc-other').reason,
      `${SG} is in vpc-other, not in ${VPC}: MaxCompute's ENIs can only carry a group of their own VPC.`,
    );
    assert.equal(
      printed(elsewhere('vpc-other')).fix,
      `manual: Use a basic group of ${VPC} (securityGroup.create in the spec, then mcvpc apply), and recreate the link with it in the MaxCompute console.`,
    );
    assert.match(elsewhere('').reason, new RegExp(`^${SG} is in no VPC, not in ${VPC}`));
    const advanced = hops(linked({ linkGroup: b.withIngress(b.group(SG, { type: 'enterprise' }), [b.returnTrafficRule()]) }))[
      'link-group.type'
    ]!;
    assert.equal(advanced.verdict, 'fail');
    assert.match(advanced.reason, /is an advanced group: MaxCompute needs a basic group for a link/);
    assert.match(printed(advanced).fix!, /^manual: Give the link a basic group of its own/);
    for (const managed of [b.group(SG, { managedByMaxCompute: true }), b.group(SG, { name: `MaxCompute-vpc-${VPC}` })]) {
      const hop = hops(linked({ linkGroup: b.withIngress(managed, [b.returnTrafficRule()]) }))['link-group.managed']!;
      assert.equal(hop.verdict, 'fail', managed.name);
      assert.equal(
        hop.reason,
        `${SG} ("${managed.name}") is one of MaxCompute's return-traffic groups, which must not be used or modified.`,
      );
      assert.equal(
        printed(hop).fix,
        'manual: Create a separate basic group for the link (securityGroup.create) and recreate the link with it.',
      );
    }
  });

  it('warns when other instances carry the group, naming each', () => {
    const instanceEni = {
      ...b.linkEni('eni-9'),
      privateIpAddress: '192.168.1.9',
      serviceManaged: false,
      instanceId: 'i-kafka',
      type: 'Primary',
    };
    const bareEni = { ...b.linkEni('eni-8'), privateIpAddress: '192.168.1.8', serviceManaged: false };
    const shared = hops(linked(), extras({ linkGroupInterfaces: [b.linkEni('eni-1'), instanceEni, bareEni] }))['link-group.shared']!;
    assert.deepEqual(printed(shared), {
      verdict: 'warn',
      reason: `${SG} also guards instance i-kafka, eni-8: rules added for the link apply to them too.`,
      evidence: [
        `ENI eni-9 (192.168.1.9, Primary, of instance i-kafka) carries ${SG} [eni-9 ${SG}]`,
        `ENI eni-8 (192.168.1.8, Secondary) carries ${SG} [eni-8 ${SG}]`,
      ],
      fix: `manual: Move the other instances out of ${SG}, or give the link a group of its own.`,
    });
  });

  it("passes return traffic only for an accept of ALL from the VPC's or vSwitch's block, reading the full rule list when there is one", () => {
    const other = rule({ protocol: 'TCP', portRange: '22/22', peerCidr: '10.0.0.0/8' });
    const viaVpc = hops(linked({ linkGroup: b.withIngress(b.group(SG), [other, rule({ peerCidr: VPC_CIDR })]) }))['link-group.return']!;
    assert.equal(viaVpc.verdict, 'pass');
    // The VPC's block covers the vSwitch's, the one the spec asks for (inboundSource: vswitch-cidr).
    assert.equal(viaVpc.reason, `${SG} accepts all inbound traffic from ${VSW_CIDR}.`);
    assert.deepEqual(
      printed(viaVpc).evidence,
      [`a rule in ${SG}: inbound accept ALL from ${VPC_CIDR} (priority 1) [${SG}]`],
      'only the accepting rule is evidence',
    );
    // The doctor's own read of the group's rules (both directions) is what counts.
    const fromRead = hops(linked(), extras({ linkGroupRules: [rule({ direction: 'egress' })] }))['link-group.return']!;
    assert.equal(fromRead.verdict, 'fail', 'an outbound rule does not admit return traffic');
    assert.deepEqual(
      printed(fromRead).evidence,
      [`${SG} has 0 inbound rule(s), none accepting ALL from ${VSW_CIDR} or ${VPC_CIDR} [${SG}]`],
      'outbound rules are not counted',
    );
  });

  it('fails without the inbound rule, with the rule to add as its automatic fix', () => {
    const hop = hops(linked({ linkGroup: b.withIngress(b.group(SG), []) }))['link-group.return']!;
    assert.deepEqual(printed(hop), {
      verdict: 'fail',
      reason: `${SG} has no inbound rule accepting all traffic from ${VSW_CIDR} or ${VPC_CIDR} (the seed's step 2).`,
      evidence: [`${SG} has 0 inbound rule(s), none accepting ALL from ${VSW_CIDR} or ${VPC_CIDR} [${SG}]`],
      fix: `steps: Add ${RETURN_RULE_TEXT} to ${SG}`,
      steps: [`fix.link-group.return.authorize: Add a rule to ${SG}: ${RETURN_RULE_TEXT}`],
    });
  });

  it('fails when a drop overrides the accept, removing the drop first', () => {
    const drop = rule({ policy: 'drop', peerCidr: '0.0.0.0/0', ruleId: 'sgr-drop' });
    const hop = hops(linked({ linkGroup: b.withIngress(b.group(SG), [drop, b.returnTrafficRule()]) }))['link-group.return']!;
    const dropText = 'inbound drop ALL from 0.0.0.0/0 (priority 1)';
    assert.deepEqual(printed(hop), {
      verdict: 'fail',
      reason: `${SG} has no inbound rule accepting all traffic from ${VSW_CIDR} or ${VPC_CIDR}; ${dropText} drops it (the seed's step 2).`,
      evidence: [`rule sgr-drop in ${SG}: ${dropText} [${SG} sgr-drop]`],
      fix: `steps: Remove 1 drop rule(s) and add ${RETURN_RULE_TEXT} to ${SG}`,
      steps: [
        `fix.link-group.return.revoke: Remove a rule from ${SG}: ${dropText}`,
        `fix.link-group.return.authorize: Add a rule to ${SG}: ${RETURN_RULE_TEXT}`,
      ],
    });
  });

  it('names only the blocks that are known, and every drop in the way', () => {
    const vpcWithoutBlock = { ...b.live().vpc!, cidrBlock: '' };
    const noVpcBlock = hops(linked({ vpc: vpcWithoutBlock, linkGroup: b.withIngress(b.group(SG), []) }))['link-group.return']!;
    assert.equal(noVpcBlock.reason, `${SG} has no inbound rule accepting all traffic from ${VSW_CIDR} (the seed's step 2).`);
    const drops = [rule({ policy: 'drop', peerCidr: '0.0.0.0/0' }), rule({ policy: 'drop', peerCidr: VSW_CIDR })];
    const twoDrops = hops(linked({ linkGroup: b.withIngress(b.group(SG), [...drops, b.returnTrafficRule()]) }))['link-group.return']!;
    assert.equal(
      twoDrops.reason,
      `${SG} has no inbound rule accepting all traffic from ${VSW_CIDR} or ${VPC_CIDR}; inbound drop ALL from 0.0.0.0/0 (priority 1); inbound drop ALL from ${VSW_CIDR} (priority 1) drops it (the seed's step 2).`,
    );
    assert.equal(printed(twoDrops).fix, `steps: Remove 2 drop rule(s) and add ${RETURN_RULE_TEXT} to ${SG}`);
  });

  it('cannot judge return traffic when neither block is known', () => {
    const hop = hops(linked({ vpc: undefined, vSwitch: undefined, linkGroup: b.withIngress(b.group(SG), []) }))['link-group.return']!;
    assert.deepEqual(printed(hop), { verdict: 'unknown', reason: "The VPC's and vSwitch's blocks are unknown.", evidence: [] });
  });
});

describe("doctor: the link as MaxCompute's API tells it (pure)", () => {
  const recreate =
    "Remove the link (mcvpc destroy on the spec, or Remove Network Link in the Network view), then mcvpc apply to create it with the spec's values.";

  it('is unknown for a link known only by its interfaces, and when the API cannot be asked, saying why', () => {
    const unnamed = printed(linkApiHop(b.spec({ networkLinkName: `unnamed link in ${VSW}` }), linked()));
    assert.deepEqual(unnamed, {
      verdict: 'unknown',
      reason: 'This link is known by its network interfaces only: MaxCompute lists no link with them, so its status cannot be asked.',
      evidence: [`unnamed link in ${VSW}: no name MaxCompute lists [${VSW}]`],
    });
    assert.deepEqual(printed(linkApiHop(b.spec(), linked({ networkLinkApi: { state: 'denied', reason: 'Forbidden.RAM' } }))), {
      verdict: 'unknown',
      reason:
        'GetNetworkLink could not be asked (the caller may not read network links: Forbidden.RAM); the link is judged by its network interfaces only.',
      evidence: ['GetNetworkLink orders_link in cn-hangzhou: denied (Forbidden.RAM) [orders_link]'],
    });
    assert.match(
      linkApiHop(
        b.spec(),
        linked({ networkLinkApi: { state: 'unavailable', reason: 'not in this region' } as LiveState['networkLinkApi'] }),
      ).reason,
      /\(MaxCompute's link API is not offered in this region: not in this region\)/,
    );
  });

  it('fails when MaxCompute has no such link, with apply as the fix', () => {
    assert.deepEqual(printed(linkApiHop(b.spec(), linked({ networkLink: undefined }))), {
      verdict: 'fail',
      reason: 'MaxCompute has no network link named orders_link in cn-hangzhou.',
      evidence: ['GetNetworkLink orders_link in cn-hangzhou: not found [orders_link]'],
      fix: "manual: Create it: mcvpc apply on the spec (it creates orders_link through MaxCompute's API and waits for SUCCESS).",
    });
  });

  it('shows what GetNetworkLink left out as (none) or (not reported), and names only the ids it gave', () => {
    const bareHop = linkApiHop(b.spec(), linked({ networkLink: b.networkLink({ type: 'PASSTHROUGH', status: '', vpcId: '' }) }));
    const bare = printed(bareHop);
    assert.match(bareHop.evidence[0]!.text, /^GetNetworkLink orders_link: type PASSTHROUGH, status \(none\), /);
    assert.deepEqual(bareHop.evidence[0]!.ids, ['orders_link', VSW, SG], 'no empty VPC id');
    assert.equal(bare.reason, "orders_link is in status (none), not SUCCESS: MaxCompute's traffic does not flow through it yet.");
    assert.match(bare.fix!, /if the status stays \(none\): Remove the link/);
    const typeless = linkApiHop(b.spec(), linked({ networkLink: b.networkLink({ type: '', securityGroupId: undefined }) })).evidence[0]!;
    assert.match(typeless.text, /^GetNetworkLink orders_link: type \(none\), status SUCCESS, /);
    assert.deepEqual(typeless.ids, ['orders_link', VPC, VSW], 'no id for the group it did not report');
  });

  it("compares the link's group with the spec's existing group by id when the group was not read", () => {
    const spec = b.spec({ securityGroup: b.existingGroupSpec('sg-given') });
    assert.equal(
      linkApiHop(spec, linked({ linkGroup: undefined, networkLink: b.networkLink({ securityGroupId: 'sg-given' }) })).verdict,
      'pass',
    );
    assert.equal(
      linkApiHop(spec, linked({ linkGroup: undefined, networkLink: b.networkLink({ securityGroupId: 'sg-x' }) })).reason,
      "orders_link exists with another configuration: its security group is sg-x, the spec's sg-given.",
    );
  });

  it('fails for a link that is not PASSTHROUGH, pointing to another name or a re-creation', () => {
    const hop = printed(linkApiHop(b.spec(), linked({ networkLink: b.networkLink({ type: 'OTHER' }) })));
    assert.equal(hop.verdict, 'fail');
    assert.equal(hop.reason, `orders_link is a OTHER link, not PASSTHROUGH: it does not carry MaxCompute's traffic into ${VPC}.`);
    assert.equal(
      hop.fix,
      `manual: Give the spec another link name, or remove the link (mcvpc destroy on the spec, or Remove Network Link in the Network view), then mcvpc apply to create it with the spec's values.`,
    );
    assert.match(linkApiHop(b.spec(), linked({ networkLink: b.networkLink({ type: '' }) })).reason, /is a typeless link/);
  });

  it("fails for a link whose VPC, vSwitch or group differ from the spec's, naming each difference", () => {
    const hop = printed(
      linkApiHop(b.spec(), linked({ networkLink: b.networkLink({ vpcId: 'vpc-x', vSwitchId: 'vsw-x', securityGroupId: 'sg-x' }) })),
    );
    assert.equal(hop.verdict, 'fail');
    assert.equal(
      hop.reason,
      `orders_link exists with another configuration: its VPC is vpc-x, the spec's ${VPC}; its vSwitch is vsw-x, the spec's ${VSW}; its security group is sg-x, the spec's ${SG}.`,
    );
    assert.equal(hop.fix, `manual: Correct the spec to the link's values (mcvpc import orders_link writes them), or: ${recreate}`);
    const unreported = linkApiHop(
      b.spec(),
      linked({ linkGroup: undefined, networkLink: b.networkLink({ vpcId: '', vSwitchId: undefined, securityGroupId: 'sg-x' }) }),
    );
    assert.equal(
      unreported.reason,
      `orders_link exists with another configuration: its vSwitch is (not reported), the spec's ${VSW}; its security group is sg-x, the spec's the group "${b.LINK_GROUP_NAME}" (not created yet).`,
    );
    assert.match(
      linkApiHop(b.spec(), linked({ networkLink: b.networkLink({ securityGroupId: undefined }) })).reason,
      /its security group is \(not reported\), the spec's sg-link\.$/,
    );
  });

  it("fails for a link that is not SUCCESS yet; passes for a SUCCESS link with the spec's values", () => {
    const creating = printed(linkApiHop(b.spec(), linked({ networkLink: b.networkLink({ status: 'CREATING' }) })));
    assert.equal(creating.verdict, 'fail');
    assert.equal(creating.reason, "orders_link is in status CREATING, not SUCCESS: MaxCompute's traffic does not flow through it yet.");
    assert.equal(creating.fix, `manual: Wait and run the doctor again (creation takes minutes); if the status stays CREATING: ${recreate}`);
    assert.deepEqual(printed(linkApiHop(b.spec(), linked())), {
      verdict: 'pass',
      reason: `orders_link is SUCCESS, in ${VSW} with ${SG}.`,
      evidence: [
        `GetNetworkLink orders_link: type PASSTHROUGH, status SUCCESS, VPC ${VPC}, vSwitch ${VSW}, security group ${SG} [orders_link ${VPC} ${VSW} ${SG}]`,
      ],
    });
  });
});

describe("doctor: the interfaces hop and MaxCompute's groups", () => {
  it("passes with each of the link's interfaces as evidence", () => {
    assert.deepEqual(printed(interfacesHop(b.spec(), linked())), {
      verdict: 'pass',
      reason: `2 network interface(s) of MaxCompute in ${VSW}.`,
      evidence: [`ENI eni-1 192.168.1.3 (InUse), groups ${SG} [eni-1]`, `ENI eni-2 192.168.1.3 (InUse), groups ${SG} [eni-2]`],
    });
  });

  it("without interfaces fails; the fix is apply when the link API works, else the console's values", () => {
    assert.deepEqual(printed(interfacesHop(b.spec(), linked({ linkNetworkInterfaces: [] }))), {
      verdict: 'fail',
      reason: `No MaxCompute network interface is in ${VSW} with ${SG}: the link was not created (or not with this vSwitch and group).`,
      evidence: [`DescribeNetworkInterfaces VSwitchId=${VSW} SecurityGroupId=${SG}: no service-managed interface [${VSW}]`],
      fix: "manual: Run mcvpc apply on the spec (or Apply in the Network view): it creates the network link orders_link through MaxCompute's API and waits until it is SUCCESS.",
    });
    const noApi = printed(
      interfacesHop(
        b.spec(),
        linked({ linkNetworkInterfaces: [], linkGroup: undefined, networkLinkApi: { state: 'denied', reason: 'x' } }),
      ),
    );
    assert.equal(
      noApi.reason,
      `No MaxCompute network interface is in ${VSW} with the link group: the link was not created (or not with this vSwitch and group).`,
    );
    assert.deepEqual(noApi.evidence, [
      `DescribeNetworkInterfaces VSwitchId=${VSW} SecurityGroupId=(none): no service-managed interface [${VSW}]`,
    ]);
    assert.equal(
      noApi.fix,
      `manual: Create the network link in the MaxCompute console (Network Connection → Add): name orders_link, type VPC direct connection, region cn-hangzhou, VPC ${VPC}, vSwitch ${VSW}, security group (the link group, once created by mcvpc apply)`,
    );
  });

  it('lists every group an interface carries', () => {
    const eni = { ...b.linkEni('eni-1'), securityGroupIds: [SG, 'sg-mc1'] };
    assert.deepEqual(printed(interfacesHop(b.spec(), linked({ linkNetworkInterfaces: [eni] }))).evidence, [
      `ENI eni-1 192.168.1.3 (InUse), groups ${SG}, sg-mc1 [eni-1]`,
    ]);
  });

  it("passes MaxCompute's two groups as created, with their ids", () => {
    const [vpcGroup, backup] = managedGroupHops(b.spec(), linked(), extras());
    assert.deepEqual(
      [vpcGroup!.id, vpcGroup!.title, backup!.id, backup!.title],
      ['managed.vpc', `MaxCompute-vpc-${VPC} present and unedited`, 'managed.backup', `MaxCompute-backup-vpc-${VPC} present and unedited`],
    );
    assert.deepEqual(printed(vpcGroup!), {
      verdict: 'pass',
      reason: 'sg-mc1 holds no rule, as MaxCompute created it.',
      evidence: [
        `security group sg-mc1 ("MaxCompute-vpc-${VPC}"): basic, in ${VPC} [sg-mc1 ${VPC}]`,
        'DescribeSecurityGroupAttribute sg-mc1: 0 rules [sg-mc1]',
      ],
    });
  });

  it("a missing group fails: deleted under a live link (recreate the link), or not made yet (the link's creation makes it)", () => {
    const onlyBackup = extras({
      managedGroups: [
        { group: b.managedGroups()[1]!, rules: [] },
        { group: b.group('sg-elsewhere', { name: `MaxCompute-vpc-${VPC}`, vpcId: 'vpc-other' }), rules: [] },
      ],
    });
    const deleted = printed(managedGroupHops(b.spec(), linked(), onlyBackup)[0]!);
    assert.deepEqual(deleted, {
      verdict: 'fail',
      reason: `MaxCompute-vpc-${VPC} is missing although the link's ENIs exist: it was deleted, and MaxCompute's return traffic has no group.`,
      evidence: [`DescribeSecurityGroups VpcId=${VPC} SecurityGroupName=MaxCompute-vpc-${VPC}: none [${VPC}]`],
      fix: `manual: Delete and recreate the network link in the MaxCompute console, which creates MaxCompute-vpc-${VPC} again.`,
    });
    const notYet = printed(managedGroupHops(b.spec(), linked({ linkNetworkInterfaces: [] }), extras({ managedGroups: [] }))[1]!);
    assert.equal(notYet.reason, `MaxCompute-backup-vpc-${VPC} does not exist: MaxCompute creates it with the first link of ${VPC}.`);
    assert.match(notYet.fix!, new RegExp(`^manual: Create the network link in the MaxCompute console .*security group ${SG}$`));
    const nothingYet = printed(
      managedGroupHops(b.spec(), linked({ linkNetworkInterfaces: [], linkGroup: undefined }), extras({ managedGroups: [] }))[0]!,
    );
    assert.match(nothingYet.fix!, /security group \(the link group, once created by mcvpc apply\)$/);
  });

  it('an added rule warns, an added drop fails; the fix takes back exactly the rules found', () => {
    const accept = rule({ protocol: 'TCP', portRange: '22/22', peerCidr: '10.0.0.0/8', ruleId: 'sgr-1' });
    const drop = rule({ policy: 'drop', peerCidr: '0.0.0.0/0', ruleId: 'sgr-2' });
    const withRules = (rules: SecurityGroupRule[]) =>
      extras({
        managedGroups: [
          { group: b.managedGroups()[0]!, rules },
          { group: b.managedGroups()[1]!, rules: [] },
        ],
      });
    const warned = printed(managedGroupHops(b.spec(), linked(), withRules([accept]))[0]!);
    assert.deepEqual(warned, {
      verdict: 'warn',
      reason:
        'sg-mc1 was edited: 1 rule(s) added to a group MaxCompute manages; the seed: "Do not modify the rules of these two security groups".',
      evidence: ['rule sgr-1 in sg-mc1: inbound accept TCP 22/22 from 10.0.0.0/8 (priority 1) [sg-mc1 sgr-1]'],
      fix: 'steps: Remove the 1 added rule(s) from sg-mc1, back to how MaxCompute created it',
      steps: ['fix.managed.vpc.revoke: Remove a rule from sg-mc1: inbound accept TCP 22/22 from 10.0.0.0/8 (priority 1)'],
    });
    const failed = printed(managedGroupHops(b.spec(), linked(), withRules([accept, drop]))[0]!);
    assert.equal(failed.verdict, 'fail');
    assert.equal(
      failed.reason,
      'sg-mc1 was edited: 2 rule(s) added to a group MaxCompute manages, a drop among them may discard return traffic; the seed: "Do not modify the rules of these two security groups".',
    );
  });
});

describe("doctor: the link hops' ids and titles, as the report lists them", () => {
  it("names each hop of a healthy link in order, each in the link's scope", () => {
    const spec = b.spec();
    const live = linked();
    const hops = [
      accountHop(spec, live),
      zoneHop(spec, live),
      ...linkGroupHops(spec, live, extras()),
      linkApiHop(spec, live),
      interfacesHop(spec, live),
      ...managedGroupHops(spec, live, extras()),
    ];
    assert.deepEqual(
      hops.map((h) => [h.id, h.title]),
      [
        ['account', 'Same account owns the VPC'],
        ['zone', 'vSwitch zone supports network links'],
        ['link-group.vpc', "Link group is in the link's VPC"],
        ['link-group.type', 'Link group is a basic group'],
        ['link-group.managed', "Link group is not MaxCompute's own"],
        ['link-group.shared', 'Link group is used by the link alone'],
        ['link-group.return', 'Link group admits return traffic'],
        ['network-link', "The link exists, its status is SUCCESS, its vSwitch and group are the spec's"],
        ['network-link.enis', "The link's network interfaces exist"],
        ['managed.vpc', `MaxCompute-vpc-${VPC} present and unedited`],
        ['managed.backup', `MaxCompute-backup-vpc-${VPC} present and unedited`],
      ],
    );
    assert.ok(hops.every((h) => h.scope.kind === 'link'));
  });

  it('keeps the titles when the hops fail', () => {
    const spec = b.spec();
    const broken = linked({
      linkGroup: b.withIngress(b.group(SG, { vpcId: 'vpc-other', type: 'enterprise', managedByMaxCompute: true }), []),
      vSwitch: undefined,
      vpc: undefined,
      networkLink: undefined,
      linkNetworkInterfaces: [],
    });
    const shared = extras({ linkGroupInterfaces: [{ ...b.linkEni('eni-9'), serviceManaged: false }] });
    const hops = [
      accountHop(spec, broken),
      zoneHop(spec, broken),
      ...linkGroupHops(spec, broken, shared),
      linkApiHop(spec, broken),
      interfacesHop(spec, broken),
    ];
    assert.deepEqual(
      hops.map((h) => [h.id, h.verdict, h.title]),
      [
        ['account', 'fail', 'Same account owns the VPC'],
        ['zone', 'fail', 'vSwitch zone supports network links'],
        ['link-group.vpc', 'fail', "Link group is in the link's VPC"],
        ['link-group.type', 'fail', 'Link group is a basic group'],
        ['link-group.managed', 'fail', "Link group is not MaxCompute's own"],
        ['link-group.shared', 'warn', 'Link group is used by the link alone'],
        ['link-group.return', 'unknown', 'Link group admits return traffic'],
        ['network-link', 'fail', "The link exists, its status is SUCCESS, its vSwitch and group are the spec's"],
        ['network-link.enis', 'fail', "The link's network interfaces exist"],
      ],
    );
  });
});
