/**
 * The doctor's `network-link` hop: the link as MaxCompute's API tells it (GetNetworkLink), judged
 * against the spec, through the real client and the emulator over HTTP. The seed's
 * `existing_link` (SUCCESS, in the linked VPC) is the healthy case; links in other states are
 * made through CreateNetworkLink with the emulator's link faults.
 */
import { strict as assert } from 'node:assert';
import type { Cloud } from '../../src/cloud';
import type { Hop } from '../../src/core/doctor';
import type { Emulator } from '../../src/emulator';
import { doctorSpec } from '../../src/engine';
import { linkApiHop } from '../../src/core/doctor/linkHops';
import { linkedLive, spec } from './builders/planBuilders';
import { cloudFor, emulator } from './cloud.harness';
import { DEFAULT_SEED, parseOne, specText } from './builders/engineHarness';

const M = DEFAULT_SEED.main;

/** A spec over the seed's linked VPC, naming its group by id. */
function linkedSpec(name: string, vSwitchId: string = M.linkedVSwitchId, groupId: string = M.linkedGroupId): string {
  return [
    'version: mcvpc/v1',
    'kind: NetworkLink',
    'metadata:',
    `  name: ${name}`,
    `region: ${DEFAULT_SEED.regionId}`,
    `vpc: ${M.linkedVpcId}`,
    `vSwitch: ${vSwitchId}`,
    'securityGroup:',
    `  id: ${groupId}`,
    '',
  ].join('\n');
}

async function linkHop(cloud: Cloud, text: string): Promise<{ hop: Hop; enis: Hop }> {
  const { report } = await doctorSpec(cloud, parseOne(text));
  const hop = report.hops.find((h) => h.id === 'network-link');
  const enis = report.hops.find((h) => h.id === 'network-link.enis');
  assert.ok(hop && enis, report.hops.map((h) => h.id).join(', '));
  return { hop, enis };
}

describe("doctor: the link as MaxCompute's API tells it", function () {
  this.timeout(30_000);
  let emu: Emulator;
  let cloud: Cloud;
  beforeEach(async () => {
    emu = await emulator();
    cloud = await cloudFor(emu);
  });
  afterEach(() => emu.close());

  it("passes for a SUCCESS link with the spec's vSwitch and group, naming the status", async () => {
    const { hop } = await linkHop(cloud, linkedSpec(M.linkName));
    assert.equal(hop.verdict, 'pass', hop.reason);
    assert.match(hop.reason, /existing_link is SUCCESS/);
    assert.ok(hop.evidence[0]!.ids.includes(M.linkedGroupId));
  });

  it('fails for a missing link, with "create it: mcvpc apply"', async () => {
    const { hop } = await linkHop(cloud, linkedSpec('no_such_link'));
    assert.equal(hop.verdict, 'fail');
    assert.match(hop.reason, /no network link named no_such_link/);
    assert.equal(hop.fix?.kind, 'manual');
    assert.match(hop.fix!.summary, /^Create it: mcvpc apply/);
  });

  it("with the link API usable, the interfaces hop's fix is apply, not the console", async () => {
    const { enis } = await linkHop(cloud, specText());
    assert.equal(enis.verdict, 'fail');
    assert.match(enis.fix!.summary, /^Run mcvpc apply on the spec .*creates the network link orders_link through MaxCompute's API/);
    emu.setFaults({ deniedActions: ['GetNetworkLink'] });
    const { enis: fallback } = await linkHop(cloud, specText());
    assert.match(fallback.fix!.summary, /^Create the network link in the MaxCompute console/);
  });

  it('fails naming both vSwitches and both groups when the link has another configuration', async () => {
    // The same link, but the spec names the main VPC's basic group and another vSwitch id.
    const { hop } = await linkHop(cloud, linkedSpec(M.linkName, 'vsw-otherswitch', M.basicGroupId));
    assert.equal(hop.verdict, 'fail');
    assert.match(hop.reason, new RegExp(`its vSwitch is ${M.linkedVSwitchId}, the spec's vsw-otherswitch`));
    assert.match(hop.reason, new RegExp(`its security group is ${M.linkedGroupId}, the spec's ${M.basicGroupId}`));
    assert.match(hop.fix!.summary, /mcvpc import existing_link/);
  });

  it('fails naming the status while the link is not SUCCESS (CREATING, then an end status)', async () => {
    emu.setFaults({ networkLinkCreateMs: 60_000 });
    await cloud.maxcompute.createNetworkLink({
      name: 'slow_link',
      type: 'PASSTHROUGH',
      region: 'cn-hangzhou',
      vpcId: M.linkedVpcId,
      passthroughProperties: { vSwitchId: M.linkedVSwitchId, securityGroup: M.linkedGroupId },
    });
    const { hop } = await linkHop(cloud, linkedSpec('slow_link'));
    assert.equal(hop.verdict, 'fail');
    assert.match(hop.reason, /slow_link is in status CREATING, not SUCCESS/);
  });

  it('is unknown, not failed, for interfaces no listed link explains (the view\'s "unnamed link in …" stand-in)', () => {
    const hop = linkApiHop(spec({ networkLinkName: 'unnamed link in vsw-1' }), linkedLive());
    assert.equal(hop.verdict, 'unknown');
    assert.match(hop.reason, /known by its network interfaces only/);
  });

  it("is unknown with the API's words when GetNetworkLink is denied; the interfaces are still judged", async () => {
    emu.setFaults({ deniedActions: ['GetNetworkLink'] });
    const { hop, enis } = await linkHop(cloud, linkedSpec(M.linkName));
    assert.equal(hop.verdict, 'unknown');
    assert.match(hop.reason, /may not read network links/);
    assert.match(hop.reason, /GetNetworkLink/);
    assert.equal(enis.verdict, 'pass', enis.reason);
  });
});
