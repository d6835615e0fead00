/**
 * Which credentials a cloud session uses, and from where.
 *
 * Precedence (first that applies wins):
 *   1. the profile named by the caller (`profile` option: the user picked it in the status bar
 *      or passed --profile), because an explicit choice must never be overridden silently;
 *   2. access keys in the environment (ALIBABA_CLOUD_ACCESS_KEY_ID/_SECRET/_SECURITY_TOKEN and
 *      the ALIBABACLOUD_/ALICLOUD_ spellings), then the OIDC role variables: the same order as
 *      @alicloud/credentials' default chain, so CI jobs and SDK users see what they expect;
 *   3. the profile named by ALIBABA_CLOUD_PROFILE (or its spellings), else the file's `current`;
 *   4. ALIBABA_CLOUD_CREDENTIALS_URI, then the ECS instance role named by ALIBABA_CLOUD_ECS_METADATA.
 * If none applies, the error lists every source and why it did not apply.
 *
 * Region: the caller's regionId option, else ALIBABA_CLOUD_REGION_ID (or its spellings), else the
 * profile's region_id: the aliyun CLI too lets the environment override the profile's region.
 *
 * AK and StsToken profiles are read directly; every other mode is built with @alicloud/credentials.
 */

import * as path from 'node:path';
import Credential, { Config as CredentialConfig, CLIProfileCredentialsProvider } from '@alicloud/credentials';
import type CredentialsProvider from '@alicloud/credentials/dist/src/credentials_provider';
import { defaultConfigFile, profileMode, profileProblem, readAliyunConfig, type AliyunConfig, type AliyunProfile } from './aliyunConfig';
import { redactPatterns } from './redact';
import { credentialsError } from './errors';

/** Where to look for credentials; everything is optional. */
export interface CredentialOptions {
  /** A profile of the aliyun CLI config, or ENVIRONMENT_PROFILE for the environment variables. */
  profile?: string;
  /** The aliyun CLI config file; defaults to ~/.aliyun/config.json. */
  configFile?: string;
  /** The environment to read; defaults to process.env. */
  env?: NodeJS.ProcessEnv;
}

/** The credentials a session will sign with, and a description of where they came from. */
export interface ResolvedCredentials {
  credential: Credential;
  /** The profile name, or ENVIRONMENT_PROFILE, or a description of another source. */
  profile: string;
  mode: string;
  /** Human-readable origin, e.g. `profile "dev" in /home/u/.aliyun/config.json`. No secrets. */
  source: string;
  /** The region the source suggests (profile region_id or region variable), if any. */
  regionId?: string;
  /** Static secret values, so the session can scrub them from anything it prints. */
  secrets: string[];
}

/** A profile as the status-bar picker shows it. No secrets. */
export interface ProfileSummary {
  name: string;
  mode: string;
  regionId?: string;
  /** The config file path, or 'environment'. */
  source: string;
  /** True for the profile a session without an explicit choice would use. */
  isDefault: boolean;
  /** Why the profile cannot be used as it is, if it cannot. */
  problem?: string;
}

/** The pseudo-profile name for credentials taken from environment variables. */
export const ENVIRONMENT_PROFILE = '(environment)';

const ENV = {
  accessKeyId: ['ALIBABA_CLOUD_ACCESS_KEY_ID', 'ALIBABACLOUD_ACCESS_KEY_ID', 'ALICLOUD_ACCESS_KEY_ID'],
  accessKeySecret: ['ALIBABA_CLOUD_ACCESS_KEY_SECRET', 'ALIBABACLOUD_ACCESS_KEY_SECRET', 'ALICLOUD_ACCESS_KEY_SECRET'],
  securityToken: ['ALIBABA_CLOUD_SECURITY_TOKEN', 'ALIBABACLOUD_SECURITY_TOKEN', 'ALICLOUD_SECURITY_TOKEN'],
  // The CLI also reads bare REGION_ID/REGION; they are too generic (other tools set them) to trust here.
  regionId: ['ALIBABA_CLOUD_REGION_ID', 'ALIBABACLOUD_REGION_ID', 'ALICLOUD_REGION_ID'],
  profile: ['ALIBABA_CLOUD_PROFILE', 'ALIBABACLOUD_PROFILE', 'ALICLOUD_PROFILE'],
} as const;

function firstEnv(env: NodeJS.ProcessEnv, names: readonly string[]): { name: string; value: string } | undefined {
  for (const name of names) {
    const value = env[name];
    if (value !== undefined && value.trim() !== '') return { name, value: value.trim() };
  }
  return undefined;
}

/** The region named by the environment, if any. */
export function regionFromEnv(env: NodeJS.ProcessEnv): string | undefined {
  return firstEnv(env, ENV.regionId)?.value;
}

