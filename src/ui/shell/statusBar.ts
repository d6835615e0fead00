/**
 * The status bar item: which profile and region the extension acts with; a click switches either.
 *
 * It does not open a cloud session to find out: that loads the OpenAPI SDK (a few hundred ms on
 * a busy machine) during activation, when nothing may need the cloud yet. Until a session opens
 * it shows the profile the settings and the aliyun CLI config name (see configuredProfile); once
 * one opens (the Network view, a command) it shows what the session actually uses.
 */
import * as vscode from 'vscode';
import { defaultConfigFile, readAliyunConfig } from '../../cloud/aliyunConfig';
import type { Cloud } from '../../cloud';
import { describeError, formatDescribedError } from './errorReporting';
import { CommandId } from './model/ids';
import type { CloudSession } from './session';
import type { ExtensionSettings } from './settings';

/** Creates the item and keeps it in step with the session. */
export function createStatusBar(session: CloudSession): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('mcvpc.status', vscode.StatusBarAlignment.Left, 10);
  item.name = 'MaxCompute VPC profile';
  // A click offers: switch profile, switch region, show the account.
  item.command = CommandId.switchAccount;
  const regionText = (settings: ExtensionSettings, fallback: string): string => {
    const extra = settings.regions.length > 1 ? ` +${settings.regions.length - 1}` : '';
    return `${settings.regions[0] ?? fallback}${extra}`;
  };
  const showSession = (cloud: Cloud): void => {
    const settings = session.settings();
    item.text = `$(cloud) ${cloud.accountProfile} · ${regionText(settings, cloud.regionId)}`;
    item.tooltip = `MaxCompute VPC: profile "${cloud.accountProfile}" (${cloud.credentialInfo.source}); regions ${settings.regions.join(', ') || 'none'}. Click to switch profile or region.`;
    item.backgroundColor = undefined;
  };
  const showConfigured = async (): Promise<void> => {
    const settings = session.settings();
    try {
      const profile = await configuredProfile(settings, process.env);
      if (session.openSession !== undefined) return showSession(session.openSession);
      item.text = `$(cloud) ${profile ?? 'no profile'} · ${regionText(settings, 'no region')}`;
      item.tooltip = `MaxCompute VPC: profile ${profile !== undefined ? `"${profile}"` : 'not chosen'} (from ${settings.profile !== undefined ? 'the mcvpc.profile setting' : 'the environment or ~/.aliyun/config.json'}); not connected yet. Click to switch profile or region.`;
      item.backgroundColor = profile === undefined ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    } catch (error) {
      item.text = '$(warning) MaxCompute VPC';
      item.tooltip = formatDescribedError(describeError(error));
      item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    }
  };
  item.text = '$(cloud) MaxCompute VPC';
  item.show();
  void showConfigured();
  return vscode.Disposable.from(
    item,
    session.onDidOpen(showSession),
    session.onDidChange(() => void showConfigured()),
  );
}

const PROFILE_ENV = ['ALIBABA_CLOUD_PROFILE', 'ALIBABACLOUD_PROFILE', 'ALICLOUD_PROFILE'];
const ACCESS_KEY_ENV = ['ALIBABA_CLOUD_ACCESS_KEY_ID', 'ALIBABACLOUD_ACCESS_KEY_ID', 'ALICLOUD_ACCESS_KEY_ID'];

/**
 * The profile a new session would most likely use, read without the SDK: the setting, else
 * access keys in the environment ("(environment)"), else the profile variable, else the config
 * file's `current`. A preview only: src/cloud/credentials.ts decides (OIDC, credentials URI and
 * ECS roles included), and the item shows its answer as soon as a session opens.
 */
export async function configuredProfile(settings: Pick<ExtensionSettings, 'profile'>, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  if (settings.profile !== undefined) return settings.profile;
  if (ACCESS_KEY_ENV.some((name) => (env[name] ?? '').trim() !== '')) return '(environment)';
  const named = PROFILE_ENV.map((name) => env[name]?.trim()).find((value) => value !== undefined && value !== '');
  if (named !== undefined) return named;
  return (await readAliyunConfig(defaultConfigFile()))?.current;
}
