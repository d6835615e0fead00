/**
 * The Network view's data layer, free of vscode so the bench and unit tests drive it in plain
 * Node: which calls each node's children need, paged by `mcvpc.pageSize` with "Load more",
 * cached per node (CallCache) until that node is refreshed, cancellable through AbortSignal,
 * and with every failure turned into an error node under the node that asked — siblings are
 * never blocked. Nothing is fetched until a node's children are asked for.
 */
import type { Cloud } from '../../../cloud';
import type { ProfileSummary } from '../../../cloud/credentials';
import type { Listing, Page, PageCursor, PageNumberListing } from '../../../cloud/paging';
import { isCancellation } from '../../../cloud/errors';
import { askedBothWays, linkApiRefusal, readGroupRules, readRegionNetworkLinks } from '../../../cloud/reads';
import type { NetworkInterface, NetworkLink, SecurityGroup, SecurityGroupRule, VSwitch, Vpc } from '../../../core/model';
import type { NetworkLinkApiState, TargetLive } from '../../../core/plan';
import { serviceKinds, type AnyTargetKind, type ServiceResource, type SharedReads } from '../../../targets';
import { isRegionSupported, zoneSupportProblem } from '../../../core/zones';
import type { DescribedError } from '../../shell/errorReporting';
import { linkSource, serviceAccess, unreadableAccess, type LinkSource } from './access';
import { CallCache } from './callCache';
import { detectLinks, matchLinks, type DeclaredLink, type InvalidDeclaredLink, type NetworkLinkView } from './links';
import {
  addRegionNode,
  errorNode,
  loadMoreNode,
  networkLinkNode,
  noteNode,
  profileNode,
  regionNode,
  ruleNode,
  securityGroupNode,
  serviceNode,
  vSwitchNode,
  vpcGroupNodes,
  vpcNode,
  type ExplorerNode,
  type LoadMoreNode,
  type RegionNode,
  type SecurityGroupNode,
  type ServiceNode,
  type VpcGroupNode,
} from './nodes';

/** What the data layer needs from its host (the extension, or the bench). */
export interface ExplorerSource {
  /** The open session of the active profile; rejects with a readable error. */
  openCloud(): Promise<Cloud>;
  /** The regions to show and the page size, read fresh each time. */
  settings(): { regions: readonly string[]; pageSize: number };
  /** Profiles that could be switched to; more than one puts the active profile at the root. */
  profiles?(): Promise<ProfileSummary[]>;
  /** Links declared in the workspace's spec files (waits for the first scan). */
  declaredLinks(): Promise<readonly DeclaredLink[]>;
  /** Links of spec documents with errors (shown marked, not dropped). */
  invalidLinks?(): Promise<readonly InvalidDeclaredLink[]>;
  /** The VPC filter of a region (substring of name or id), if any. */
  regionFilter?(profile: string, regionId: string): string | undefined;
  /** A failure in words (message, code, RequestId, hint). */
  describeError(error: unknown): DescribedError;
  /** Where failures are written (the log that error nodes open). */
  logFailure?(what: string, error: DescribedError): void;
}

/** What the Create Network Link form reads of one VPC (ExplorerData.vpcDetails). */
export interface VpcDetails {
  vpcs: Vpc[];
  vpc: Vpc;
  vSwitches: VSwitch[];
  groups: SecurityGroup[];
  interfaces: NetworkInterface[];
  links: NetworkLinkView[];
  services: ServiceNode[];
  /** Reads that failed; the form opens with the rest. */
  readProblems: string[];
}

/** Parent of a hierarchical id. */
function parentId(id: string): string {
  return id.slice(0, id.lastIndexOf('/'));
}

/** The region node's id (`profile/region`) of any id under it. */
function regionKey(profile: string, regionId: string): string {
  return `${profile}/${regionId}`;
}

/** The explorer's data: children of each node, "Load more", refresh. */
export class ExplorerData {
  private readonly calls = new CallCache();
  /** Pages loaded beyond the first, per parent node id, in order. */
  private readonly cursors = new Map<string, PageCursor[]>();
  private readonly loading = new Map<string, Promise<void>>();

