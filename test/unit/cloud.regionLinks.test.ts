/** cloud/regionLinks: a whole region's links through the real client against the emulator, paged to the end. */
import { strict as assert } from 'node:assert';
import { detectRegionLinks } from '../../src/cloud/regionLinks';
import type { Emulator } from '../../src/emulator';
import { cloudFor, DEFAULT_SEED, emulator, requestsFor } from './cloud.harness';
import { emulatorWith } from './builders/extendedWorld';

const M = DEFAULT_SEED.main;

describe('detectRegionLinks', function () {
  this.timeout(60_000);
  let emu: Emulator;
  afterEach(() => emu.close());

  it('finds the seeded link (its VPC, vSwitch, group and interfaces) and nothing in the app VPC', async () => {
    emu = await emulator();
    const links = await detectRegionLinks(await cloudFor(emu));
    assert.deepEqual(
      links.map((l) => [l.vpcId, l.vSwitchId, l.securityGroupId, l.networkInterfaces.map((n) => n.networkInterfaceId).sort()]),
      [[M.linkedVpcId, M.linkedVSwitchId, M.linkedGroupId, [...M.linkedEniIds].sort()]],
    );
    // Groups and interfaces each asked for with and without ServiceManaged, once.
    assert.deepEqual(
      requestsFor(emu, 'DescribeSecurityGroups')
        .map((r) => r.params.ServiceManaged ?? '')
        .sort(),
      ['', 'true'],
    );
    assert.deepEqual(
      requestsFor(emu, 'DescribeNetworkInterfaces')
        .map((r) => r.params.ServiceManaged ?? '')
        .sort(),
      ['', 'true'],
    );
  });

  it('pages through every group and interface (the link traces last)', async () => {
    emu = await emulatorWith((main) => {
      const group = main.securityGroups.find((g) => g.securityGroupId === M.basicGroupId)!;
      const eni = main.networkInterfaces.find((n) => n.networkInterfaceId === M.linkedEniIds[0])!;
      // Put many others first, so the link's groups and interfaces are on the last pages.
      main.securityGroups.unshift(
        ...Array.from({ length: 230 }, (_, i) => ({
          ...group,
          securityGroupId: `sg-bp1paging${String(i).padStart(8, '0')}`,
          name: `filler-${i}`,
          rules: [],
        })),
      );
      main.networkInterfaces.unshift(
        ...Array.from({ length: 1100 }, (_, i) => ({
          ...eni,
          networkInterfaceId: `eni-bp1paging${String(i).padStart(8, '0')}`,
          vpcId: M.vpcId,
          serviceManaged: i % 2 === 0,
          securityGroupIds: [M.basicGroupId],
        })),
      );
    });
    const links = await detectRegionLinks(await cloudFor(emu));
    assert.deepEqual(
      links.map((l) => [l.vpcId, l.networkInterfaces.length]),
      [[M.linkedVpcId, 2]],
    );
    const pages = (action: string): number => requestsFor(emu, action).filter((r) => r.params.ServiceManaged === undefined).length;
    assert.equal(pages('DescribeSecurityGroups'), 3, '230+ groups at 100 a page');
    assert.equal(pages('DescribeNetworkInterfaces'), 3, '1100+ interfaces at 500 a page');
  });

  it('finds no link in a region without one, and rejects when the keys are refused', async () => {
    emu = await emulator();
    assert.deepEqual(await detectRegionLinks((await cloudFor(emu)).withRegion('cn-beijing')), []);
    const refused = await cloudFor(emu, {}, { ...M, accessKeySecret: 'wrongSecret000000000000000000000' } as unknown as typeof M);
    await assert.rejects(detectRegionLinks(refused), /Signature/);
  });
});
