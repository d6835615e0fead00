/**
 * `mcvpc lint --profile NAME`: the links detected in the cloud, added to the ones the specs
 * declare. Each region the files and specs name is read once (cloud/regionLinks: every page,
 * retries and throttling as every other command); a region that fails fails the whole read, so
 * lint never quietly falls back to specs only.
 */
import { FALLBACK_REGION } from '../../cloud';
import { detectRegionLinks } from '../../cloud/regionLinks';
import { escapeForMessage } from '../../core/displayText';
import { knownLinksOfDetected, type KnownLink } from '../../core/usage';
import { isRegionSupported } from '../../core/zones';
import { CloudSessions, describeFailure } from '../cloudSessions';

export type CloudLinksResult = { ok: true; links: KnownLink[]; notes: string[] } | { ok: false; message: string };

/** The detected links of `regions` in the profile's account, or why they could not be read. */
export async function detectedKnownLinks(profile: string, regions: readonly string[]): Promise<CloudLinksResult> {
  const sessions = new CloudSessions({ profile });
  const notes: string[] = [];
  // A region without MaxCompute network links has none to find (and may have no endpoint at all).
  const readable = [...new Set(regions)].sort().filter((regionId) => {
    if (isRegionSupported(regionId)) return true;
    notes.push(`mcvpc lint: ${escapeForMessage(regionId)} is not a region with MaxCompute network links; not read in the cloud.`);
    return false;
  });
  // One session (one credential resolution, one concurrency cap) moved from region to region;
  // opened even with no region to read, so a wrong profile is never passed over.
  let session;
  try {
    session = await sessions.forRegion(readable[0] ?? FALLBACK_REGION);
  } catch (err) {
    // A bad profile is the profile's problem, not a region's.
    return { ok: false, message: `mcvpc lint: cannot open a cloud session with profile ${escapeForMessage(profile)} to find the network links: ${describeFailure(err)}` };
  }
  if (readable.length === 0) {
    notes.push('mcvpc lint: --profile: no region to read (no eni.info line or spec names one); only the specs\' links are known.');
    return { ok: true, links: [], notes };
  }
  const read = await Promise.allSettled(
    readable.map(async (regionId) => {
      const cloud = session.withRegion(regionId);
      const detected = await detectRegionLinks(cloud);
      return knownLinksOfDetected(detected, regionId, `detected in the cloud (profile ${cloud.accountProfile}, ${regionId})`);
    }),
  );
  const failed = read.findIndex((r) => r.status === 'rejected');
  if (failed >= 0) {
    const reason = (read[failed] as PromiseRejectedResult).reason;
    return { ok: false, message: `mcvpc lint: cannot read the network links in the cloud (profile ${escapeForMessage(profile)}, region ${readable[failed]!}): ${describeFailure(reason)}` };
  }
  return { ok: true, links: read.flatMap((r) => (r.status === 'fulfilled' ? r.value : [])), notes };
}
