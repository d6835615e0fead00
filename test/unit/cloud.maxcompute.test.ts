/**
 * MaxCompute's network-link API through the real client and the emulator over HTTP: the four ROA
 * calls, the region told by the endpoint host, the link's life (CREATING → SUCCESS with its
 * interfaces; removal releases them), refusals as CloudErrors and a permission refusal's words.
 */
import { strict as assert } from 'node:assert';
import { describeError, type Cloud } from '../../src/cloud';
import { CloudError } from '../../src/cloud/errors';
import { MAXCOMPUTE_PRODUCT, toNetworkLink } from '../../src/cloud/products/maxcompute';
import { ECS_PRODUCT } from '../../src/cloud/products/ecs';
import { resolveEndpoint } from '../../src/cloud/endpoints';
import type { Emulator } from '../../src/emulator';
import { cloudFor, DEFAULT_SEED, emulatorForTests, rejection, requestsFor } from './cloud.harness';

const m = DEFAULT_SEED.main;

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 5000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('cloud: MaxCompute network links (2022-01-04, ROA)', () => {
  let emu: Emulator;
  let cloud: Cloud;
  emulatorForTests((e, c) => {
    emu = e;
    cloud = c;
  });

  const request = (name: string) => ({
    name,
    type: 'PASSTHROUGH' as const,
    region: 'cn-hangzhou',
    vpcId: m.vpcId,
    passthroughProperties: { vSwitchId: m.vSwitchIdH, securityGroup: m.basicGroupId },
  });

  it('sends the call to maxcompute.<region>.aliyuncs.com, kept in the Host when redirected', () => {
    assert.deepEqual(resolveEndpoint(MAXCOMPUTE_PRODUCT.endpoint, 'cn-shanghai', undefined), {
      host: 'maxcompute.cn-shanghai.aliyuncs.com',
      protocol: 'https',
    });
    assert.deepEqual(resolveEndpoint(MAXCOMPUTE_PRODUCT.endpoint, 'cn-shanghai', { host: '127.0.0.1:8787', protocol: 'http' }), {
      host: 'maxcompute.cn-shanghai.aliyuncs.com@127.0.0.1:8787',
      protocol: 'http',
    });
    // RPC products keep the plain override.
    assert.deepEqual(resolveEndpoint(ECS_PRODUCT.endpoint, 'cn-shanghai', { host: '127.0.0.1:8787', protocol: 'http' }), {
      host: '127.0.0.1:8787',
      protocol: 'http',
    });
  });

  it('lists the seed link by name, with its status and no properties; Get gives the vSwitch and group', async () => {
    const listed = await cloud.maxcompute.listNetworkLinks();
    const links = (listed.data?.networkLinkInfoList ?? []).map((w) => toNetworkLink(w, 'cn-hangzhou'));
    assert.deepEqual(
      links.map((l) => [l.name, l.type, l.status, l.vpcId, l.vSwitchId]),
      [[m.linkName, 'PASSTHROUGH', 'SUCCESS', m.linkedVpcId, undefined]],
    );
    const got = toNetworkLink((await cloud.maxcompute.getNetworkLink({ networkLinkName: m.linkName })).data!, 'cn-hangzhou');
    assert.equal(got.vSwitchId, m.linkedVSwitchId);
    assert.equal(got.securityGroupId, m.linkedGroupId);
    assert.ok(typeof got.createTime === 'number' && got.createTime > 0);
  });

  it('tells the region from the endpoint host: a Shanghai session sees no Hangzhou link', async () => {
    const shanghai = cloud.withRegion('cn-shanghai');
    assert.deepEqual((await shanghai.maxcompute.listNetworkLinks()).data?.networkLinkInfoList, []);
    const err = await rejection(shanghai.maxcompute.getNetworkLink({ networkLinkName: m.linkName }));
    assert.ok(err instanceof CloudError && err.kind === 'not-found', String(err));
    assert.equal(requestsFor(emu, 'GetNetworkLink').at(-1)?.params.RegionId, 'cn-shanghai');
  });

  it("creates a link that is CREATING, then SUCCESS with MaxCompute's interfaces in the group; remove releases them", async () => {
    emu.setFaults({ networkLinkCreateMs: 300, networkLinkRemoveMs: 300 });
    assert.equal((await cloud.maxcompute.createNetworkLink(request('new_link'))).data, 'success');
    const first = await cloud.maxcompute.getNetworkLink({ networkLinkName: 'new_link' });
    assert.notEqual(first.data?.status, 'SUCCESS');
    const interfacesOf = async () =>
      (
        await cloud.ecs.describeNetworkInterfaces({
          RegionId: 'cn-hangzhou',
          VSwitchId: m.vSwitchIdH,
          SecurityGroupId: m.basicGroupId,
          ServiceManaged: true,
          MaxResults: 100,
        })
      ).NetworkInterfaceSets?.NetworkInterfaceSet ?? [];
    assert.equal((await interfacesOf()).length, 0, 'no interfaces before SUCCESS');
    const ready = await until(
      () => cloud.maxcompute.getNetworkLink({ networkLinkName: 'new_link' }),
      (r) => r.data?.status === 'SUCCESS',
    );
    assert.equal(ready.data?.status, 'SUCCESS');
    assert.equal((await interfacesOf()).length, 2);
    assert.equal((await cloud.maxcompute.removeNetworkLink({ networkLinkName: 'new_link' })).data, 'success');
    const gone = await until(interfacesOf, (list) => list.length === 0);
    assert.equal(gone.length, 0);
    const err = await rejection(cloud.maxcompute.getNetworkLink({ networkLinkName: 'new_link' }));
    assert.ok(err instanceof CloudError && err.kind === 'not-found');
  });

  it('refuses a taken name, an advanced group and an unsupported zone as the console does', async () => {
    const taken = await rejection(cloud.maxcompute.createNetworkLink({ ...request(m.linkName) }));
    assert.ok(taken instanceof CloudError && taken.kind === 'api' && /already exists/.test(taken.detail), String(taken));
    const advanced = await rejection(
      cloud.maxcompute.createNetworkLink({
        ...request('adv_link'),
        passthroughProperties: { vSwitchId: m.vSwitchIdH, securityGroup: m.advancedGroupId },
      }),
    );
    assert.ok(advanced instanceof CloudError && /advanced/.test(advanced.detail), String(advanced));
    assert.equal((await cloud.maxcompute.listNetworkLinks()).data?.networkLinkInfoList?.length, 1, 'a refusal leaves no link');
  });

  it('a caller without odps:CreateNetworkLink gets a permission error that names the RAM action and tenant role', async () => {
    emu.setFaults({ deniedActions: ['CreateNetworkLink'] });
    const err = await rejection(cloud.maxcompute.createNetworkLink(request('denied_link')));
    assert.ok(err instanceof CloudError && err.kind === 'permission', String(err));
    const hint = describeError(err).hint ?? '';
    assert.match(hint, /odps:CreateNetworkLink/);
    assert.match(hint, /Super_Administrator or Admin/);
  });

  it('does not send a create again after an answer was lost (no ClientToken): one link, one request', async () => {
    emu.setFaults({ failNext: [{ action: 'CreateNetworkLink', kind: 'drop-after-commit' }] });
    const err = await rejection(cloud.maxcompute.createNetworkLink(request('lost_answer')));
    assert.ok(err instanceof CloudError && err.kind === 'network', String(err));
    assert.equal(requestsFor(emu, 'CreateNetworkLink').length, 1);
    assert.equal((await cloud.maxcompute.getNetworkLink({ networkLinkName: 'lost_answer' })).data?.name, 'lost_answer');
  });

  it("a session from the other account sees none of the main account's links", async () => {
    const second = await cloudFor(emu, {}, DEFAULT_SEED.second as unknown as typeof m);
    assert.deepEqual((await second.maxcompute.listNetworkLinks()).data?.networkLinkInfoList, []);
  });
});
