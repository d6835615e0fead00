/**
 * `mcvpc doctor FILE [--json] [--fix [--auto-approve]] [--profile P]`: whether MaxCompute can
 * reach each target of each link in the file, hop by hop, from the live configuration. With
 * --fix, the automatic fixes are shown, confirmed and applied by the engine, then the doctor runs
 * again. Exit 0 every hop passes (warnings allowed), 2 some fail, 3 none fails but some are
 * unknown, 1 the doctor could not run.
 */
import { createInterface } from 'node:readline/promises';
import { fixSteps, renderReportText, type DoctorReport, type UsageFile } from '../../core/doctor';
import { dialectOfPath } from '../../core/usage';
import { STEP_SYMBOLS } from '../../core/plan';
import { applyDoctorFix, doctorSpec, type ApplyReport } from '../../engine';
import type { ConnectionSpec } from '../../connectionSpec/types';
import { oneOf, parseCommandLine, UsageError } from '../args';
import { doctorFindings } from '../doctorFindings';
import { sarifLog, TOOL_VERSION } from '../sarif';
import { CloudSessions, describeFailure } from '../cloudSessions';
import { formatProblem, readSpecInput, readSpecText } from '../specInput';
import { readSourceText } from './lint';
import { jsonForTerminal } from '../../core/displayText';

const SUMMARY =
  'check hop by hop whether MaxCompute can reach each target: FILE [--json | --format text|json|sarif] [--fix [--auto-approve]] [--usage SQL_OR_SPARK_FILE] [--profile P]; exit 0 pass, 2 some fail, 3 some unknown, 1 could not run';
const OPTIONS = {
  json: { type: 'boolean' },
  format: { type: 'string', placeholder: 'text|json|sarif', parse: oneOf(['text', 'json', 'sarif'] as const) },
  fix: { type: 'boolean' },
  'auto-approve': { type: 'boolean' },
  profile: { type: 'string', placeholder: 'PROFILE' },
  usage: { type: 'string', placeholder: 'SQL_OR_SPARK_FILE' },
} as const;

/** Exit codes of `mcvpc doctor`. */
export const DOCTOR_EXIT = { pass: 0, error: 1, fail: 2, unknown: 3 } as const;

interface DoctorArgs {
  file: string;
  json: boolean;
  /** SARIF 2.1.0 on stdout instead of the report (the report goes to stderr). */
  sarif: boolean;
  fix: boolean;
  autoApprove: boolean;
  profile?: string;
  /** A file of SQL or Spark lines whose networklink / eni.info should point at the link. */
  usage?: string;
}

function parseDoctorArgs(argv: readonly string[]): DoctorArgs {
  const { values, positionals } = parseCommandLine('doctor', argv, OPTIONS);
  if (positionals.length !== 1)
    throw new UsageError(positionals.length === 0 ? 'mcvpc doctor needs a spec file (*.mcvpc.yaml).' : 'mcvpc doctor takes one spec file.');
  if (values['auto-approve'] === true && values.fix !== true) throw new UsageError('--auto-approve only goes with --fix.');
  return {
    file: positionals[0]!,
    json: values.json === true || values.format === 'json',
    sarif: values.format === 'sarif',
    fix: values.fix === true,
    autoApprove: values['auto-approve'] === true,
    profile: values.profile as string | undefined,
    usage: values.usage as string | undefined,
  };
}

/** The exit code of a set of reports. */
export function doctorExit(reports: readonly DoctorReport[]): number {
  if (reports.some((r) => r.verdict === 'fail')) return DOCTOR_EXIT.fail;
  if (reports.some((r) => r.verdict === 'unknown')) return DOCTOR_EXIT.unknown;
  return DOCTOR_EXIT.pass;
}

async function confirmed(): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return (await rl.question('\nApply these fixes? Only "yes" will be accepted: ')).trim() === 'yes';
  } finally {
    rl.close();
  }
}

type Checked = { spec: ConnectionSpec } & Awaited<ReturnType<typeof doctorSpec>>;

async function usageFiles(path: string | undefined): Promise<UsageFile[]> {
  if (path === undefined) return [];
  const dialect = dialectOfPath(path);
  if (dialect === undefined) throw new UsageError(`--usage ${path}: not a SQL, Spark configuration or code file (by its extension).`);
  return [{ path, text: await readSourceText(path), dialect }];
}

