/** The extension's settings (`mcvpc.*`), read and checked in one place. */
import * as vscode from 'vscode';
import { SettingKey, SettingsSection } from './model/ids';

/** The settings as the extension uses them. */
export interface ExtensionSettings {
  /** An aliyun CLI profile name; undefined lets the credential chain choose. */
  profile?: string;
  regions: string[];
  /** An endpoint every API call goes to (the emulator, a private endpoint); undefined for the public ones. */
  endpoint?: string;
  pageSize: number;
  requestTimeoutMs: number;
}

/** Reads `mcvpc.*`; values of the wrong shape fall back to the defaults package.json declares. */
export function readSettings(
  config: vscode.WorkspaceConfiguration = vscode.workspace.getConfiguration(SettingsSection),
): ExtensionSettings {
  const text = (key: string): string | undefined => {
    const value = config.get<unknown>(key);
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  };
  const integer = (key: string, fallback: number, min: number, max: number): number => {
    const value = config.get<unknown>(key);
    return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max ? value : fallback;
  };
  const regions = config.get<unknown>(SettingKey.regions);
  return {
    profile: text(SettingKey.profile),
    regions: Array.isArray(regions)
      ? [...new Set(regions.filter((r): r is string => typeof r === 'string' && r.trim() !== '').map((r) => r.trim()))]
      : ['cn-hangzhou'],
    endpoint: text(SettingKey.endpoint),
    pageSize: integer(SettingKey.pageSize, 50, 1, 50),
    requestTimeoutMs: integer(SettingKey.requestTimeoutMs, 10_000, 1000, 120_000),
  };
}

/** True when a configuration change touches the extension's settings. */
export function affectsSettings(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration(SettingsSection);
}