/** Resolves the credentials of a session following the precedence above. */
export async function resolveCredentials(options: CredentialOptions = {}): Promise<ResolvedCredentials> {
  const env = options.env ?? process.env;
  const file = options.configFile ?? defaultConfigFile();
  const tried: string[] = [];
  const envRegion = regionFromEnv(env);

  if (options.profile !== undefined && options.profile !== '') {
    if (options.profile === ENVIRONMENT_PROFILE) {
      const fromEnv = credentialsFromEnv(env);
      if (fromEnv === undefined)
        throw credentialsError(
          'IncompleteEnvironment',
          `The ${ENVIRONMENT_PROFILE} profile was chosen but ${ENV.accessKeyId[0]}/${ENV.accessKeySecret[0]} are not set.`,
        );
      return fromEnv;
    }
    const config = await readAliyunConfig(file);
    if (config === undefined)
      throw credentialsError(
        'ProfileNotFound',
        `Profile "${options.profile}" was asked for, but the aliyun CLI config ${file} does not exist.`,
      );
    return fromProfile(config, options.profile, envRegion);
  }

  const fromEnv = credentialsFromEnv(env);
  if (fromEnv !== undefined) return fromEnv;
  tried.push(
    `environment variables ${ENV.accessKeyId[0]} and ${ENV.accessKeySecret[0]} (or the ALIBABACLOUD_/ALICLOUD_ spellings): not set`,
  );

  const oidc = credentialsFromOidcEnv(env, envRegion);
  if (oidc !== undefined) return oidc;
  tried.push('OIDC variables ALIBABA_CLOUD_ROLE_ARN, ALIBABA_CLOUD_OIDC_PROVIDER_ARN, ALIBABA_CLOUD_OIDC_TOKEN_FILE: not all set');

  const ignoreProfile = (env.ALIBABA_CLOUD_IGNORE_PROFILE ?? '').toUpperCase() === 'TRUE';
  const namedByEnv = firstEnv(env, ENV.profile);
  if (ignoreProfile) {
    tried.push(`aliyun CLI config ${file}: skipped because ALIBABA_CLOUD_IGNORE_PROFILE=TRUE`);
  } else {
    const config = await readAliyunConfig(file);
    if (namedByEnv !== undefined) {
      if (config === undefined)
        throw credentialsError(
          'ProfileNotFound',
          `${namedByEnv.name} names profile "${namedByEnv.value}", but the aliyun CLI config ${file} does not exist.`,
        );
      return fromProfile(config, namedByEnv.value, envRegion);
    }
    if (config === undefined) tried.push(`aliyun CLI config ${file}: does not exist`);
    else if (config.current === undefined) tried.push(`aliyun CLI config ${file}: no "current" profile and no ${ENV.profile[0]}`);
    else return fromProfile(config, config.current, envRegion);
  }

  const uri = env.ALIBABA_CLOUD_CREDENTIALS_URI;
  if (uri !== undefined && uri !== '') {
    return viaLibrary(
      new CredentialConfig({ type: 'credentials_uri', credentialsURI: uri }),
      'ALIBABA_CLOUD_CREDENTIALS_URI',
      'CredentialsURI',
      'ALIBABA_CLOUD_CREDENTIALS_URI',
      envRegion,
    );
  }
  tried.push('ALIBABA_CLOUD_CREDENTIALS_URI: not set');

  const ecsRole = env.ALIBABA_CLOUD_ECS_METADATA;
  if ((env.ALIBABA_CLOUD_ECS_METADATA_DISABLED ?? '').toLowerCase() === 'true') {
    tried.push('ECS instance role: disabled by ALIBABA_CLOUD_ECS_METADATA_DISABLED=true');
  } else if (ecsRole !== undefined && ecsRole !== '') {
    return viaLibrary(
      new CredentialConfig({ type: 'ecs_ram_role', roleName: ecsRole }),
      'ALIBABA_CLOUD_ECS_METADATA',
      'EcsRamRole',
      `ECS instance role "${ecsRole}"`,
      envRegion,
    );
  } else {
    tried.push('ECS instance role: ALIBABA_CLOUD_ECS_METADATA not set');
  }

  throw credentialsError(
    'NoCredentials',
    `No Alibaba Cloud credentials found. Tried, in order:\n${tried.map((t) => `  - ${t}`).join('\n')}\nRun "aliyun configure" or set ${ENV.accessKeyId[0]} and ${ENV.accessKeySecret[0]}.`,
  );
}

