/**
 * `mcvpc check [PATH…]`: one gate for a pull request or a nightly job. Walks the specs and the
 * SQL/Spark files under the paths (lint's walk), and reports per file, per link and per rule:
 * validate's problems, the policy rules (mcvpc.config.json), lint's checks of the lines that use
 * a link against the links the specs name, and with --profile the plan of every valid spec:
 * the rules against what the cloud holds and what the plan would write (core/policy/liveRules.ts),
 * and drift (what changed in the cloud since it was applied, a target removed from the spec
 * included). Reads that specs of one region share are made once. Text, --json or --format sarif.
 */
import { readFileSync } from 'node:fs';
import { linkDrift, type LinkDrift } from '../../core/drift';
import { livePolicyFindings, liveRuleFindings } from '../../core/policy';
import { checkUsage, dialectOfPath, knownLinksOfSpecs } from '../../core/usage';
import type { Cloud } from '../../cloud';
import { onceReads, planSpec, readVpcServices, regionReads, serviceNamedBy, type RegionReads, type VpcService } from '../../engine';
import type { SharedReads } from '../../targets';
import { hasErrors, parseSpecFile, policyFindings, policyLink } from '../../connectionSpec';
import type { ConnectionSpec } from '../../connectionSpec/types';
import { oneOf, parseCommandLine, UsageError } from '../args';
import { CloudSessions, describeFailure, emulatorEndpoint } from '../cloudSessions';
import { findingJson, formatFinding, policyFinding, shownFile, specFinding, usageFinding, type Finding } from '../findings';
import { PolicyConfigs } from '../policyConfig';
import { progressLine, type Progress } from '../progressLine';
import { sarifLog, TOOL_VERSION } from '../sarif';
import { readSpecText } from '../specInput';
import { collect, readSource, type Found } from './lint';
import { jsonForTerminal } from '../../core/displayText';

/** Exit codes of `mcvpc check`: the most serious outcome wins, in the order 1, 2, 3. */
export const CHECK_EXIT = {
  /** Every file valid, no error from a rule or lint, no drift, everything checked. */
  clean: 0,
  /** A problem: an error-severity finding (validate, policy, lint), a file that cannot be read, a bad config or command line. */
  problems: 1,
  /** No problem, but with --profile some link drifted from its spec. */
  drift: 2,
  /** No problem and no drift, but some link could not be checked against the cloud. */
  unknown: 3,
} as const;

const SUMMARY =
  'check specs, policy rules and SQL/Spark lines (and drift with --profile/--live): [PATH…] [--json | --format text|json|sarif] [--profile P | --live]; exit 0 clean, 1 problems, 2 drift, 3 unknown';

const USAGE = `usage: mcvpc check [PATH…] [--format text|json|sarif] [--json] [--profile PROFILE | --live]

Walks the paths (default: the current folder) for connection specs (*.mcvpc.yaml) and the SQL and
Spark files lint reads, and reports:
  spec/<code>    validate's problems of each spec
  MCVPC1xx       the policy rules (docs/rules.md), set per repository in the nearest
                 mcvpc.config.json ("mcvpc": { "policy": { "MCVPC102": "warning", … } })
  usage/<code>   lint's checks of the lines that use a link, against the specs' links
  MCVPC101-104   with --profile or --live, also against the cloud and the plan (docs/rules.md)
  drift          with --profile or --live: a link whose cloud no longer matches its applied spec,
                 or a target removed from the spec that still admits the link
  not-applied    with --profile or --live: a spec not applied yet (a note, not drift)
  unknown        with --profile or --live: a link whose cloud could not be checked

Options:
  --format F     text (default), json, or sarif (SARIF 2.1.0, for code scanning)
  --json         the same as --format json
  --profile P    plan every valid spec (drift) with the aliyun CLI profile P
  --live         plan every valid spec (drift) with the default credentials: the
                 ALIBABA_CLOUD_ACCESS_KEY_ID/SECRET variables a CI job sets from its secrets,
                 else the current aliyun CLI profile

Exit: 0 clean; 1 problems (an error from validate, a rule or lint, or a file or config that
cannot be read); 2 drift (and no problem); 3 something could not be checked (and no problem or
drift). Warnings and notes are reported but do not change the exit code.`;

