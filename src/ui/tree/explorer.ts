/**
 * The Network view's data: regions from `mcvpc.regions`, then the VPCs DescribeVpcs returns
 * in each. Failures become error nodes (never popups from inside getChildren); more VPCs than
 * one page is said in a note (paging with "Load more" arrives with the full explorer).
 */
import * as vscode from 'vscode';
import { describeError } from '../errorReporting';
import { ContextKey, type SetupState } from '../ids';
import type { CloudSession } from '../session';
import { errorNode, noteNode, regionNode, vpcNode, type ExplorerNode, type RegionNode } from './nodes';
import { renderNode } from './render';

/** The TreeDataProvider of `mcvpc.explorer`. */
export class NetworkExplorer implements vscode.TreeDataProvider<ExplorerNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ExplorerNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly session: CloudSession) {}

  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    return renderNode(node);
  }

  async getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    if (node === undefined) return this.roots();
    if (node.kind === 'region') return this.vpcsOf(node);
    return [];
  }

  /** Redraws the whole view (its nodes are fetched again). */
  refresh(): void {
    this.changed.fire(undefined);
  }

  dispose(): void {
    this.changed.dispose();
  }

  private async roots(): Promise<ExplorerNode[]> {
    const { regions } = this.session.settings();
    if (regions.length === 0) {
      await setSetupState('noRegions');
      return [];
    }
    try {
      const cloud = await this.session.open();
      await setSetupState('ready');
      return regions.map((regionId) => regionNode(cloud.accountProfile, regionId));
    } catch (error) {
      const state = await this.session.setupStateAfter(error);
      await setSetupState(state);
      return state === 'noProfile' ? [] : [errorNode('', 'Could not open a cloud session', describeError(error))];
    }
  }

  private async vpcsOf(region: RegionNode): Promise<ExplorerNode[]> {
    try {
      const cloud = (await this.session.open()).withRegion(region.regionId);
      const listing = { ...cloud.lists.vpcs(), pageSize: this.session.settings().pageSize };
      const page = await cloud.fetchPage(listing);
      const nodes: ExplorerNode[] = page.items.map((vpc) => vpcNode(region, vpc));
      if (nodes.length === 0) return [noteNode(region.id, 'empty', `No VPCs in ${region.regionId}`)];
      if (page.next !== undefined) {
        const total = page.totalCount !== undefined ? ` of ${page.totalCount}` : '';
        nodes.push(noteNode(region.id, 'more', `Showing the first ${nodes.length}${total} VPCs`, 'Raise mcvpc.pageSize (at most 50) to see more at once.'));
      }
      return nodes;
    } catch (error) {
      return [errorNode(region.id, 'Could not list VPCs', describeError(error))];
    }
  }
}

async function setSetupState(state: SetupState): Promise<void> {
  await vscode.commands.executeCommand('setContext', ContextKey.setup, state);
}
