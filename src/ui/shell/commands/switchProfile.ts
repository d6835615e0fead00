/** mcvpc.switchProfile: choose the aliyun CLI profile (each shown with where it comes from); the view then shows only that account. */
import * as vscode from 'vscode';
import { SettingKey, SettingsSection } from '../model/ids';
import type { CommandDeps, CommandHandler } from '../commandDeps';

/** The switch-profile command's handler; a profile name argument switches without asking. Resolves to the profile chosen. */
export function switchProfileCommand(deps: CommandDeps): CommandHandler {
  return async (name?: unknown): Promise<string | undefined> => {
    const { listProfiles, ENVIRONMENT_PROFILE } = await import('../../../cloud');
    let chosen = typeof name === 'string' ? name : undefined;
    if (chosen === undefined) {
      const profiles = await listProfiles();
      if (profiles.length === 0)
        throw new Error(
          'No aliyun CLI profile found in ~/.aliyun/config.json and no access key in the environment: run "aliyun configure".',
        );
      const active = (await deps.session.open().catch(() => undefined))?.accountProfile;
      const pick = await vscode.window.showQuickPick(
        profiles.map((p) => ({
          label: `${p.name === active ? '$(check) ' : ''}${p.name}`,
          description: `${p.mode}${p.regionId !== undefined ? ` · ${p.regionId}` : ''}${p.isDefault ? ' · default' : ''}`,
          detail: p.problem !== undefined ? `$(warning) ${p.problem}` : p.source,
          name: p.name,
        })),
        { title: 'Switch the MaxCompute VPC profile', placeHolder: 'Profiles of the aliyun CLI (and the environment)' },
      );
      chosen = pick?.name;
    }
    if (chosen === undefined) return undefined;
    const config = vscode.workspace.getConfiguration(SettingsSection);
    // The environment's keys are what an empty setting selects.
    await config.update(SettingKey.profile, chosen === ENVIRONMENT_PROFILE ? undefined : chosen, vscode.ConfigurationTarget.Global);
    return chosen;
  };
}
