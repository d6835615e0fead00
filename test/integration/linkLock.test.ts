/**
 * Apply from the Network view and `mcvpc apply` take the same per-link lock: while another run on
 * this machine holds it, Apply says who and changes nothing (the link's group is not created a
 * second time); once it is released, Apply runs.
 */
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { acquireLinkLock } from '../../src/engine/linkLock';
import type { ExplorerNode } from '../../src/ui/api';
import { waitFor } from '../harness/poll';
import { activatedExtension } from './extension';

// Ids of the emulator's default seed (src/emulator/seed.ts), as the samples use them.
const APP_VPC = 'vpc-bp1w4g8ykeud64dultaii';
const APP_VSWITCH_J = 'vsw-bp16h2w3d14cvrl17h4ue';
const LINK = 'locked_link';
const GROUP_NAME = 'maxcompute-locked-test';

type LinkNode = Extract<ExplorerNode, { kind: 'networkLink' }>;

async function groupNames(): Promise<string[]> {
  const endpoint = vscode.workspace.getConfiguration('mcvpc').get<string>('endpoint');
  assert.ok(endpoint, 'mcvpc.endpoint is not set: the runner points the extension at the emulator');
  const state = (await (await fetch(`${endpoint}/__emulator/state`)).json()) as { accounts: Array<{ securityGroups: Array<{ name: string }> }> };
  return state.accounts.flatMap((a) => a.securityGroups.map((g) => g.name));
}

describe('the link lock (in the extension host, default seed)', () => {
  it('Apply refuses while another run holds the link, says who, creates nothing; and runs once it is free', async () => {
    const { api } = await activatedExtension();
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the test workspace has a folder');
    const file = vscode.Uri.joinPath(folder.uri, 'locked-test.mcvpc.yaml');
    const spec = ['version: mcvpc/v1', 'kind: NetworkLink', 'metadata:', `  name: ${LINK}`, 'region: cn-hangzhou', `vpc: ${APP_VPC}`, `vSwitch: ${APP_VSWITCH_J}`,
      'securityGroup:', '  create:', `    name: ${GROUP_NAME}`, '    inboundSource: vswitch-cidr', ''].join('\n');
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(spec));
    const release = acquireLinkLock({ regionId: 'cn-hangzhou', vpcId: APP_VPC, networkLinkName: LINK }, 'mcvpc apply (held by this test)');
    let released = false;
    try {
      const roots = await api.getExplorerChildren();
      const regions = roots[0]?.kind === 'profile' ? await api.getExplorerChildren(roots[0]) : roots;
      const region = regions.find((r) => r.kind === 'region' && r.regionId === 'cn-hangzhou')!;
      const vpc = (await api.getExplorerChildren(region)).find((n) => n.kind === 'vpc' && n.vpc.vpcId === APP_VPC)!;
      const links = (await api.getExplorerChildren(vpc)).find((n) => n.kind === 'vpcGroup' && n.group === 'networkLinks')!;
      const node = await waitFor(async () => (await api.getExplorerChildren(links)).find((n): n is LinkNode => n.kind === 'networkLink' && n.link.name === LINK), { timeoutMs: 15_000, what: `${LINK} under Network links` });

      const before = api.commandFailures().length;
      assert.equal(await vscode.commands.executeCommand('mcvpc.applyLink', node, { confirmed: true }), undefined, 'Apply did not run');
      const failures = api.commandFailures().slice(before).map((f) => f.message).join('\n');
      assert.match(failures, new RegExp(`Another run is already working on network link "${LINK}".*mcvpc apply \\(held by this test\\)`));
      assert.ok(!(await groupNames()).includes(GROUP_NAME), 'no group was created while the lock was held');

      release();
      released = true;
      assert.equal(await vscode.commands.executeCommand('mcvpc.applyLink', node, { confirmed: true }), 'waiting-for-console');
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      assert.equal((await groupNames()).filter((n) => n === GROUP_NAME).length, 1, 'once free, Apply created the group, once');
    } finally {
      if (!released) release();
      await vscode.workspace.fs.delete(file);
    }
  });
});
