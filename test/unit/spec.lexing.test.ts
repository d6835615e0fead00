/**
 * The two ways loadYamlDocuments lexes read every text alike: lexeme by lexeme with the depth
 * checks (any text that could nest too deep), and the parser's own lexing (a text that cannot,
 * which is every ordinary spec). Over the samples, a generated 2,000-line file and random edits
 * that type brackets, indentation, quotes and `---` lines.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { LineIndex } from '../../src/connectionSpec/positions';
import { MAX_BLOCK_INDENT, MAX_NESTING_DEPTH } from '../../src/connectionSpec/limits';
import { loadYamlDocuments } from '../../src/connectionSpec/yamlDocuments';
import { generateSpec } from '../bench/generatedSpec';

const samplesDir = join(__dirname, '..', '..', 'samples');
const samples = readdirSync(samplesDir)
  .filter((n) => n.endsWith('.mcvpc.yaml'))
  .map((n) => readFileSync(join(samplesDir, n), 'utf8'));
const SEED = Number(process.env.SPEC_FUZZ_SEED ?? 20261202);

/** Everything a reader of the documents can see, as plain data. */
function reading(text: string, checkEveryLexeme: boolean): unknown {
  const loaded = loadYamlDocuments(text, new LineIndex(text), { checkEveryLexeme });
  return {
    problems: loaded.problems,
    unread: [...loaded.unread],
    errorBeforeFirstDocument: loaded.errorBeforeFirstDocument,
    documents: loaded.documents.map((doc) => {
      let data: unknown;
      try {
        data = doc.toData(100);
      } catch (error) {
        data = `throws ${String(error)}`;
      }
      return {
        data,
        range: doc.range,
        errors: doc.errors.map((e) => [e.code, e.pos, e.message]),
        warnings: doc.warnings.map((e) => [e.code, e.pos, e.message]),
      };
    }),
  };
}

function bothAlike(text: string): void {
  assert.deepStrictEqual(reading(text, false), reading(text, true), `the two lexing paths differ for:\n${JSON.stringify(text)}`);
}

const SNIPPETS = [
  '0',
  'x',
  ' ',
  '  ',
  '\n',
  '\t',
  ':',
  ': ',
  '- ',
  '? ',
  '---\n',
  '--- ',
  '...\n',
  '"',
  "'",
  '|\n',
  '[',
  ']',
  '{',
  '}',
  ', ',
  '#',
  '&a ',
  '*a',
  '\r\n',
  '\r',
  'ports: [1, 2]\n',
];

describe("loadYamlDocuments: the checked and the parser's own lexing", () => {
  it('read the samples and a generated 2,000-line spec alike', () => {
    for (const text of [...samples, generateSpec(2000).text]) bothAlike(text);
  });

  it('read alike on both sides of the limits the shortcut relies on', () => {
    const flow = (n: number) => `a: ${'['.repeat(n)}${']'.repeat(n)}\n`;
    const wide = (n: number) => `${' '.repeat(n - 3)}- a\n`;
    for (const text of [
      flow(MAX_NESTING_DEPTH),
      flow(MAX_NESTING_DEPTH + 1),
      wide(MAX_BLOCK_INDENT),
      wide(MAX_BLOCK_INDENT + 1),
      `k: v\n${'x'.repeat(MAX_BLOCK_INDENT + 1)}\n`,
    ])
      bothAlike(text);
  });

  it('read random edits of the samples alike (fast-check)', () => {
    const edit = fc.record({
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      remove: fc.integer({ min: 0, max: 20 }),
      insert: fc.oneof(fc.constantFrom(...SNIPPETS), fc.string({ maxLength: 5 })),
    });
    fc.assert(
      fc.property(fc.constantFrom(...samples), fc.array(edit, { minLength: 1, maxLength: 10 }), (base, edits) => {
        let text = base;
        for (const e of edits) {
          const at = Math.floor(e.at * text.length);
          text = text.slice(0, at) + e.insert + text.slice(at + e.remove);
        }
        bothAlike(text);
      }),
      { seed: SEED, numRuns: Number(process.env.SPEC_LEXING_RUNS ?? 300) },
    );
  });
});
