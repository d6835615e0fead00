/**
 * `mcvpc import NAME` and the Network view's Save as Spec: a spec for a link MaxCompute lists,
 * with the targets of its VPC that already admit it, such that `mcvpc plan` on it shows no change.
 * Which targets admit the link is decided twice, by the same code the rest of the product uses:
 * the kind's access verdict (the tree's "reachable from a link") picks the candidates, then the
 * planner — the judge of "no change" — keeps, per target, the first access mode it plans nothing for.
 */
import type { Cloud } from '../cloud';
import { toVSwitch } from '../cloud/products/vpc';
import { readLinkInterfaces, readNetworkLink } from '../cloud/reads';
import { linkSourceOf, type LinkSource } from '../core/access';
import type { NetworkLink } from '../core/model';
import { PASSTHROUGH } from '../core/networkLinkApi';
import { planHasChanges, type Plan } from '../core/plan';
import { importedSpecText, type ImportedLink } from '../core/importedSpecText';
import type { ConnectionSpec } from '../core/specModel';
import { serviceKinds, type AnyTargetKind, type FormAccessMode, type ServiceResource } from '../targets';
import { onceReads } from './doctor';
import { planSpec } from './index';

/** Why a link cannot be imported: missing, not PASSTHROUGH, or without vSwitch and group. */
export class ImportRefusedError extends Error {
  override readonly name = 'ImportRefusedError';
  constructor(
    readonly reason: 'missing' | 'not-passthrough' | 'incomplete',
    message: string,
  ) {
    super(message);
  }
}

/** The imported spec and what went into it. */
export interface ImportResult {
  text: string;
  link: NetworkLink;
  /** The targets written, in words (`rds rm-…`). */
  included: string[];
  /** Services of the VPC left out, each with why (`rds rm-…: blocked — …`). */
  skipped: string[];
  /** The plan of the written spec (no change, unless the link's own setup is incomplete). */
  plan: Plan;
}

interface Candidate {
  label: string;
  /** The target items to try, in order (the kind's access modes; for a whitelist, each of its groups). */
  variants: Array<Record<string, unknown>>;
}

/** Parses the text the import wrote (the engine takes no parser of its own: spec/parseSingle's, from the caller). */
export type ImportSpecParser = (text: string) => ConnectionSpec;

/** Reads the link and its VPC's services and writes the spec; ImportRefusedError when the link cannot be imported. */
export async function importNetworkLink(
  cloud: Cloud,
  name: string,
  parse: ImportSpecParser,
  options: { regionId?: string; profile?: string; signal?: AbortSignal } = {},
): Promise<ImportResult> {
  const regionId = options.regionId ?? cloud.regionId;
  const region = cloud.withRegion(regionId);
  const read = { signal: options.signal };
  const link = await readNetworkLink(region, regionId, name, read);
  if (link === undefined)
    throw new ImportRefusedError(
      'missing',
      `MaxCompute has no network link named ${name} in ${regionId} (profile ${cloud.accountProfile}).`,
    );
  if (link.type !== PASSTHROUGH)
    throw new ImportRefusedError(
      'not-passthrough',
      `${name} is a ${link.type || 'typeless'} link: only ${PASSTHROUGH} links (MaxCompute into a VPC) can be imported as a spec.`,
    );
  const { vSwitchId, securityGroupId } = link;
  if (vSwitchId === undefined || securityGroupId === undefined)
    throw new ImportRefusedError(
      'incomplete',
      `GetNetworkLink does not tell ${name}'s vSwitch and security group: it cannot be written as a spec.`,
    );
  const [vSwitches, interfaces] = await Promise.all([
    region.vpc.describeVSwitches({ RegionId: regionId, VSwitchId: vSwitchId }, read),
    readLinkInterfaces(region, regionId, vSwitchId, securityGroupId, read),
  ]);
  const vSwitch = (vSwitches.VSwitches?.VSwitch ?? []).map(toVSwitch).find((s) => s.vSwitchId === vSwitchId);
  const source = linkSourceOf(
    { name, vSwitchId, securityGroupId, interfaceAddresses: interfaces.map((n) => n.privateIpAddress) },
    vSwitch?.cidrBlock,
  );
  const { candidates, skipped } = await accessCandidates(region, regionId, link.vpcId, source, options.signal);
  const base: Omit<ImportedLink, 'targets'> = {
    name,
    regionId,
    vpcId: link.vpcId,
    vSwitchId,
    securityGroupId,
    ...(options.profile !== undefined ? { profile: options.profile } : {}),
  };
  // Per round, each candidate still open is tried with its next access mode; the planner says which need nothing.
  const chosen = new Map<Candidate, Record<string, unknown>>();
  let open = candidates;
  for (let round = 0; open.length > 0; round++) {
    const trying = open.filter((c) => round < c.variants.length);
    if (trying.length === 0) break;
    const plan = await planOf(
      region,
      parse,
      importedSpecText({ ...base, targets: trying.map((c) => ({ item: c.variants[round]!, comment: c.label })) }),
      options.signal,
    );
    const changed = new Set(
      plan.steps.filter((s) => s.targetIndex !== undefined && s.action !== 'unchanged' && s.action !== 'info').map((s) => s.targetIndex!),
    );
    trying.forEach((c, index) => {
      if (!changed.has(index)) chosen.set(c, c.variants[round]!);
    });
    open = open.filter((c) => !chosen.has(c));
  }
  for (const c of open) skipped.push(`${c.label}: its settings admit the link, but no access setting the spec can say plans to no change`);
  const kept = candidates.filter((c) => chosen.has(c));
  const text = importedSpecText({ ...base, targets: kept.map((c) => ({ item: chosen.get(c)!, comment: c.label })) });
  const plan = await planOf(region, parse, text, options.signal);
  return { text, link, included: kept.map((c) => c.label), skipped, plan };
}

