import { strict as assert } from 'node:assert';
import { DEFAULT_SEED, startEmulator, type Emulator } from '../../src/emulator';
import { clientFor, control, ECS, type WireBody } from './emulator.support';

const m = DEFAULT_SEED.main;
const R = 'cn-hangzhou';
const LINKS = '/__emulator/console/network-links';

describe('emulator: MaxCompute console network links', () => {
  let emulator: Emulator;
  beforeEach(async () => {
    emulator = await startEmulator();
  });
  afterEach(() => emulator.close());

  const link = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
    regionId: R,
    name: 'orders_link',
    vpcId: m.vpcId,
    vSwitchId: m.vSwitchIdH,
    securityGroupId: m.basicGroupId,
    ...overrides,
  });

  async function enis(vpcId: string): Promise<WireBody[]> {
    const body = await clientFor(emulator, m).call('DescribeNetworkInterfaces', ECS, { RegionId: R, VpcId: vpcId, MaxResults: 100 });
    return body.NetworkInterfaceSets.NetworkInterfaceSet as WireBody[];
  }

  /** The VPC's interfaces besides its instances' primary ones (the Kafka instance has one in the app VPC): the links'. */
  async function linkEnis(vpcId: string): Promise<WireBody[]> {
    return (await enis(vpcId)).filter((e) => e.Type !== 'Primary');
  }

  /** The app VPC's interfaces before any link: the Kafka instance's primary one alone. */
  const appVpcUntouched = async (): Promise<void> =>
    assert.deepEqual(
      (await enis(m.vpcId)).map((e) => e.NetworkInterfaceId),
      [m.ecsPrimaryEniId],
    );

  async function groupNames(vpcId: string): Promise<string[]> {
    const body = await clientFor(emulator, m).call('DescribeSecurityGroups', ECS, { RegionId: R, VpcId: vpcId, MaxResults: 100 });
    return body.SecurityGroups.SecurityGroup.map((g: WireBody) => g.SecurityGroupName as string);
  }

  it('serves the console page with the form fields and the existing link', async () => {
    const page = await control(emulator, 'GET', '/__emulator/');
    assert.equal(page.status, 200);
    assert.match(page.contentType, /^text\/html/);
    for (const field of ['Connection name', 'Passthrough', 'Region', 'VPC', 'vSwitch', 'Security group', 'Account', m.linkName])
      assert.ok(page.text.includes(field), field);
    assert.ok(!page.text.includes(m.accessKeySecret));
  });

  it('creates two service-managed ENIs in the vSwitch and group, and the MaxCompute groups', async () => {
    await appVpcUntouched();
    const created = await control(emulator, 'POST', LINKS, link());
    assert.equal(created.status, 201, created.text);
    assert.equal(created.body.NetworkLink.name, 'orders_link');
    assert.equal(created.body.NetworkLink.accountId, m.accountId);
    const after = await linkEnis(m.vpcId);
    assert.equal(after.length, 2);
    for (const eni of after) {
      assert.equal(eni.ServiceManaged, true);
      assert.equal(eni.VSwitchId, m.vSwitchIdH);
      assert.equal(eni.ZoneId, 'cn-hangzhou-h');
      assert.deepEqual(eni.SecurityGroupIds.SecurityGroupId, [m.basicGroupId]);
      assert.match(eni.PrivateIpAddress, /^192\.168\.1\.\d+$/);
    }
    assert.notEqual(after[0]!.PrivateIpAddress, after[1]!.PrivateIpAddress);
    assert.deepEqual(created.body.NetworkLink.networkInterfaceIds.sort(), after.map((e) => e.NetworkInterfaceId).sort());
    const names = await groupNames(m.vpcId);
    assert.ok(names.includes(`MaxCompute-vpc-${m.vpcId}`) && names.includes(`MaxCompute-backup-vpc-${m.vpcId}`));

    const listed = await control(emulator, 'GET', `${LINKS}?regionId=${R}&accountId=${m.accountId}`);
    assert.deepEqual(listed.body.NetworkLinks.map((l: WireBody) => l.name).sort(), [m.linkName, 'orders_link'].sort());
  });

  it('a second link in the same VPC reuses the MaxCompute groups', async () => {
    await control(emulator, 'POST', LINKS, link());
    const second = await control(emulator, 'POST', LINKS, link({ name: 'second_link', vSwitchId: m.vSwitchIdJ }));
    assert.equal(second.status, 201, second.text);
    const names = await groupNames(m.vpcId);
    assert.equal(names.filter((n) => n.startsWith('MaxCompute-')).length, 2);
    assert.equal((await linkEnis(m.vpcId)).length, 4);
  });

  it("DELETE removes a link and its ENIs but keeps the VPC's MaxCompute groups", async () => {
    await control(emulator, 'POST', LINKS, link());
    const removed = await control(emulator, 'DELETE', `${LINKS}/orders_link?regionId=${R}`);
    assert.equal(removed.status, 200, removed.text);
    await appVpcUntouched();
    assert.equal((await groupNames(m.vpcId)).filter((n) => n.startsWith('MaxCompute-')).length, 2);
    const again = await control(emulator, 'DELETE', `${LINKS}/orders_link?regionId=${R}`);
    assert.deepEqual([again.status, again.body.Code], [404, 'NetworkLink.NotFound']);
    const listed = await control(emulator, 'GET', `${LINKS}?accountId=${m.accountId}`);
    assert.deepEqual(
      listed.body.NetworkLinks.map((l: WireBody) => l.name),
      [m.linkName],
    );
  });

  it('the new ENIs obey the visibility delay', async () => {
    emulator.setFaults({ visibilityDelayMs: 60_000 });
    assert.equal((await control(emulator, 'POST', LINKS, link())).status, 201);
    await appVpcUntouched();
    assert.ok(!(await groupNames(m.vpcId)).some((n) => n.startsWith('MaxCompute-')));
  });

  const refusals: Array<[string, () => Record<string, unknown>, number, string, RegExp]> = [
    ['a malformed name', () => link({ name: '1 bad name' }), 400, 'InvalidNetworkLinkName', /Connection name/],
    ['a missing field', () => link({ vSwitchId: undefined }), 400, 'MissingParameter', /vSwitchId/],
    ['an unknown VPC', () => link({ vpcId: 'vpc-bp1nosuchvpc000000000' }), 404, 'InvalidVpcId.NotFound', /vpc-bp1nosuchvpc/],
    ['a vSwitch of another VPC', () => link({ vSwitchId: m.linkedVSwitchId }), 400, 'InvalidVSwitchId.VpcMismatch', /belongs to/],
    [
      'a vSwitch in an unsupported zone',
      () => link({ vSwitchId: m.vSwitchIdB }),
      400,
      'ZoneNotSupported',
      /cn-hangzhou-b does not support/,
    ],
    [
      'an advanced security group',
      () => link({ securityGroupId: m.advancedGroupId }),
      400,
      'InvalidSecurityGroup.NotBasic',
      /basic security group/,
    ],
    ['a group of another VPC', () => link({ securityGroupId: m.linkedGroupId }), 400, 'InvalidSecurityGroupId.VpcMismatch', /belongs to/],
    [
      'a MaxCompute-managed group',
      () => link({ vpcId: m.linkedVpcId, vSwitchId: m.linkedVSwitchId, securityGroupId: m.managedGroupIds[0] }),
      400,
      'InvalidSecurityGroup.ManagedByMaxCompute',
      /managed by MaxCompute/,
    ],
    ['a duplicate name', () => link({ name: m.linkName }), 400, 'NetworkLink.AlreadyExists', /already exists/],
    ['an unknown account', () => link({ accountId: '9999999999999999' }), 404, 'Account.NotFound', /9999999999999999/],
  ];
  for (const [what, body, status, code, message] of refusals) {
    it(`refuses ${what} with ${status} ${code} and creates nothing`, async () => {
      const answer = await control(emulator, 'POST', LINKS, body());
      assert.equal(answer.status, status, answer.text);
      assert.equal(answer.body.Code, code);
      assert.match(answer.body.Message, message);
      await appVpcUntouched();
    });
  }

  it('refuses an account that has not authorized AliyunODPSRoleForENI', async () => {
    const s = DEFAULT_SEED.second;
    const answer = await control(emulator, 'POST', LINKS, {
      accountId: s.accountId,
      regionId: R,
      name: 'second_link',
      vpcId: s.vpcId,
      vSwitchId: s.vSwitchId,
      securityGroupId: s.basicGroupId,
    });
    assert.equal(answer.status, 400);
    assert.equal(answer.body.Code, 'NoPermission.RoleNotAuthorized');
    assert.match(answer.body.Message, /AliyunODPSRoleForENI/);
  });

  it('refuses a body that is not JSON', async () => {
    const response = await fetch(`${emulator.endpoint}${LINKS}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{oops',
    });
    assert.equal(response.status, 400);
    assert.equal(((await response.json()) as WireBody).Code, 'InvalidJson');
  });
});
