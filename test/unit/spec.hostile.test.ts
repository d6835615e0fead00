import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  MAX_ALIAS_COUNT,
  MAX_DOCUMENTS,
  MAX_NESTING_DEPTH,
  MAX_SPEC_FILE_BYTES,
  parseSpecFile,
  type SpecFileResult,
} from '../../src/connectionSpec';

const sample = readFileSync(join(__dirname, '..', '..', 'samples', 'rds.mcvpc.yaml'), 'utf8');

/**
 * The fastest of a few runs of `fn` and of `reference`, in ms, taken in turns: the least noisy
 * figure for CPU-bound work (a GC pause or a busy core only ever adds time), and both sides see
 * the same machine moments.
 */
function fastestMs(fn: () => unknown, reference: () => unknown): { ms: number; referenceMs: number } {
  let ms = Infinity;
  let referenceMs = Infinity;
  for (let i = 0; i < 5; i++) {
    let started = performance.now();
    fn();
    ms = Math.min(ms, performance.now() - started);
    started = performance.now();
    reference();
    referenceMs = Math.min(referenceMs, performance.now() - started);
  }
  return { ms, referenceMs };
}

/** A harmless file of about `text`'s size: one quoted scalar, at least 256 KiB, at most the largest file accepted. */
function harmlessLike(text: string): string {
  const bytes = Math.min(Math.max(Buffer.byteLength(text), 256 * 1024), MAX_SPEC_FILE_BYTES - 16);
  return `a: "${'x'.repeat(bytes - 6)}"`;
}

/**
 * Parses hostile input and checks that refusing it costs at most twice what reading `reference`
 * costs (by default a harmless file of the same size, parsed whole): refused early, never worse
 * than linear. A ratio measured in the same run, not a wall-clock budget, so a slow or busy
 * machine neither fails it nor hides a blow-up.
 */
function parseNoDearerThan(text: string, reference = harmlessLike(text)): SpecFileResult {
  const result = parseSpecFile(text);
  const { ms: hostileMs, referenceMs } = fastestMs(
    () => parseSpecFile(text),
    () => parseSpecFile(reference),
  );
  assert.ok(
    hostileMs <= 2 * referenceMs,
    `took ${hostileMs.toFixed(1)} ms; the reference (${Buffer.byteLength(reference)} bytes) ${referenceMs.toFixed(1)} ms`,
  );
  return result;
}

function only(result: SpecFileResult, code: string): void {
  assert.deepEqual(
    result.problems.map((p) => p.code),
    [code],
    JSON.stringify(result.problems),
  );
  assert.deepEqual(result.specs, []);
}

