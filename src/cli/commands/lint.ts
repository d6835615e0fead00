/**
 * `mcvpc lint FILE|DIR…`: the editor's checks of SQL and Spark lines that use a network link,
 * for CI. Known links come from the connection specs (`*.mcvpc.yaml`) found under the given
 * paths and the current directory, from `--spec FILE`, and with `--profile NAME` from the cloud
 * (lintCloud.ts: the links MaxCompute lists, by name and status, and those detected from their
 * interfaces, in the regions the files and specs name). Prints `file:line:col:
 * severity: message` (or `--json`); exit 0 clean, 1 problems or an error. Rewrites files only
 * with `--fix` (the preferred fixes: the ones the editor applies without asking).
 */
import { readdir, realpath, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { readBoundedText, UnreadableFileError } from '../../cloud/boundedFile';
import { escapeForMessage, escapeForMessageLines } from '../../core/displayText';
import { pathError, walkFolder, writeRegularFile, type WalkedFile } from '../fileWalk';
import { readSpecText } from '../specInput';
import { oneOf, parseCommandLine, UsageError } from '../args';
import {
  applyEdits,
  checkUsage,
  dialectOfPath,
  knownLinksOfSpecs,
  preferredEdits,
  regionsNamed,
  type KnownLink,
  type UsageProblem,
} from '../../core/usage';
import { parseSpecFile } from '../../connectionSpec';
import { usageFinding, type Finding } from '../findings';
import { sarifLog, TOOL_VERSION } from '../sarif';
import { detectedKnownLinks } from './lintCloud';

export const LINT_SUMMARY =
  'check SQL/Spark lines that use a link: FILE|DIR… [--json | --format text|json|sarif] [--fix] [--spec FILE] [--profile P]; exit 0 clean, 1 problems or error';

export const USAGE = `usage: mcvpc lint FILE|DIR… [--json | --format text|json|sarif] [--fix] [--spec FILE]… [--profile PROFILE]

Checks the lines of .sql, spark-defaults.conf/*.conf, .properties, .sh, .py, .scala and .java files
that use a MaxCompute network link against the known links.

Known links:
  specs          every *.mcvpc.yaml under the given paths and the current folder, and --spec FILE
  --profile P    also the links of the cloud with aliyun CLI profile P, in each region an
                 eni.info (or vpc.domain.list) line or a spec names (none named: the profile's
                 region): the links MaxCompute lists (ListNetworkLinks) vouch for
                 "SET odps.session.networklink=NAME" without a spec (a status other than
                 SUCCESS is a warning), and the links detected from their network interfaces make
                 "eni.info=region:vpc" lines linked. If the cloud cannot be read, lint says why
                 and exits 1; if only the link list is refused (permission), it says so.

Options:
  --json         the known links (with where each comes from) and the problems as JSON
  --format F     text (default), json (as --json) or sarif (SARIF 2.1.0, for code scanning)
  --fix          apply the preferred fixes to the files, then report what is left

Exit: 0 clean, 1 problems found or an error.`;
const OPTIONS = {
  json: { type: 'boolean' },
  format: { type: 'string', placeholder: 'text|json|sarif', parse: oneOf(['text', 'json', 'sarif'] as const) },
  fix: { type: 'boolean' },
  spec: { type: 'string', placeholder: 'FILE', multiple: true },
  profile: { type: 'string', placeholder: 'PROFILE' },
} as const;

interface LintArgs {
  paths: string[];
  format: 'text' | 'json' | 'sarif';
  fix: boolean;
  specs: string[];
  profile?: string;
}

function parseLintArgs(argv: readonly string[]): LintArgs {
  const { values, positionals } = parseCommandLine('lint', argv, OPTIONS);
  if (positionals.length === 0) throw new UsageError('mcvpc lint needs at least one file or folder.');
  if (values.json === true && values.format !== undefined && values.format !== 'json')
    throw new UsageError(`--json and --format ${String(values.format)} ask for two outputs; give one.`);
  return {
    paths: positionals,
    format: values.json === true ? 'json' : ((values.format as LintArgs['format'] | undefined) ?? 'text'),
    fix: values.fix === true,
    specs: (values.spec as string[] | undefined) ?? [],
    profile: values.profile as string | undefined,
  };
}

/** Folders never worth walking into. */
const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', 'target', '.cache', '.venv', '__pycache__']);
/** A walk stops after this many files (and unreadable entries), so `mcvpc lint /` cannot run for ever. */
const MAX_FILES = 20_000;
/** Largest source file lint (and doctor --usage) reads: SQL and Spark files are kilobytes. */
export const MAX_SOURCE_FILE_BYTES = 4 * 1024 * 1024;
const SPEC_FILE = /\.mcvpc\.ya?ml$/i;

export interface FileReport {
  file: string;
  problems: UsageProblem[];
  /** Why the file could not be read or written. */
  error?: string;
  fixed?: boolean;
}

/** Runs the command; resolves to the exit code. A usage mistake throws UsageError (main.ts words it). */
export async function runLint(argv: string[]): Promise<number> {
  const { paths, format, fix, specs, profile } = parseLintArgs(argv);
  const found: Found = { sources: [], specs: [], errors: [] };
  for (const path of paths) await collect(path, found);
  const specFiles = new Set([...found.specs, ...specs.map((f) => resolve(f))]);
  // The workspace: specs under the current folder too (CI runs from the repository root).
  await collectSpecs(process.cwd(), specFiles);
  const { links: specLinks, errors } = await readKnownLinks([...specFiles]);
  const sources = await Promise.all(found.sources.map(readSource));
  let cloudLinks: KnownLink[] = [];
  if (profile !== undefined) {
    const regions = [
      ...sources.flatMap((s) => (s.text === undefined ? [] : regionsNamed(s.text, dialectOfPath(s.file)!))),
      ...specLinks.map((l) => l.regionId),
    ];
    // A line naming a link (SET odps.session.networklink, a foreign table's networklink): worth
    // reading the profile's own region for names even when no line or spec names a region.
    const namesUsed = sources.some((s) => s.text !== undefined && /networklink/i.test(s.text));
    const detected = await detectedKnownLinks(profile, regions, namesUsed);
    if (!detected.ok) {
      process.stderr.write(`${detected.message}\n`);
      return 1;
    }
    for (const note of detected.notes) process.stderr.write(`${note}\n`);
    cloudLinks = detected.links;
  }
  const known: KnownLinks = { specs: specLinks, cloud: cloudLinks };
  const links = [...specLinks, ...cloudLinks];
  const reports: FileReport[] = [...found.errors, ...errors];
  for (const source of sources) reports.push(await lintFile(source, links, fix));
  if (format === 'sarif') return printSarif(reports, sources);
  return print(reports, known, format === 'json');
}

/** The known links by where they come from (the JSON says which). */
interface KnownLinks {
  specs: KnownLink[];
  cloud: KnownLink[];
}

export interface Source {
  file: string;
  /** Where a fix is written: the real path, never through a link. */
  realPath: string;
  text?: string;
  error?: string;
}

/** What the named paths hold: source files, spec files and what could not be taken. */
export interface Found {
  sources: WalkedFile[];
  specs: string[];
  errors: FileReport[];
}

/** A SQL or Spark file's text, bounded like every file the CLI reads (see cloud/boundedFile.ts). */
export function readSourceText(file: string): Promise<string> {
  return readBoundedText(file, { limit: MAX_SOURCE_FILE_BYTES, what: 'a SQL or Spark file' });
}

export async function readSource({ path, realPath }: WalkedFile): Promise<Source> {
  try {
    return { file: path, realPath, text: await readSourceText(path === realPath ? path : realPath) };
  } catch (err) {
    return { file: path, realPath, error: readError(err) };
  }
}

export async function collect(path: string, found: Found): Promise<void> {
  let info;
  try {
    info = await stat(path);
  } catch (err) {
    found.errors.push({ file: path, problems: [], error: readError(err) });
    return;
  }
  if (info.isDirectory()) {
    const taken = found.sources.length + found.specs.length + found.errors.length;
    let walked;
    try {
      walked = await walkFolder(path, {
        limit: MAX_FILES - taken,
        skipDir: (name) => SKIP_DIRS.has(name) || name.startsWith('.'),
        accept: (file) => SPEC_FILE.test(file) || dialectOfPath(file) !== undefined,
      });
    } catch (err) {
      found.errors.push({ file: path, problems: [], error: readError(err) });
      return;
    }
    for (const file of walked.files) {
      if (SPEC_FILE.test(file.path)) found.specs.push(file.realPath);
      else found.sources.push(file);
    }
    for (const refusal of walked.refusals) found.errors.push({ file: refusal.path, problems: [], error: refusal.error });
    if (walked.truncated)
      process.stderr.write(`mcvpc lint: ${escapeForMessage(path)}: stopped after ${MAX_FILES} files; name fewer folders.\n`);
    return;
  }
  // A file named on the command line is read where it is, link or not: the person chose it.
  if (SPEC_FILE.test(path)) found.specs.push(resolve(path));
  else if (dialectOfPath(path) !== undefined) found.sources.push({ path, realPath: await realpath(path).catch(() => path) });
  else found.errors.push({ file: path, problems: [], error: 'not a file lint reads (.sql, .conf, .properties, .sh, .py, .scala, .java)' });
}

async function collectSpecs(dir: string, into: Set<string>, depth = 0): Promise<void> {
  if (depth > 6 || into.size > 1000) return;
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    if (entry.isDirectory() && !SKIP_DIRS.has(entry.name) && !entry.name.startsWith('.'))
      await collectSpecs(join(dir, entry.name), into, depth + 1);
    else if (entry.isFile() && SPEC_FILE.test(entry.name)) into.add(resolve(dir, entry.name));
  }
}

