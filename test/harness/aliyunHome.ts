/**
 * A HOME folder holding an aliyun CLI config with one profile per emulator account, so the
 * extension finds credentials exactly where a user's would be (never through settings).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The part of an emulator account a CLI profile needs. */
export interface ProfileAccount {
  name: string;
  accessKeyId: string;
  accessKeySecret: string;
}

/** Region every test profile uses (the emulator's default seed lives there). */
export const TEST_REGION = 'cn-hangzhou';

/** Writes `<home>/.aliyun/config.json` (mode 0600, as the CLI does); `current` is the first account. */
export function writeAliyunConfig(home: string, accounts: readonly ProfileAccount[]): string {
  if (accounts.length === 0) throw new Error('the emulator returned no accounts to write profiles for');
  const dir = join(home, '.aliyun');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const config = {
    current: accounts[0]!.name,
    profiles: accounts.map((account) => ({
      name: account.name,
      mode: 'AK',
      access_key_id: account.accessKeyId,
      access_key_secret: account.accessKeySecret,
      region_id: TEST_REGION,
      output_format: 'json',
      language: 'en',
    })),
    meta_path: '',
  };
  const file = join(dir, 'config.json');
  writeFileSync(file, JSON.stringify(config, null, 2) + '\n', { mode: 0o600 });
  return file;
}

/**
 * The environment for a VS Code whose credentials come only from `home`: the caller's
 * Alibaba Cloud variables (keys, profile, credentials files) are dropped so they cannot win
 * over the profile file, and the ECS metadata service is never asked.
 */
export function isolatedCloudEnv(home: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(ALIBABA_CLOUD_|ALIBABACLOUD_|ALICLOUD_)/.test(key)) continue;
    env[key] = value;
  }
  return { ...env, HOME: home, ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true', ...extra };
}
