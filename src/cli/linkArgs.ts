/** The options of `mcvpc validate | plan | apply | destroy | usage`, one table per command, parsed by util.parseArgs (args.ts). */
import { isRegionSupported, SUPPORTED_REGIONS } from '../core/zones';
import { escapeForMessage } from '../core/displayText';
import { oneOf, parseCommandLine, UsageError, wholeNumber, type OptionSpec } from './args';

export { UsageError } from './args';

/** Exit codes, like `terraform plan -detailed-exitcode` plus one for the console hand-over. */
export const EXIT = {
  ok: 0,
  error: 1,
  /** `plan`: there are changes. */
  changes: 2,
  /** `apply`/`destroy`: stopped at the MaxCompute console step, the fallback when the link API cannot be used; run again once the link exists (or is gone). */
  waitingForConsole: 4,
} as const;

export interface LinkCommandArgs {
  file: string;
  json: boolean;
  /** validate: `sarif` writes SARIF 2.1.0 (json is the same as --json). */
  format?: 'text' | 'json' | 'sarif';
  profile?: string;
  region?: string;
  out?: string;
  /** `plan --out`: overwrite a file that is not a plan mcvpc wrote. */
  force: boolean;
  plan?: string;
  autoApprove: boolean;
  waitForConsoleSeconds?: number;
  /** How long to wait for a created link to reach SUCCESS (or a removed one to go). */
  linkTimeoutSeconds?: number;
}

/** A region id from the table of regions with network links, checked before it names a host or is printed. */
function regionId(text: string, flag: string): string {
  if (!isRegionSupported(text)) {
    throw new UsageError(
      `${flag} "${escapeForMessage(text)}" is not a region with MaxCompute network links; use one of ${SUPPORTED_REGIONS.map((r) => r.regionId).join(', ')}.`,
    );
  }
  return text;
}

const COMMON: Record<string, OptionSpec> = {
  json: { type: 'boolean' },
  profile: { type: 'string', placeholder: 'PROFILE' },
  region: { type: 'string', placeholder: 'REGION', parse: regionId },
};

/** Each command's options; a new option is one row here and one field of LinkCommandArgs. */
const OPTIONS: Record<string, Record<string, OptionSpec>> = {
  validate: {
    json: COMMON.json!,
    format: { type: 'string', placeholder: 'text|json|sarif', parse: oneOf(['text', 'json', 'sarif'] as const) },
  },
  usage: { json: COMMON.json!, region: COMMON.region! },
  plan: { ...COMMON, out: { type: 'string', placeholder: 'PLAN' }, force: { type: 'boolean' } },
  apply: {
    ...COMMON,
    'auto-approve': { type: 'boolean' },
    'wait-for-console': { type: 'string', placeholder: 'SECONDS', parse: wholeNumber(24 * 3600) },
    'link-timeout': { type: 'string', placeholder: 'SECONDS', parse: wholeNumber(24 * 3600) },
    plan: { type: 'string', placeholder: 'PLAN' },
  },
  destroy: {
    ...COMMON,
    'auto-approve': { type: 'boolean' },
    'wait-for-console': { type: 'string', placeholder: 'SECONDS', parse: wholeNumber(24 * 3600) },
    'link-timeout': { type: 'string', placeholder: 'SECONDS', parse: wholeNumber(24 * 3600) },
  },
};

/** Parses `FILE [options]` for one command; throws UsageError naming the bad option or value. */
export function parseLinkArgs(command: string, args: readonly string[]): LinkCommandArgs {
  const options = OPTIONS[command];
  if (options === undefined) throw new UsageError(`unknown command "${escapeForMessage(command)}".`);
  const { values, positionals } = parseCommandLine(command, args, options);
  if (positionals.length !== 1) {
    throw new UsageError(
      positionals.length === 0
        ? `mcvpc ${command} needs a spec file (*.mcvpc.yaml).`
        : `mcvpc ${command} takes one spec file, got ${positionals.map(escapeForMessage).join(', ')}.`,
    );
  }
  return {
    file: positionals[0]!,
    json: values.json === true || values.format === 'json',
    ...(values.format !== undefined ? { format: values.format as LinkCommandArgs['format'] } : {}),
    autoApprove: values['auto-approve'] === true,
    profile: values.profile as string | undefined,
    region: values.region as string | undefined,
    out: values.out as string | undefined,
    force: values.force === true,
    plan: values.plan as string | undefined,
    waitForConsoleSeconds: values['wait-for-console'] as number | undefined,
    linkTimeoutSeconds: values['link-timeout'] as number | undefined,
  };
}

/** One line per command for `mcvpc help`. */
export const LINK_COMMAND_SUMMARIES: Record<string, string> = {
  validate: 'check a spec file offline: FILE [--json | --format text|json|sarif]; exit 0 valid, 1 invalid',
  plan: 'read the cloud and show the steps: FILE [--out PLAN [--force]] [--json] [--profile P] [--region R]; exit 0 no changes, 2 changes, 1 error',
  apply:
    'carry out the plan, the network link included: FILE [--auto-approve] [--link-timeout SECONDS (default 600)] [--plan PLAN] [--json] [--profile P] [--region R] [--wait-for-console SECONDS]; exit 0 done, 1 error, 4 stopped at the console step (only when the link API cannot be used)',
  destroy:
    'remove what apply added, the network link included: FILE [--auto-approve] [--link-timeout SECONDS (default 600)] [--json] [--profile P] [--region R] [--wait-for-console SECONDS]; exit 0 done, 1 error, 4 stopped at the console step (only when the link API cannot be used)',
  usage: 'print the SQL and Spark lines that use each link: FILE [--json] [--region R]',
};