/** Every profile of the config file (and the environment's credentials, if set), for a picker. */
export async function listProfiles(options: CredentialOptions = {}): Promise<ProfileSummary[]> {
  const env = options.env ?? process.env;
  const file = options.configFile ?? defaultConfigFile();
  const summaries: ProfileSummary[] = [];
  const envKeys = firstEnv(env, ENV.accessKeyId) !== undefined && firstEnv(env, ENV.accessKeySecret) !== undefined;
  if (envKeys) {
    summaries.push({
      name: ENVIRONMENT_PROFILE,
      mode: firstEnv(env, ENV.securityToken) === undefined ? 'AK' : 'StsToken',
      regionId: regionFromEnv(env),
      source: 'environment',
      isDefault: true,
    });
  }
  const config = await readAliyunConfig(file);
  if (config === undefined) return summaries;
  const defaultName = envKeys ? undefined : (firstEnv(env, ENV.profile)?.value ?? config.current);
  for (const profile of config.profiles) {
    summaries.push({
      name: profile.name,
      mode: profileMode(profile),
      regionId: nonEmpty(profile.region_id),
      source: config.file,
      isDefault: profile.name === defaultName,
      problem: profileProblem(config, profile),
    });
  }
  return summaries;
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function credentialsFromEnv(env: NodeJS.ProcessEnv): ResolvedCredentials | undefined {
  const id = firstEnv(env, ENV.accessKeyId);
  const secret = firstEnv(env, ENV.accessKeySecret);
  if (id === undefined && secret === undefined) return undefined;
  if (id === undefined || secret === undefined) {
    const [set, unset] = id === undefined ? [secret?.name, ENV.accessKeyId[0]] : [id.name, ENV.accessKeySecret[0]];
    throw credentialsError('IncompleteEnvironment', `${set} is set but ${unset} is not: set both, or neither.`);
  }
  const token = firstEnv(env, ENV.securityToken);
  const config =
    token === undefined
      ? new CredentialConfig({ type: 'access_key', accessKeyId: id.value, accessKeySecret: secret.value })
      : new CredentialConfig({ type: 'sts', accessKeyId: id.value, accessKeySecret: secret.value, securityToken: token.value });
  return {
    credential: new Credential(config),
    profile: ENVIRONMENT_PROFILE,
    mode: token === undefined ? 'AK' : 'StsToken',
    source: `environment variables ${id.name}/${secret.name}${token === undefined ? '' : `/${token.name}`}`,
    regionId: regionFromEnv(env),
    secrets: [secret.value, ...(token === undefined ? [] : [token.value])],
  };
}

function credentialsFromOidcEnv(env: NodeJS.ProcessEnv, regionId: string | undefined): ResolvedCredentials | undefined {
  const roleArn = env.ALIBABA_CLOUD_ROLE_ARN;
  const providerArn = env.ALIBABA_CLOUD_OIDC_PROVIDER_ARN;
  const tokenFile = env.ALIBABA_CLOUD_OIDC_TOKEN_FILE;
  if (!roleArn || !providerArn || !tokenFile) return undefined;
  const config = new CredentialConfig({
    type: 'oidc_role_arn',
    roleArn,
    oidcProviderArn: providerArn,
    oidcTokenFilePath: tokenFile,
    roleSessionName: env.ALIBABA_CLOUD_ROLE_SESSION_NAME,
    stsRegionId: env.ALIBABA_CLOUD_STS_REGION,
  });
  return viaLibrary(config, ENVIRONMENT_PROFILE, 'OIDC', 'OIDC environment variables', regionId);
}

function viaLibrary(
  config: CredentialConfig,
  profile: string,
  mode: string,
  source: string,
  regionId: string | undefined,
): ResolvedCredentials {
  return { credential: new Credential(config), profile, mode, source, regionId, secrets: [] };
}

/** Builds the credentials of one named profile. */
function fromProfile(config: AliyunConfig, name: string, envRegion: string | undefined): ResolvedCredentials {
  const profile = config.profiles.find((p) => p.name === name);
  if (profile === undefined) {
    const names = config.profiles.map((p) => `"${p.name}"`).join(', ');
    throw credentialsError('ProfileNotFound', `The aliyun CLI config ${config.file} has no profile "${name}" (it has ${names || 'none'}).`);
  }
  const problem = profileProblem(config, profile);
  if (problem !== undefined) throw credentialsError('InvalidProfile', `The aliyun CLI config ${config.file}: ${problem}.`);
  const mode = profileMode(profile);
  try {
    return buildFromProfile(config, profile, mode, envRegion);
  } catch (err) {
    // The library refuses some setups at construction (e.g. EcsRamRole with metadata disabled).
    throw credentialsError(
      'InvalidProfile',
      `The aliyun CLI config ${config.file}: profile "${name}" (mode ${mode}) cannot be used: ${redactPatterns(err instanceof Error ? err.message : String(err))}`,
    );
  }
}

function buildFromProfile(config: AliyunConfig, profile: AliyunProfile, mode: string, envRegion: string | undefined): ResolvedCredentials {
  const name = profile.name;
  const source = `profile "${name}" in ${config.file}`;
  const regionId = envRegion ?? nonEmpty(profile.region_id);
  const base = { profile: name, mode, source, regionId };
  switch (mode) {
    case 'AK':
      return {
        ...base,
        credential: new Credential(
          new CredentialConfig({ type: 'access_key', accessKeyId: profile.access_key_id, accessKeySecret: profile.access_key_secret }),
        ),
        secrets: [String(profile.access_key_secret)],
      };
    case 'StsToken':
      return {
        ...base,
        credential: new Credential(
          new CredentialConfig({
            type: 'sts',
            accessKeyId: profile.access_key_id,
            accessKeySecret: profile.access_key_secret,
            securityToken: profile.sts_token,
          }),
        ),
        secrets: [String(profile.access_key_secret), String(profile.sts_token)],
      };
    case 'RamRoleArn':
      return {
        ...base,
        credential: new Credential(
          new CredentialConfig({
            type: 'ram_role_arn',
            accessKeyId: profile.access_key_id,
            accessKeySecret: profile.access_key_secret,
            roleArn: profile.ram_role_arn,
            roleSessionName: nonEmpty(profile.ram_session_name) ?? 'mcvpc',
            roleSessionExpiration: profile.expired_seconds || undefined,
            stsRegionId: nonEmpty(profile.sts_region),
            stsEndpoint: nonEmpty(profile.sts_endpoint),
            externalId: nonEmpty(profile.external_id),
          }),
        ),
        secrets: [String(profile.access_key_secret)],
      };
    case 'EcsRamRole':
      return {
        ...base,
        credential: new Credential(new CredentialConfig({ type: 'ecs_ram_role', roleName: nonEmpty(profile.ram_role_name) })),
        secrets: [],
      };
    case 'OIDC':
      return {
        ...base,
        credential: new Credential(
          new CredentialConfig({
            type: 'oidc_role_arn',
            roleArn: profile.ram_role_arn,
            oidcProviderArn: profile.oidc_provider_arn,
            oidcTokenFilePath: profile.oidc_token_file,
            roleSessionName: nonEmpty(profile.ram_session_name),
            stsRegionId: nonEmpty(profile.sts_region),
          }),
        ),
        secrets: [],
      };
    case 'CredentialsURI':
      return {
        ...base,
        credential: new Credential(new CredentialConfig({ type: 'credentials_uri', credentialsURI: profile.credentials_uri })),
        secrets: [],
      };
    case 'BearerToken':
      return {
        ...base,
        credential: new Credential(new CredentialConfig({ type: 'bearer', bearerToken: profile.bearer_token })),
        secrets: [String(profile.bearer_token)],
      };
    default:
      // ChainableRamRoleArn, CloudSSO, OAuth, External: only the library's CLI-profile provider
      // implements these (token refresh, write-back, process execution).
      return { ...base, credential: new Credential(null, cliProfileProvider(config, profile)), secrets: chainSecrets(config, profile) };
  }
}

/** Static secrets along a ChainableRamRoleArn chain (the source profile's keys). */
function chainSecrets(config: AliyunConfig, profile: AliyunProfile, seen = new Set<string>()): string[] {
  if (seen.has(profile.name)) return [];
  seen.add(profile.name);
  const own = [profile.access_key_secret, profile.sts_token].filter((s): s is string => typeof s === 'string' && s !== '');
  const source = config.profiles.find((p) => p.name === profile.source_profile);
  return source === undefined ? own : [...own, ...chainSecrets(config, source, seen)];
}

/**
 * The library's CLIProfileCredentialsProvider reads ~/.aliyun/config.json itself. To honour a
 * configFile option, this hands it the already-parsed file through its (private, TypeScript-only)
 * getCredentialsProvider(conf, name), which @alicloud/credentials 2.4.7 (pinned exactly) has.
 * Its write-back of refreshed OAuth/External tokens goes to <homedir>/.aliyun/config.json, so
 * homedir is pointed at the directory above the config file's folder.
 */
function cliProfileProvider(config: AliyunConfig, profile: AliyunProfile): CredentialsProvider {
  const outer = CLIProfileCredentialsProvider.builder().withProfileName(profile.name).build() as unknown as {
    homedir: string;
    getCredentialsProvider(conf: AliyunConfig, name: string): CredentialsProvider;
  };
  outer.homedir = path.dirname(path.dirname(config.file));
  let inner: CredentialsProvider | undefined;
  return {
    getCredentials: async () => {
      inner ??= outer.getCredentialsProvider(config, profile.name);
      return inner.getCredentials();
    },
    getProviderName: () => 'cli_profile',
  };
}
