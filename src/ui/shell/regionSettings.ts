/** Changing `mcvpc.regions` where the person keeps it (the workspace's value if it has one, else the user's). */
import * as vscode from 'vscode';
import { SettingKey, SettingsSection } from './model/ids';
import { readSettings } from './settings';

/** Writes the region list to the scope that currently decides it. */
export async function writeRegions(regions: readonly string[]): Promise<void> {
  const config = vscode.workspace.getConfiguration(SettingsSection);
  const inspected = config.inspect<string[]>(SettingKey.regions);
  const target = inspected?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await config.update(SettingKey.regions, [...new Set(regions)], target);
}

/** The regions as the extension reads them now. */
export function currentRegions(): string[] {
  return readSettings().regions;
}
