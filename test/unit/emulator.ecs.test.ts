import { strict as assert } from 'node:assert';
import { DEFAULT_SEED, startEmulator, type Emulator } from '../../src/emulator';
import { clientFor, ECS, failure, type ApiClient, type WireBody } from './emulator.support';

const m = DEFAULT_SEED.main;
const R = 'cn-hangzhou';

interface Permission {
  SecurityGroupRuleId: string;
  Direction: string;
  IpProtocol: string;
  PortRange: string;
  Policy: string;
  Priority: string;
  SourceCidrIp: string;
  SourceGroupId: string;
  DestCidrIp: string;
}

describe('emulator: ECS 2014-05-26 security groups and ENIs', () => {
  let emulator: Emulator;
  let ecs: ApiClient;
  before(async () => {
    emulator = await startEmulator();
    ecs = clientFor(emulator, m);
  });
  after(() => emulator.close());

  async function newGroup(type: 'normal' | 'enterprise' = 'normal', name = 'test-group'): Promise<string> {
    const body = await ecs.call('CreateSecurityGroup', ECS, {
      RegionId: R,
      VpcId: m.vpcId,
      SecurityGroupName: name,
      SecurityGroupType: type,
    });
    assert.match(body.SecurityGroupId, /^sg-bp1[0-9a-z]{18}$/);
    return body.SecurityGroupId as string;
  }

  async function rules(groupId: string, direction = 'all'): Promise<Permission[]> {
    const body = await ecs.call('DescribeSecurityGroupAttribute', ECS, { RegionId: R, SecurityGroupId: groupId, Direction: direction });
    return body.Permissions.Permission as Permission[];
  }

  const tcp = (port: number, cidr: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
    IpProtocol: 'TCP',
    PortRange: `${port}/${port}`,
    SourceCidrIp: cidr,
    ...extra,
  });

  describe('DescribeSecurityGroups', () => {
    it('returns SecurityGroups.SecurityGroup[] filtered by VPC and type', async () => {
      const body = await ecs.call('DescribeSecurityGroups', ECS, { RegionId: R, VpcId: m.vpcId, SecurityGroupType: 'enterprise' });
      assert.deepEqual(
        body.SecurityGroups.SecurityGroup.map((g: WireBody) => g.SecurityGroupId),
        [m.advancedGroupId],
      );
      const g = body.SecurityGroups.SecurityGroup[0];
      assert.deepEqual(
        { type: g.SecurityGroupType, vpc: g.VpcId, name: g.SecurityGroupName, managed: g.ServiceManaged },
        { type: 'enterprise', vpc: m.vpcId, name: 'app-advanced', managed: false },
      );
      assert.equal(body.NextToken, '');
    });

    it('pages with NextToken/MaxResults and reports TotalCount', async () => {
      const ids: string[] = [];
      let token: string | undefined;
      let total = 0;
      do {
        const body: WireBody = await ecs.call('DescribeSecurityGroups', ECS, { RegionId: R, MaxResults: 2, NextToken: token });
        total = body.TotalCount;
        assert.ok(body.SecurityGroups.SecurityGroup.length <= 2);
        ids.push(...body.SecurityGroups.SecurityGroup.map((g: WireBody) => g.SecurityGroupId));
        token = body.NextToken || undefined;
      } while (token);
      assert.ok(total >= 7);
      assert.equal(ids.length, total);
      assert.equal(new Set(ids).size, total);
    });

    it('still accepts the deprecated PageNumber/PageSize', async () => {
      const body = await ecs.call('DescribeSecurityGroups', ECS, { RegionId: R, PageNumber: 2, PageSize: 3 });
      assert.equal(body.PageNumber, 2);
      assert.equal(body.PageSize, 3);
      assert.equal(body.SecurityGroups.SecurityGroup.length, 3);
    });

    it('rejects MaxResults above 100', async () => {
      const err = await failure(ecs.call('DescribeSecurityGroups', ECS, { RegionId: R, MaxResults: 101 }));
      assert.equal(err.code, 'InvalidParameter');
    });
  });

  describe('CreateSecurityGroup', () => {
    it('creates basic groups with InnerAccessPolicy Accept and advanced ones with Drop', async () => {
      const basic = await newGroup('normal', 'created-basic');
      const advanced = await newGroup('enterprise', 'created-advanced');
      const b = await ecs.call('DescribeSecurityGroupAttribute', ECS, { RegionId: R, SecurityGroupId: basic });
      const a = await ecs.call('DescribeSecurityGroupAttribute', ECS, { RegionId: R, SecurityGroupId: advanced });
      assert.deepEqual([b.InnerAccessPolicy, a.InnerAccessPolicy], ['Accept', 'Drop']);
      assert.equal(b.VpcId, m.vpcId);
      assert.deepEqual(b.Permissions.Permission, []);
    });

    it('refuses an unknown VPC and a malformed name', async () => {
      const vpc = await failure(ecs.call('CreateSecurityGroup', ECS, { RegionId: R, VpcId: 'vpc-bp1doesnotexist0000000' }));
      assert.equal(vpc.code, 'InvalidVpcId.NotFound');
      assert.equal(vpc.statusCode, 404);
      const name = await failure(
        ecs.call('CreateSecurityGroup', ECS, { RegionId: R, VpcId: m.vpcId, SecurityGroupName: '1starts-with-digit' }),
      );
      assert.equal(name.statusCode, 400);
      assert.match(name.data.Message, /SecurityGroupName/);
    });
  });

  describe('AuthorizeSecurityGroup and AuthorizeSecurityGroupEgress', () => {
    it("adds rules that DescribeSecurityGroupAttribute shows with the API's letter case and a string Priority", async () => {
      const group = await newGroup();
      await ecs.call('AuthorizeSecurityGroup', ECS, {
        RegionId: R,
        SecurityGroupId: group,
        Permissions: [tcp(3306, '192.168.1.0/24', { Priority: 5, Description: 'mysql' })],
      });
      const [rule] = await rules(group);
      assert.ok(rule);
      assert.match(rule.SecurityGroupRuleId, /^sgr-/);
      assert.deepEqual(
        { d: rule.Direction, p: rule.IpProtocol, r: rule.PortRange, pol: rule.Policy, pri: rule.Priority, src: rule.SourceCidrIp },
        { d: 'ingress', p: 'TCP', r: '3306/3306', pol: 'Accept', pri: '5', src: '192.168.1.0/24' },
      );
    });

    it('treats an identical rule (even with another priority or letter case) as a no-op', async () => {
      const group = await newGroup();
      await ecs.call('AuthorizeSecurityGroup', ECS, { RegionId: R, SecurityGroupId: group, Permissions: [tcp(22, '10.0.0.0/8')] });
      await ecs.call('AuthorizeSecurityGroup', ECS, {
        RegionId: R,
        SecurityGroupId: group,
        Permissions: [{ ...tcp(22, '10.0.0.0/8'), IpProtocol: 'tcp', Priority: 7, Policy: 'accept' }],
      });
      assert.equal((await rules(group)).length, 1);
      await ecs.call('AuthorizeSecurityGroup', ECS, {
        RegionId: R,
        SecurityGroupId: group,
        Permissions: [{ ...tcp(22, '10.0.0.0/8'), Policy: 'drop' }],
      });
      assert.equal((await rules(group)).length, 2, 'another policy is another rule');
    });

    it('works the same signed with V1, flattened Permissions.N in a form body included', async () => {
      const group = await newGroup();
      const v1 = clientFor(emulator, m, 'V1', { body: true });
      await v1.call('AuthorizeSecurityGroup', ECS, {
        RegionId: R,
        SecurityGroupId: group,
        Permissions: [tcp(16000, '192.168.2.0/24'), tcp(16020, '192.168.2.0/24', { Description: 'region server (RPC)' })],
      });
      const added = await rules(group);
      assert.deepEqual(added.map((r) => r.PortRange).sort(), ['16000/16000', '16020/16020']);
      await v1.call('RevokeSecurityGroup', ECS, {
        RegionId: R,
        SecurityGroupId: group,
        SecurityGroupRuleId: added.map((r) => r.SecurityGroupRuleId),
      });
      assert.deepEqual(await rules(group), []);
    });

    it('accepts the legacy flat parameters', async () => {
      const group = await newGroup();
      await ecs.call('AuthorizeSecurityGroup', ECS, {
        RegionId: R,
        SecurityGroupId: group,
        IpProtocol: 'UDP',
        PortRange: '53/53',
        SourceCidrIp: '192.168.0.0/16',
      });
      const [rule] = await rules(group);
      assert.deepEqual([rule?.IpProtocol, rule?.PortRange], ['UDP', '53/53']);
    });

    it('adds egress rules with a destination', async () => {
      const group = await newGroup();
      await ecs.call('AuthorizeSecurityGroupEgress', ECS, {
        RegionId: R,
        SecurityGroupId: group,
        Permissions: [{ IpProtocol: 'TCP', PortRange: '2181/2181', DestCidrIp: '192.168.2.0/24' }],
      });
      const egress = await rules(group, 'egress');
      assert.equal(egress.length, 1);
      assert.deepEqual([egress[0]?.Direction, egress[0]?.DestCidrIp, egress[0]?.SourceCidrIp], ['egress', '192.168.2.0/24', '']);
      assert.equal((await rules(group, 'ingress')).length, 0);
    });

    const invalid: Array<[string, Record<string, unknown>]> = [
      ['an unknown protocol', tcp(80, '10.0.0.0/8', { IpProtocol: 'SCTP' })],
      ['port 0', tcp(80, '10.0.0.0/8', { PortRange: '0/80' })],
      ['a reversed range', tcp(80, '10.0.0.0/8', { PortRange: '90/80' })],
      ['ports on ICMP', { IpProtocol: 'ICMP', PortRange: '1/1', SourceCidrIp: '10.0.0.0/8' }],
      ['priority 101', tcp(80, '10.0.0.0/8', { Priority: 101 })],
      ['priority 0', tcp(80, '10.0.0.0/8', { Priority: 0 })],
      ['an unknown policy', tcp(80, '10.0.0.0/8', { Policy: 'maybe' })],
      ['a malformed CIDR', tcp(80, '10.0.0.300/8')],
    ];
    for (const [what, permission] of invalid) {
      it(`refuses ${what} with a 400 and adds nothing from the request`, async () => {
        const group = await newGroup();
        const err = await failure(
          ecs.call('AuthorizeSecurityGroup', ECS, {
            RegionId: R,
            SecurityGroupId: group,
            Permissions: [tcp(443, '10.0.0.0/8'), permission],
          }),
        );
        assert.equal(err.statusCode, 400);
        assert.match(err.data.Message, /Permissions\.2\./);
        assert.equal((await rules(group)).length, 0);
      });
    }

    it('allows at most 20 group-authorization rules in a basic group', async () => {
      const group = await newGroup();
      const peers: string[] = [];
      for (let i = 0; i < 21; i++) peers.push(await newGroup('normal', `peer-${i}`));
      await ecs.call('AuthorizeSecurityGroup', ECS, {
        RegionId: R,
        SecurityGroupId: group,
        Permissions: peers.slice(0, 20).map((p) => ({ IpProtocol: 'TCP', PortRange: '80/80', SourceGroupId: p })),
      });
      const err = await failure(
        ecs.call('AuthorizeSecurityGroup', ECS, {
          RegionId: R,
          SecurityGroupId: group,
          Permissions: [{ IpProtocol: 'TCP', PortRange: '80/80', SourceGroupId: peers[20] }],
        }),
      );
      assert.equal(err.statusCode, 400);
      assert.match(err.data.Message, /at most 20/);
      const all = await rules(group);
      assert.equal(all.length, 20);
      assert.ok(all.every((r) => r.SourceGroupId !== '' && r.SourceCidrIp === ''));
    });

    it('refuses group references in or to advanced groups', async () => {
      const advanced = await newGroup('enterprise');
      const basic = await newGroup();
      const inAdvanced = await failure(
        ecs.call('AuthorizeSecurityGroup', ECS, {
          RegionId: R,
          SecurityGroupId: advanced,
          Permissions: [{ IpProtocol: 'TCP', PortRange: '80/80', SourceGroupId: basic }],
        }),
      );
      assert.equal(inAdvanced.statusCode, 400);
      const toAdvanced = await failure(
        ecs.call('AuthorizeSecurityGroup', ECS, {
          RegionId: R,
          SecurityGroupId: basic,
          Permissions: [{ IpProtocol: 'TCP', PortRange: '80/80', SourceGroupId: advanced }],
        }),
      );
      assert.equal(toAdvanced.statusCode, 400);
    });

    it("answers InvalidSecurityGroupId.NotFound for another account's group", async () => {
      const second = clientFor(emulator, DEFAULT_SEED.second);
      const err = await failure(
        second.call('AuthorizeSecurityGroup', ECS, { RegionId: R, SecurityGroupId: m.basicGroupId, Permissions: [tcp(80, '0.0.0.0/0')] }),
      );
      assert.equal(err.code, 'InvalidSecurityGroupId.NotFound');
      assert.equal(err.statusCode, 404);
      const mine = await rules(m.basicGroupId);
      assert.ok(!mine.some((r) => r.PortRange === '80/80'));
    });
  });

  describe('RevokeSecurityGroup', () => {
    it('revokes by SecurityGroupRuleId.N', async () => {
      const group = await newGroup();
      await ecs.call('AuthorizeSecurityGroup', ECS, {
        RegionId: R,
        SecurityGroupId: group,
        Permissions: [tcp(1, '10.0.0.0/8'), tcp(2, '10.0.0.0/8')],
      });
      const [first] = await rules(group);
      await ecs.call('RevokeSecurityGroup', ECS, {
        RegionId: R,
        SecurityGroupId: group,
        SecurityGroupRuleId: [first!.SecurityGroupRuleId],
      });
      const left = await rules(group);
      assert.deepEqual(
        left.map((r) => r.PortRange),
        ['2/2'],
      );
    });

    it('refuses an unknown rule id with InvalidParam.SecurityGroupRuleId and deletes nothing', async () => {
      const group = await newGroup();
      await ecs.call('AuthorizeSecurityGroup', ECS, { RegionId: R, SecurityGroupId: group, Permissions: [tcp(1, '10.0.0.0/8')] });
      const [rule] = await rules(group);
      const err = await failure(
        ecs.call('RevokeSecurityGroup', ECS, {
          RegionId: R,
          SecurityGroupId: group,
          SecurityGroupRuleId: [rule!.SecurityGroupRuleId, 'sgr-bp1nosuchrule0000000'],
        }),
      );
      assert.equal(err.code, 'InvalidParam.SecurityGroupRuleId');
      assert.equal((await rules(group)).length, 1);
    });

    it('revokes by Permissions.N; a permission that matches nothing succeeds and deletes nothing', async () => {
      const group = await newGroup();
      await ecs.call('AuthorizeSecurityGroup', ECS, {
        RegionId: R,
        SecurityGroupId: group,
        Permissions: [tcp(3306, '192.168.1.0/24', { Priority: 3 })],
      });
      await ecs.call('RevokeSecurityGroup', ECS, { RegionId: R, SecurityGroupId: group, Permissions: [tcp(3306, '192.168.9.0/24')] });
      assert.equal((await rules(group)).length, 1);
      await ecs.call('RevokeSecurityGroup', ECS, { RegionId: R, SecurityGroupId: group, Permissions: [tcp(3306, '192.168.1.0/24')] });
      assert.equal((await rules(group)).length, 0);
    });

    it('refuses rule ids and permissions together', async () => {
      const group = await newGroup();
      const err = await failure(
        ecs.call('RevokeSecurityGroup', ECS, {
          RegionId: R,
          SecurityGroupId: group,
          SecurityGroupRuleId: ['sgr-x'],
          Permissions: [tcp(1, '10.0.0.0/8')],
        }),
      );
      assert.equal(err.code, 'InvalidParameter');
    });

    it('RevokeSecurityGroupEgress touches only egress rules', async () => {
      const group = await newGroup();
      await ecs.call('AuthorizeSecurityGroup', ECS, { RegionId: R, SecurityGroupId: group, Permissions: [tcp(5, '10.0.0.0/8')] });
      await ecs.call('AuthorizeSecurityGroupEgress', ECS, {
        RegionId: R,
        SecurityGroupId: group,
        Permissions: [{ IpProtocol: 'TCP', PortRange: '5/5', DestCidrIp: '10.0.0.0/8' }],
      });
      await ecs.call('RevokeSecurityGroupEgress', ECS, {
        RegionId: R,
        SecurityGroupId: group,
        Permissions: [{ IpProtocol: 'TCP', PortRange: '5/5', DestCidrIp: '10.0.0.0/8' }],
      });
      assert.deepEqual(
        (await rules(group)).map((r) => r.Direction),
        ['ingress'],
      );
    });
  });

  describe('DescribeSecurityGroupAttribute paging', () => {
    it('pages rules with NextToken and MaxResults (10 to 1000)', async () => {
      const group = await newGroup();
      await ecs.call('AuthorizeSecurityGroup', ECS, {
        RegionId: R,
        SecurityGroupId: group,
        Permissions: Array.from({ length: 25 }, (_, i) => tcp(1000 + i, '10.0.0.0/8')),
      });
      const first = await ecs.call('DescribeSecurityGroupAttribute', ECS, { RegionId: R, SecurityGroupId: group, MaxResults: 10 });
      assert.equal(first.Permissions.Permission.length, 10);
      assert.notEqual(first.NextToken, '');
      const second = await ecs.call('DescribeSecurityGroupAttribute', ECS, {
        RegionId: R,
        SecurityGroupId: group,
        MaxResults: 20,
        NextToken: first.NextToken,
      });
      assert.equal(second.Permissions.Permission.length, 15);
      assert.equal(second.NextToken, '');
      const tooSmall = await failure(
        ecs.call('DescribeSecurityGroupAttribute', ECS, { RegionId: R, SecurityGroupId: group, MaxResults: 5 }),
      );
      assert.equal(tooSmall.code, 'InvalidParameter');
    });
  });

  describe('DescribeNetworkInterfaces', () => {
    it("finds the existing link's two service-managed ENIs by VPC and by group", async () => {
      const byVpc = await ecs.call('DescribeNetworkInterfaces', ECS, { RegionId: R, VpcId: m.linkedVpcId });
      assert.equal(byVpc.TotalCount, 2);
      const eni = byVpc.NetworkInterfaceSets.NetworkInterfaceSet[0];
      assert.equal(eni.ServiceManaged, true);
      assert.equal(eni.VSwitchId, m.linkedVSwitchId);
      assert.deepEqual(eni.SecurityGroupIds.SecurityGroupId, [m.linkedGroupId]);
      assert.match(eni.PrivateIpAddress, /^172\.16\.1\.\d+$/);
      const byGroup = await ecs.call('DescribeNetworkInterfaces', ECS, {
        RegionId: R,
        SecurityGroupId: m.linkedGroupId,
        ServiceManaged: true,
      });
      assert.equal(byGroup.TotalCount, 2);
      const notManaged = await ecs.call('DescribeNetworkInterfaces', ECS, { RegionId: R, VpcId: m.linkedVpcId, ServiceManaged: false });
      assert.equal(notManaged.TotalCount, 0);
    });

    it('answers with and without ServiceManaged, for ENIs and for groups (the parameter exists on both, per the SDK models)', async () => {
      const all = await ecs.call('DescribeNetworkInterfaces', ECS, { RegionId: R, VpcId: m.linkedVpcId });
      const managed = await ecs.call('DescribeNetworkInterfaces', ECS, { RegionId: R, VpcId: m.linkedVpcId, ServiceManaged: true });
      assert.deepEqual(
        managed.NetworkInterfaceSets.NetworkInterfaceSet.map((e: WireBody) => e.NetworkInterfaceId).sort(),
        all.NetworkInterfaceSets.NetworkInterfaceSet.map((e: WireBody) => e.NetworkInterfaceId).sort(),
      );
      const groups = await ecs.call('DescribeSecurityGroups', ECS, { RegionId: R, VpcId: m.vpcId, MaxResults: 100 });
      const unmanaged = await ecs.call('DescribeSecurityGroups', ECS, {
        RegionId: R,
        VpcId: m.vpcId,
        MaxResults: 100,
        ServiceManaged: false,
      });
      assert.equal(unmanaged.TotalCount, groups.TotalCount);
      const onlyManaged = await ecs.call('DescribeSecurityGroups', ECS, {
        RegionId: R,
        VpcId: m.vpcId,
        MaxResults: 100,
        ServiceManaged: true,
      });
      assert.equal(onlyManaged.TotalCount, 0, "the user's own groups are not service-managed");
    });

    it('filters by NetworkInterfaceId.N, PrivateIpAddress.N and vSwitch, and pages with MaxResults', async () => {
      const [eniId] = m.linkedEniIds;
      const byId = await ecs.call('DescribeNetworkInterfaces', ECS, { RegionId: R, NetworkInterfaceId: [eniId] });
      assert.deepEqual(
        byId.NetworkInterfaceSets.NetworkInterfaceSet.map((e: WireBody) => e.NetworkInterfaceId),
        [eniId],
      );
      const ip = byId.NetworkInterfaceSets.NetworkInterfaceSet[0].PrivateIpAddress;
      const byIp = await ecs.call('DescribeNetworkInterfaces', ECS, { RegionId: R, PrivateIpAddress: [ip] });
      assert.deepEqual(
        byIp.NetworkInterfaceSets.NetworkInterfaceSet.map((e: WireBody) => e.NetworkInterfaceId),
        [eniId],
      );
      const byVSwitch = await ecs.call('DescribeNetworkInterfaces', ECS, { RegionId: R, VSwitchId: m.vSwitchIdH });
      assert.deepEqual(
        byVSwitch.NetworkInterfaceSets.NetworkInterfaceSet.map((e: WireBody) => e.NetworkInterfaceId),
        [m.ecsPrimaryEniId],
        "only the Kafka instance's primary ENI is in vSwitch h",
      );
      const page = await ecs.call('DescribeNetworkInterfaces', ECS, { RegionId: R, MaxResults: 10 });
      assert.equal(page.NextToken, '');
      const err = await failure(ecs.call('DescribeNetworkInterfaces', ECS, { RegionId: R, MaxResults: 501 }));
      assert.equal(err.code, 'InvalidParameter');
    });

    it('the MaxCompute return-traffic groups exist in the linked VPC', async () => {
      const body = await ecs.call('DescribeSecurityGroups', ECS, { RegionId: R, VpcId: m.linkedVpcId, MaxResults: 100 });
      const names = body.SecurityGroups.SecurityGroup.map((g: WireBody) => g.SecurityGroupName).sort();
      assert.deepEqual(names, [`MaxCompute-backup-vpc-${m.linkedVpcId}`, `MaxCompute-vpc-${m.linkedVpcId}`, 'mc-link-sg']);
      const ids = body.SecurityGroups.SecurityGroup.filter((g: WireBody) => g.SecurityGroupName.startsWith('MaxCompute-'))
        .map((g: WireBody) => g.SecurityGroupId)
        .sort();
      assert.deepEqual(ids, [...m.managedGroupIds].sort());
    });
  });
});