const OPTIONS = {
  json: { type: 'boolean' },
  format: { type: 'string', placeholder: 'text|json|sarif', parse: oneOf(['text', 'json', 'sarif'] as const) },
  profile: { type: 'string', placeholder: 'PROFILE' },
  live: { type: 'boolean' },
} as const;

interface CheckArgs {
  paths: string[];
  format: 'text' | 'json' | 'sarif';
  profile?: string;
  /** Read the cloud (drift): given --live or --profile. */
  live: boolean;
}

/** The arguments (`--help` never reaches here: main.ts answers it for every command). */
function parseCheckArgs(argv: readonly string[]): CheckArgs {
  const { values, positionals } = parseCommandLine('check', argv, OPTIONS);
  if (values.json === true && values.format !== undefined && values.format !== 'json')
    throw new UsageError(`--json and --format ${String(values.format)} ask for two outputs; give one.`);
  return {
    paths: positionals.length === 0 ? ['.'] : positionals,
    format: values.json === true ? 'json' : ((values.format as CheckArgs['format'] | undefined) ?? 'text'),
    profile: values.profile as string | undefined,
    live: values.live === true || values.profile !== undefined,
  };
}

interface SpecFile {
  file: string;
  specs: ConnectionSpec[];
  valid: boolean;
}

/** Validate and the policy rules on one spec file. */
async function checkSpecFile(file: string, configs: PolicyConfigs, findings: Finding[]): Promise<SpecFile | undefined> {
  let text: string;
  try {
    text = await readSpecText(file);
  } catch (err) {
    findings.push({ ruleId: 'spec/unreadable', severity: 'error', message: describeFailure(err), file });
    return undefined;
  }
  const { specs, problems } = parseSpecFile(text, file);
  const linkOf = (documentIndex: number | undefined): string | undefined =>
    specs.find((s) => s.documentIndex === documentIndex)?.networkLinkName;
  findings.push(...problems.map((p) => specFinding(file, p, linkOf(p.documentIndex))));
  try {
    const { settings } = await configs.forSpec(file);
    findings.push(...policyFindings(specs, settings).map((f) => policyFinding(file, f)));
  } catch (err) {
    findings.push({ ruleId: 'config', severity: 'error', message: describeFailure(err), file });
  }
  return { file, specs, valid: !hasErrors(problems) };
}

/** A link's drift as findings: one per difference, a note when it was never applied, unknown when the plan refuses. */
function driftFindings(file: string, spec: ConnectionSpec, drift: LinkDrift): Finding[] {
  const link = spec.networkLinkName;
  if (drift.state === 'NOT_APPLIED')
    return [
      {
        ruleId: 'not-applied',
        severity: 'info',
        message: `"${link}" has not been applied yet (its link group does not exist): mcvpc apply ${shownFile(file)}`,
        file,
        range: rangeOf(spec.ranges.networkLinkName),
        link,
      },
    ];
  const ruleId = drift.state === 'UNKNOWN' ? 'unknown' : 'drift';
  return drift.items.map((d) => ({
    ruleId,
    severity: 'warning' as const,
    message: `"${link}" ${ruleId === 'drift' ? 'drifted' : 'unknown'}: ${d.message}`,
    file,
    range: rangeOf(d.range),
    link,
    path: d.field,
  }));
}

function rangeOf(r: ConnectionSpec['range']): Finding['range'] {
  return { startLine: r.start.line, startColumn: r.start.column, endLine: r.end.line, endColumn: r.end.column };
}

/** How many specs are read from the cloud at once: enough to hide the round trips, few enough not to be throttled. */
const PLAN_CONCURRENCY = 8;