  constructor(private readonly source: ExplorerSource) {}

  /** The children of `node` (the roots when absent). Rejects only when no session can be opened at the root. */
  async children(node?: ExplorerNode): Promise<ExplorerNode[]> {
    if (node === undefined) return this.roots();
    try {
      return await this.childrenOf(node);
    } catch (error) {
      // A refresh aborted the call: VS Code asks again, so this answer is never shown for long.
      if (isCancellation(error)) return [noteNode(node.id, 'cancelled', 'Cancelled (refreshing)')];
      return [this.failure(node.id, this.failureLabel(node), error)];
    }
  }

  /**
   * Loads the page a "Load more" node points at into its parent's children. Clicking twice
   * (or while it loads) loads once. Rejects when the page cannot be fetched; the node stays.
   */
  loadMore(node: LoadMoreNode): Promise<void> {
    const key = `${node.parentId}#${node.cursor}`;
    const inFlight = this.loading.get(key);
    if (inFlight !== undefined) return inFlight;
    const loaded = this.cursors.get(node.parentId) ?? [];
    if (loaded.includes(node.cursor)) return Promise.resolve();
    const load = (async () => {
      this.cursors.set(node.parentId, [...loaded, node.cursor]);
      try {
        // Fetch now, so a failure is the command's (the children then come from the cache).
        await this.pageFetcher(node.parentId)?.(node.cursor);
      } catch (error) {
        this.cursors.set(
          node.parentId,
          (this.cursors.get(node.parentId) ?? []).filter((c) => c !== node.cursor),
        );
        throw error;
      } finally {
        this.loading.delete(key);
      }
    })();
    this.loading.set(key, load);
    return load;
  }

  /** Forgets what `node` (everything when absent) and its descendants know, aborting calls in flight. */
  invalidate(node?: ExplorerNode): void {
    if (node === undefined) {
      this.calls.clear();
      this.cursors.clear();
      this.pageFetchers.clear();
      return;
    }
    const prefixes = [node.id];
    if ('profile' in node && 'regionId' in node) {
      const region = regionKey(node.profile, node.regionId);
      // Region-wide listings (HBase, EMR, rules read for access) belong to the nodes that show them.
      if (node.kind === 'vpc' || (node.kind === 'vpcGroup' && node.group === 'services')) prefixes.push(`${region}/~`);
      if (node.kind === 'securityGroup') prefixes.push(`${region}/~rules/${node.group.securityGroupId}`);
      if (node.kind === 'vpcGroup' && node.group === 'networkLinks') prefixes.push(`${parentId(node.id)}/securityGroups`);
      // MaxCompute's list is region-wide: a refresh of a VPC or its links asks again.
      if (node.kind === 'vpc' || (node.kind === 'vpcGroup' && node.group === 'networkLinks')) prefixes.push(`${region}/~networkLinks`);
    }
    this.calls.invalidate(...prefixes);
    for (const key of [...this.cursors.keys()]) {
      if (prefixes.some((p) => key === p || key.startsWith(`${p}/`))) this.cursors.delete(key);
    }
  }

  /**
   * True when the only configured region has no VPC, so the view can show a welcome with the
   * next step instead of an empty region. Only with one region: that one opens by itself, so
   * its first page is fetched anyway (and cached for it); more regions stay lazy. Errors: false.
   */
  async accountLooksEmpty(): Promise<boolean> {
    const { regions } = this.source.settings();
    if (regions.length !== 1) return false;
    try {
      const cloud = await this.source.openCloud();
      const regionCloud = cloud.withRegion(regions[0]!);
      const key = `${regionKey(cloud.accountProfile, regions[0]!)}#`;
      const page = await this.calls.get(key, (signal) => regionCloud.fetchPage(this.vpcListing(regionCloud), undefined, { signal }));
      return page.items.length === 0;
    } catch {
      return false;
    }
  }

