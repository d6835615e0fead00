/** Shared by the in-host suites: the extension under test, activated, and the emulator's accounts. */
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { McvpcTestApi } from '../../src/ui/shell/api';
import { ExtensionId } from '../../src/ui/shell/model/ids';
import { ACCOUNTS_ENV, type PublicAccount } from '../harness/results';

/** The extension under development, activated; resolves to its test-facing API. */
export async function activatedExtension(): Promise<{ extension: vscode.Extension<McvpcTestApi>; api: McvpcTestApi }> {
  const extension = vscode.extensions.getExtension<McvpcTestApi>(ExtensionId);
  assert.ok(extension, `extension ${ExtensionId} is not installed in this host`);
  const api = await extension.activate();
  return { extension, api };
}

/** The emulator's accounts as the runner passed them (names and ids; the first is the profile file's `current`). */
export function emulatorAccounts(): PublicAccount[] {
  const raw = process.env[ACCOUNTS_ENV];
  assert.ok(raw, `${ACCOUNTS_ENV} is not set: run these suites through scripts/testIntegration.mjs`);
  const accounts = JSON.parse(raw) as PublicAccount[];
  assert.ok(accounts.length > 0, 'the emulator has no accounts');
  return accounts;
}
