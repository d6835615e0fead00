/** The network-link subcommands (validate, plan, apply, destroy, usage) as rows for the dispatcher in main.ts. */
import { describeFailure } from './cloudSessions';
import { EXIT, LINK_COMMAND_SUMMARIES, parseLinkArgs, UsageError, type LinkCommandArgs } from './linkArgs';
import { runApply } from './commands/apply';
import { runDestroy } from './commands/destroy';
import { runPlan } from './commands/plan';
import { runUsage } from './commands/usage';
import { runValidate } from './commands/validate';

const RUNNERS: Record<string, (args: LinkCommandArgs) => Promise<number>> = {
  validate: runValidate,
  plan: runPlan,
  apply: runApply,
  destroy: runDestroy,
  usage: runUsage,
};

/** Runs one link command; every failure but a usage mistake (main.ts words those) becomes a one-line message (no stack trace) and exit 1. */
function runner(name: string): (argv: string[]) => Promise<number> {
  return async (argv) => {
    try {
      return await RUNNERS[name]!(parseLinkArgs(name, argv));
    } catch (err) {
      if (err instanceof UsageError) throw err;
      process.stderr.write(`mcvpc ${name}: ${describeFailure(err)}\n`);
      return EXIT.error;
    }
  };
}

/** Rows for the SUBCOMMANDS table. */
export const LINK_SUBCOMMANDS = Object.fromEntries(
  Object.keys(RUNNERS).map((name) => [name, { summary: LINK_COMMAND_SUMMARIES[name]!, run: runner(name) }]),
);
