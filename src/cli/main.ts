/**
 * The mcvpc command line: a table of subcommands, each in its own module. A subcommand joins by
 * adding one row; `run` receives the arguments after its name and resolves to the exit code.
 */
import { spawn } from 'node:child_process';
import { escapeForMessage, escapeForMessageLines } from '../core/displayText';
import { nodeDebugNotice, nodeDebugWithoutLeaks } from '../core/nodeDebug';
import { UsageError } from './args';
import { LINT_SUMMARY, runLint, USAGE as LINT_HELP } from './commands/lint';
import { checkCommand } from './commands/check';
import { doctorCommand } from './commands/doctor';
import { importCommand } from './commands/import';
import { HELP as EMULATOR_HELP, runEmulatorCommand } from './emulatorCommand';
import { LINK_SUBCOMMANDS } from './linkCommands';

interface Subcommand {
  /** One line for `mcvpc help`: `what it does: SYNOPSIS; exit …`. */
  summary: string;
  /** What `mcvpc <command> --help` prints, when the command says more than its summary. */
  help?: string;
  /** Throws UsageError for a command-line mistake (see usageMistake); any other failure is its own to report. */
  run(args: string[]): Promise<number>;
}

const SUBCOMMANDS: Readonly<Record<string, Subcommand>> = {
  ...LINK_SUBCOMMANDS,
  lint: { summary: LINT_SUMMARY, help: LINT_HELP, run: runLint },
  doctor: doctorCommand,
  check: checkCommand,
  import: importCommand,
  emulator: {
    summary: 'run the local Alibaba Cloud OpenAPI emulator (--port N --state FILE --seed default|empty --latency MS)',
    help: EMULATOR_HELP,
    run: runEmulatorCommand,
  },
};

/** `--help` or `-h` before a `--` (after it, every word is a positional). */
function asksForHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

/** A command's usage from its summary: `usage: mcvpc plan FILE [--out PLAN] …`, what it does, its exit codes. */
function commandHelp(name: string, command: Subcommand): string {
  if (command.help !== undefined) return command.help.endsWith('\n') ? command.help : `${command.help}\n`;
  const colon = command.summary.indexOf(': ');
  const what = colon < 0 ? command.summary : command.summary.slice(0, colon);
  const [synopsis, ...exit] = (colon < 0 ? '' : command.summary.slice(colon + 2)).split('; ');
  const exitLine = exit.join('; ').replace(/^exit /, '');
  return [
    `usage: mcvpc ${name} ${synopsis}`.trimEnd(),
    '',
    `${what.charAt(0).toUpperCase()}${what.slice(1)}.`,
    ...(exitLine === '' ? [] : [`Exit: ${exitLine}.`]),
    '',
  ].join('\n');
}

/**
 * What every command prints for a command-line mistake, in one form: the mistake, the usage line
 * of its --help, and where the rest is. On stderr, exit 1.
 */
function usageMistake(name: string, command: Subcommand, err: UsageError): string {
  const usageLine = commandHelp(name, command).split('\n')[0]!;
  return `mcvpc ${name}: ${escapeForMessageLines(err.message)}\n${usageLine}\nRun "mcvpc ${name} --help" for more.\n`;
}

function usage(): string {
  const rows = Object.entries(SUBCOMMANDS).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return ['usage: mcvpc <command> [options]', '', 'commands:', ...rows, ''].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(usage());
    return name === undefined ? 1 : 0;
  }
  // Own rows only: `constructor`, `toString` or `__proto__` are names on every object's prototype.
  const command = Object.hasOwn(SUBCOMMANDS, name) ? SUBCOMMANDS[name] : undefined;
  if (!command) {
    process.stderr.write(`mcvpc: unknown command "${escapeForMessage(name)}"\n\n${usage()}`);
    return 1;
  }
  if (asksForHelp(args)) {
    process.stdout.write(commandHelp(name, command));
    return 0;
  }
  try {
    return await command.run(args);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(usageMistake(name, command, err));
    return 1;
  }
}

/**
 * Runs this same command again without the NODE_DEBUG sections that print credentials (see
 * core/nodeDebug.ts: Node reads NODE_DEBUG only as a process starts, so clearing it here would
 * not stop this process printing), passing on its exit status and the signals that stop it.
 */
function relaunchWithoutLeakyDebug(value: string | undefined, removed: readonly string[]): void {
  process.stderr.write(`mcvpc: ${escapeForMessage(nodeDebugNotice(removed, 'mcvpc runs without them'))}\n`);
  const env = { ...process.env };
  if (value === undefined) delete env.NODE_DEBUG;
  else env.NODE_DEBUG = value;
  const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit', env });
  const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, forward(signal));
  child.on('error', (err) => {
    process.stderr.write(`mcvpc: cannot start again without NODE_DEBUG: ${escapeForMessage(err.message)}\n`);
    process.exitCode = 1;
  });
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal !== null ? 128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1) : 1);
  });
}

const leaky = nodeDebugWithoutLeaks(process.env.NODE_DEBUG);
if (leaky.removed.length > 0) {
  relaunchWithoutLeakyDebug(leaky.value, leaky.removed);
} else {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`mcvpc: ${escapeForMessageLines(err instanceof Error ? err.message : String(err))}\n`);
      process.exitCode = 1;
    },
  );
}
