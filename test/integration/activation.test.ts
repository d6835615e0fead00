import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { ExtensionId } from '../../src/ui/shell/model/ids';
import { activatedExtension } from './extension';

describe('activation', () => {
  it('runs in a real Node extension host of VS Code 1.100', () => {
    assert.match(vscode.version, /^1\.100\./);
    assert.match(process.version, /^v20\./);
    assert.ok(vscode.env.remoteName, 'expected the code-server remote extension host');
  });

  it('is not activated by opening an unrelated folder (activation is lazy)', () => {
    const extension = vscode.extensions.getExtension(ExtensionId);
    assert.ok(extension, `${ExtensionId} is not installed`);
    assert.equal(extension.isActive, false, 'activated although no command, view or *.mcvpc.yaml asked for it');
  });

  it('activates and returns its test-facing API', async () => {
    const { extension, api } = await activatedExtension();
    assert.equal(extension.isActive, true);
    assert.equal(typeof api.getCallerIdentity, 'function');
    assert.equal(typeof api.getExplorerChildren, 'function');
  });
});
