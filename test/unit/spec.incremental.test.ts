/**
 * The incremental parser gives exactly what `parseSpecFile` gives for the whole text: over the
 * samples, a generated 300-line file, and sessions of random edits (fast-check) that type, delete,
 * paste, add and remove `---` lines, directives, `...`, quotes, block scalars and brackets — with
 * one parser kept across each session, as the editor keeps it.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { IncrementalSpecParser, parseSpecFile } from '../../src/connectionSpec';
import { generateSpec } from '../bench/generatedSpec';

const samplesDir = join(__dirname, '..', '..', 'samples');
const samples = readdirSync(samplesDir)
  .filter((n) => n.endsWith('.mcvpc.yaml'))
  .map((n) => readFileSync(join(samplesDir, n), 'utf8'));
const several = readFileSync(join(samplesDir, 'several.mcvpc.yaml'), 'utf8');
const SEED = Number(process.env.SPEC_FUZZ_SEED ?? 20261202);

function sameAsWhole(parser: IncrementalSpecParser, text: string): void {
  assert.deepStrictEqual(parser.parse(text, 'f.mcvpc.yaml'), parseSpecFile(text, 'f.mcvpc.yaml'), `differs for:\n${text}`);
}

/** Pieces a person types or pastes into a spec, the awkward ones included. */
const SNIPPETS = [
  '0',
  'x',
  ' ',
  '\n',
  '\t',
  ':',
  '- ',
  '---\n',
  '\n---\n',
  '--- ',
  '...\n',
  '%YAML 1.2\n',
  '"',
  "'",
  '|\n',
  '>-\n',
  '[',
  ']',
  '{',
  '}',
  '#',
  '&a ',
  '*a',
  '<<: *a\n',
  '\r\n',
  'vpc: vpc-x\n',
  'targets:\n  - kind: rds\n    instance: rm-1\n',
  '\uFEFF',
  '\u0000',
];

type Edit = { at: number; remove: number; insert: string };

const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }).map((f) => f),
  remove: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 4, max: 80 })),
  insert: fc.oneof(fc.constantFrom(...SNIPPETS), fc.constant(''), fc.string({ maxLength: 6 })),
}) as unknown as fc.Arbitrary<Edit>;

function applied(text: string, e: Edit): string {
  // Line starts are where `---` matters; aim there half the time.
  let at = Math.floor(e.at * text.length);
  if ((e.at * 1000) % 2 < 1) at = text.lastIndexOf('\n', at) + 1;
  return text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
}

describe('IncrementalSpecParser', () => {
  it('parses every sample, the demo spec and a generated 300-line spec as parseSpecFile does, first time and again', () => {
    const parser = new IncrementalSpecParser();
    const texts = [...samples, readFileSync(join(__dirname, '..', '..', 'demo', 'warehouse.mcvpc.yaml'), 'utf8'), generateSpec(300).text];
    for (const text of texts) {
      sameAsWhole(parser, text);
      sameAsWhole(parser, text);
    }
  });

  it('reuses the documents an edit did not touch, and places them where they now are', () => {
    const parser = new IncrementalSpecParser();
    const { text } = generateSpec(300);
    sameAsWhole(parser, text);
    // A line added to the first document moves every later document's problems down a line.
    const firstBreak = text.indexOf('\n') + 1;
    const moved = `${text.slice(0, firstBreak)}# a comment typed here\n${text.slice(firstBreak)}`;
    const before = parseSpecFile(text).problems.filter((p) => p.documentIndex! > 0);
    const documents = parser.counts.parsed;
    assert.equal(parser.counts.wholeFiles, 0, 'a plain multi-document file is read document by document');
    const after = parser.parse(moved).problems.filter((p) => p.documentIndex! > 0);
    assert.equal(parser.counts.parsed, documents + 1, 'only the edited document is parsed again');
    assert.equal(parser.counts.reused, documents - 1, 'every other document is reused');
    assert.ok(before.length > 0, 'the generated spec has problems past its first document');
    assert.deepEqual(
      after.map((p) => p.range.start.line),
      before.map((p) => p.range.start.line + 1),
    );
    sameAsWhole(parser, moved);
  });

  it('renumbers documents when one is inserted before them, and drops the duplicate-name check when the duplicate goes', () => {
    const parser = new IncrementalSpecParser();
    const docs = several.split(/^---$/m);
    assert.ok(docs.length >= 2, 'several.mcvpc.yaml has several documents');
    sameAsWhole(parser, several);
    const withCopy = `${several.trimEnd()}\n---${docs[1]!}`;
    sameAsWhole(parser, withCopy);
    assert.ok(parser.parse(withCopy).problems.some((p) => p.code === 'duplicate-link-name'));
    sameAsWhole(parser, `---${docs[1]!}---\n${several}`);
    sameAsWhole(parser, several);
  });

  it('equals parseSpecFile after every step of random editing sessions (fast-check)', function () {
    this.timeout(300_000);
    const bases = [several, ...samples.slice(0, 3), generateSpec(120).text];
    let reused = 0;
    let whole = 0;
    fc.assert(
      fc.property(fc.constantFrom(...bases), fc.array(edit, { minLength: 1, maxLength: 12 }), (base, edits) => {
        const parser = new IncrementalSpecParser(64);
        let text = base;
        sameAsWhole(parser, text);
        for (const e of edits) {
          text = applied(text, e);
          sameAsWhole(parser, text);
        }
        reused += parser.counts.reused;
        whole += parser.counts.wholeFiles;
      }),
      { numRuns: Number(process.env.SPEC_INCREMENTAL_RUNS ?? 400), seed: SEED },
    );
    // The property says nothing if every file fell back to the whole parse.
    assert.ok(reused > 1000, `documents reused across the sessions: ${reused} (whole-file parses: ${whole})`);
  });

  it('falls back to the whole parse for a file it cannot split and still answers the same', () => {
    const parser = new IncrementalSpecParser();
    sameAsWhole(parser, 'a: 1\n--- ]\nb: 2\n');
    assert.equal(parser.counts.wholeFiles, 1, 'content on a --- line: the whole file is parsed');
    for (const text of [
      '',
      '---\n',
      '%YAML 1.2\n---\na: 1\n---\nb: 2\n',
      'a: 1\n...\n---\nb: 2\n',
      `${'- '.repeat(300)}x\n---\na: 1\n`,
      `${'['.repeat(70)}\n---\na: 1\n`,
      'a: "x\n---\nb: 1"\n',
      'a: |\n x\n---\n y\n',
      'a\n---\n] x\n',
      ' %YAML 1.2\n\n---\n] Two\na: 1\n---\nb: 2\n',
    ])
      sameAsWhole(parser, text);
  });
});