  /**
   * One VPC as the Create Network Link form needs it, through the same cache entries as the
   * tree's nodes: a VPC whose groups were expanded costs no call. The region's VPCs are the
   * pages already loaded (the first one when none was).
   */
  async vpcDetails(profile: string, regionId: string, vpcId?: string): Promise<VpcDetails> {
    const cloud = await this.regionCloud(regionId);
    const region = regionNode(profile, regionId, { supported: isRegionSupported(regionId) });
    const vpcs = (await this.loadedPages(region.id, this.vpcListing(cloud), cloud)).flatMap((p) => p.items);
    // No VPC named (the region changed in the form): the region's first.
    const vpc = vpcId === undefined ? vpcs[0] : vpcs.find((v) => v.vpcId === vpcId);
    if (vpc === undefined)
      throw new Error(
        vpcId === undefined
          ? `No VPC in ${regionId} for profile ${profile}.`
          : `${vpcId} is not among the VPCs listed in ${regionId} for profile ${profile}.`,
      );
    const [vSwitches, securityGroups, networkLinks, services] = vpcGroupNodes(vpcNode(region, vpc));
    vpcId = vpc.vpcId;
    const readProblems: string[] = [];
    const settled = <T>(what: string, promise: Promise<T>, fallback: T): Promise<T> =>
      promise.catch((error: unknown) => {
        readProblems.push(`${what}: ${this.source.describeError(error).message}`);
        return fallback;
      });
    const [switches, groups, interfaces, linkViews, serviceNodes] = await Promise.all([
      this.allItems(vSwitches!.id, this.vSwitchListing(cloud, vpcId), cloud),
      this.allItems(securityGroups!.id, this.securityGroupListing(cloud, vpcId), cloud),
      settled(
        'Could not read the network interfaces (groups in use are not marked)',
        this.vpcInterfaces(cloud, networkLinks!.id.slice(0, networkLinks!.id.lastIndexOf('/')), vpcId),
        [],
      ),
      settled(
        "Could not look for the VPC's network links",
        this.linkViews(networkLinks!).then((r) => r.links),
        [],
      ),
      settled('Could not list the services', this.services(services!), []),
    ]);
    return {
      vpcs,
      vpc,
      vSwitches: switches,
      groups,
      interfaces,
      links: linkViews,
      services: serviceNodes.filter((n): n is ServiceNode => n.kind === 'service'),
      readProblems,
    };
  }

  private async roots(): Promise<ExplorerNode[]> {
    const cloud = await this.source.openCloud();
    const profile = cloud.accountProfile;
    const profiles = (await this.source.profiles?.().catch(() => [] as ProfileSummary[])) ?? [];
    const usable = profiles.filter((p) => p.problem === undefined);
    if (usable.length > 1) {
      const active = usable.find((p) => p.name === profile);
      return [profileNode(profile, cloud.credentialInfo.source, active?.mode ?? cloud.credentialInfo.mode, usable.length)];
    }
    return this.regionNodes(profile);
  }

  private regionNodes(profile: string): ExplorerNode[] {
    const { regions } = this.source.settings();
    return [
      ...regions.map((regionId) =>
        regionNode(profile, regionId, {
          supported: isRegionSupported(regionId),
          filter: this.source.regionFilter?.(profile, regionId),
          only: regions.length === 1,
        }),
      ),
      addRegionNode(profile),
    ];
  }

  private async childrenOf(node: ExplorerNode): Promise<ExplorerNode[]> {
    switch (node.kind) {
      case 'profile':
        return this.regionNodes(node.profile);
      case 'region':
        return this.vpcs(node);
      case 'vpc':
        return vpcGroupNodes(node);
      case 'vpcGroup':
        switch (node.group) {
          case 'vSwitches':
            return this.vSwitches(node);
          case 'securityGroups':
            return this.securityGroups(node);
          case 'networkLinks':
            return this.networkLinks(node);
          case 'services':
            return this.services(node);
        }
        break;
      case 'securityGroup':
        return this.rules(node);
      case 'service':
        return node.access.perLink.map((access, index) =>
          noteNode(node.id, `access-${index}`, `${access.link}: ${access.verdict}`, access.reason),
        );
      default:
        return [];
    }
    return [];
  }

