import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { activatedExtension } from './extension';

/** Runs a command and returns what it resolved to and the failures it reported (its wrapper swallows them). */
async function run(command: string, ...args: unknown[]): Promise<{ result: unknown; failures: string[] }> {
  const { api } = await activatedExtension();
  const before = api.commandFailures().length;
  const result = await vscode.commands.executeCommand(command, ...args);
  return {
    result,
    failures: api
      .commandFailures()
      .slice(before)
      .map((f) => `${f.command}: ${f.message}`),
  };
}

describe('commands', () => {
  it('registers every command package.json contributes, and contributes every mcvpc.* command it registers', async () => {
    const { extension } = await activatedExtension();
    const manifest = extension.packageJSON as {
      contributes: { commands?: { command: string }[]; views?: Record<string, { id: string }[]> };
    };
    const contributed = (manifest.contributes.commands ?? []).map((c) => c.command).sort();
    // VS Code itself registers `<view id>.focus`, `.open`… for each contributed view: not ours to contribute.
    const viewIds = Object.values(manifest.contributes.views ?? {})
      .flat()
      .map((view) => view.id);
    const registered = (await vscode.commands.getCommands(true))
      .filter((id) => id.startsWith('mcvpc.') && !viewIds.some((view) => id.startsWith(`${view}.`)))
      .sort();
    assert.ok(contributed.length > 0, 'package.json contributes no commands');
    assert.deepEqual(registered, contributed);
  });

  it('a command that fails is seen failing (the wrapper resolves to undefined but records it)', async () => {
    const { result, failures } = await run('mcvpc.copyId');
    assert.equal(result, undefined);
    assert.equal(failures.length, 1, 'exactly one failure reported');
    assert.match(failures[0]!, /^mcvpc\.copyId: Run "Copy ID" from a node's menu/);
  });

  it('mcvpc.showLog shows the log without failing', async () => {
    const { failures } = await run('mcvpc.showLog');
    assert.deepEqual(failures, []);
  });

  it('mcvpc.refresh reloads the Network view without failing, and the view still has its roots', async () => {
    const { api } = await activatedExtension();
    const { failures } = await run('mcvpc.refresh');
    assert.deepEqual(failures, []);
    assert.ok((await api.getExplorerChildren()).length > 0, 'the view shows its profile again');
  });

  it('mcvpc.copyId on a region copies its id to the clipboard and resolves to it', async () => {
    const { api } = await activatedExtension();
    const [profile] = await api.getExplorerChildren();
    assert.ok(profile, 'a profile node');
    const region = (await api.getExplorerChildren(profile)).find((n) => n.kind === 'region');
    assert.ok(region, 'a region under the profile');
    const { result, failures } = await run('mcvpc.copyId', region);
    assert.deepEqual(failures, []);
    assert.equal(result, 'cn-hangzhou');
    assert.equal(await vscode.env.clipboard.readText(), 'cn-hangzhou');
  });
});
