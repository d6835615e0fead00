import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { activatedExtension } from './extension';

describe('commands', () => {
  it('registers every command package.json contributes, and contributes every mcvpc.* command it registers', async () => {
    const { extension } = await activatedExtension();
    const manifest = extension.packageJSON as { contributes: { commands?: { command: string }[]; views?: Record<string, { id: string }[]> } };
    const contributed = (manifest.contributes.commands ?? []).map((c) => c.command).sort();
    // VS Code itself registers `<view id>.focus`, `.open`… for each contributed view: not ours to contribute.
    const viewIds = Object.values(manifest.contributes.views ?? {}).flat().map((view) => view.id);
    const registered = (await vscode.commands.getCommands(true))
      .filter((id) => id.startsWith('mcvpc.') && !viewIds.some((view) => id.startsWith(`${view}.`)))
      .sort();
    assert.ok(contributed.length > 0, 'package.json contributes no commands');
    assert.deepEqual(registered, contributed);
  });

  it('shows the log through mcvpc.showLog without failing', async () => {
    await activatedExtension();
    await vscode.commands.executeCommand('mcvpc.showLog');
  });
});