  private async regionCloud(regionId: string): Promise<Cloud> {
    return (await this.source.openCloud()).withRegion(regionId);
  }

  /** Fetchers of the next page per paged parent, registered when its first page is shown. */
  private readonly pageFetchers = new Map<string, (cursor: PageCursor) => Promise<unknown>>();

  private pageFetcher(parent: string): ((cursor: PageCursor) => Promise<unknown>) | undefined {
    return this.pageFetchers.get(parent);
  }

  /** Every loaded page of a parent's listing (the first, then each "Load more"), from the cache. */
  private async loadedPages<T>(parent: string, listing: Listing<T>, cloud: Cloud): Promise<Page<T>[]> {
    const fetchOne = (cursor?: PageCursor): Promise<Page<T>> =>
      this.calls.get(`${parent}#${cursor ?? ''}`, (signal) => cloud.fetchPage(listing, cursor, { signal }));
    this.pageFetchers.set(parent, fetchOne);
    return Promise.all([undefined, ...(this.cursors.get(parent) ?? [])].map((cursor) => fetchOne(cursor)));
  }

  /** Every item of a parent's listing, page after page through the same cache entries the tree uses. */
  private async allItems<T>(parent: string, listing: Listing<T>, cloud: Cloud): Promise<T[]> {
    const items: T[] = [];
    let cursor: PageCursor | undefined;
    do {
      const page: Page<T> = await this.calls.get(`${parent}#${cursor ?? ''}`, (signal) => cloud.fetchPage(listing, cursor, { signal }));
      items.push(...page.items);
      cursor = page.next;
    } while (cursor !== undefined);
    return items;
  }

  private pageNodes<T>(parent: string, pages: Page<T>[], toNode: (item: T) => ExplorerNode): { nodes: ExplorerNode[]; shown: number } {
    const items = pages.flatMap((p) => p.items);
    const nodes = items.map(toNode);
    const last = pages[pages.length - 1];
    if (last?.next !== undefined) nodes.push(loadMoreNode(parent, last.next, items.length, last.totalCount));
    return { nodes, shown: items.length };
  }

  private vpcListing(cloud: Cloud): PageNumberListing<Vpc> {
    return { ...cloud.lists.vpcs(), pageSize: this.source.settings().pageSize };
  }

  private vSwitchListing(cloud: Cloud, vpcId: string): PageNumberListing<VSwitch> {
    return { ...cloud.lists.vSwitches({ VpcId: vpcId }), pageSize: this.source.settings().pageSize };
  }

  private securityGroupListing(cloud: Cloud, vpcId: string): PageNumberListing<SecurityGroup> {
    // Page numbers (deprecated but accepted): their page size may be anything from 1 to 50,
    // while NextToken paging wants MaxResults of at least 10, which a small mcvpc.pageSize breaks.
    return {
      ...(cloud.lists.securityGroups({ VpcId: vpcId }, 'page-number') as PageNumberListing<SecurityGroup>),
      pageSize: this.source.settings().pageSize,
    };
  }

  private async vpcs(region: RegionNode): Promise<ExplorerNode[]> {
    const cloud = await this.regionCloud(region.regionId);
    const pages = await this.loadedPages(region.id, this.vpcListing(cloud), cloud);
    const filter = this.source.regionFilter?.(region.profile, region.regionId)?.trim().toLowerCase();
    const { nodes, shown } = this.pageNodes(region.id, pages, (vpc) => vpcNode(region, vpc));
    if (shown === 0)
      return [
        noteNode(
          region.id,
          'empty',
          `No VPCs in ${region.regionId}`,
          'Create a VPC in the VPC console (or switch profile or region), then refresh.',
        ),
      ];
    if (filter === undefined || filter === '') return nodes;
    const kept = nodes.filter(
      (n) => n.kind !== 'vpc' || n.vpc.vpcId.toLowerCase().includes(filter) || n.vpc.name.toLowerCase().includes(filter),
    );
    const matching = kept.filter((n) => n.kind === 'vpc').length;
    const more = kept.some((n) => n.kind === 'loadMore') ? '; "Load more" searches further' : '';
    return [
      noteNode(
        region.id,
        'filter',
        `Filter "${filter}": ${matching} of ${shown} loaded VPCs`,
        `Showing VPCs whose name or ID contains "${filter}"${more}. Clear the filter from the region's menu.`,
      ),
      ...kept,
    ];
  }

