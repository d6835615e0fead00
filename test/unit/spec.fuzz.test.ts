/**
 * Fuzzing `parseSpecFile` (fast-check): documents built from the schema's vocabulary, valid
 * specs, and byte/character mutations of the samples. Over 10,000 documents per run.
 * Properties: nothing escapes, every range lies inside the text and agrees with the line index,
 * and valid specs produce no problem at all.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { SUPPORTED_REGIONS } from '../../src/core/zones';
import { LineIndex, parseSpecFile, specSchema, type SpecFileResult } from '../../src/connectionSpec';

const samplesDir = join(__dirname, '..', '..', 'samples');
const samples = readdirSync(samplesDir)
  .filter((n) => n.endsWith('.mcvpc.yaml'))
  .map((n) => readFileSync(join(samplesDir, n), 'utf8'));

/** Runs per property; together well over 10,000 documents. */
const RUNS = { structures: 3500, valid: 2000, mutations: 5000 };
const SEED = Number(process.env.SPEC_FUZZ_SEED ?? 20261128);

function checkResult(text: string, result: SpecFileResult): void {
  const index = new LineIndex(text);
  for (const problem of result.problems) {
    assert.notEqual(problem.code, 'internal-error', problem.message);
    const { start, end } = problem.range;
    assert.ok(
      0 <= start.offset && start.offset <= end.offset && end.offset <= text.length,
      `range ${start.offset}..${end.offset} outside 0..${text.length}: ${problem.message}`,
    );
    assert.deepEqual(index.position(start.offset), start);
    assert.deepEqual(index.position(end.offset), end);
    assert.ok(problem.message.length > 0 && !/must NOT|must have required/.test(problem.message), problem.message);
  }
}

function parsedSafely(text: string): SpecFileResult {
  let result: SpecFileResult | undefined;
  assert.doesNotThrow(() => {
    result = parseSpecFile(text);
  });
  checkResult(text, result!);
  return result!;
}

// ---- vocabulary of the schema: every property name, enum and const, and example values ----
const names = new Set<string>();
const words = new Set<unknown>();
const collect = (node: unknown): void => {
  if (Array.isArray(node)) return node.forEach(collect);
  if (typeof node !== 'object' || node === null) return;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'properties') Object.keys(value as object).forEach((n) => names.add(n));
    if (key === 'enum' || key === 'examples') (value as unknown[]).forEach((v) => words.add(v));
    if (key === 'const' || key === 'default') words.add(value);
    collect(value);
  }
};
collect(specSchema);
const vocabularyNames = [...names, 'unknownKey', 'Kind', 'vswitch', ''];
const vocabularyValues = [
  ...words,
  0,
  -1,
  1,
  65535,
  65536,
  70000,
  1.5,
  true,
  null,
  '',
  '0.0.0.0/0',
  '300.1.2.3/8',
  'vsw-x',
  'rm-',
  'x'.repeat(300),
];

const scalar = fc.oneof(fc.constantFrom(...vocabularyValues), fc.string({ maxLength: 12 }), fc.integer({ min: -5, max: 70000 }));
const structure = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom(...vocabularyNames), tie('value'), { maxKeys: 6 }),
  ),
})).value;
/** A document that is mostly a spec: the top-level keys are right, the insides arbitrary. */
const specShaped = fc.record(
  {
    version: fc.oneof(fc.constant('mcvpc/v1'), scalar),
    kind: fc.oneof(fc.constant('NetworkLink'), scalar),
    metadata: fc.oneof(fc.record({ name: scalar }, { requiredKeys: [] }), structure),
    region: fc.oneof(fc.constantFrom(...SUPPORTED_REGIONS.map((r) => r.regionId)), scalar),
    vpc: scalar,
    vSwitch: scalar,
    securityGroup: fc.oneof(
      fc.record(
        { id: scalar, create: fc.record({ name: scalar, inboundSource: scalar, allowWholeInternet: scalar }, { requiredKeys: [] }) },
        { requiredKeys: [] },
      ),
      structure,
    ),
    targets: fc.array(
      fc.dictionary(fc.constantFrom(...vocabularyNames), fc.oneof(scalar, fc.array(scalar, { maxLength: 5 })), { maxKeys: 6 }),
      { maxLength: 4 },
    ),
  },
  { requiredKeys: [] },
);

// ---- valid specs ----
const idChars = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'.split('')), minLength: 1, maxLength: 20 });
const linkName = fc
  .tuple(fc.constantFrom(...'abcXYZ'.split('')), fc.string({ unit: fc.constantFrom(...'abc_-09Z'.split('')), minLength: 2, maxLength: 20 }))
  .map(([a, b]) => a + b);
const portList = fc.uniqueArray(fc.integer({ min: 1, max: 65535 }), { minLength: 1, maxLength: 6 });
const target = (i: number) =>
  fc
    .oneof(
      fc.record({
        kind: fc.constant('rds'),
        instance: idChars.map((s) => `rm-${s}t${i}`),
        access: fc.constantFrom('whitelist', undefined),
        whitelistGroup: fc.constantFrom('maxcompute', 'mc_link', undefined),
      }),
      fc.record({ kind: fc.constant('hbase'), cluster: idChars.map((s) => `hb-${s}t${i}`), access: fc.constant('securityGroup') }),
      fc.record({ kind: fc.constant('emr'), cluster: idChars.map((s) => `c-${s}t${i}`), ports: fc.option(portList, { nil: undefined }) }),
      fc.record({ kind: fc.constant('emr'), securityGroup: idChars.map((s) => `sg-${s}t${i}`) }),
      fc.record({
        kind: fc.constant('custom'),
        name: fc.constant(`svc-${i}`),
        cidr: fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 })).map(([a, b]) => `10.${a}.${b}.0/24`),
        ports: portList,
      }),
    )
    .map((t) => Object.fromEntries(Object.entries(t).filter(([, v]) => v !== undefined)));
