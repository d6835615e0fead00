/**
 * Reading the aliyun CLI configuration file (`~/.aliyun/config.json`) with messages that say
 * which file and what is wrong, never quoting the file's content (it holds secrets).
 * Format: aliyun-cli config/configuration.go and config/profile.go (reference §8).
 */

import * as os from 'node:os';
import * as path from 'node:path';
import { readBoundedText, UnreadableFileError } from './boundedFile';
import { credentialsError } from './errors';

/** Credential modes of the aliyun CLI that this extension can use. */
export const SUPPORTED_MODES = [
  'AK',
  'StsToken',
  'RamRoleArn',
  'EcsRamRole',
  'ChainableRamRoleArn',
  'OIDC',
  'CloudSSO',
  'OAuth',
  'External',
  'CredentialsURI',
  'BearerToken',
] as const;

/** One of SUPPORTED_MODES. */
export type ProfileMode = (typeof SUPPORTED_MODES)[number];

/** A profile as stored in the file: snake_case keys, all optional until validated. */
export interface AliyunProfile {
  name: string;
  mode?: string;
  access_key_id?: string;
  access_key_secret?: string;
  sts_token?: string;
  sts_region?: string;
  sts_endpoint?: string;
  ram_role_name?: string;
  ram_role_arn?: string;
  ram_session_name?: string;
  external_id?: string;
  expired_seconds?: number;
  source_profile?: string;
  region_id?: string;
  oidc_provider_arn?: string;
  oidc_token_file?: string;
  credentials_uri?: string;
  process_command?: string;
  bearer_token?: string;
  cloud_sso_sign_in_url?: string;
  cloud_sso_account_id?: string;
  cloud_sso_access_config?: string;
  oauth_site_type?: string;
  [key: string]: unknown;
}

/** The parsed file. */
export interface AliyunConfig {
  file: string;
  current?: string;
  profiles: AliyunProfile[];
}

/** Largest config file read: a profile is a few hundred bytes. */
const MAX_CONFIG_FILE_BYTES = 1024 * 1024;

/** The default location, under the user's home directory. */
export function defaultConfigFile(): string {
  return path.join(os.homedir(), '.aliyun', 'config.json');
}

/** Fields each mode cannot do without (what aliyun-cli's profile validation demands). */
const REQUIRED_FIELDS: Record<ProfileMode, string[]> = {
  AK: ['access_key_id', 'access_key_secret'],
  StsToken: ['access_key_id', 'access_key_secret', 'sts_token'],
  RamRoleArn: ['access_key_id', 'access_key_secret', 'ram_role_arn'],
  EcsRamRole: [],
  ChainableRamRoleArn: ['source_profile', 'ram_role_arn'],
  OIDC: ['oidc_provider_arn', 'oidc_token_file', 'ram_role_arn'],
  CloudSSO: ['cloud_sso_sign_in_url', 'cloud_sso_account_id', 'cloud_sso_access_config'],
  OAuth: ['oauth_site_type'],
  External: ['process_command'],
  CredentialsURI: ['credentials_uri'],
  BearerToken: ['bearer_token'],
};

