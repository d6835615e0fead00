/**
 * The cloud session of the current settings. Opened on first use (the cloud layer and its SDK
 * are loaded only then, which keeps activation cheap) and dropped when `mcvpc.*` settings
 * change, so the next call uses the new profile, endpoint or timeout.
 */
import * as vscode from 'vscode';
import type { Cloud } from '../../cloud';
import type { CloudLogger } from '../../cloud/logger';
import { isNoCredentialsError } from '../../cloud/errors';
import type { SetupState } from './model/ids';
import type { ExtensionSettings } from './settings';
import type { StoredAccessKey } from './storedAccessKey';

/** Who the session's credentials belong to (STS GetCallerIdentity), and how they were chosen. */
export interface CallerIdentity {
  accountId: string;
  arn?: string;
  userId?: string;
  identityType?: string;
  /** The aliyun CLI profile used, or "(environment)". */
  profile: string;
  regionId: string;
  /** Where the credentials came from, e.g. `profile "dev" in ~/.aliyun/config.json`. No secrets. */
  credentialSource: string;
  requestId: string;
}

/** Opens, caches and drops the cloud session. */
export class CloudSession implements vscode.Disposable {
  private cloud: Promise<Cloud> | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the session is dropped (settings changed, or a refresh asked for it). */
  readonly onDidChange = this.changed.event;
  private readonly opened = new vscode.EventEmitter<Cloud>();
  /** Fires each time a session opens (the first use after activation or after a reset). */
  readonly onDidOpen = this.opened.event;
  private current: Cloud | undefined;

  constructor(
    readonly settings: () => ExtensionSettings,
    private readonly logger: CloudLogger,
    /** An AccessKey typed in by the person, used only when no profile or environment credentials exist. */
    readonly storedKey?: StoredAccessKey,
  ) {}

  /** The open session; rejects with a message saying what is wrong (no credentials, bad endpoint…). */
  open(): Promise<Cloud> {
    if (this.cloud === undefined) {
      const opening = this.create();
      this.cloud = opening;
      opening.then(
        (cloud) => {
          if (this.cloud !== opening) return;
          this.current = cloud;
          this.opened.fire(cloud);
        },
        // A failure is not cached: the next call tries again (the person may have fixed the profile).
        () => {
          if (this.cloud === opening) this.cloud = undefined;
        },
      );
    }
    return this.cloud;
  }

  /** Drops the session; the next call opens a new one. */
  reset(): void {
    this.cloud = undefined;
    this.current = undefined;
    this.changed.fire();
  }

  /** The open session, if one is open now; never opens one (so never loads the SDK). */
  get openSession(): Cloud | undefined {
    return this.current;
  }

  /** STS GetCallerIdentity through the session. */
  async callerIdentity(): Promise<CallerIdentity> {
    const cloud = await this.open();
    const identity = await cloud.sts.getCallerIdentity({});
    return {
      accountId: identity.AccountId,
      arn: identity.Arn,
      userId: identity.UserId,
      identityType: identity.IdentityType,
      profile: cloud.accountProfile,
      regionId: cloud.regionId,
      credentialSource: cloud.credentialInfo.source,
      requestId: identity.RequestId,
    };
  }

  /** Why nothing can be shown, given that opening failed with `error`: no credentials anywhere, or something else. */
  async setupStateAfter(error: unknown): Promise<SetupState> {
    if (this.settings().profile !== undefined) return 'ready';
    if ((await this.storedKey?.read()) !== undefined) return 'ready';
    const { listProfiles } = await import('../../cloud');
    const profiles = await listProfiles().catch(() => undefined);
    const nothingFound = isNoCredentialsError(error);
    return nothingFound && profiles !== undefined && profiles.length === 0 ? 'noProfile' : 'ready';
  }

  dispose(): void {
    this.changed.dispose();
    this.opened.dispose();
  }

  private async create(): Promise<Cloud> {
    const { createCloud } = await import('../../cloud');
    const settings = this.settings();
    const options = { profile: settings.profile, endpoint: settings.endpoint, timeoutMs: settings.requestTimeoutMs, logger: this.logger };
    const cloud = await createCloud(options).catch(async (error: unknown) => {
      // No profile and no environment credentials: fall back to a key stored by "Sign in with an AccessKey…".
      const nothingFound = settings.profile === undefined && isNoCredentialsError(error);
      const stored = nothingFound ? await this.storedKey?.read() : undefined;
      if (stored === undefined) throw error;
      this.logger.info('using the AccessKey stored in secret storage');
      return createCloud({
        ...options,
        env: { ...process.env, ALIBABA_CLOUD_ACCESS_KEY_ID: stored.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: stored.accessKeySecret },
      });
    });
    this.logger.info('cloud session opened', {
      profile: cloud.accountProfile,
      region: cloud.regionId,
      credentials: cloud.credentialInfo.source,
      endpoint: settings.endpoint ?? 'public',
    });
    return cloud;
  }
}
