/**
 * The mcvpc command line: a table of subcommands, each in its own module. A subcommand joins by
 * adding one row; `run` receives the arguments after its name and resolves to the exit code.
 */
import { escapeForMessage, escapeForMessageLines } from '../core/displayText';
import { LINT_SUMMARY, runLint, USAGE as LINT_HELP } from './commands/lint';
import { doctorCommand } from './commands/doctor';
import { HELP as EMULATOR_HELP, runEmulatorCommand } from './emulatorCommand';
import { LINK_SUBCOMMANDS } from './linkCommands';

interface Subcommand {
  /** One line for `mcvpc help`: `what it does: SYNOPSIS; exit …`. */
  summary: string;
  /** What `mcvpc <command> --help` prints, when the command says more than its summary. */
  help?: string;
  run(args: string[]): Promise<number>;
}

const SUBCOMMANDS: Readonly<Record<string, Subcommand>> = {
  ...LINK_SUBCOMMANDS,
  lint: { summary: LINT_SUMMARY, help: LINT_HELP, run: runLint },
  doctor: doctorCommand,
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
  return [`usage: mcvpc ${name} ${synopsis}`.trimEnd(), '', `${what.charAt(0).toUpperCase()}${what.slice(1)}.`, ...(exitLine === '' ? [] : [`Exit: ${exitLine}.`]), ''].join('\n');
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
  const command = SUBCOMMANDS[name];
  if (!command) {
    process.stderr.write(`mcvpc: unknown command "${escapeForMessage(name)}"\n\n${usage()}`);
    return 1;
  }
  if (asksForHelp(args)) {
    process.stdout.write(commandHelp(name, command));
    return 0;
  }
  return command.run(args);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`mcvpc: ${escapeForMessageLines(err instanceof Error ? err.message : String(err))}\n`);
    process.exitCode = 1;
  },
);
