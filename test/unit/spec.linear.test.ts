import { strict as assert } from 'node:assert';
import { parseAllDocuments } from 'yaml';
import { LineIndex, linkSketches, MAX_PROBLEMS_PER_DOCUMENT, parseSpecFile } from '../../src/connectionSpec';
import { loadYamlDocuments } from '../../src/connectionSpec/yamlDocuments';

const HEAD = 'version: mcvpc/v1\nkind: NetworkLink\n';

/** Input shapes a hostile file can grow without bound (under the size limit), by item count. */
const SHAPES: Record<string, (n: number) => string> = {
  'plain top-level keys': (n) => HEAD + Array.from({ length: n }, (_, i) => `k${i}: 1\n`).join(''),
  'one key repeated': (n) => HEAD + 'k: 1\n'.repeat(n),
  'keys of a nested mapping': (n) => `${HEAD}metadata:\n  name: x\n${Array.from({ length: n }, (_, i) => `  m${i}: 1\n`).join('')}`,
  'keys of a target': (n) => `${HEAD}targets:\n  - kind: custom\n${Array.from({ length: n }, (_, i) => `    t${i}: 1\n`).join('')}`,
  'a flow mapping': (n) => `${HEAD}metadata: {${Array.from({ length: n }, (_, i) => `f${i}: 1`).join(', ')}}\n`,
  'ports of a target': (n) =>
    `${HEAD}targets:\n  - kind: custom\n    ports: [${Array.from({ length: n }, (_, i) => (i % 70_000) + 1).join(', ')}]\n`,
};

/** CPU milliseconds of the fastest of three parses: the least disturbed by other work on the machine. */
function parseCpuMs(text: string, parse: (text: string) => unknown = parseSpecFile): number {
  let best = Infinity;
  for (let run = 0; run < 3; run++) {
    const before = process.cpuUsage();
    parse(text);
    const used = process.cpuUsage(before);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

describe('spec: parsing time grows linearly with the input', () => {
  for (const [shape, make] of Object.entries(SHAPES)) {
    it(`${shape}: four times the items cost about four times the time, not sixteen`, () => {
      const small = 4_000;
      parseCpuMs(make(small)); // warm-up: compiled code and a grown heap for both sizes
      const base = parseCpuMs(make(small));
      const doubled = parseCpuMs(make(small * 2));
      const quadrupled = parseCpuMs(make(small * 4));
      // Linear is 2× and 4×; quadratic 4× and 16×. The bound leaves room for noise and GC, not for a square.
      const ratio = quadrupled / Math.max(base, 1);
      assert.ok(
        ratio < 7.5,
        `${shape}: ${base.toFixed(0)} → ${doubled.toFixed(0)} → ${quadrupled.toFixed(0)} ms of CPU for ${small} → ${small * 4} items (×${ratio.toFixed(1)})`,
      );
    });
  }
});

describe("spec: the Network view's sketch of an invalid spec is linear too", () => {
  it('plain top-level keys: four times the keys cost about four times the time', () => {
    const make = SHAPES['plain top-level keys']!;
    parseCpuMs(make(4_000), linkSketches);
    const base = parseCpuMs(make(4_000), linkSketches);
    const quadrupled = parseCpuMs(make(16_000), linkSketches);
    assert.ok(
      quadrupled / Math.max(base, 1) < 7.5,
      `${base.toFixed(0)} → ${quadrupled.toFixed(0)} ms of CPU (×${(quadrupled / Math.max(base, 1)).toFixed(1)})`,
    );
  });
});

describe('spec: problems per document are capped', () => {
  it(`lists the first ${MAX_PROBLEMS_PER_DOCUMENT} problems in text order and counts the rest where they begin`, () => {
    const text = SHAPES['plain top-level keys']!(1_000);
    const { problems } = parseSpecFile(text, 'keys.mcvpc.yaml');
    assert.equal(problems.length, MAX_PROBLEMS_PER_DOCUMENT + 1);
    const listed = problems.slice(0, MAX_PROBLEMS_PER_DOCUMENT);
    // Required properties (missing) sit at the root's first key; the unknown keys follow in order.
    assert.deepEqual(
      listed.filter((p) => p.code === 'unknown-property').map((p) => p.path),
      listed.filter((p) => p.code === 'unknown-property').map((_, i) => `k${i}`),
    );
    const more = problems[MAX_PROBLEMS_PER_DOCUMENT]!;
    const missing = listed.filter((p) => p.code !== 'unknown-property').length;
    const shownUnknown = MAX_PROBLEMS_PER_DOCUMENT - missing;
    assert.equal(more.code, 'more-problems');
    assert.equal(more.severity, 'error');
    assert.equal(
      more.message,
      `… and ${1_000 - shownUnknown} more problems in this document from here on (only the first ${MAX_PROBLEMS_PER_DOCUMENT} are listed)`,
    );
    assert.equal(more.range.start.line, 2 + shownUnknown, 'the count stands on the first problem not listed');
  });

  it('caps each document on its own', () => {
    const doc = SHAPES['one key repeated']!(300);
    const { problems } = parseSpecFile(`${doc}---\n${doc}`);
    assert.deepEqual(
      [0, 1].map((d) => problems.filter((p) => p.documentIndex === d).length),
      [MAX_PROBLEMS_PER_DOCUMENT + 1, MAX_PROBLEMS_PER_DOCUMENT + 1],
    );
    assert.equal(problems.filter((p) => p.code === 'more-problems').length, 2);
  });

  it('leaves a document with up to the limit alone', () => {
    const { problems } = parseSpecFile(SHAPES['one key repeated']!(MAX_PROBLEMS_PER_DOCUMENT + 1));
    assert.equal(problems.length, MAX_PROBLEMS_PER_DOCUMENT);
    assert.ok(problems.every((p) => p.code !== 'more-problems'));
  });
});

describe('spec: duplicate keys are found as the yaml package finds them', () => {
  const cases = [
    'a: 1\na: 2\n',
    'a: 1\nb: 2\na: 3\na: 4\n',
    '{a: 1, a: 2, 1: x, 1.0: y, "1": z, 0x1: w}',
    '&x a: 1\n!!str a: 2\n',
    'b:\n  c: 1\n  c: 2\n  d: {e: 1, e: 2}\n',
    '? a\n: 1\n? a\n: 2\n',
    'a: 1\n---\na: 1\nb: 2\nb: 3\n',
    '.nan: 1\n.nan: 2\n',
    '[a, b]: 1\n[a, b]: 2\n',
    '- {a: 1}\n- a: 1\n  a: 2\n',
    'null: 1\n~: 2\n"": 3\n\'\': 4\n',
    'true: 1\nTrue: 2\n',
    'a: &m {x: 1}\n*m : 2\n*m : 3\n',
  ];
  for (const text of cases) {
    it(JSON.stringify(text), () => {
      const theirs = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: true, strict: true }).map((d) =>
        d.errors.filter((e) => e.code === 'DUPLICATE_KEY').map((e) => e.pos.join(',')),
      );
      const ours = loadYamlDocuments(text, new LineIndex(text)).documents.map((d) =>
        d.errors.filter((e) => e.code === 'DUPLICATE_KEY').map((e) => e.pos.join(',')),
      );
      assert.deepEqual(ours, theirs);
    });
  }
});