const validSpec = (n: number) =>
  fc
    .record({
      version: fc.constant('mcvpc/v1'),
      kind: fc.constant('NetworkLink'),
      metadata: fc.record(
        { name: linkName.map((s) => `${s}${n}`), description: fc.option(fc.string({ maxLength: 40 }), { nil: undefined }) },
        { requiredKeys: ['name'] },
      ),
      region: fc.constantFrom(...SUPPORTED_REGIONS.map((r) => r.regionId)),
      vpc: idChars.map((s) => `vpc-${s}`),
      vSwitch: idChars.map((s) => `vsw-${s}`),
      securityGroup: fc.oneof(
        fc.record({ id: idChars.map((s) => `sg-${s}`) }),
        fc.record({
          create: fc.record({
            name: fc.constantFrom('mc-link', 'MaxComputeLink', 'a:b.c_d'),
            inboundSource: fc.constantFrom('vpc-cidr', 'vswitch-cidr', '192.168.0.0/16', '10.1.2.3'),
          }),
        }),
      ),
      targets: fc.integer({ min: 0, max: 4 }).chain((count) => fc.tuple(...Array.from({ length: count }, (_, i) => target(i)))),
    })
    .map((spec) => JSON.parse(JSON.stringify(spec)) as unknown);

// ---- mutations of the samples ----
const yamlishText = fc.oneof(
  fc.constantFrom(
    ':',
    '- ',
    '[',
    ']',
    '{',
    '}',
    '&a ',
    '*a',
    '!',
    '#',
    "'",
    '"',
    '\n',
    '  ',
    '\t',
    '|',
    '>',
    '%',
    '@',
    '`',
    ',',
    '?',
    '---\n',
    '\r',
    '\u00e9',
    '\ud83d\ude00',
    '\u0000',
    '\\',
  ),
  fc.string({ maxLength: 6 }),
);
type Mutation =
  | { kind: 'indent'; line: number; by: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'swap'; a: number; b: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'duplicate'; at: number; length: number };
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  // Indentation decides YAML structure: mutate it on purpose.
  fc.record({ kind: fc.constant('indent' as const), line: fc.nat(), by: fc.integer({ min: -3, max: 3 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: yamlishText }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ kind: fc.constant('swap' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 80 }) }),
);
function mutate(text: string, m: Mutation): string {
  const at = (n: number): number => (text.length === 0 ? 0 : n % (text.length + 1));
  switch (m.kind) {
    case 'indent': {
      const lines = text.split('\n');
      const i = m.line % lines.length;
      lines[i] = m.by >= 0 ? ' '.repeat(m.by) + lines[i]! : lines[i]!.replace(new RegExp(`^ {0,${-m.by}}`), '');
      return lines.join('\n');
    }
    case 'insert':
      return text.slice(0, at(m.at)) + m.text + text.slice(at(m.at));
    case 'delete':
      return text.slice(0, at(m.at)) + text.slice(at(m.at) + m.length);
    case 'swap': {
      const chars = [...text];
      const a = m.a % Math.max(1, chars.length);
      const b = m.b % Math.max(1, chars.length);
      [chars[a], chars[b]] = [chars[b]!, chars[a]!];
      return chars.join('');
    }
    case 'truncate':
      return text.slice(0, at(m.at));
    case 'duplicate':
      return text.slice(0, at(m.at) + m.length) + text.slice(at(m.at));
  }
}

describe('spec: fuzz', function () {
  // Generous: the runs take ~20 s of CPU, but a busy 2-core machine stretches the wall clock.
  this.timeout(300_000);

  it(`never throws and keeps every range inside the text, for ${RUNS.structures} documents built from the schema's vocabulary`, () => {
    const documents = fc.array(fc.oneof(specShaped, structure), { minLength: 1, maxLength: 3 });
    const style = fc.constantFrom<'block' | 'flow'>('block', 'flow');
    fc.assert(
      fc.property(documents, style, (docs, how) => {
        const text = docs.map((d) => stringify(d, { collectionStyle: how, aliasDuplicateObjects: false })).join('---\n');
        parsedSafely(text);
      }),
      { numRuns: RUNS.structures, seed: SEED },
    );
  });

  it(`finds no problem at all in ${RUNS.valid} generated valid multi-document specs`, () => {
    const files = fc.integer({ min: 1, max: 3 }).chain((count) => fc.tuple(...Array.from({ length: count }, (_, i) => validSpec(i))));
    fc.assert(
      fc.property(files, fc.boolean(), (docs, crlf) => {
        let text = docs.map((d) => stringify(d)).join('---\n');
        if (crlf) text = text.replace(/\n/g, '\r\n');
        const result = parsedSafely(text);
        assert.deepEqual(result.problems, [], text);
        assert.equal(result.specs.length, docs.length);
      }),
      { numRuns: RUNS.valid, seed: SEED },
    );
  });

  it(`never throws and keeps every range inside the text, for ${RUNS.mutations} mutated samples`, () => {
    fc.assert(
      fc.property(fc.constantFrom(...samples), fc.array(mutation, { minLength: 1, maxLength: 6 }), (sample, mutations) => {
        parsedSafely(mutations.reduce(mutate, sample));
      }),
      { numRuns: RUNS.mutations, seed: SEED },
    );
  });
});