async function checkDrift(
  files: readonly SpecFile[],
  profile: string | undefined,
  configs: PolicyConfigs,
  findings: Finding[],
  progress: Progress,
): Promise<void> {
  const sessions = new CloudSessions({ profile });
  // One set of reads per session and region: a group, the caller, a VPC, a vSwitch, MaxCompute's
  // groups, a link — each read once however many specs name it.
  const shared = new Map<string, Promise<{ cloud: Cloud; reads: SharedReads; region: RegionReads }>>();
  const readsFor = (spec: ConnectionSpec): Promise<{ cloud: Cloud; reads: SharedReads; region: RegionReads }> => {
    const key = `${spec.profile ?? ''}\u0000${spec.regionId}`;
    let found = shared.get(key);
    if (found === undefined) {
      found = sessions
        .forSpec(spec)
        .then((cloud) => ({ cloud, reads: onceReads(cloud, spec.regionId), region: regionReads(cloud, spec.regionId) }));
      shared.set(key, found);
    }
    return found;
  };
  const jobs = files
    .filter((f) => f.valid)
    .flatMap(({ file, specs }) => specs.map((written) => ({ file, spec: sessions.effectiveSpec(written) })));
  // A VPC's services are listed once, however many specs of the run are in it (removed targets' traces).
  const services = new Map<string, Promise<VpcService[]>>();
  const servicesFor = (cloud: Cloud, reads: SharedReads, spec: ConnectionSpec): Promise<VpcService[]> => {
    const key = `${spec.profile ?? ''}\u0000${spec.regionId}\u0000${spec.vpcId}`;
    let found = services.get(key);
    if (found === undefined) {
      found = readVpcServices(cloud, spec.regionId, spec.vpcId, reads);
      services.set(key, found);
    }
    return found;
  };
  /** The services of the spec's VPC that no spec of this run in that VPC names. */
  const unnamedServices = async (cloud: Cloud, reads: SharedReads, spec: ConnectionSpec): Promise<VpcService[]> => {
    const neighbours = jobs.map((j) => j.spec).filter((s) => s.regionId === spec.regionId && s.vpcId === spec.vpcId);
    return (await servicesFor(cloud, reads, spec)).filter((service) => !serviceNamedBy(neighbours, service));
  };
  const results: Finding[][] = new Array<Finding[]>(jobs.length);
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < jobs.length) {
      const index = next++;
      const { file, spec } = jobs[index]!;
      try {
        const { cloud, reads, region } = await readsFor(spec);
        // The VPC's services are read alongside the plan (once a VPC), not after it: no longer chain.
        const unnamedRead = unnamedServices(cloud, reads, spec);
        unnamedRead.catch(() => undefined);
        const { plan, live } = await planSpec(cloud, spec, { emulatorEndpoint: emulatorEndpoint(), reads, region });
        const { settings } = await configs.forSpec(file);
        const checks = livePolicyFindings(spec, plan.checks, settings).map((f): Finding => ({
          ...f,
          file,
          range: rangeOf(f.range),
          link: spec.networkLinkName,
        }));
        // The rules against what the cloud holds and what the plan would write (a spec never applied has nothing to hold).
        checks.push(...liveRuleFindings(policyLink(spec), plan, live, settings).map((f) => policyFinding(file, f)));
        // A refused plan's errors are shown above; "unknown" would only repeat them.
        // Only an applied link (its group exists) can have left access behind.
        let unnamed: VpcService[] = [];
        if (live.linkGroup !== undefined && !plan.refused) {
          try {
            unnamed = await unnamedRead;
          } catch (err) {
            checks.push({
              ruleId: 'unknown',
              severity: 'warning',
              message: `"${spec.networkLinkName}": targets removed from the spec could not be looked for: ${describeFailure(err)}`,
              file,
              range: rangeOf(spec.ranges.targets),
              link: spec.networkLinkName,
            });
          }
        }
        const drift =
          plan.refused && checks.some((c) => c.severity === 'error') ? [] : driftFindings(file, spec, linkDrift(spec, plan, live, unnamed));
        results[index] = [...checks, ...drift];
      } catch (err) {
        results[index] = [
          {
            ruleId: 'unknown',
            severity: 'warning',
            message: `"${spec.networkLinkName}": the cloud could not be read: ${describeFailure(err)}`,
            file,
            range: rangeOf(spec.ranges.networkLinkName),
            link: spec.networkLinkName,
          },
        ];
      }
      progress.update(`reading the cloud: ${++done}/${jobs.length} links`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PLAN_CONCURRENCY, jobs.length) }, worker));
  progress.done();
  // In file and document order, whatever order the reads finished in.
  for (const r of results) findings.push(...r);
}

