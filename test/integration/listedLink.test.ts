/**
 * A link MaxCompute lists, in the real extension host against the emulator: shown by its name
 * and status with the listed link's menu, saved as a spec (the text `mcvpc import` writes, in an
 * untitled editor), and removed from the tree (RemoveNetworkLink, then its interfaces gone).
 */
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { DEFAULT_SEED } from '../../src/emulator/seed';
import { waitFor } from '../harness/poll';
import { emulatorEndpoint, linksOfVpc } from './declaredLink';
import { activatedExtension } from './extension';

const M = DEFAULT_SEED.main;
const LINK = 'listed_it_link';

interface EmulatorState {
  accounts: Array<{
    networkLinks: Array<{ name: string }>;
    networkInterfaces: Array<{ serviceManaged: boolean; vSwitchId: string; securityGroupIds: string[] }>;
  }>;
}

async function emulatorState(): Promise<EmulatorState> {
  return (await (await fetch(`${emulatorEndpoint()}/__emulator/state`)).json()) as EmulatorState;
}

describe('a link MaxCompute lists (in the extension host, default seed)', () => {
  it('shows it by name and status, saves it as a spec, and removes it until its interfaces are gone', async () => {
    const { api } = await activatedExtension();
    // Made by hand in the console: MaxCompute lists it, no spec names it.
    const made = await fetch(`${emulatorEndpoint()}/__emulator/console/network-links`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        regionId: 'cn-hangzhou',
        name: LINK,
        vpcId: M.vpcId,
        vSwitchId: M.vSwitchIdJ,
        securityGroupId: M.basicGroupId,
      }),
    });
    assert.equal(made.status, 201, await made.text());
    try {
      const { links, linkNode } = await linksOfVpc(api, M.vpcId);
      await vscode.commands.executeCommand('mcvpc.refreshNode', links);
      const node = await linkNode(LINK);
      assert.equal(node.link.state, 'connected');
      const item = api.getExplorerItem(node);
      assert.equal(item.label, LINK);
      assert.equal(item.contextValue, 'mcvpc.linkListed', "the listed link's menu (Remove, Save as Spec)");
      assert.match(String(item.description), /^ready · /);

      const text = await vscode.commands.executeCommand<string | undefined>('mcvpc.saveLinkAsSpec', node);
      assert.match(text ?? '', new RegExp(`^ {2}name: ${LINK}$`, 'm'));
      assert.match(text ?? '', new RegExp(`^ {2}id: ${M.basicGroupId}$`, 'm'));
      const editor = vscode.window.activeTextEditor;
      assert.ok(editor?.document.isUntitled, 'the spec opens in an untitled editor');
      assert.equal(editor.document.getText(), text);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');

      const outcome = await vscode.commands.executeCommand<string | undefined>('mcvpc.removeListedLink', await linkNode(LINK), {
        confirmed: true,
      });
      assert.equal(outcome, 'removed');
      const state = await emulatorState();
      assert.ok(!state.accounts.some((a) => a.networkLinks.some((l) => l.name === LINK)), 'MaxCompute no longer lists it');
      assert.ok(
        !state.accounts.some((a) =>
          a.networkInterfaces.some((n) => n.serviceManaged && n.vSwitchId === M.vSwitchIdJ && n.securityGroupIds.includes(M.basicGroupId)),
        ),
        'its interfaces are gone',
      );
      await waitFor(async () => !(await api.getExplorerChildren(links)).some((n) => n.kind === 'networkLink' && n.link.name === LINK), {
        timeoutMs: 15_000,
        what: `${LINK} to leave the tree`,
      });
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await fetch(`${emulatorEndpoint()}/__emulator/console/network-links/${LINK}?regionId=cn-hangzhou`, { method: 'DELETE' });
    }
  });
});