async function readKnownLinks(files: string[]): Promise<{ links: KnownLink[]; errors: FileReport[] }> {
  const links: KnownLink[] = [];
  const errors: FileReport[] = [];
  for (const file of files.sort()) {
    try {
      // A spec with problems still names its links; `mcvpc validate` is where they are reported.
      links.push(...knownLinksOfSpecs(parseSpecFile(await readSpecText(file), file).specs, display(file)));
    } catch (err) {
      errors.push({ file, problems: [], error: readError(err) });
    }
  }
  return { links, errors };
}

async function lintFile(source: Source, links: readonly KnownLink[], fix: boolean): Promise<FileReport> {
  const { file, text } = source;
  if (text === undefined) return { file, problems: [], error: source.error };
  const dialect = dialectOfPath(file)!;
  const problems = checkUsage(text, dialect, links);
  if (!fix) return { file, problems };
  const edits = preferredEdits(problems);
  if (edits.length === 0) return { file, problems };
  try {
    const fixedText = applyEdits(text, edits);
    await writeRegularFile(source.realPath, fixedText);
    return { file, problems: checkUsage(fixedText, dialect, links), fixed: true };
  } catch (err) {
    return { file, problems, error: `cannot be written (${readError(err)})` };
  }
}

function print(reports: FileReport[], known: KnownLinks, json: boolean): number {
  const links = [...known.specs, ...known.cloud];
  const failed = reports.some((r) => r.error !== undefined || r.problems.length > 0);
  if (json) {
    const files = reports.map((r) => ({
      file: display(r.file),
      ...(r.error !== undefined ? { error: r.error } : {}),
      ...(r.fixed === true ? { fixed: true } : {}),
      problems: r.problems.map((p) => ({
        line: p.range.start.line + 1,
        column: p.range.start.character + 1,
        severity: p.severity,
        code: p.code,
        message: p.message,
        fixes: p.fixes.map((f) => f.title),
      })),
    }));
    // JSON escapes C0 controls but not C1 or bidi ones; escaped as \uXXXX they stay the same JSON strings.
    process.stdout.write(
      `${escapeForMessageLines(JSON.stringify({ knownLinks: [...known.specs.map((l) => jsonLink(l, 'spec')), ...known.cloud.map((l) => jsonLink(l, 'cloud'))], files }, null, 2))}\n`,
    );
    return failed ? 1 : 0;
  }
  // File names and messages come from the files (a cloned repository): every line is shown escaped.
  for (const r of reports) {
    const file = escapeForMessage(display(r.file));
    if (r.fixed === true) process.stderr.write(`${file}: fixed\n`);
    if (r.error !== undefined) process.stdout.write(`${file}: error: ${escapeForMessage(r.error)}\n`);
    for (const p of r.problems)
      process.stdout.write(
        `${file}:${p.range.start.line + 1}:${p.range.start.character + 1}: ${p.severity}: ${escapeForMessage(p.message)}\n`,
      );
  }
  const count = reports.reduce((n, r) => n + r.problems.length + (r.error !== undefined ? 1 : 0), 0);
  const listed = known.cloud.filter((l) => l.name !== undefined).length;
  const cloudText = [
    listed > 0 ? `${listed} listed by MaxCompute` : undefined,
    listed < known.cloud.length ? `${known.cloud.length - listed} detected in the cloud` : undefined,
  ]
    .filter((t) => t !== undefined)
    .join(', ');
  const detected = known.cloud.length > 0 ? ` (${known.specs.length} from specs, ${cloudText})` : '';
  process.stderr.write(
    `${reports.length} file${reports.length === 1 ? '' : 's'} checked against ${links.length} known link${links.length === 1 ? '' : 's'}${detected}; ${count === 0 ? 'no problems' : `${count} problem${count === 1 ? '' : 's'}`}\n`,
  );
  return failed ? 1 : 0;
}

