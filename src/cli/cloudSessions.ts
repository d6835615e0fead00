/** One cloud session per (profile, region) the specs of a file name, opened once. */
import { createCloud, describeError, formatDescribedError, type Cloud, type RetryNotice } from '../cloud';
import { escapeForMessage } from '../core/displayText';
import type { ConnectionSpec } from '../connectionSpec/types';

export interface SessionFlags {
  profile?: string;
  region?: string;
}

/** Opens sessions lazily; flags win over the spec's `profile` and `region`. */
export class CloudSessions {
  private readonly sessions = new Map<string, Promise<Cloud>>();

  constructor(
    private readonly flags: SessionFlags,
    /** Where a retry is announced; stderr, so that stdout keeps only the plan or the JSON. */
    private readonly progress: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
  ) {}

  /** The spec as the flags override it (the region a link is planned in). */
  effectiveSpec(spec: ConnectionSpec): ConnectionSpec {
    return this.flags.region === undefined ? spec : { ...spec, regionId: this.flags.region };
  }

  /** The session for a spec. */
  forSpec(spec: ConnectionSpec): Promise<Cloud> {
    return this.open(this.flags.profile ?? spec.profile, this.flags.region ?? spec.regionId);
  }

  /** The session of the flags' profile in a region (for reads that start from a region, not a spec). */
  forRegion(regionId: string): Promise<Cloud> {
    return this.open(this.flags.profile, regionId);
  }

  /** The session of the flags' profile in its own region (region_id, or the region variable). */
  forProfileRegion(): Promise<Cloud> {
    return this.open(this.flags.profile, undefined);
  }

  private open(profile: string | undefined, regionId: string | undefined): Promise<Cloud> {
    const key = `${profile ?? ''}\u0000${regionId ?? ''}`;
    let session = this.sessions.get(key);
    if (session === undefined) {
      session = createCloud({ profile, regionId, onRetry: (notice) => this.progress(retryLine(notice)) });
      this.sessions.set(key, session);
    }
    return session;
  }
}

/** A retry as one progress line: which call, why, and how long until it is tried again. */
export function retryLine(notice: RetryNotice): string {
  return `  ${notice.product} ${notice.action}: ${escapeForMessage(notice.code)}; retrying in ${(notice.delayMs / 1000).toFixed(1)} s (attempt ${notice.attempt + 1})…`;
}

/** The endpoint override in use (the emulator), for the console hand-over's URL. */
export function emulatorEndpoint(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const value = env.MCVPC_ENDPOINT;
  return value === undefined || value === '' ? undefined : value;
}

/** A failure as one line for stderr, in the words the extension uses: code, RequestId, the fix; never a stack. */
export function describeFailure(err: unknown): string {
  return formatDescribedError(describeError(err));
}
