/**
 * `npm run bench:spec`: validates a generated ~2,000-line spec with the project's validator
 * (parseSpecFile: yaml + precompiled ajv) and with yaml-language-server's language service on
 * the same JSON Schema, side by side. Prints both medians, the ratio (ours/theirs; target ≤ 0.5)
 * and the schema errors each finds, compared by line. Exits non-zero only if the bench fails.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from 'yaml-language-server/lib/umd/languageservice/yamlLanguageService';
import { parseSpecFile, type SpecProblemCode } from '../../src/spec';
import { specValidatorSource } from '../../src/spec/validatorSource';

const WARMUP = 5;
const ITERATIONS = 40;
/** Consecutive runs of one side before switching to the other. */
const BLOCK = 5;
const TARGET_RATIO = 0.5;

/** Problem codes that stand for a schema error (the others are YAML or semantic checks). */
const SCHEMA_CODES: ReadonlySet<SpecProblemCode> = new Set(['missing-property', 'unknown-property', 'wrong-type', 'invalid-value', 'wrong-id-kind', 'invalid-port', 'duplicate-port']);

function linkDocument(i: number): string {
  const id = (prefix: string): string => `${prefix}-bp1${(i * 7919).toString(36).padStart(6, '0')}${prefix.length}`;
  return `version: mcvpc/v1
kind: NetworkLink
metadata:
  name: link_${i}
  description: Generated link number ${i}
region: cn-hangzhou
vpc: ${id('vpc')}
vSwitch: ${id('vsw')}
securityGroup:
  create:
    name: maxcompute-${i}
    description: Link ${i} network interfaces
    inboundSource: vpc-cidr
targets:
  - kind: rds
    name: db-${i}
    instance: ${id('rm')}
    access: whitelist
    whitelistGroup: maxcompute
  - kind: hbase
    name: hbase-${i}
    cluster: ${id('hb')}
    access: securityGroup
  - kind: emr
    name: emr-${i}
    cluster: c-${(i * 104729).toString(16).padStart(12, '0')}
    ports: [9083, 8020, 50010]
  - kind: custom
    name: api-${i}
    cidr: 10.${i % 256}.0.0/16
    ports:
      - 443
      - 8443
`;
}

/** Schema errors sprinkled over every third document: [what, from, to]. */
const MISTAKES: Array<[string, string, string]> = [
  ['id of the wrong kind', 'vpc: vpc-', 'vpc: vsw-'],
  ['port out of range', '[9083, 8020, 50010]', '[9083, 70000, 50010]'],
  ['enum typo', 'access: whitelist\n', 'access: whitelists\n'],
  ['unknown target kind', 'kind: emr\n', 'kind: emrr\n'],
  ['wrong version', 'version: mcvpc/v1', 'version: mcvpc/v2'],
  ['bad inboundSource', 'inboundSource: vpc-cidr', 'inboundSource: the-vpc'],
  ['port as text', '      - 443', '      - "443"'],
  ['bad whitelist group', 'whitelistGroup: maxcompute', 'whitelistGroup: Max-Compute'],
  ['unknown property', '    access: securityGroup\n', '    access: securityGroup\n    acces: whitelist\n'],
  ['missing property', '    cidr: 10.', '    cdir: 10.'],
];

