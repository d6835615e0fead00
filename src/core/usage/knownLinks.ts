/**
 * The network links the checks and completion know of: declared in the workspace's spec files
 * (named), listed by MaxCompute (ListNetworkLinks: named, with their status) and detected in the
 * cloud from their interfaces (a VPC with a link, no name). The host (the extension, the CLI)
 * fills a `KnownLinksSource`; the checks only read the list.
 */

export interface KnownLink {
  /** The name SQL uses; absent for a link detected in the cloud that no spec names. */
  name?: string;
  regionId: string;
  vpcId: string;
  /** Where it is known from, for messages ("declared in orders.mcvpc.yaml", "detected in the cloud"). */
  source: string;
  /** The status MaxCompute lists it in (verbatim), for a link the cloud lists; absent for a spec's. */
  status?: string;
}

/** Where the host gets its known links from (workspace specs, the Network view's data). */
export interface KnownLinksSource {
  knownLinks(): Promise<readonly KnownLink[]>;
}

/** The known links of connection specs (any object with the spec's three fields). */
export function knownLinksOfSpecs(
  specs: readonly { networkLinkName: string; regionId: string; vpcId: string }[],
  source: string,
): KnownLink[] {
  return specs.map((s) => ({ name: s.networkLinkName, regionId: s.regionId, vpcId: s.vpcId, source }));
}

/** The known links of links MaxCompute lists (ListNetworkLinks): named, with their status. */
export function knownLinksOfListed(
  listed: readonly { name: string; vpcId: string; status: string }[],
  regionId: string,
  source: string,
): KnownLink[] {
  return listed.map((l) => ({ name: l.name, regionId, vpcId: l.vpcId, source, status: l.status }));
}

/**
 * The known links of links detected in the cloud: one per VPC, without a name (the interfaces do
 * not tell it), so they make `eni.info` lines linked but vouch for no SQL link name.
 */
export function knownLinksOfDetected(detected: readonly { vpcId: string }[], regionId: string, source: string): KnownLink[] {
  return [...new Set(detected.map((d) => d.vpcId))].map((vpcId) => ({ regionId, vpcId, source }));
}

/** Links with a name, one per name (the first wins), sorted by name. */
export function namedLinks(links: readonly KnownLink[]): (KnownLink & { name: string })[] {
  const byName = new Map<string, KnownLink & { name: string }>();
  for (const link of links)
    if (link.name !== undefined && !byName.has(link.name)) byName.set(link.name, link as KnownLink & { name: string });
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** One entry per `regionId:vpcId`, named links first. */
export function linkedVpcs(links: readonly KnownLink[]): KnownLink[] {
  const byVpc = new Map<string, KnownLink>();
  for (const link of [...links].sort((a, b) => Number(a.name === undefined) - Number(b.name === undefined))) {
    const key = `${link.regionId}:${link.vpcId}`;
    if (!byVpc.has(key)) byVpc.set(key, link);
  }
  return [...byVpc.values()];
}

/** Edit distance (insert, delete, substitute), for "did you mean". */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    previous = current;
  }
  return previous[b.length]!;
}

/** The known names closest to `name` (case-insensitive distance), best first; at most `limit`. */
export function closestNames(name: string, names: readonly string[], limit = 3): string[] {
  return names
    .map((n) => ({ n, d: editDistance(name.toLowerCase(), n.toLowerCase()) }))
    .sort((a, b) => a.d - b.d || a.n.localeCompare(b.n))
    .slice(0, limit)
    .map((x) => x.n);
}