  private async vSwitches(group: VpcGroupNode): Promise<ExplorerNode[]> {
    const cloud = await this.regionCloud(group.regionId);
    const pages = await this.loadedPages(group.id, this.vSwitchListing(cloud, group.vpcId), cloud);
    const { nodes, shown } = this.pageNodes(group.id, pages, (s) => vSwitchNode(group, s, zoneSupportProblem(group.regionId, s.zoneId)));
    return shown === 0
      ? [noteNode(group.id, 'empty', 'No vSwitches', 'A network link needs a vSwitch in a zone that supports it.')]
      : nodes;
  }

  private async securityGroups(group: VpcGroupNode): Promise<ExplorerNode[]> {
    const cloud = await this.regionCloud(group.regionId);
    const pages = await this.loadedPages(group.id, this.securityGroupListing(cloud, group.vpcId), cloud);
    const { nodes, shown } = this.pageNodes(group.id, pages, (g) => securityGroupNode(group, g, g.managedByMaxCompute));
    return shown === 0 ? [noteNode(group.id, 'empty', 'No security groups')] : nodes;
  }

  private async rules(node: SecurityGroupNode): Promise<ExplorerNode[]> {
    const rules = await this.groupRules(node.profile, node.regionId, node.group.securityGroupId);
    if (rules.length === 0)
      return [
        noteNode(
          node.id,
          'empty',
          'No rules',
          node.group.type === 'enterprise'
            ? 'Advanced group: all traffic is denied by default.'
            : 'Basic group: inbound denied except from members, outbound allowed.',
        ),
      ];
    const sorted = [...rules].sort((a, b) => (a.direction === b.direction ? a.priority - b.priority : a.direction === 'ingress' ? -1 : 1));
    return sorted.map((rule, index) => ruleNode(node, rule, index));
  }

  /** A group's rules, both directions; shared by the rules node and the services' access. */
  private async groupRules(profile: string, regionId: string, securityGroupId: string): Promise<SecurityGroupRule[]> {
    const cloud = await this.regionCloud(regionId);
    return this.calls.get(`${regionKey(profile, regionId)}/~rules/${securityGroupId}`, (signal) =>
      readGroupRules(cloud, regionId, securityGroupId, 'all', { signal }),
    );
  }

  /**
   * The VPC's network interfaces, once per refresh. Asked both ways and merged, as the engine's
   * reads are (src/cloud/reads.ts): MaxCompute's link interfaces are service-managed, and the
   * reference does not say DescribeNetworkInterfaces lists those when ServiceManaged is not set.
   * `nodeId` is the VPC node's id (the cache key); `vpcId` the VPC's.
   */
  private vpcInterfaces(cloud: Cloud, nodeId: string, vpcId: string): Promise<NetworkInterface[]> {
    return this.calls.get(`${nodeId}/networkLinks#interfaces`, (signal) =>
      askedBothWays(
        (flag) => cloud.fetchAll(cloud.lists.networkInterfaces({ VpcId: vpcId, ...flag }), { signal }),
        (n) => n.networkInterfaceId,
      ),
    ) as Promise<NetworkInterface[]>;
  }

