/** The mcvpc command line. Subcommands are added as the engine arrives. */
const [command] = process.argv.slice(2);
process.stderr.write(`mcvpc: unknown command ${command ?? '(none)'}\n`);
process.exitCode = 1;
