/**
 * The Network view's links as MaxCompute lists them (ListNetworkLinks + GetNetworkLink), against
 * the emulator through the real client: a link's status verbatim, interfaces no listed link
 * explains flagged, the fallback to the interface detection when the API is denied, the region's
 * list read once; and removing a listed link (engine/removeListedLink) until its interfaces are gone.
 */
import { strict as assert } from 'node:assert';
import type { Cloud } from '../../src/cloud';
import { CloudError } from '../../src/cloud/errors';
import { readNetworkLink } from '../../src/cloud/reads';
import type { Emulator } from '../../src/emulator';
import { removeListedLink } from '../../src/engine/removeListedLink';
import type { NetworkLinkNode, RegionNode, VpcGroupNode } from '../../src/ui/networkView/model/nodes';
import { cloudFor, DEFAULT_SEED, emulator, rejection, requestsFor } from './cloud.harness';
import { child, explorerHarness, type ExplorerHarness } from './explorer.harness';

const m = DEFAULT_SEED.main;
const HZ = DEFAULT_SEED.regionId;

describe('Network view: links MaxCompute lists', function () {
  this.timeout(30_000);
  let emu: Emulator;
  let cloud: Cloud;
  let h: ExplorerHarness;
  beforeEach(async () => {
    emu = await emulator();
    cloud = await cloudFor(emu);
    h = explorerHarness(async () => cloud);
  });
  afterEach(() => emu.close());

  async function linksGroup(vpcId: string): Promise<VpcGroupNode> {
    const region = child(await h.data.children(), 'region', (r: RegionNode) => r.regionId === HZ);
    const vpc = child(await h.data.children(region), 'vpc', (v) => v.vpc.vpcId === vpcId);
    return child(await h.data.children(vpc), 'vpcGroup', (g) => g.group === 'networkLinks');
  }
  const linkNodes = async (group: VpcGroupNode): Promise<NetworkLinkNode[]> =>
    (await h.data.children(group)).filter((n): n is NetworkLinkNode => n.kind === 'networkLink');

  const create = (name: string) =>
    cloud.maxcompute.createNetworkLink({
      name,
      type: 'PASSTHROUGH',
      region: HZ,
      vpcId: m.vpcId,
      passthroughProperties: { vSwitchId: m.vSwitchIdH, securityGroup: m.basicGroupId },
    });

  it("shows a link being created with its status verbatim, and reads the region's list once for all its VPCs", async () => {
    emu.setFaults({ networkLinkCreateMs: 60_000 });
    await create('slow_link');
    const [slow] = await linkNodes(await linksGroup(m.vpcId));
    assert.equal(slow?.link.name, 'slow_link');
    assert.equal(slow.link.state, 'in-progress');
    assert.equal(slow.link.listed?.status, 'CREATING');
    assert.equal(slow.link.problem, undefined, 'a link being created is not flagged');
    const [existing] = await linkNodes(await linksGroup(m.linkedVpcId));
    assert.equal(existing?.link.name, m.linkName);
    assert.equal(requestsFor(emu, 'ListNetworkLinks').length, 1, 'one list per region, shared by its VPCs');
  });

  it('shows a link being removed with its status verbatim, its interfaces still matched', async () => {
    emu.setFaults({ networkLinkRemoveMs: 60_000 });
    await cloud.maxcompute.removeNetworkLink({ networkLinkName: m.linkName });
    const [left] = await linkNodes(await linksGroup(m.linkedVpcId));
    assert.equal(left?.link.name, m.linkName);
    assert.equal(left.link.state, 'in-progress');
    assert.equal(left.link.listed?.status, 'DELETING');
    assert.deepEqual(left.link.networkInterfaces.map((e) => e.networkInterfaceId).sort(), [...m.linkedEniIds].sort());
  });

  it('falls back to the interface detection when ListNetworkLinks is denied, and says why', async () => {
    emu.setFaults({ deniedActions: ['ListNetworkLinks'] });
    const children = await h.data.children(await linksGroup(m.linkedVpcId));
    const note = child(children, 'note', (n) => n.id.endsWith('/note/link-api'));
    assert.equal(note.label, 'Link names unavailable (permission denied)');
    assert.match(note.tooltip ?? '', /ListNetworkLinks/);
    const link = child(children, 'networkLink');
    assert.equal(link.link.state, 'detected-unnamed');
    assert.equal(link.link.linkApi?.state, 'denied');
    assert.equal(h.failures.length, 0, 'a refusal is no failure of the node');
  });

  it("removes a listed link and waits until MaxCompute's interfaces are gone", async () => {
    emu.setFaults({ networkLinkRemoveMs: 300 });
    const [node] = await linkNodes(await linksGroup(m.linkedVpcId));
    const progress: string[] = [];
    const report = await removeListedLink(cloud, node!.link.listed!, {
      pollInitialMs: 50,
      pollMaxMs: 100,
      onProgress: (t) => progress.push(t),
    });
    assert.equal(report.outcome, 'removed');
    assert.ok(
      progress.some((p) => /Waiting for MaxCompute to release 2 network interface/.test(p)),
      progress.join('\n'),
    );
    h.data.invalidate(undefined);
    const after = await h.data.children(await linksGroup(m.linkedVpcId));
    assert.equal(child(after, 'note').label, 'No network links');
    assert.equal(requestsFor(emu, 'RemoveNetworkLink').length, 1);
  });

  it('a removal whose vSwitch and group are not known waits until MaxCompute no longer lists the link', async () => {
    emu.setFaults({ networkLinkRemoveMs: 300 });
    const progress: string[] = [];
    const report = await removeListedLink(
      cloud,
      { name: m.linkName, regionId: HZ, type: 'PASSTHROUGH' },
      { pollInitialMs: 50, pollMaxMs: 100, onProgress: (t) => progress.push(t) },
    );
    assert.equal(report.outcome, 'removed');
    assert.ok(
      progress.some((p) => p === `Waiting for MaxCompute to stop listing ${m.linkName} (DELETING)…`),
      progress.join('\n'),
    );
    assert.equal(await readNetworkLink(cloud, HZ, m.linkName), undefined, 'said removed only once read back');
  });

  it('ends a removal whose interfaces stay with a timeout naming them; never removes a REVERSEACCESS link', async () => {
    emu.setFaults({ networkLinkRemoveMs: 60_000 });
    const link = { name: m.linkName, regionId: HZ, type: 'PASSTHROUGH', vSwitchId: m.linkedVSwitchId, securityGroupId: m.linkedGroupId };
    const report = await removeListedLink(cloud, link, { timeoutMs: 200, pollInitialMs: 50 });
    assert.equal(report.outcome, 'timeout');
    assert.equal(report.remaining.length, 2);
    const refused = await rejection(removeListedLink(cloud, { ...link, name: 'reverse', type: 'REVERSEACCESS' }));
    assert.ok(refused instanceof Error && !(refused instanceof CloudError));
    assert.match(refused.message, /REVERSEACCESS link: it is listed read-only/);
    assert.equal(requestsFor(emu, 'RemoveNetworkLink').length, 1, 'the REVERSEACCESS link was never asked to be removed');
  });
});
