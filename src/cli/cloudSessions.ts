/** One cloud session per (profile, region) the specs of a file name, opened once. */
import { createCloud, CloudError, type Cloud } from '../cloud';
import type { ConnectionSpec } from '../spec/types';

export interface SessionFlags {
  profile?: string;
  region?: string;
}

/** Opens sessions lazily; flags win over the spec's `profile` and `region`. */
export class CloudSessions {
  private readonly sessions = new Map<string, Promise<Cloud>>();

  constructor(private readonly flags: SessionFlags) {}

  /** The spec as the flags override it (the region a link is planned in). */
  effectiveSpec(spec: ConnectionSpec): ConnectionSpec {
    return this.flags.region === undefined ? spec : { ...spec, regionId: this.flags.region };
  }

  /** The session for a spec. */
  forSpec(spec: ConnectionSpec): Promise<Cloud> {
    const profile = this.flags.profile ?? spec.profile;
    const regionId = this.flags.region ?? spec.regionId;
    const key = `${profile ?? ''}\u0000${regionId}`;
    let session = this.sessions.get(key);
    if (session === undefined) {
      session = createCloud({ profile, regionId });
      this.sessions.set(key, session);
    }
    return session;
  }
}

/** The endpoint override in use (the emulator), for the console hand-over's URL. */
export function emulatorEndpoint(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const value = env.MCVPC_ENDPOINT;
  return value === undefined || value === '' ? undefined : value;
}

/** A failure as one line for stderr: cloud errors with their code and RequestId, never a stack. */
export function describeFailure(err: unknown): string {
  if (err instanceof CloudError) {
    const request = err.requestId === undefined ? '' : ` (RequestId: ${err.requestId})`;
    return `${err.product} ${err.action} failed: ${err.code}: ${err.detail}${request}`;
  }
  return err instanceof Error ? err.message : String(err);
}