/** The problems as SARIF 2.1.0 (src/cli/sarif.ts), each at the place the text form names. */
function printSarif(reports: FileReport[], sources: Source[]): number {
  const findings = reports.flatMap((r): Finding[] => [
    ...(r.error !== undefined ? [{ ruleId: 'unreadable', severity: 'error' as const, message: r.error, file: r.file }] : []),
    ...r.problems.map((p) => usageFinding(r.file, p)),
  ]);
  const lines = new Map(sources.map((s) => [s.file, (s.text ?? '').split(/\r?\n/)]));
  process.stdout.write(
    `${escapeForMessageLines(
      JSON.stringify(
        sarifLog('lint', TOOL_VERSION, findings, (file, line) => lines.get(file)?.[line]),
        null,
        2,
      ),
    )}\n`,
  );
  return reports.some((r) => r.error !== undefined || r.problems.length > 0) ? 1 : 0;
}

/** A known link in the JSON: `from` says spec or cloud, `source` which spec file or profile and region. */
function jsonLink(link: KnownLink, from: 'spec' | 'cloud'): Record<string, string> {
  return {
    ...(link.name !== undefined ? { name: link.name } : {}),
    regionId: link.regionId,
    vpcId: link.vpcId,
    ...(link.status !== undefined ? { status: link.status } : {}),
    from,
    source: link.source,
  };
}

function display(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') || rel === '' ? file : rel;
}

function readError(err: unknown): string {
  // A bounded read's refusal names the path first; the report puts the path in front already.
  if (err instanceof UnreadableFileError)
    return err.reason === 'missing' ? 'no such file or folder' : err.message.slice(escapeForMessage(err.file).length + 2);
  return pathError(err);
}
