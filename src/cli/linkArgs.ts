/** The flags of `mcvpc validate | plan | apply | usage`, parsed by hand (no dependency for four commands). */

/** Exit codes, like `terraform plan -detailed-exitcode` plus one for the console hand-over. */
export const EXIT = {
  ok: 0,
  error: 1,
  /** `plan`: there are changes. */
  changes: 2,
  /** `apply`: stopped at the MaxCompute console step; run again once the link exists. */
  waitingForConsole: 4,
} as const;

export interface LinkCommandArgs {
  file: string;
  json: boolean;
  profile?: string;
  region?: string;
  out?: string;
  plan?: string;
  autoApprove: boolean;
  waitForConsoleSeconds?: number;
}

/** Which flags each command accepts besides --json, --profile and --region. */
const EXTRA_FLAGS: Record<string, readonly string[]> = {
  validate: [],
  usage: [],
  plan: ['--out'],
  apply: ['--auto-approve', '--wait-for-console', '--plan'],
};

/** A command-line mistake: printed with the command's usage, exit 1. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Parses `FILE [flags]` for one command; throws UsageError naming the bad flag. */
export function parseLinkArgs(command: string, args: readonly string[]): LinkCommandArgs {
  const allowed = new Set(['--json', '--profile', '--region', ...(EXTRA_FLAGS[command] ?? [])]);
  const parsed: Partial<LinkCommandArgs> & { autoApprove: boolean; json: boolean } = { autoApprove: false, json: false };
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) {
      files.push(arg);
      continue;
    }
    const [flag, inline] = arg.split(/=(.*)/s, 2) as [string, string | undefined];
    if (!allowed.has(flag)) throw new UsageError(`unknown option "${flag}" for mcvpc ${command} (known: ${[...allowed].join(', ')}).`);
    const value = (): string => {
      const v = inline ?? args[++i];
      if (v === undefined || v === '' || (inline === undefined && v.startsWith('--'))) throw new UsageError(`${flag} needs a value.`);
      return v;
    };
    switch (flag) {
      case '--json': parsed.json = true; break;
      case '--auto-approve': parsed.autoApprove = true; break;
      case '--profile': parsed.profile = value(); break;
      case '--region': parsed.region = value(); break;
      case '--out': parsed.out = value(); break;
      case '--plan': parsed.plan = value(); break;
      case '--wait-for-console': {
        const text = value();
        if (!/^\d+$/.test(text)) throw new UsageError(`--wait-for-console needs a whole number of seconds, got "${text}".`);
        parsed.waitForConsoleSeconds = Number(text);
        break;
      }
    }
  }
  if (files.length !== 1) throw new UsageError(files.length === 0 ? `mcvpc ${command} needs a spec file (*.mcvpc.yaml).` : `mcvpc ${command} takes one spec file, got ${files.join(', ')}.`);
  return { ...parsed, file: files[0]! };
}

/** One line per command for `mcvpc help`. */
export const LINK_COMMAND_SUMMARIES: Record<string, string> = {
  validate: 'check a spec file offline: FILE [--json]; exit 0 valid, 1 invalid',
  plan: 'read the cloud and show the steps: FILE [--out PLAN] [--json] [--profile P] [--region R]; exit 0 no changes, 2 changes, 1 error',
  apply: 'carry out the plan: FILE [--auto-approve] [--wait-for-console SECONDS] [--plan PLAN] [--json]; exit 0 done, 4 waiting for the console step, 1 error',
  usage: 'print the SQL and Spark lines that use each link: FILE [--json]',
};