/** The exit code of a set of findings (see CHECK_EXIT). */
export function checkExit(findings: readonly Finding[]): number {
  if (findings.some((f) => f.severity === 'error')) return CHECK_EXIT.problems;
  if (findings.some((f) => f.ruleId === 'drift')) return CHECK_EXIT.drift;
  if (findings.some((f) => f.ruleId === 'unknown')) return CHECK_EXIT.unknown;
  return CHECK_EXIT.clean;
}

async function run(args: CheckArgs): Promise<number> {
  const found: Found = { sources: [], specs: [], errors: [] };
  for (const path of args.paths) await collect(path, found);
  const findings: Finding[] = found.errors.map((e) => ({
    ruleId: 'unreadable',
    severity: 'error',
    message: e.error ?? 'cannot be read',
    file: e.file,
  }));
  const configs = new PolicyConfigs();
  const specFiles: SpecFile[] = [];
  for (const file of found.specs) {
    const checked = await checkSpecFile(file, configs, findings);
    if (checked !== undefined) specFiles.push(checked);
  }
  const links = specFiles.flatMap((s) => knownLinksOfSpecs(s.specs, shownFile(s.file)));
  for (const source of await Promise.all(found.sources.map(readSource))) {
    if (source.text === undefined)
      findings.push({ ruleId: 'unreadable', severity: 'error', message: source.error ?? 'cannot be read', file: source.file });
    else findings.push(...checkUsage(source.text, dialectOfPath(source.file)!, links).map((p) => usageFinding(source.file, p)));
  }
  const progress = progressLine(args.format === 'text' && process.stderr.isTTY === true ? process.stderr : undefined);
  if (args.live) await checkDrift(specFiles, args.profile, configs, findings, progress);
  const code = checkExit(findings);
  if (args.format === 'sarif') {
    const lines = new Map<string, string[]>();
    const lineText = (file: string, line: number): string | undefined => {
      if (!lines.has(file)) {
        try {
          lines.set(file, readFileSync(file, 'utf8').split(/\r?\n/));
        } catch {
          lines.set(file, []);
        }
      }
      return lines.get(file)![line];
    };
    process.stdout.write(`${jsonForTerminal(sarifLog('check', TOOL_VERSION, findings, lineText))}\n`);
  } else if (args.format === 'json') {
    process.stdout.write(
      `${jsonForTerminal({ exitCode: code, specs: found.specs.map((f) => shownFile(f)), sources: found.sources.map((f) => shownFile(f.path)), findings: findings.map(findingJson) })}\n`,
    );
  } else {
    for (const f of findings) process.stdout.write(`${formatFinding(f)}\n`);
    const errors = findings.filter((f) => f.severity === 'error').length;
    process.stderr.write(
      `${found.specs.length} spec file${found.specs.length === 1 ? '' : 's'} and ${found.sources.length} SQL/Spark file${found.sources.length === 1 ? '' : 's'} checked; ${errors} error${errors === 1 ? '' : 's'}, ${findings.length - errors} other finding${findings.length - errors === 1 ? '' : 's'}.\n`,
    );
  }
  return code;
}

/** The row of the command table. */
export const checkCommand = {
  summary: SUMMARY,
  help: USAGE,
  async run(argv: string[]): Promise<number> {
    try {
      return await run(parseCheckArgs(argv));
    } catch (err) {
      if (err instanceof UsageError) throw err;
      process.stderr.write(`mcvpc check: ${describeFailure(err)}\n`);
      return CHECK_EXIT.problems;
    }
  },
};
