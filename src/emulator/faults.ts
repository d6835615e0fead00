/**
 * Fault injection: what can go wrong between a client and the real cloud, on demand.
 * Random faults (error rates, drops) make soak tests realistic; `failNext` makes a test's
 * failure happen exactly where the test wants it. Every fault that refuses a request is
 * applied before the operation acts, so a failed mutation did not happen — except
 * `drop-after-commit`, which acts and then loses the answer (what ClientToken is for).
 */
import { statusForCode } from './constants';

/** How long a link created through the API stays CREATING, and removal takes, unless a fault setting says otherwise. */
const DEFAULT_LINK_CREATE_MS = 300;
const DEFAULT_LINK_REMOVE_MS = 300;

/** A one-off fault for the next matching call(s). */
export interface TargetedFault {
  /** The API action, e.g. `AuthorizeSecurityGroup`. */
  action: string;
  /**
   * `error` (default when `code` is set): answer with `code`.
   * `drop`: destroy the socket without a reply, without acting.
   * `hang`: hold the request `ms` (default 30 s), then drop it without acting.
   * `drop-after-commit`: act, persist, then destroy the socket instead of answering.
   */
  kind?: 'error' | 'drop' | 'hang' | 'drop-after-commit';
  code?: string;
  message?: string;
  /** How many matching calls it applies to; default 1. */
  times?: number;
  ms?: number;
}

/** Faults for API requests (never for `/__emulator/` control requests). */
export interface FaultConfig {
  /** Added before every API request is handled. */
  latencyMs?: number;
  /** Probability (0–1) per error code, e.g. `{ "Throttling.User": 0.1, "ServiceUnavailable": 0.05 }`. */
  errorRates?: Record<string, number>;
  /** More API requests than this within one second (all accounts together) are answered `Throttling.User`. */
  throttleAbovePerSecond?: number;
  /** Probability (0–1) that a request's connection is destroyed without a reply. */
  dropRate?: number;
  /** Newly created resources stay invisible to Describe calls for this long (eventual consistency). */
  visibilityDelayMs?: number;
  failNext?: TargetedFault[];
  /** How long a link created by CreateNetworkLink stays CREATING before it is SUCCESS (default 300 ms). */
  networkLinkCreateMs?: number;
  /** How long after RemoveNetworkLink the link and its interfaces are gone (default 300 ms). */
  networkLinkRemoveMs?: number;
  /** A created link ends in this status instead of SUCCESS (e.g. FAILED, or a status that never ends). */
  networkLinkEndStatus?: string;
  /**
   * Actions the caller's RAM policy does not allow (e.g. `CreateNetworkLink`): answered 403 as a
   * permission refusal, before anything acts, for as long as the setting is in force.
   */
  deniedActions?: string[];
}

/** What the fault engine decided for one request. */
export type FaultDecision =
  | { kind: 'none' }
  | { kind: 'error'; code: string; message: string; status: number; reason: string }
  | { kind: 'drop'; reason: string }
  | { kind: 'hang'; ms: number; reason: string }
  | { kind: 'drop-after-commit'; reason: string };

const MESSAGES: Readonly<Record<string, string>> = {
  'Throttling.User': 'Request was denied due to user flow control.',
  ServiceUnavailable: 'The request has failed due to a temporary failure of the server.',
  InternalError: 'The request processing has failed due to some unknown error, exception or failure.',
};

/** The message the gateway uses for an injected code (a generic one for codes without a known text). */
export function faultMessage(code: string): string {
  return MESSAGES[code] ?? `Injected fault ${code}.`;
}

function checkProbability(name: string, value: unknown): void {
  if (typeof value !== 'number' || !(value >= 0 && value <= 1))
    throw new Error(`${name} must be a number between 0 and 1, got ${JSON.stringify(value)}.`);
}

function checkNonNegative(name: string, value: unknown): void {
  if (value !== undefined && (typeof value !== 'number' || !(value >= 0)))
    throw new Error(`${name} must be a non-negative number, got ${JSON.stringify(value)}.`);
}

/** Validates a FaultConfig from an untrusted source (the HTTP endpoint); throws with what is wrong. */
export function validateFaultConfig(value: unknown): FaultConfig {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error('The fault configuration must be a JSON object.');
  const config = value as FaultConfig;
  const known = new Set([
    'latencyMs',
    'errorRates',
    'throttleAbovePerSecond',
    'dropRate',
    'visibilityDelayMs',
    'failNext',
    'networkLinkCreateMs',
    'networkLinkRemoveMs',
    'networkLinkEndStatus',
    'deniedActions',
  ]);
  for (const key of Object.keys(config))
    if (!known.has(key)) throw new Error(`Unknown fault setting "${key}"; known: ${[...known].join(', ')}.`);
  checkNonNegative('latencyMs', config.latencyMs);
  checkNonNegative('throttleAbovePerSecond', config.throttleAbovePerSecond);
  checkNonNegative('visibilityDelayMs', config.visibilityDelayMs);
  checkNonNegative('networkLinkCreateMs', config.networkLinkCreateMs);
  checkNonNegative('networkLinkRemoveMs', config.networkLinkRemoveMs);
  if (
    config.networkLinkEndStatus !== undefined &&
    (typeof config.networkLinkEndStatus !== 'string' || !/^[A-Za-z_]{1,32}$/.test(config.networkLinkEndStatus))
  ) {
    throw new Error('networkLinkEndStatus must be a status word such as FAILED.');
  }
  if (
    config.deniedActions !== undefined &&
    (!Array.isArray(config.deniedActions) || !config.deniedActions.every((a) => typeof a === 'string' && a !== ''))
  ) {
    throw new Error('deniedActions must be a list of action names.');
  }
  if (config.dropRate !== undefined) checkProbability('dropRate', config.dropRate);
  if (config.errorRates !== undefined) {
    if (typeof config.errorRates !== 'object' || config.errorRates === null)
      throw new Error('errorRates must be an object of code → probability.');
    for (const [code, rate] of Object.entries(config.errorRates)) checkProbability(`errorRates["${code}"]`, rate);
  }
  if (config.failNext !== undefined) {
    if (!Array.isArray(config.failNext)) throw new Error('failNext must be an array.');
    config.failNext.forEach((fault, i) => {
      if (typeof fault !== 'object' || fault === null || typeof fault.action !== 'string' || fault.action === '')
        throw new Error(`failNext[${i}].action must be an action name.`);
      const kind = fault.kind ?? 'error';
      if (!['error', 'drop', 'hang', 'drop-after-commit'].includes(kind))
        throw new Error(`failNext[${i}].kind must be error, drop, hang or drop-after-commit.`);
      if (kind === 'error' && (typeof fault.code !== 'string' || fault.code === ''))
        throw new Error(`failNext[${i}] of kind error needs a code.`);
      checkNonNegative(`failNext[${i}].ms`, fault.ms);
      if (fault.times !== undefined && !(Number.isInteger(fault.times) && fault.times >= 1))
        throw new Error(`failNext[${i}].times must be a positive integer.`);
    });
  }
  return config;
}