function generateSpec(targetLines: number): { text: string; injected: number } {
  const docs: string[] = [];
  let lines = 0;
  let injected = 0;
  for (let i = 0; lines < targetLines; i++) {
    let doc = linkDocument(i);
    if (i % 3 === 1) {
      const [, from, to] = MISTAKES[injected % MISTAKES.length]!;
      if (!doc.includes(from)) throw new Error(`bench generator: "${from}" not in document ${i}`);
      doc = doc.replace(from, to);
      injected++;
    }
    docs.push(doc);
    lines += doc.split('\n').length;
  }
  return { text: docs.join('---\n'), injected };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function main(): Promise<void> {
  const { text, injected } = generateSpec(2000);
  const lineCount = text.split('\n').length;
  const schema = JSON.parse(readFileSync(join(__dirname, '..', '..', 'schemas', 'mcvpc.schema.json'), 'utf8')) as unknown;

  // Ours validates with a validator compiled ahead of time; this is what that compilation costs.
  const compileStarted = performance.now();
  specValidatorSource();
  const compileMs = performance.now() - compileStarted;

  const service = getLanguageService({
    schemaRequestService: (uri: string) => Promise.reject(new Error(`offline: ${uri}`)),
    workspaceContext: { resolveRelativePath: (relativePath: string) => relativePath },
  });
  service.configure({ validate: true, yamlVersion: '1.2', schemas: [{ uri: 'file:///bench/mcvpc.schema.json', fileMatch: ['*.mcvpc.yaml'], schema }] });

  let version = 0;
  // A new version each time, so the language service cannot answer from its document cache.
  const theirs = () => service.doValidation(TextDocument.create('file:///bench/generated.mcvpc.yaml', 'yaml', ++version, text), false);
  const ours = () => parseSpecFile(text, 'generated.mcvpc.yaml');

  for (let i = 0; i < WARMUP; i++) {
    ours();
    await theirs();
  }
  const oursMs: number[] = [];
  const theirsMs: number[] = [];
  let ourResult = ours();
  let theirResult = await theirs();
  // Blocks of runs, alternating which side goes first: within a block each side pays for its
  // own garbage, not for the other's (interleaving single runs skews whichever runs second).
  for (let round = 0; round < ITERATIONS / BLOCK; round++) {
    const runOurs = (): void => {
      for (let i = 0; i < BLOCK; i++) {
        const t = performance.now();
        ourResult = ours();
        oursMs.push(performance.now() - t);
      }
    };
    const runTheirs = async (): Promise<void> => {
      for (let i = 0; i < BLOCK; i++) {
        const t = performance.now();
        theirResult = await theirs();
        theirsMs.push(performance.now() - t);
      }
    };
    if (round % 2 === 0) {
      runOurs();
      await runTheirs();
    } else {
      await runTheirs();
      runOurs();
    }
  }

  const ourErrors = ourResult.problems.filter((p) => p.severity === 'error' && SCHEMA_CODES.has(p.code));
  // yaml-language-server reports schema violations as warnings (severity 2) and YAML errors as errors (1).
  const theirErrors = theirResult.filter((d) => d.severity === 1 || d.severity === 2);
  const ourLines = new Set(ourErrors.map((p) => p.range.start.line));
  const theirLines = new Set(theirErrors.map((d) => d.range.start.line));
  const missed = [...theirLines].filter((line) => !ourLines.has(line)).sort((a, b) => a - b);
  const extra = [...ourLines].filter((line) => !theirLines.has(line)).sort((a, b) => a - b);

  const oursMedian = median(oursMs);
  const theirsMedian = median(theirsMs);
  const ratio = oursMedian / theirsMedian;
  console.log(`spec: ${lineCount} lines, ${text.split('---\n').length} documents, ${injected} injected schema mistakes`);
  console.log(`ajv schema compile: ${compileMs.toFixed(1)} ms, paid ahead of time (src/spec/generated/specValidator.js), not at start-up`);
  console.log(`iterations: ${ITERATIONS} after ${WARMUP} warm-up`);
  console.log(`ours   (parseSpecFile)              median ${oursMedian.toFixed(2)} ms   min ${Math.min(...oursMs).toFixed(2)} ms`);
  console.log(`theirs (yaml-language-server doValidation) median ${theirsMedian.toFixed(2)} ms   min ${Math.min(...theirsMs).toFixed(2)} ms`);
  console.log(`ratio ours/theirs: ${ratio.toFixed(3)} (target ≤ ${TARGET_RATIO}: ${ratio <= TARGET_RATIO ? 'met' : 'NOT met'}); ratio of minima ${(Math.min(...oursMs) / Math.min(...theirsMs)).toFixed(3)}`);
  console.log(`schema errors: ours ${ourErrors.length} on ${ourLines.size} lines, theirs ${theirErrors.length} on ${theirLines.size} lines`);
  console.log(missed.length === 0 ? 'coverage: every line yaml-language-server flags, ours flags too' : `coverage: MISSED lines (1-based) ${missed.map((l) => l + 1).join(', ')}`);
  if (extra.length > 0) console.log(`lines only ours flags (1-based): ${extra.map((l) => l + 1).join(', ')}`);
  if (process.env.BENCH_VERBOSE) {
    for (const d of theirErrors) console.log(`  theirs ${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message.replace(/\n/g, ' ')}`);
    for (const p of ourErrors) console.log(`  ours   ${p.range.start.line + 1}:${p.range.start.column + 1} ${p.message}`);
  }
}

main().catch((error: unknown) => {
  console.error('bench:spec failed:', error);
  process.exitCode = 1;
});
