/**
 * `mcvpc emulator`: runs the local OpenAPI emulator until SIGINT/SIGTERM. The first stdout line
 * is one JSON object with the endpoint and the accounts' credentials, so scripts can read it;
 * the lines after it are for people.
 */
import { escapeForMessage } from '../core/displayText';
import { startEmulator, StateFileError, type StartEmulatorOptions } from '../emulator';
import { oneOf, parseCommandLine, UsageError, wholeNumber, type OptionSpec } from './args';

/** Parsed `mcvpc emulator` options. */
export interface EmulatorCommandOptions {
  host?: string;
  port: number;
  stateFile?: string;
  seed: 'default' | 'empty';
  latencyMs?: number;
  /** How long a link created through the API stays CREATING. */
  linkCreateMs?: number;
}

const OPTIONS: Record<string, OptionSpec> = {
  port: { type: 'string', placeholder: 'N', parse: wholeNumber(65535) },
  host: { type: 'string', placeholder: 'ADDRESS' },
  state: { type: 'string', placeholder: 'FILE' },
  seed: { type: 'string', placeholder: 'default|empty', parse: oneOf(['default', 'empty'] as const) },
  latency: { type: 'string', placeholder: 'MS', parse: wholeNumber() },
  'link-create': { type: 'string', placeholder: 'MS', parse: wholeNumber() },
};

/** Parses the flags (util.parseArgs, see args.ts); throws UsageError naming the bad flag. */
export function parseEmulatorArgs(args: readonly string[]): EmulatorCommandOptions {
  const { values, positionals } = parseCommandLine('emulator', args, OPTIONS);
  if (positionals.length > 0)
    throw new UsageError(`mcvpc emulator takes no file or word, got ${positionals.map(escapeForMessage).join(', ')}.`);
  const options: EmulatorCommandOptions = {
    port: (values.port as number | undefined) ?? 0,
    seed: (values.seed as 'default' | 'empty' | undefined) ?? 'default',
  };
  if (values.host !== undefined) options.host = values.host as string;
  if (values.state !== undefined) options.stateFile = values.state as string;
  if (values.latency !== undefined) options.latencyMs = values.latency as number;
  if (values['link-create'] !== undefined) options.linkCreateMs = values['link-create'] as number;
  return options;
}

export const HELP = `usage: mcvpc emulator [--port N] [--host ADDRESS] [--state FILE] [--seed default|empty] [--latency MS] [--link-create MS]

Runs the local Alibaba Cloud OpenAPI emulator until Ctrl+C (SIGINT) or SIGTERM.
The first stdout line is JSON: {"endpoint":"http://127.0.0.1:PORT","accounts":[…credentials…]}.
  --port N        port to listen on (default 0: a free port)
  --host ADDRESS  address to bind (default 127.0.0.1)
  --state FILE    keep the state in this JSON file (read at start when it exists)
  --seed NAME     world to start with when there is no state file: default or empty
  --latency MS    delay every API request by MS milliseconds
  --link-create MS  how long a link created with CreateNetworkLink stays CREATING (default 300)
`;

/** Runs the emulator until a signal arrives; resolves to the exit code. A usage mistake throws UsageError (main.ts words it). */
export async function runEmulatorCommand(args: string[]): Promise<number> {
  const options = parseEmulatorArgs(args);
  const start: StartEmulatorOptions = { host: options.host, port: options.port, stateFile: options.stateFile, seed: options.seed };
  if (options.latencyMs !== undefined || options.linkCreateMs !== undefined) {
    start.faults = {
      ...(options.latencyMs !== undefined ? { latencyMs: options.latencyMs } : {}),
      ...(options.linkCreateMs !== undefined ? { networkLinkCreateMs: options.linkCreateMs } : {}),
    };
  }
  let emulator;
  try {
    emulator = await startEmulator(start);
  } catch (err) {
    const message = err instanceof StateFileError || err instanceof Error ? err.message : String(err);
    process.stderr.write(`mcvpc emulator: ${message}\n`);
    return 1;
  }
  // Handlers go in before the first line: a script may signal as soon as it has read it.
  const running = emulator;
  const stopped = new Promise<number>((resolve) => {
    const stop = (signal: NodeJS.Signals): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      process.stdout.write(`Received ${signal}, stopping the emulator.\n`);
      running.close().then(
        () => resolve(0),
        (err: unknown) => {
          process.stderr.write(`mcvpc emulator: error while stopping: ${(err as Error).message}\n`);
          resolve(1);
        },
      );
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });

  const announcement = {
    endpoint: emulator.endpoint,
    accounts: emulator.accounts.map((a) => ({
      name: a.name,
      accountId: a.accountId,
      accessKeyId: a.accessKeyId,
      accessKeySecret: a.accessKeySecret,
    })),
  };
  // A script may read the first line and close the pipe; the emulator must keep serving then.
  process.stdout.on('error', () => undefined);
  process.stdout.write(`${JSON.stringify(announcement)}\n`);
  process.stdout.write(`Alibaba Cloud OpenAPI emulator listening on ${emulator.endpoint}\n`);
  process.stdout.write(`Console (MaxCompute network connections): ${emulator.endpoint}/__emulator/\n`);
  process.stdout.write(`State: ${options.stateFile ?? 'in memory'}; seed: ${options.seed}. Stop with Ctrl+C.\n`);
  return stopped;
}
