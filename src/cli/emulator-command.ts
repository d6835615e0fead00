/**
 * `mcvpc emulator`: runs the local OpenAPI emulator until SIGINT/SIGTERM. The first stdout line
 * is one JSON object with the endpoint and the accounts' credentials, so scripts can read it;
 * the lines after it are for people.
 */
import { startEmulator, StateFileError, type StartEmulatorOptions } from '../emulator';

/** Parsed `mcvpc emulator` options. */
export interface EmulatorCommandOptions {
  host?: string;
  port: number;
  stateFile?: string;
  seed: 'default' | 'empty';
  latencyMs?: number;
}

function nonNegativeInteger(flag: string, text: string | undefined): number {
  if (text === undefined || !/^\d+$/.test(text)) throw new Error(`${flag} needs a non-negative integer, got ${text === undefined ? 'nothing' : `"${text}"`}.`);
  return Number(text);
}

/** Parses the flags; throws with a message naming the bad flag. */
export function parseEmulatorArgs(args: readonly string[]): EmulatorCommandOptions {
  const options: EmulatorCommandOptions = { port: 0, seed: 'default' };
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    const value = (): string | undefined => inline ?? args[++i];
    switch (flag) {
      case '--port':
        options.port = nonNegativeInteger('--port', value());
        if (options.port > 65535) throw new Error('--port must be at most 65535.');
        break;
      case '--host':
        options.host = value();
        if (!options.host) throw new Error('--host needs an address.');
        break;
      case '--state':
        options.stateFile = value();
        if (!options.stateFile) throw new Error('--state needs a file name.');
        break;
      case '--seed': {
        const seed = value();
        if (seed !== 'default' && seed !== 'empty') throw new Error(`--seed must be "default" or "empty", got ${seed === undefined ? 'nothing' : `"${seed}"`}.`);
        options.seed = seed;
        break;
      }
      case '--latency':
        options.latencyMs = nonNegativeInteger('--latency', value());
        break;
      default:
        throw new Error(`unknown option "${flag}" for mcvpc emulator (known: --port, --host, --state, --seed, --latency).`);
    }
  }
  return options;
}

const HELP = `usage: mcvpc emulator [--port N] [--host ADDRESS] [--state FILE] [--seed default|empty] [--latency MS]

Runs the local Alibaba Cloud OpenAPI emulator until Ctrl+C (SIGINT) or SIGTERM.
The first stdout line is JSON: {"endpoint":"http://127.0.0.1:PORT","accounts":[…credentials…]}.
  --port N        port to listen on (default 0: a free port)
  --host ADDRESS  address to bind (default 127.0.0.1)
  --state FILE    keep the state in this JSON file (read at start when it exists)
  --seed NAME     world to start with when there is no state file: default or empty
  --latency MS    delay every API request by MS milliseconds
`;

/** Runs the emulator until a signal arrives; resolves to the exit code. */
export async function runEmulatorCommand(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(HELP);
    return 0;
  }
  let options: EmulatorCommandOptions;
  try {
    options = parseEmulatorArgs(args);
  } catch (err) {
    process.stderr.write(`mcvpc emulator: ${(err as Error).message}\n`);
    return 2;
  }
  const start: StartEmulatorOptions = { host: options.host, port: options.port, stateFile: options.stateFile, seed: options.seed };
  if (options.latencyMs !== undefined) start.faults = { latencyMs: options.latencyMs };
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
    accounts: emulator.accounts.map((a) => ({ name: a.name, accountId: a.accountId, accessKeyId: a.accessKeyId, accessKeySecret: a.accessKeySecret })),
  };
  // A script may read the first line and close the pipe; the emulator must keep serving then.
  process.stdout.on('error', () => undefined);
  process.stdout.write(`${JSON.stringify(announcement)}\n`);
  process.stdout.write(`Alibaba Cloud OpenAPI emulator listening on ${emulator.endpoint}\n`);
  process.stdout.write(`Console (MaxCompute network connections): ${emulator.endpoint}/__emulator/\n`);
  process.stdout.write(`State: ${options.stateFile ?? 'in memory'}; seed: ${options.seed}. Stop with Ctrl+C.\n`);
  return stopped;
}