  /**
   * The region's links as MaxCompute lists them (ListNetworkLinks, GetNetworkLink per PASSTHROUGH
   * link), once per refresh and shared by the region's VPCs; or why the API could not be asked
   * (permission, not offered in the region), for the view to fall back to the detection.
   */
  private regionLinks(cloud: Cloud, profile: string, regionId: string): Promise<{ listed?: NetworkLink[]; linkApi: NetworkLinkApiState }> {
    return this.calls.get(`${regionKey(profile, regionId)}/~networkLinks`, async (signal) => {
      try {
        return { listed: await readRegionNetworkLinks(cloud, regionId, { signal }), linkApi: { state: 'ok' } };
      } catch (error) {
        const refused = linkApiRefusal(error);
        if (refused === undefined) throw error;
        return { linkApi: refused };
      }
    });
  }

  /** What the links group and the services group both need: the VPC's links, matched. */
  private async linkViews(group: VpcGroupNode): Promise<{ links: NetworkLinkView[]; vSwitches: VSwitch[]; linkApi: NetworkLinkApiState }> {
    const cloud = await this.regionCloud(group.regionId);
    const vpcId = parentId(group.id);
    const [groups, interfaces, vSwitches, region] = await Promise.all([
      this.allItems(`${vpcId}/securityGroups`, this.securityGroupListing(cloud, group.vpcId), cloud),
      this.vpcInterfaces(cloud, vpcId, group.vpcId),
      this.allItems(`${vpcId}/vSwitches`, this.vSwitchListing(cloud, group.vpcId), cloud),
      this.regionLinks(cloud, group.profile, group.regionId),
    ]);
    const detected = detectLinks(group.vpcId, interfaces, groups);
    const links = matchLinks({
      profile: group.profile,
      regionId: group.regionId,
      vpcId: group.vpcId,
      declared: await this.source.declaredLinks(),
      detected,
      groups,
      invalid: (await this.source.invalidLinks?.()) ?? [],
      listed: region.listed,
      linkApi: region.linkApi,
    });
    return { links, vSwitches, linkApi: region.linkApi };
  }

  private async networkLinks(group: VpcGroupNode): Promise<ExplorerNode[]> {
    const { links, vSwitches, linkApi } = await this.linkViews(group);
    const nodes: ExplorerNode[] = [];
    if (linkApi.state !== 'ok') {
      const why = linkApi.state === 'denied' ? 'permission denied' : 'not offered in this region';
      nodes.push(
        noteNode(
          group.id,
          'link-api',
          `Link names unavailable (${why})`,
          `MaxCompute's ListNetworkLinks could not be asked: ${linkApi.reason}\nLinks are recognised by the network interfaces they leave behind, and named only where a spec declares them.`,
        ),
      );
    }
    if (links.length === 0) {
      const asked =
        linkApi.state === 'ok'
          ? 'MaxCompute lists none in this VPC, none is declared in a *.mcvpc.yaml spec of this workspace, and no network interface of one is here.'
          : 'None declared in a *.mcvpc.yaml spec of this workspace, and none detected (MaxCompute leaves service-managed network interfaces and MaxCompute-vpc-<vpcId> groups behind).';
      return [...nodes, noteNode(group.id, 'empty', 'No network links', asked)];
    }
    return [
      ...nodes,
      ...links.map((link) =>
        networkLinkNode(
          group,
          link,
          vSwitches.find((s) => s.vSwitchId === link.vSwitchId),
        ),
      ),
    ];
  }