async function checkAll(specs: readonly ConnectionSpec[], sessions: CloudSessions, files: readonly UsageFile[]): Promise<Checked[]> {
  const checked: Checked[] = [];
  for (const spec of specs) {
    process.stderr.write(`Checking "${spec.networkLinkName}" in ${spec.regionId}…\n`);
    checked.push({ spec, ...(await doctorSpec(await sessions.forSpec(spec), spec, { usageFiles: files })) });
  }
  return checked;
}

async function run(args: DoctorArgs): Promise<number> {
  const input = await readSpecInput(args.file);
  for (const problem of input.problems)
    if (!input.valid || problem.severity !== 'info') process.stderr.write(`${formatProblem(args.file, problem)}\n`);
  if (!input.valid) {
    process.stderr.write(`${args.file}: fix the errors above first; nothing was read from the cloud.\n`);
    return DOCTOR_EXIT.error;
  }
  const sessions = new CloudSessions({ profile: args.profile });
  const out = (text: string): boolean => (args.json || args.sarif ? process.stderr : process.stdout).write(`${text}\n`);
  const files = await usageFiles(args.usage);
  let checked = await checkAll(input.specs, sessions, files);
  out(checked.map((c) => renderReportText(c.report)).join('\n'));
  const fixes: ApplyReport[] = [];
  if (args.fix) {
    const steps = checked.flatMap((c) => fixSteps(c.report).map((s) => ({ link: c.spec.networkLinkName, step: s })));
    if (steps.length === 0) {
      out('Nothing the doctor can fix automatically.');
    } else {
      out(
        [
          '',
          'The fix will make these changes:',
          ...steps.flatMap(({ link, step }) => [
            `  ${STEP_SYMBOLS[step.action]} [${link}] ${step.title}`,
            ...step.details.map((d) => `        ${d}`),
          ]),
        ].join('\n'),
      );
      if (!args.autoApprove) {
        if (!process.stdin.isTTY) {
          process.stderr.write(
            'mcvpc doctor: not fixing without confirmation. Run it in a terminal to answer "yes", or pass --auto-approve.\n',
          );
          return DOCTOR_EXIT.error;
        }
        if (!(await confirmed())) {
          process.stderr.write('Fix cancelled; nothing was changed.\n');
          return DOCTOR_EXIT.error;
        }
      }
      for (const c of checked) {
        if (fixSteps(c.report).length === 0) continue;
        const report = await applyDoctorFix(await sessions.forSpec(c.spec), c.spec, c);
        fixes.push(report);
        for (const s of report.steps)
          process.stderr.write(
            `  ${s.status.padEnd(8)} ${s.title}${s.detail ? `: ${s.detail}` : ''}${s.error ? `: ${s.error.code} ${s.error.message}` : ''}\n`,
          );
        if (report.outcome !== 'done') {
          process.stderr.write(`mcvpc doctor: the fix for "${c.spec.networkLinkName}" ended ${report.outcome}.\n`);
          return DOCTOR_EXIT.error;
        }
      }
      process.stderr.write('Checking again after the fix…\n');
      checked = await checkAll(input.specs, sessions, files);
      out(checked.map((c) => renderReportText(c.report)).join('\n'));
    }
  }
  const reports = checked.map((c) => c.report);
  if (args.sarif) {
    const lines = (await readSpecText(args.file)).split(/\r?\n/);
    process.stdout.write(
      `${jsonForTerminal(sarifLog('doctor', TOOL_VERSION, doctorFindings(args.file, checked), (_file, line) => lines[line]))}\n`,
    );
  }
  if (args.json)
    process.stdout.write(
      `${jsonForTerminal({ file: args.file, verdict: reports.map((r) => r.verdict), reports, ...(args.fix ? { fixes } : {}) })}\n`,
    );
  return doctorExit(reports);
}

/** The row of the command table. */
export const doctorCommand = {
  summary: SUMMARY,
  async run(argv: string[]): Promise<number> {
    try {
      return await run(parseDoctorArgs(argv));
    } catch (err) {
      if (err instanceof UsageError) throw err;
      process.stderr.write(`mcvpc doctor: ${describeFailure(err)}\n`);
      return DOCTOR_EXIT.error;
    }
  },
};