/** Reads and checks the file's structure; resolves to undefined when the file does not exist. */
export async function readAliyunConfig(file: string): Promise<AliyunConfig | undefined> {
  let text: string;
  try {
    text = await readBoundedText(file, { limit: MAX_CONFIG_FILE_BYTES, what: 'an aliyun CLI config' });
  } catch (err) {
    if (err instanceof UnreadableFileError && err.reason === 'missing' && err.code === 'ENOENT') return undefined;
    throw credentialsError(
      'InvalidConfig',
      `Cannot read the aliyun CLI config: ${err instanceof UnreadableFileError ? err.message : String(err)}.`,
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw credentialsError('InvalidConfig', `The aliyun CLI config ${file} is not valid JSON: ${describeJsonError(err, text)}.`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw credentialsError('InvalidConfig', `The aliyun CLI config ${file} must hold a JSON object with a "profiles" array.`);
  }
  const record = raw as Record<string, unknown>;
  if (!Array.isArray(record.profiles)) {
    throw credentialsError('InvalidConfig', `The aliyun CLI config ${file} has no "profiles" array.`);
  }
  const profiles = record.profiles.map((entry: unknown, i: number): AliyunProfile => {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      throw credentialsError('InvalidConfig', `The aliyun CLI config ${file}: profiles[${i}] is not an object.`);
    }
    const name = (entry as Record<string, unknown>).name;
    if (typeof name !== 'string' || name === '') {
      throw credentialsError('InvalidConfig', `The aliyun CLI config ${file}: profiles[${i}] has no "name".`);
    }
    return entry as AliyunProfile;
  });
  const current = typeof record.current === 'string' && record.current !== '' ? record.current : undefined;
  return { file, current, profiles };
}

/** The profile's mode, defaulting like aliyun-cli does for hand-written files with keys only. */
export function profileMode(profile: AliyunProfile): string {
  if (typeof profile.mode === 'string' && profile.mode !== '') return profile.mode;
  return 'AK';
}

/** What is wrong with a profile for its mode, or undefined when it is usable. */
export function profileProblem(config: AliyunConfig, profile: AliyunProfile): string | undefined {
  const mode = profileMode(profile);
  if (!(SUPPORTED_MODES as readonly string[]).includes(mode)) {
    return `profile "${profile.name}" has mode "${mode}", which is not supported (supported: ${SUPPORTED_MODES.join(', ')})`;
  }
  const missing = REQUIRED_FIELDS[mode as ProfileMode].filter((key) => {
    const v = profile[key];
    return v === undefined || v === null || v === '';
  });
  if (missing.length > 0) {
    return `profile "${profile.name}" (mode ${mode}) is missing ${missing.map((k) => `"${k}"`).join(', ')}`;
  }
  if (mode === 'ChainableRamRoleArn') {
    const source = config.profiles.find((p) => p.name === profile.source_profile);
    if (source === undefined) return `profile "${profile.name}" names source_profile "${profile.source_profile}", which does not exist`;
    if (source === profile) return `profile "${profile.name}" names itself as its source_profile`;
  }
  return undefined;
}

/**
 * Where JSON.parse stopped, as line and column, and why in a fixed vocabulary. V8's message may
 * quote a stretch of the input (`Unexpected token 'S', ..."secret": SECRETVALU"...`), and the
 * input holds secrets, so nothing of the message that can carry input is kept: the position is
 * found by parsing prefixes instead (the longest prefix that is still the start of valid JSON).
 */
function describeJsonError(err: unknown, text: string): string {
  const message = err instanceof Error ? err.message : String(err);
  const position = stopOffset(text);
  const before = text.slice(0, position).split('\n');
  const line = before.length;
  const column = before[before.length - 1].length + 1;
  return `line ${line}, column ${column} (${jsonReason(message)})`;
}

/** V8's reason in words that quote nothing from the input. */
function jsonReason(message: string): string {
  if (/^Unexpected end of JSON input/.test(message)) return 'the file ends too early';
  // Messages that quote the input: a token or a stretch of text in quotes.
  if (/^Unexpected token|"/.test(message)) return 'a character that JSON does not allow here';
  // The rest are V8's fixed sentences ("Expected ',' or '}' after property value", "Bad control character in string literal").
  const fixed = message.replace(/ in JSON at position \d+.*$/s, '');
  return /^[A-Za-z ,':{}[\]]+$/.test(fixed) ? fixed : 'not valid JSON here';
}

/** True when `prefix` could still be continued into valid JSON (or is valid already). */
function viablePrefix(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return true;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (/^Unexpected end of JSON input/.test(message)) return true;
    const at = / at position (\d+)/.exec(message);
    return at !== null && Number(at[1]) >= prefix.length;
  }
}

/** The offset of the first character at which the text stops being a start of valid JSON. */
function stopOffset(text: string): number {
  let good = 0;
  let bad = text.length;
  if (viablePrefix(text)) return text.length;
  while (bad - good > 1) {
    const middle = (good + bad) >> 1;
    if (viablePrefix(text.slice(0, middle))) good = middle;
    else bad = middle;
  }
  return good;
}