  private async services(group: VpcGroupNode): Promise<ExplorerNode[]> {
    const cloud = await this.regionCloud(group.regionId);
    const region = regionKey(group.profile, group.regionId);
    const kinds = serviceKinds();
    const [linksRead, ...listed] = await Promise.allSettled([
      this.linkViews(group),
      ...kinds.map((kind) => {
        const binding = kind.service!;
        // Region-wide listings are shared by the VPCs of the region (and refreshed with any of them).
        const key = binding.listScope === 'region' ? `${region}/~${kind.kind}` : `${group.id}#${kind.kind}`;
        return this.calls.get(key, (signal) =>
          binding.list(cloud, group.regionId, binding.listScope === 'vpc' ? group.vpcId : undefined, { signal }),
        ) as Promise<ServiceResource[]>;
      }),
    ]);
    const sources: LinkSource[] =
      linksRead.status === 'fulfilled'
        ? linksRead.value.links.map((link) =>
            linkSource(link, linksRead.value.vSwitches.find((s) => s.vSwitchId === link.vSwitchId)?.cidrBlock),
          )
        : [];
    const nodes: ExplorerNode[] = [];
    if (linksRead.status === 'rejected')
      nodes.push(this.failure(group.id, 'Could not read the network links (access unknown)', linksRead.reason, 'error-links'));
    for (const [index, kind] of kinds.entries()) {
      const settled = listed[index]!;
      if (settled.status === 'rejected') {
        nodes.push(this.failure(group.id, `Could not list ${kind.noun}s`, settled.reason, `error-${kind.kind}`));
        continue;
      }
      const inVpc = settled.value.filter((s) => s.vpcId === group.vpcId);
      nodes.push(
        ...(await Promise.all(inVpc.map((service) => this.serviceNode(group, kind, service, sources, linksRead.status === 'rejected')))),
      );
    }
    if (nodes.length === 0) return [noteNode(group.id, 'empty', `No ${kinds.map((k) => k.noun).join(', ')} in this VPC`)];
    return nodes;
  }

  /** A service with its access settings (shown in its tooltip) and what they mean for each link of the VPC. */
  private async serviceNode(
    group: VpcGroupNode,
    kind: AnyTargetKind,
    service: ServiceResource,
    sources: LinkSource[],
    linksUnknown: boolean,
  ): Promise<ExplorerNode> {
    const binding = kind.service!;
    const presentation = binding.present(service);
    let live: TargetLive;
    try {
      const cloud = await this.regionCloud(group.regionId);
      live = await this.calls.get(`${group.id}/${presentation.id}#access`, (signal) =>
        binding.readAccess(cloud, group.regionId, service, this.sharedReads(group, cloud), { signal }),
      );
    } catch (error) {
      const described = this.source.describeError(error);
      this.source.logFailure?.(`Reading the access settings of ${presentation.id}`, described);
      return serviceNode(group, service, presentation, unreadableAccess(described.message));
    }
    const facts = binding.accessFacts(live);
    if (linksUnknown)
      return serviceNode(group, service, presentation, { ...unreadableAccess("the VPC's network links could not be read"), facts });
    // The ports a declared spec asks for (EMR's own list, an ECS service's ports); else the kind's defaults.
    const declared = (await this.source.declaredLinks())
      .flatMap((d) => d.spec.targets)
      .filter((t) => t.kind === kind.kind && binding.matches(t, service));
    const ports = declared.length > 0 ? [...new Set(declared.flatMap((t) => kind.targetPorts(t)))] : undefined;
    return serviceNode(group, service, presentation, {
      ...serviceAccess(sources, (source) => binding.linkAccess(live, source, ports)),
      facts,
    });
  }

  /** Group reads through the tree's cache, shared with the security-group and rule nodes. */
  private sharedReads(group: VpcGroupNode, cloud: Cloud): SharedReads {
    return {
      group: async (securityGroupId) =>
        (await this.allItems(`${parentId(group.id)}/securityGroups`, this.securityGroupListing(cloud, group.vpcId), cloud)).find(
          (g) => g.securityGroupId === securityGroupId,
        ),
      groupRules: (securityGroupId) => this.groupRules(group.profile, group.regionId, securityGroupId),
    };
  }

  private failure(parent: string, label: string, error: unknown, slot = 'error'): ExplorerNode {
    const described = this.source.describeError(error);
    this.source.logFailure?.(label, described);
    return errorNode(parent, label, described, slot);
  }

  private failureLabel(node: ExplorerNode): string {
    switch (node.kind) {
      case 'region':
        return `Could not list VPCs in ${node.regionId}`;
      case 'vpcGroup':
        return {
          vSwitches: 'Could not list vSwitches',
          securityGroups: 'Could not list security groups',
          networkLinks: 'Could not look for network links',
          services: 'Could not list services',
        }[node.group];
      case 'securityGroup':
        return 'Could not read the rules';
      default:
        return 'Could not load';
    }
  }
}