/**
 * The items to try for a service: the kind's form item per access mode; a whitelist item also
 * with each whitelist group the service has (the entry admitting the link may be in any of them).
 */
function variants(
  kind: AnyTargetKind,
  resource: ServiceResource,
  live: unknown,
  ports: number[],
  modes: ReadonlyArray<FormAccessMode | undefined>,
): Array<Record<string, unknown>> {
  const items: Array<Record<string, unknown>> = [];
  const groups = ((live as { whitelist?: Array<{ name: string; ips: string[] }> }).whitelist ?? [])
    .filter((g) => g.ips.length > 0)
    .map((g) => g.name);
  for (const access of modes) {
    const item = kind.service!.formItem(resource, { ports, ...(access !== undefined ? { access } : {}) });
    items.push(item);
    if (typeof item.whitelistGroup === 'string')
      for (const name of groups) if (name !== item.whitelistGroup) items.push({ ...item, whitelistGroup: name });
  }
  return items;
}

/** The services of the VPC whose settings admit the link (the kind's verdict `allowed`), with the ports that do. */
async function accessCandidates(
  cloud: Cloud,
  regionId: string,
  vpcId: string,
  source: LinkSource,
  signal: AbortSignal | undefined,
): Promise<{ candidates: Candidate[]; skipped: string[] }> {
  const reads = onceReads(cloud, regionId, { signal });
  const candidates: Candidate[] = [];
  const skipped: string[] = [];
  for (const kind of serviceKinds()) {
    const binding = kind.service!;
    const resources = (await binding.list(cloud, regionId, binding.listScope === 'vpc' ? vpcId : undefined, { signal })).filter(
      (r: ServiceResource) => r.vpcId === vpcId,
    );
    for (const resource of resources) {
      const presentation = binding.present(resource);
      const label = `${kind.kind} ${presentation.id}`;
      const live = await binding.readAccess(cloud, regionId, resource, reads, { signal });
      const offer = binding.formOffer(resource);
      const checked = offer.ports.filter((p) => p.checked).map((p) => p.port);
      // A kind with no default port (an ECS instance): the offered ports the link is admitted on.
      const ports =
        checked.length > 0
          ? checked
          : offer.ports.map((p) => p.port).filter((port) => binding.linkAccess(live, source, [port]).verdict === 'allowed');
      const access = binding.linkAccess(live, source, ports.length > 0 ? ports : undefined);
      if (access.verdict !== 'allowed' || (checked.length === 0 && ports.length === 0)) {
        skipped.push(`${label}: ${access.verdict} — ${access.reason}`);
        continue;
      }
      candidates.push({ label, variants: variants(kind, resource, live, ports, offer.access?.modes ?? [undefined]) });
    }
  }
  return { candidates, skipped };
}

async function planOf(cloud: Cloud, parse: ImportSpecParser, text: string, signal: AbortSignal | undefined): Promise<Plan> {
  // The text is ours: a parse failure here is a bug, said with the parser's words.
  return (await planSpec(cloud, parse(text), { signal })).plan;
}

/** True when the imported spec plans to no change. */
export function importPlansNoChange(result: ImportResult): boolean {
  return !planHasChanges(result.plan);
}
