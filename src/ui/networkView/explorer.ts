/**
 * The Network view (`mcvpc.explorer`): VS Code's side of ExplorerData. It renders nodes, keeps
 * the last node object per id (VS Code refreshes an element by the object it was given), sets
 * the context key that picks the welcome message, and redraws links when spec files change.
 */
import * as vscode from 'vscode';
import { describeError, formatDescribedError } from '../shell/errorReporting';
import { ContextKey, type SetupState } from '../shell/model/ids';
import type { CloudSession } from '../shell/session';
import { ExplorerData, type VpcDetails } from './model/explorerData';
import type { DeclaredLink, NetworkLinkView } from './model/links';
import { errorNode, type ExplorerNode, type LoadMoreNode } from './model/nodes';
import type { RegionFilters } from './regionFilters';
import { renderNode } from './render';
import type { SpecIndex } from './specIndex';

/** The TreeDataProvider of `mcvpc.explorer`. */
export class NetworkExplorer implements vscode.TreeDataProvider<ExplorerNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ExplorerNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly data: ExplorerData;
  /** The last object handed to VS Code per node id. */
  private readonly known = new Map<string, ExplorerNode>();
  private readonly specListener: vscode.Disposable;
  /** Links the Create Network Link form is applying (no spec file yet): shown as waiting until detected. */
  private readonly pending = new Map<string, DeclaredLink>();

  constructor(
    private readonly session: CloudSession,
    readonly specs: SpecIndex,
    readonly filters: RegionFilters,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.data = new ExplorerData({
      openCloud: () => session.open(),
      settings: () => session.settings(),
      profiles: async () => (await import('../../cloud')).listProfiles(),
      declaredLinks: async () => [...(await specs.declared()), ...this.pending.values()],
      invalidLinks: () => specs.invalid(),
      regionFilter: (profile, regionId) => filters.get(profile, regionId),
      describeError,
      logFailure: (what, error) => log.error(`${what}: ${formatDescribedError(error)}`),
    });
    // Links and access are computed from cached answers, so following a spec edit costs no call.
    this.specListener = specs.onDidChange(() => {
      for (const node of this.known.values()) {
        if (node.kind === 'vpcGroup' && (node.group === 'networkLinks' || node.group === 'services')) this.changed.fire(node);
      }
    });
  }

  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    return renderNode(node);
  }

  async getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    const children = node === undefined ? await this.roots() : await this.data.children(node);
    for (const child of children) this.known.set(child.id, child);
    return children;
  }

  /** The node last shown with this id, if any (tests and commands find nodes by id). */
  nodeById(id: string): ExplorerNode | undefined {
    return this.known.get(id);
  }

  /** The VPC as the Create Network Link form needs it, from the same cache as the tree. */
  vpcDetails(profile: string, regionId: string, vpcId?: string): Promise<VpcDetails> {
    return this.data.vpcDetails(profile, regionId, vpcId);
  }

  /** Shows (or, with undefined, forgets) a link the form is applying; its VPC's links and services are redrawn. */
  setPendingLink(key: string, link: DeclaredLink | undefined): void {
    if (link === undefined) this.pending.delete(key);
    else this.pending.set(key, link);
    for (const node of this.known.values()) {
      if (node.kind === 'vpcGroup' && (node.group === 'networkLinks' || node.group === 'services')) this.changed.fire(node);
    }
  }

  /** Refetches `node`'s children (the whole view when absent), aborting calls still in flight. */
  refresh(node?: ExplorerNode): void {
    this.data.invalidate(node);
    if (node === undefined) {
      this.known.clear();
      this.changed.fire(undefined);
      return;
    }
    for (const id of [...this.known.keys()]) if (id.startsWith(`${node.id}/`)) this.known.delete(id);
    this.changed.fire(this.known.get(node.id) ?? node);
  }

  /** The links the view has seen in the cloud so far (connected or detected), for completion and checks. */
  seenLinks(): NetworkLinkView[] {
    return [...this.known.values()].flatMap((node) =>
      node.kind === 'networkLink' &&
      node.link.state !== 'waiting-for-console' &&
      node.link.state !== 'not-created' &&
      node.link.state !== 'spec-has-problems'
        ? [node.link]
        : [],
    );
  }

  /** Redraws the view from what is cached (a filter changed): no call is made again. */
  redraw(): void {
    this.changed.fire(undefined);
  }

  /** Loads the next page into the "Load more" node's parent; a second click while loading does nothing more. */
  async loadMore(node: LoadMoreNode): Promise<void> {
    await this.data.loadMore(node);
    const parent = this.known.get(node.parentId);
    this.changed.fire(parent);
  }

  dispose(): void {
    this.specListener.dispose();
    this.changed.dispose();
  }

  private async roots(): Promise<ExplorerNode[]> {
    if (this.session.settings().regions.length === 0) {
      await setSetupState('noRegions');
      return [];
    }
    try {
      const roots = await this.data.children();
      if (await this.data.accountLooksEmpty()) {
        await setSetupState('empty');
        return [];
      }
      await setSetupState('ready');
      return roots;
    } catch (error) {
      const state = await this.session.setupStateAfter(error);
      await setSetupState(state);
      const described = describeError(error);
      this.log.error(`Could not open a cloud session: ${formatDescribedError(described)}`);
      return state === 'noProfile' ? [] : [errorNode('', 'Could not open a cloud session', described)];
    }
  }
}

async function setSetupState(state: SetupState): Promise<void> {
  await vscode.commands.executeCommand('setContext', ContextKey.setup, state);
}