/** Applies a FaultConfig to incoming requests. */
export class FaultEngine {
  private config: FaultConfig = {};
  private pending: Array<TargetedFault & { remaining: number }> = [];
  private readonly arrivals: number[] = [];

  /** `statusOf`: the HTTP status of an injected code (the products' own statuses, else the gateway's rule). */
  constructor(
    private readonly random: () => number = Math.random,
    private readonly statusOf: (code: string) => number = statusForCode,
  ) {}

  /** Replaces the whole configuration (failNext queue included). */
  set(config: FaultConfig): void {
    this.config = { ...config };
    this.pending = (config.failNext ?? []).map((f) => ({ ...f, remaining: f.times ?? 1 }));
  }

  /** The configuration in force, with failNext showing what is still pending. */
  current(): FaultConfig {
    return { ...this.config, failNext: this.pending.map(({ remaining, ...f }) => ({ ...f, times: remaining })) };
  }

  get latencyMs(): number {
    return this.config.latencyMs ?? 0;
  }

  get visibilityDelayMs(): number {
    return this.config.visibilityDelayMs ?? 0;
  }

  /** How a link created now goes on (CreateNetworkLink). */
  get linkSchedule(): { readyInMs: number; endStatus?: string } {
    const schedule: { readyInMs: number; endStatus?: string } = { readyInMs: this.config.networkLinkCreateMs ?? DEFAULT_LINK_CREATE_MS };
    if (this.config.networkLinkEndStatus !== undefined) schedule.endStatus = this.config.networkLinkEndStatus;
    return schedule;
  }

  get linkRemoveMs(): number {
    return this.config.networkLinkRemoveMs ?? DEFAULT_LINK_REMOVE_MS;
  }

  /** Decides the fate of one API request for `action` arriving at `now`. */
  decide(action: string, now: number): FaultDecision {
    if (this.config.deniedActions?.includes(action)) {
      // [unverified] MaxCompute's code for a RAM refusal is not documented; the gateway's usual one.
      return {
        kind: 'error',
        code: 'NoPermission',
        message: `You are not authorized to do this action: ${action}. Check the RAM policy of the caller.`,
        status: 403,
        reason: 'deniedActions',
      };
    }
    const targeted = this.takeTargeted(action);
    if (targeted) return targeted;
    if (this.config.dropRate && this.random() < this.config.dropRate) return { kind: 'drop', reason: 'dropRate' };
    if (this.isThrottled(now)) {
      return {
        kind: 'error',
        code: 'Throttling.User',
        message: faultMessage('Throttling.User'),
        status: this.statusOf('Throttling.User'),
        reason: 'throttleAbovePerSecond',
      };
    }
    for (const [code, rate] of Object.entries(this.config.errorRates ?? {})) {
      if (rate > 0 && this.random() < rate)
        return { kind: 'error', code, message: faultMessage(code), status: this.statusOf(code), reason: 'errorRates' };
    }
    return { kind: 'none' };
  }

  private takeTargeted(action: string): FaultDecision | undefined {
    const index = this.pending.findIndex((f) => f.action === action);
    if (index < 0) return undefined;
    const fault = this.pending[index]!;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.pending.splice(index, 1);
    const kind = fault.kind ?? 'error';
    const reason = `failNext:${kind}`;
    if (kind === 'drop') return { kind: 'drop', reason };
    if (kind === 'hang') return { kind: 'hang', ms: fault.ms ?? 30_000, reason };
    if (kind === 'drop-after-commit') return { kind: 'drop-after-commit', reason };
    const code = fault.code!;
    return { kind: 'error', code, message: fault.message ?? faultMessage(code), status: this.statusOf(code), reason };
  }

  /** At most `throttleAbovePerSecond` requests are let through in any one-second window; refused ones do not count. */
  private isThrottled(now: number): boolean {
    const limit = this.config.throttleAbovePerSecond;
    if (limit === undefined) return false;
    while (this.arrivals.length > 0 && now - this.arrivals[0]! >= 1000) this.arrivals.shift();
    if (this.arrivals.length >= limit) return true;
    this.arrivals.push(now);
    return false;
  }
}
