/**
 * Every ECS instance's primary network interface in the emulator, through the real
 * @alicloud/openapi-client over HTTP: DescribeNetworkInterfaces lists it (Type Primary, InstanceId,
 * InUse, the instance's vSwitch, address and groups, not service-managed) and honours the
 * InstanceId, Type, Status and PrimaryIpAddress filters; SecurityGroupId finds secondary ENIs
 * only (the SDK model sends primary ENIs to DescribeInstances, whose NetworkInterfaces name the
 * same interface); state files get primary interfaces in step with their instances on load.
 */
import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_SEED, startEmulator, StateFileError, type Emulator } from '../../src/emulator';
import { buildSeed } from '../../src/emulator/seed';
import type { AccountState } from '../../src/emulator/state';
import { ecsInstance, emulatorWith } from './builders/extendedWorld';
import { tempDir } from './cloud.harness';
import { clientFor, control, ECS, failure, type ApiClient, type WireBody } from './emulator.support';

const m = DEFAULT_SEED.main;
const R = 'cn-hangzhou';

async function enis(ecs: ApiClient, filter: Record<string, unknown>): Promise<WireBody[]> {
  const body = await ecs.call('DescribeNetworkInterfaces', ECS, { RegionId: R, MaxResults: 100, ...filter });
  return body.NetworkInterfaceSets.NetworkInterfaceSet as WireBody[];
}

const ids = (sets: readonly WireBody[]): string[] => sets.map((e) => e.NetworkInterfaceId as string).sort();

