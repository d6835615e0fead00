/**
 * The logger the cloud layer writes to. The UI connects it to a LogOutputChannel; the CLI to
 * stderr. Everything handed to it has already been through `redact` (see redact.ts).
 */

/** Structured fields of a log line: plain values only, so any sink can print them. */
export type LogFields = Record<string, string | number | boolean | undefined>;

/** A leveled, structured logger; implementations must not throw. */
export interface CloudLogger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

/** A logger that drops everything (the default when none is given). */
export const silentLogger: CloudLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/** One line as `message key=value key=value`, for sinks that take plain text. */
export function formatLogLine(message: string, fields: LogFields = {}): string {
  const parts = Object.entries(fields)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${String(v)}`);
  return parts.length === 0 ? message : `${message} ${parts.join(' ')}`;
}

/** Wraps a logger so that every message and string field passes through `redact` first. */
export function redactingLogger(inner: CloudLogger, redact: (text: string) => string): CloudLogger {
  const clean = (fields: LogFields | undefined): LogFields | undefined => {
    if (fields === undefined) return undefined;
    const out: LogFields = {};
    for (const [key, value] of Object.entries(fields)) out[key] = typeof value === 'string' ? redact(value) : value;
    return out;
  };
  return {
    debug: (message, fields) => inner.debug(redact(message), clean(fields)),
    info: (message, fields) => inner.info(redact(message), clean(fields)),
    warn: (message, fields) => inner.warn(redact(message), clean(fields)),
    error: (message, fields) => inner.error(redact(message), clean(fields)),
  };
}
