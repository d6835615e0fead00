/**
 * The mcvpc command line: a table of subcommands, each in its own module. A subcommand joins by
 * adding one row; `run` receives the arguments after its name and resolves to the exit code.
 */
import { escapeForMessage, escapeForMessageLines } from '../core/displayText';
import { LINT_SUMMARY, runLint } from './commands/lint';
import { checkCommand } from './commands/check';
import { doctorCommand } from './commands/doctor';
import { importCommand } from './commands/import';
import { runEmulatorCommand } from './emulator-command';
import { LINK_SUBCOMMANDS } from './linkCommands';

interface Subcommand {
  /** One line for `mcvpc help`. */
  summary: string;
  run(args: string[]): Promise<number>;
}

const SUBCOMMANDS: Readonly<Record<string, Subcommand>> = {
  ...LINK_SUBCOMMANDS,
  lint: { summary: LINT_SUMMARY, run: runLint },
  doctor: doctorCommand,
  check: checkCommand,
  import: importCommand,
  emulator: {
    summary: 'run the local Alibaba Cloud OpenAPI emulator (--port N --state FILE --seed default|empty --latency MS)',
    run: runEmulatorCommand,
  },
};

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
