/**
 * `mcvpc lint --profile NAME`: the links of the cloud, added to the ones the specs declare. In
 * each region the files and specs name (or, when none does and a line names a link, the
 * profile's own region): the links MaxCompute lists (ListNetworkLinks: names and status, so a
 * `SET odps.session.networklink=NAME` is vouched for without a spec) and the links detected from
 * their interfaces (cloud/regionLinks: every page, retries and throttling as every other
 * command). A region that fails fails the whole read, so lint never quietly falls back to specs
 * only; only a link API that refuses (permission, not offered) is a note, as the tree says it.
 */
import { FALLBACK_REGION, type Cloud } from '../../cloud';
import { detectRegionLinks, listRegionLinks } from '../../cloud/regionLinks';
import { escapeForMessage } from '../../core/displayText';
import { networkLinkPermissionText } from '../../core/networkLinkApi';
import { knownLinksOfDetected, knownLinksOfListed, type KnownLink } from '../../core/usage';
import { isRegionSupported } from '../../core/zones';
import { CloudSessions, describeFailure } from '../cloudSessions';

export type CloudLinksResult = { ok: true; links: KnownLink[]; notes: string[] } | { ok: false; message: string };

/**
 * The links of `regions` in the profile's account, or why they could not be read. `namesUsed`:
 * some line names a link, so with no region named the profile's region is read for the names.
 */
export async function detectedKnownLinks(profile: string, regions: readonly string[], namesUsed = false): Promise<CloudLinksResult> {
  const sessions = new CloudSessions({ profile });
  const notes: string[] = [];
  // A region without MaxCompute network links has none to find (and may have no endpoint at all).
  const supported = (regionId: string): boolean => {
    if (isRegionSupported(regionId)) return true;
    notes.push(`mcvpc lint: ${escapeForMessage(regionId)} is not a region with MaxCompute network links; not read in the cloud.`);
    return false;
  };
  let readable = [...new Set(regions)].sort().filter(supported);
  // One session (one credential resolution, one concurrency cap) moved from region to region;
  // opened even with no region to read, so a wrong profile is never passed over.
  let session: Cloud;
  try {
    session = await (readable.length === 0 && regions.length === 0 && namesUsed
      ? sessions.forProfileRegion()
      : sessions.forRegion(readable[0] ?? FALLBACK_REGION));
  } catch (err) {
    // A bad profile is the profile's problem, not a region's.
    return {
      ok: false,
      message: `mcvpc lint: cannot open a cloud session with profile ${escapeForMessage(profile)} to find the network links: ${describeFailure(err)}`,
    };
  }
  if (readable.length === 0 && regions.length === 0 && namesUsed) {
    notes.push(
      `mcvpc lint: --profile: no eni.info line or spec names a region; the link names are read in the profile's region ${session.regionId}.`,
    );
    readable = [session.regionId].filter(supported);
  }
  if (readable.length === 0) {
    notes.push("mcvpc lint: --profile: no region to read (no eni.info line or spec names one); only the specs' links are known.");
    return { ok: true, links: [], notes };
  }
  const read = await Promise.allSettled(
    readable.map(async (regionId) => {
      const cloud = session.withRegion(regionId);
      const where = `profile ${cloud.accountProfile}, ${regionId}`;
      const [detected, listed] = await Promise.all([detectRegionLinks(cloud), listRegionLinks(cloud, regionId)]);
      if ('refused' in listed) {
        const why =
          listed.refused.state === 'denied'
            ? `permission denied (${escapeForMessage(listed.refused.reason)}). ${networkLinkPermissionText('ListNetworkLinks')}`
            : `not offered in the region (${escapeForMessage(listed.refused.reason)}).`;
        notes.push(`mcvpc lint: MaxCompute's link list could not be read (${where}): ${why} Link names there are known from specs only.`);
      }
      const named = 'links' in listed ? knownLinksOfListed(listed.links, regionId, `listed by MaxCompute (${where})`) : [];
      // A VPC a listed link names is known by that link; the detection adds the VPCs it alone sees.
      const namedVpcs = new Set(named.map((l) => l.vpcId));
      return [
        ...named,
        ...knownLinksOfDetected(
          detected.filter((d) => !namedVpcs.has(d.vpcId)),
          regionId,
          `detected in the cloud (${where})`,
        ),
      ];
    }),
  );
  const failed = read.findIndex((r) => r.status === 'rejected');
  if (failed >= 0) {
    const reason = (read[failed] as PromiseRejectedResult).reason;
    return {
      ok: false,
      message: `mcvpc lint: cannot read the network links in the cloud (profile ${escapeForMessage(profile)}, region ${readable[failed]!}): ${describeFailure(reason)}`,
    };
  }
  return { ok: true, links: read.flatMap((r) => (r.status === 'fulfilled' ? r.value : [])), notes };
}
