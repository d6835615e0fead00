/**
 * `npm run bench:spec`: validates a generated ~2,000-line spec with the project's validator
 * (parseSpecFile: the `yaml` package's parser and composer, + precompiled ajv) and with yaml-language-server's language service on
 * the same JSON Schema, side by side. Prints both medians, the ratio (ours/theirs; target ≤ 0.5)
 * and the schema errors each finds, compared by line. Exits non-zero only if the bench fails.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from 'yaml-language-server/lib/umd/languageservice/yamlLanguageService';
import { parseSpecFile, type SpecProblemCode } from '../../src/connectionSpec';
import { specValidatorSource } from '../../src/connectionSpec/validatorSource';
import { generateSpec } from './generatedSpec';

const WARMUP = 30;
const ITERATIONS = 60;
/** Child processes per side; they alternate, so every side sees the same machine load. */
const ROUNDS = 4;
const TARGET_RATIO = 0.5;

/** Problem codes that stand for a schema error (the others are YAML or semantic checks). */
const SCHEMA_CODES: ReadonlySet<SpecProblemCode> = new Set([
  'missing-property',
  'unknown-property',
  'wrong-type',
  'invalid-value',
  'wrong-id-kind',
  'invalid-port',
  'duplicate-port',
]);

function cpuMs(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1000;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** What one side's child process reports. */
interface SideReport {
  wallMs: number[];
  cpuMs: number[];
  /** Schema errors: 0-based line, column and message. */
  errors: Array<[number, number, string]>;
}

/** Runs one validator over the generated spec in this (child) process and prints a SideReport. */
async function runSide(side: Side, iterations: number): Promise<void> {
  const text = generateSpec(2000).text;
  let validate: () => Promise<SideReport['errors']>;
  if (side === 'floor') {
    // The yaml package's own parse + compose and nothing else: what any validator built on it pays.
    validate = () =>
      Promise.resolve(
        parseAllDocuments(text).flatMap((doc) => doc.errors.map((e): [number, number, string] => [e.linePos?.[0].line ?? 0, 0, e.message])),
      );
  } else if (side === 'ours') {
    validate = () =>
      Promise.resolve(
        parseSpecFile(text, 'generated.mcvpc.yaml')
          .problems.filter((p) => p.severity === 'error' && SCHEMA_CODES.has(p.code))
          .map((p): [number, number, string] => [p.range.start.line, p.range.start.column, p.message]),
      );
  } else {
    const schema = JSON.parse(readFileSync(join(__dirname, '..', '..', 'schemas', 'mcvpc.schema.json'), 'utf8')) as unknown;
    const service = getLanguageService({
      schemaRequestService: (uri: string) => Promise.reject(new Error(`offline: ${uri}`)),
      workspaceContext: { resolveRelativePath: (relativePath: string) => relativePath },
    });
    service.configure({
      validate: true,
      yamlVersion: '1.2',
      schemas: [{ uri: 'file:///bench/mcvpc.schema.json', fileMatch: ['*.mcvpc.yaml'], schema }],
    });
    let version = 0;
    // A new version each time, so the language service cannot answer from its document cache.
    // It reports schema violations as warnings (severity 2) and YAML errors as errors (1).
    validate = async () =>
      (await service.doValidation(TextDocument.create('file:///bench/generated.mcvpc.yaml', 'yaml', ++version, text), false))
        .filter((d) => d.severity === 1 || d.severity === 2)
        .map((d): [number, number, string] => [d.range.start.line, d.range.start.character, d.message.replace(/\n/g, ' ')]);
  }
  for (let i = 0; i < WARMUP; i++) await validate();
  const report: SideReport = { wallMs: [], cpuMs: [], errors: [] };
  for (let i = 0; i < iterations; i++) {
    const cpu = process.cpuUsage();
    const t = performance.now();
    report.errors = await validate();
    report.wallMs.push(performance.now() - t);
    report.cpuMs.push(cpuMs(process.cpuUsage(cpu)));
  }
  process.stdout.write(JSON.stringify(report));
}

type Side = 'ours' | 'theirs' | 'floor';

function spawnSide(side: Side, iterations: number): SideReport {
  const output = execFileSync(process.execPath, ['--import', 'tsx', __filename, side, String(iterations)], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(output) as SideReport;
}

/**
 * Each side runs in its own child process (a fresh heap: in one process each side's runs would
 * pay for the other's garbage), in alternating rounds, so both see the same machine load.
 */
async function main(): Promise<void> {
  const { text, injected } = generateSpec(2000);
  const lineCount = text.split('\n').length;

  // Ours validates with a validator compiled ahead of time; this is what that compilation costs.
  const compileStarted = performance.now();
  specValidatorSource();
  const compileMs = performance.now() - compileStarted;

  const ours: SideReport = { wallMs: [], cpuMs: [], errors: [] };
  const theirs: SideReport = { wallMs: [], cpuMs: [], errors: [] };
  const floor: SideReport = { wallMs: [], cpuMs: [], errors: [] };
  const perRound = ITERATIONS / ROUNDS;
  for (let round = 0; round < ROUNDS; round++) {
    const sides: Array<[Side, SideReport]> = [
      ['ours', ours],
      ['theirs', theirs],
      ['floor', floor],
    ];
    const order = round % 2 === 0 ? sides : [...sides].reverse();
    for (const [side, into] of order) {
      const report = spawnSide(side, perRound);
      into.wallMs.push(...report.wallMs);
      into.cpuMs.push(...report.cpuMs);
      into.errors = report.errors;
    }
  }

  const ourLines = new Set(ours.errors.map(([line]) => line));
  const theirLines = new Set(theirs.errors.map(([line]) => line));
  const missed = [...theirLines].filter((line) => !ourLines.has(line)).sort((a, b) => a - b);
  const extra = [...ourLines].filter((line) => !theirLines.has(line)).sort((a, b) => a - b);

  const ratio = median(ours.wallMs) / median(theirs.wallMs);
  const cpuRatio = median(ours.cpuMs) / median(theirs.cpuMs);
  const verdict = (r: number): string => `(target ≤ ${TARGET_RATIO}: ${r <= TARGET_RATIO ? 'met' : 'NOT met'})`;
  console.log(`spec: ${lineCount} lines, ${text.split('---\n').length} documents, ${injected} injected schema mistakes`);
  console.log(
    `ajv schema compile: ${compileMs.toFixed(1)} ms, paid ahead of time (src/connectionSpec/generated/specValidator.js), not at start-up`,
  );
  console.log(`iterations: ${ITERATIONS} per side in ${ROUNDS} alternating rounds, each after ${WARMUP} warm-up runs in a fresh process`);
  console.log(
    `ours   (parseSpecFile)                     median ${median(ours.wallMs).toFixed(2)} ms   min ${Math.min(...ours.wallMs).toFixed(2)} ms   CPU median ${median(ours.cpuMs).toFixed(2)} ms`,
  );
  console.log(
    `theirs (yaml-language-server doValidation) median ${median(theirs.wallMs).toFixed(2)} ms   min ${Math.min(...theirs.wallMs).toFixed(2)} ms   CPU median ${median(theirs.cpuMs).toFixed(2)} ms`,
  );
  console.log(
    `floor  (yaml parseAllDocuments alone)      median ${median(floor.wallMs).toFixed(2)} ms   min ${Math.min(...floor.wallMs).toFixed(2)} ms   CPU median ${median(floor.cpuMs).toFixed(2)} ms  = ${(median(floor.wallMs) / median(theirs.wallMs)).toFixed(3)}× theirs: the yaml package's own parse and compose of the whole file, every document held, for scale`,
  );
  // On a busy machine the minimum is the least disturbed run of each side.
  const minRatio = Math.min(...ours.wallMs) / Math.min(...theirs.wallMs);
  console.log(
    `ratio ours/theirs: ${ratio.toFixed(3)} wall-clock medians ${verdict(ratio)}; ${cpuRatio.toFixed(3)} CPU-time medians ${verdict(cpuRatio)}; ${minRatio.toFixed(3)} minima ${verdict(minRatio)}`,
  );
  console.log(
    `machine: ${cpus().length} cores, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  console.log(
    `schema errors: ours ${ours.errors.length} on ${ourLines.size} lines, theirs ${theirs.errors.length} on ${theirLines.size} lines`,
  );
  console.log(
    missed.length === 0
      ? 'coverage: every line yaml-language-server flags, ours flags too'
      : `coverage: MISSED lines (1-based) ${missed.map((l) => l + 1).join(', ')}`,
  );
  if (extra.length > 0) console.log(`lines only ours flags (1-based): ${extra.map((l) => l + 1).join(', ')}`);
  if (process.env.BENCH_VERBOSE) {
    for (const [line, column, message] of theirs.errors) console.log(`  theirs ${line + 1}:${column + 1} ${message}`);
    for (const [line, column, message] of ours.errors) console.log(`  ours   ${line + 1}:${column + 1} ${message}`);
  }
}

const [, , side, count] = process.argv;
const run = side === 'ours' || side === 'theirs' || side === 'floor' ? runSide(side, Number(count)) : main();
run.catch((error: unknown) => {
  console.error('bench:spec failed:', error);
  process.exitCode = 1;
});
