import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { CallerIdentity } from '../../src/ui/shell/session';
import { activatedExtension, emulatorAccounts } from './extension';

describe("reaching the cloud (the emulator) with the user's aliyun profile", () => {
  it("returns the caller identity of the profile file's current profile, through src/cloud", async () => {
    const { api } = await activatedExtension();
    const [current] = emulatorAccounts();
    const identity = await api.getCallerIdentity();
    assert.equal(identity.accountId, current!.accountId);
    assert.equal(identity.profile, current!.name);
    assert.equal(identity.regionId, 'cn-hangzhou');
    assert.match(identity.credentialSource, /config\.json/, 'credentials must come from ~/.aliyun/config.json');
    assert.ok(identity.requestId.length > 0, 'no RequestId');
  });

  it('answers "MaxCompute VPC: Show Account" with the same identity', async () => {
    await activatedExtension();
    const [current] = emulatorAccounts();
    const identity = await vscode.commands.executeCommand<CallerIdentity | undefined>('mcvpc.showAccount');
    assert.ok(identity, 'the command reported a failure instead of an identity (see the extension log)');
    assert.equal(identity.accountId, current!.accountId);
  });

  it('follows mcvpc.profile to another account, and back', async () => {
    const { api } = await activatedExtension();
    const accounts = emulatorAccounts();
    assert.ok(accounts.length >= 2, 'the default seed has two accounts; this test needs both');
    const other = accounts[1]!;
    const config = vscode.workspace.getConfiguration('mcvpc');
    await config.update('profile', other.name, vscode.ConfigurationTarget.Global);
    try {
      const identity = await api.getCallerIdentity();
      assert.equal(identity.profile, other.name);
      assert.equal(identity.accountId, other.accountId);
    } finally {
      await config.update('profile', undefined, vscode.ConfigurationTarget.Global);
    }
    assert.equal((await api.getCallerIdentity()).accountId, accounts[0]!.accountId);
  });

  it('names a profile that does not exist instead of falling back to another', async () => {
    const { api } = await activatedExtension();
    const config = vscode.workspace.getConfiguration('mcvpc');
    await config.update('profile', 'no-such-profile', vscode.ConfigurationTarget.Global);
    try {
      await assert.rejects(api.getCallerIdentity(), /no-such-profile/);
    } finally {
      await config.update('profile', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