describe('spec: hostile and odd input', () => {
  it('refuses an empty or blank file with one problem at the start', () => {
    for (const text of ['', '\n\n', '# only a comment\n', '---\n', '---\n---\n']) {
      const result = parseSpecFile(text, 'links.mcvpc.yaml');
      only(result, 'empty-file');
      assert.deepEqual(result.problems[0]!.range, { start: { line: 0, column: 0, offset: 0 }, end: { line: 0, column: 0, offset: 0 } });
      assert.match(result.problems[0]!.message, /^links\.mcvpc\.yaml is empty/);
    }
  });

  it('refuses binary content at the first offending character', () => {
    const result = parseSpecFile('version: mcvpc/v1\nkind: Net\u0000workLink\n');
    only(result, 'binary-content');
    assert.deepEqual(
      [result.problems[0]!.range.start.line, result.problems[0]!.range.start.column, result.problems[0]!.range.end.column],
      [1, 9, 10],
    );
    assert.match(result.problems[0]!.message, /U\+0000 at line 2, column 10/);
    const garbage = Array.from({ length: 4096 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join('');
    only(parseSpecFile(garbage), 'binary-content');
  });

  it('echoes bidi and zero-width characters escaped in every message, as NUL', () => {
    const hidden = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/;
    const cases = [
      sample.replace('name: orders_rds', 'name: "orders\u202Erds"'),
      sample.replace('kind: NetworkLink', 'kind: "NetworkLink\u200B"'),
      sample.replace('vpc: vpc-', 'vpc: \u2066vxc-'),
      sample.replace('whitelistGroup: maxcompute', 'whitelistGroup: "max\u200Dcompute\u202E"'),
    ];
    for (const text of cases) {
      const { problems } = parseSpecFile(text);
      assert.ok(problems.length > 0, `a problem for ${JSON.stringify(text.slice(0, 80))}`);
      for (const p of problems) assert.doesNotMatch(p.message, hidden, p.message);
      assert.ok(
        problems.some((p) => /\\u(200B|202E|2066|200D)/.test(p.message)),
        problems.map((p) => p.message).join('\n'),
      );
    }
  });

  it('refuses a file over the size limit without parsing it', () => {
    const big = `description: ${'x'.repeat(MAX_SPEC_FILE_BYTES)}`;
    only(parseNoDearerThan(big), 'file-too-large');
    // Counted in UTF-8 bytes: 400,000 three-byte characters are over 1 MiB.
    only(parseNoDearerThan(`a: ${'中'.repeat(400_000)}`), 'file-too-large');
  });

  it('refuses an alias bomb at the first alias', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      ...'bcdefgh'.split('').map((n, i) => `${n}: &${n} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(', ')}]`),
    ].join('\n');
    const result = parseNoDearerThan(bomb);
    only(result, 'too-many-aliases');
    assert.deepEqual([result.problems[0]!.range.start.line, result.problems[0]!.range.start.column], [1, 7]);
    assert.match(result.problems[0]!.message, new RegExp(`more than ${MAX_ALIAS_COUNT}`));
  });

  it('accepts a few ordinary aliases', () => {
    const text =
      sample.replace('vpc: vpc-bp1w4g8ykeud64dultaii', 'vpc: &vpc vpc-bp1w4g8ykeud64dultaii') +
      '---\n' +
      sample.replace('name: orders_rds', 'name: orders_rds_2').replace(/^vpc: .*$/m, 'vpc: vpc-bp1w4g8ykeud64dultaii');
    assert.deepEqual(parseSpecFile(text).problems, []);
  });

  it('refuses deep nesting of every shape, quickly', () => {
    const shapes = [
      '['.repeat(500_000) + ']'.repeat(500_000),
      `a: ${'{a: '.repeat(200_000)}`,
      '- '.repeat(400_000) + 'x',
      Array.from({ length: 1400 }, (_, i) => `${' '.repeat(i)}a:`).join('\n'),
      Array.from({ length: 100 }, (_, i) => `${' '.repeat(i)}a:`).join('\n'),
      '['.repeat(MAX_NESTING_DEPTH + 1) + ']'.repeat(MAX_NESTING_DEPTH + 1),
    ];
    for (const text of shapes) {
      const result = parseNoDearerThan(text);
      only(result, 'too-deep');
      assert.match(result.problems[0]!.message, new RegExp(`more than ${MAX_NESTING_DEPTH} levels`));
    }
  });

  it('reads nesting up to the limit', () => {
    const nested = '['.repeat(MAX_NESTING_DEPTH) + ']'.repeat(MAX_NESTING_DEPTH);
    assert.deepEqual(
      parseSpecFile(nested).problems.map((p) => p.code),
      ['not-a-spec'],
    );
  });

  it('keeps the document index of documents after one that is too deep', () => {
    const deep = Array.from({ length: MAX_NESTING_DEPTH + 2 }, (_, i) => `${' '.repeat(i)}a:`).join('\n');
    const result = parseSpecFile(`${deep}\n---\n${sample}`);
    assert.deepEqual(
      result.problems.map((p) => p.code),
      ['too-deep'],
    );
    assert.deepEqual(
      result.specs.map((s) => s.documentIndex),
      [1],
    );
  });

  it(`reads at most ${MAX_DOCUMENTS} documents`, () => {
    const docs = Array.from({ length: MAX_DOCUMENTS + 5 }, (_, i) => sample.replace('name: orders_rds', `name: link_${i}`)).join('---\n');
    const result = parseNoDearerThan(docs, docs.split('---\n').slice(0, MAX_DOCUMENTS).join('---\n'));
    assert.equal(result.specs.length, MAX_DOCUMENTS);
    assert.deepEqual(
      result.problems.map((p) => p.code),
      ['too-many-documents'],
    );
    const lines = sample.split('\n').length - 1;
    // The 201st document starts at its `---` line.
    assert.equal(result.problems[0]!.range.start.line, MAX_DOCUMENTS * (lines + 1) - 1);
  });

  it('reports YAML syntax errors at their position and nothing else for that document', () => {
    const result = parseSpecFile('version: mcvpc/v1\nkind: NetworkLink\nmetadata:\n\tname: x\n');
    assert.deepEqual(
      result.problems.map((p) => [p.code, p.range.start.line, p.range.start.column]),
      [['yaml-syntax', 3, 0]],
    );
    assert.match(result.problems[0]!.message, /^YAML syntax: Tabs are not allowed/);
    const duplicate = parseSpecFile('version: mcvpc/v1\nversion: mcvpc/v1\n');
    assert.deepEqual(
      duplicate.problems.map((p) => [p.code, p.range.start.line, p.message]),
      [['yaml-syntax', 1, 'YAML syntax: Map keys must be unique']],
    );
  });

  it('says a lone value or a list is not a spec', () => {
    assert.deepEqual(
      parseSpecFile('hello').problems.map((p) => p.message),
      ['this is not a MaxCompute VPC Connect spec: expected `kind: NetworkLink`, found a single value instead of key: value lines'],
    );
    assert.deepEqual(
      parseSpecFile('- a\n- b\n').problems.map((p) => p.code),
      ['not-a-spec'],
    );
  });

  it('survives odd keys and tags', () => {
    for (const text of [
      '? [a, b]\n: 1\nkind: NetworkLink\n',
      '__proto__: {polluted: 1}\nkind: NetworkLink\n',
      'kind: !!binary aGVsbG8=\n',
      'version: !custom mcvpc/v1\nkind: NetworkLink\n',
      '\uFEFF' + sample,
    ]) {
      const result = parseSpecFile(text);
      assert.ok(!result.problems.some((p) => p.code === 'internal-error'), JSON.stringify(result.problems));
    }
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.deepEqual(parseSpecFile('\uFEFF' + sample).problems, []);
  });
});
