/**
 * Shared by suites that act on a link a spec declares: the emulator's security groups as its
 * state endpoint reports them, and the link's node under its VPC in the Network view, found the
 * way a person expands the tree.
 */
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { ExplorerNode, McvpcTestApi } from '../../src/ui/shell/api';
import { waitFor } from '../harness/poll';

export type LinkNode = Extract<ExplorerNode, { kind: 'networkLink' }>;

export interface EmulatorGroup {
  securityGroupId: string;
  name: string;
  rules: Array<{ peerGroupId?: string; portRange: string }>;
}

/** The emulator's endpoint, as the runner set it for the extension. */
export function emulatorEndpoint(): string {
  const value = vscode.workspace.getConfiguration('mcvpc').get<string>('endpoint');
  assert.ok(value, 'mcvpc.endpoint is not set: the runner points the extension at the emulator');
  return value;
}

/** Every account's security groups, read from the emulator's state. */
export async function emulatorGroups(): Promise<EmulatorGroup[]> {
  const state = (await (await fetch(`${emulatorEndpoint()}/__emulator/state`)).json()) as {
    accounts: Array<{ securityGroups: EmulatorGroup[] }>;
  };
  return state.accounts.flatMap((a) => a.securityGroups);
}

/** The VPC's "Network links" group node in cn-hangzhou, and a way to find a link under it by name (once the spec index has it). */
export async function linksOfVpc(
  api: McvpcTestApi,
  vpcId: string,
): Promise<{ links: ExplorerNode; linkNode: (name: string) => Promise<LinkNode> }> {
  const roots = await api.getExplorerChildren();
  const regions = roots[0]?.kind === 'profile' ? await api.getExplorerChildren(roots[0]) : roots;
  const region = regions.find((r) => r.kind === 'region' && r.regionId === 'cn-hangzhou');
  assert.ok(region, 'cn-hangzhou is in the Network view');
  const vpc = (await api.getExplorerChildren(region)).find((n) => n.kind === 'vpc' && n.vpc.vpcId === vpcId);
  assert.ok(vpc, `${vpcId} is in cn-hangzhou`);
  const links = (await api.getExplorerChildren(vpc)).find((n) => n.kind === 'vpcGroup' && n.group === 'networkLinks');
  assert.ok(links, `${vpcId} has its Network links group`);
  const linkNode = (name: string): Promise<LinkNode> =>
    waitFor(
      async () => (await api.getExplorerChildren(links)).find((n): n is LinkNode => n.kind === 'networkLink' && n.link.name === name),
      { timeoutMs: 15_000, what: `${name} under Network links` },
    );
  return { links, linkNode };
}

/** Writes a spec into the test workspace's folder; resolves to its URI (the caller deletes it). */
export async function writeWorkspaceSpec(fileName: string, lines: string[]): Promise<vscode.Uri> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace has a folder');
  const file = vscode.Uri.joinPath(folder.uri, fileName);
  await vscode.workspace.fs.writeFile(file, new TextEncoder().encode([...lines, ''].join('\n')));
  return file;
}
