/** What the steps of one apply share, and how a step ends. */
import type { ConnectionSpec } from '../core/specModel';
import { CancelledError, type EngineCloud } from './engineCloud';

/** State shared by the steps of one run. */
export interface StepContext {
  cloud: EngineCloud;
  spec: ConnectionSpec;
  signal?: AbortSignal;
  /** Shared by the steps of a run; the link-group step sets the existing group's id, the one found by name, or the one just created. */
  link: { groupId?: string; vSwitchCidr?: Promise<string> };
  /** How long a just-created group may take to show up in Describe calls. */
  visibilityTimeoutMs: number;
  /** How long to wait for the console step; 0 checks once. */
  waitForConsoleMs: number;
  pollInitialMs: number;
  pollMaxMs: number;
  /** Called once when the console step starts waiting; `reason` when it is the fallback (the link API cannot be used). */
  onWaiting(deadline: number, reason?: string): void;
  /** How long to wait for a created link to reach SUCCESS (and a removed one to go). */
  linkWaitMs: number;
  /** Called when the link's status is first read and each time it changes while waiting. */
  onLinkStatus(status: string, deadline: number): void;
}

export { ApplyRefusal, type StepOutcome } from '../core/plan';

/** Checked before every change: a cancelled run sends nothing more. */
export function throwIfCancelled(ctx: StepContext): void {
  if (ctx.signal?.aborted) throw new CancelledError();
}