describe("emulator: ECS instances' primary network interfaces", () => {
  let emulator: Emulator;
  let ecs: ApiClient;
  beforeEach(async () => {
    emulator = await startEmulator();
    ecs = clientFor(emulator, m);
  });
  afterEach(() => emulator.close());

  it("lists the Kafka instance's primary ENI in its VPC: Type Primary, InstanceId, InUse, its vSwitch, zone, address and group, not service-managed", async () => {
    const [eni, ...more] = await enis(ecs, { VpcId: m.vpcId });
    assert.equal(more.length, 0, 'the app VPC has no other interface');
    assert.match(m.ecsPrimaryEniId, /^eni-bp1[0-9a-z]{18}$/);
    assert.deepEqual(
      {
        id: eni!.NetworkInterfaceId,
        type: eni!.Type,
        instance: eni!.InstanceId,
        status: eni!.Status,
        vSwitch: eni!.VSwitchId,
        zone: eni!.ZoneId,
        ip: eni!.PrivateIpAddress,
        groups: eni!.SecurityGroupIds.SecurityGroupId,
        managed: eni!.ServiceManaged,
        serviceId: eni!.ServiceID,
        owner: eni!.OwnerId,
        deleteOnRelease: eni!.DeleteOnRelease,
      },
      {
        id: m.ecsPrimaryEniId,
        type: 'Primary',
        instance: m.ecsInstanceId,
        status: 'InUse',
        vSwitch: m.vSwitchIdH,
        zone: 'cn-hangzhou-h',
        ip: m.ecsPrivateIp,
        groups: [m.ecsGroupId],
        managed: false,
        serviceId: 0,
        owner: m.accountId,
        deleteOnRelease: true,
      },
    );
    assert.deepEqual(
      eni!.PrivateIpSets.PrivateIpSet.map((s: WireBody) => [s.PrivateIpAddress, s.Primary]),
      [[m.ecsPrivateIp, true]],
    );
    assert.match(eni!.MacAddress, /^00(:[0-9a-f]{2}){5}$/);
  });

  it("MaxCompute's link ENIs report no InstanceId (a service's ENIs have none) and stay Secondary", async () => {
    const link = await enis(ecs, { VpcId: m.linkedVpcId });
    assert.deepEqual(ids(link), [...m.linkedEniIds].sort());
    assert.deepEqual(
      link.map((e) => [e.InstanceId, e.Type, e.ServiceManaged]),
      [
        ['', 'Secondary', true],
        ['', 'Secondary', true],
      ],
    );
  });

  it('filters by InstanceId, Type, Status and PrimaryIpAddress', async () => {
    assert.deepEqual(ids(await enis(ecs, { InstanceId: m.ecsInstanceId })), [m.ecsPrimaryEniId]);
    assert.deepEqual(ids(await enis(ecs, { InstanceId: 'i-bp1nosuchinstance000000' })), []);
    assert.deepEqual(ids(await enis(ecs, { Type: 'Primary' })), [m.ecsPrimaryEniId]);
    assert.deepEqual(ids(await enis(ecs, { Type: 'Secondary' })), [...m.linkedEniIds].sort());
    assert.deepEqual(ids(await enis(ecs, { InstanceId: m.ecsInstanceId, Type: 'Secondary' })), [], 'the instance has no secondary ENI');
    assert.deepEqual(ids(await enis(ecs, { VpcId: m.vpcId, Status: 'InUse' })), [m.ecsPrimaryEniId]);
    assert.deepEqual(ids(await enis(ecs, { VpcId: m.vpcId, Status: 'Available' })), []);
    assert.deepEqual(ids(await enis(ecs, { PrimaryIpAddress: m.ecsPrivateIp })), [m.ecsPrimaryEniId]);
  });

  it('ServiceManaged=true leaves the primary ENI out, ServiceManaged=false finds it', async () => {
    assert.deepEqual(ids(await enis(ecs, { VpcId: m.vpcId, ServiceManaged: true })), []);
    assert.deepEqual(ids(await enis(ecs, { VpcId: m.vpcId, ServiceManaged: false })), [m.ecsPrimaryEniId]);
  });

  it('SecurityGroupId finds secondary ENIs only; DescribeInstances with SecurityGroupId names the primary ENI', async () => {
    assert.deepEqual(
      ids(await enis(ecs, { SecurityGroupId: m.ecsGroupId })),
      [],
      'the SDK model: "the security group to which the secondary ENI belongs"',
    );
    assert.deepEqual(ids(await enis(ecs, { SecurityGroupId: m.linkedGroupId })), [...m.linkedEniIds].sort());
    const body = await ecs.call('DescribeInstances', ECS, { RegionId: R, SecurityGroupId: m.ecsGroupId });
    const [instance] = body.Instances.Instance as WireBody[];
    assert.equal(instance!.InstanceId, m.ecsInstanceId);
    const [primary, ...others] = instance!.NetworkInterfaces.NetworkInterface as WireBody[];
    assert.equal(others.length, 0);
    const [listed] = await enis(ecs, { InstanceId: m.ecsInstanceId });
    assert.deepEqual(
      {
        id: primary!.NetworkInterfaceId,
        type: primary!.Type,
        ip: primary!.PrimaryIpAddress,
        mac: primary!.MacAddress,
        ips: primary!.PrivateIpSets.PrivateIpSet.map((s: WireBody) => [s.PrivateIpAddress, s.Primary]),
      },
      { id: m.ecsPrimaryEniId, type: 'Primary', ip: m.ecsPrivateIp, mac: listed!.MacAddress, ips: [[m.ecsPrivateIp, true]] },
    );
  });

  it("DeleteSecurityGroup of the instance's group fails with DependencyViolation (403), and the primary ENI stays", async () => {
    const err = await failure(ecs.call('DeleteSecurityGroup', ECS, { RegionId: R, SecurityGroupId: m.ecsGroupId }));
    assert.deepEqual([err.code, err.statusCode], ['DependencyViolation', 403]);
    assert.match(err.message, /instance/);
    assert.deepEqual(ids(await enis(ecs, { InstanceId: m.ecsInstanceId })), [m.ecsPrimaryEniId]);
  });

  it("a network link created in the instance's vSwitch does not take the instance's address", async () => {
    const crowded = await emulatorWith((main) =>
      main.ecsInstances.push(ecsInstance('i-bp1lowaddress00000000', { privateIpAddresses: ['192.168.1.3'] })),
    );
    try {
      const created = await control(crowded, 'POST', '/__emulator/console/network-links', {
        regionId: R,
        name: 'orders_link',
        vpcId: m.vpcId,
        vSwitchId: m.vSwitchIdH,
        securityGroupId: m.basicGroupId,
      });
      assert.equal(created.status, 201, created.text);
      const linkEnis = await enis(clientFor(crowded, m), { VpcId: m.vpcId, ServiceManaged: true });
      assert.deepEqual(linkEnis.map((e) => e.PrivateIpAddress).sort(), ['192.168.1.4', '192.168.1.5']);
    } finally {
      await crowded.close();
    }
  });
});

describe('emulator: primary network interfaces of a state file', () => {
  /** Starts an emulator on a state file made from the default seed by `edit`; returns it with a client. */
  async function fromFile(edit: (main: AccountState) => void): Promise<{ emu: Emulator; ecs: ApiClient; close: () => Promise<void> }> {
    const state = buildSeed('default');
    edit(state.accounts[0]!);
    const { dir, remove } = await tempDir();
    const file = path.join(dir, 'state.json');
    writeFileSync(file, JSON.stringify(state));
    try {
      const emu = await startEmulator({ stateFile: file });
      return {
        emu,
        ecs: clientFor(emu, m),
        close: async () => {
          await emu.close();
          await remove();
        },
      };
    } catch (err) {
      await remove();
      throw err;
    }
  }

  it('a file written before primary interfaces existed (instances, no primary ENIs, no instanceId fields) loads and lists them', async () => {
    const { ecs, close } = await fromFile((main) => {
      main.networkInterfaces = main.networkInterfaces.filter((e) => e.type !== 'Primary');
      for (const e of main.networkInterfaces) delete e.instanceId;
    });
    try {
      assert.deepEqual(ids(await enis(ecs, { InstanceId: m.ecsInstanceId })), [m.ecsPrimaryEniId]);
      assert.deepEqual(
        ids(await enis(ecs, { VpcId: m.linkedVpcId })),
        [...m.linkedEniIds].sort(),
        "MaxCompute's ENIs are kept as they were",
      );
    } finally {
      await close();
    }
  });

  it('an instance added to the file gets its primary ENI; one removed loses it, so its group can be deleted', async () => {
    const added = 'i-bp1addedinstance000000';
    const { ecs, close } = await fromFile((main) => {
      main.ecsInstances = [
        ecsInstance(added, {
          vSwitchId: m.vSwitchIdJ,
          zoneId: 'cn-hangzhou-j',
          privateIpAddresses: ['192.168.2.30'],
          securityGroupIds: [m.basicGroupId, m.hbaseGroupId],
        }),
      ];
    });
    try {
      const [eni, ...more] = await enis(ecs, { VpcId: m.vpcId });
      assert.equal(more.length, 0, 'the Kafka instance is gone, and so is its primary ENI');
      assert.deepEqual(
        [eni!.InstanceId, eni!.Type, eni!.VSwitchId, eni!.ZoneId, eni!.PrivateIpAddress, eni!.SecurityGroupIds.SecurityGroupId],
        [added, 'Primary', m.vSwitchIdJ, 'cn-hangzhou-j', '192.168.2.30', [m.basicGroupId, m.hbaseGroupId]],
      );
      await ecs.call('DeleteSecurityGroup', ECS, { RegionId: R, SecurityGroupId: m.ecsGroupId });
    } finally {
      await close();
    }
  });

  it('a primary ENI the file holds out of step (other groups, another address) follows its instance', async () => {
    const { ecs, close } = await fromFile((main) => {
      main.ecsInstances[0]!.securityGroupIds = [m.basicGroupId];
      main.ecsInstances[0]!.privateIpAddresses = ['192.168.1.21'];
    });
    try {
      const [eni] = await enis(ecs, { InstanceId: m.ecsInstanceId });
      assert.deepEqual(
        [eni!.NetworkInterfaceId, eni!.SecurityGroupIds.SecurityGroupId, eni!.PrivateIpAddress],
        [m.ecsPrimaryEniId, [m.basicGroupId], '192.168.1.21'],
      );
      await ecs.call('DeleteSecurityGroup', ECS, { RegionId: R, SecurityGroupId: m.ecsGroupId });
    } finally {
      await close();
    }
  });

  it('refuses a file whose instance lacks the fields its primary ENI is made from, naming the path', async () => {
    await assert.rejects(
      fromFile((main) => delete (main.ecsInstances[0] as unknown as Record<string, unknown>).privateIpAddresses),
      (err: Error) =>
        err instanceof StateFileError &&
        /accounts\[0\]\.ecsInstances\[0\]: must have required property 'privateIpAddresses'/.test(err.message),
    );
  });
});
