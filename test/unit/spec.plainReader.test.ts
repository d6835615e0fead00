/**
 * The line-based plain-YAML reader (src/spec/plainReader.ts): what it reads must match the `yaml`
 * Composer exactly (data and every node range); what it does not follow must be handed back
 * (undefined) rather than guessed. Targeted cases first, then a differential fuzz of the layout
 * details (comments, blank lines, trailing spaces, CRLF) where its rules are most intricate.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { Composer, Parser } from 'yaml';
import { assertSameNodes } from './spec.nodeAssertions';
import { readPlainYaml } from '../../src/spec/plainReader';
import { parseSpecFile } from '../../src/spec';

const samplesDir = join(__dirname, '..', '..', 'samples');
const samples = readdirSync(samplesDir).filter((n) => n.endsWith('.mcvpc.yaml')).map((n) => readFileSync(join(samplesDir, n), 'utf8'));


/** Reads `text` with the plain reader; when it accepts, asserts the Composer agrees. Returns whether it accepted. */
function readsLikeComposer(text: string): boolean {
  const read = readPlainYaml(text);
  if (!read) return false;
  const composed = Array.from(new Composer({ prettyErrors: false, uniqueKeys: true, strict: true, logLevel: 'error' }).compose(new Parser().parse(text), true, text.length));
  assert.equal(read.length, composed.length, `document count of ${JSON.stringify(text)}`);
  composed.forEach((doc, i) => {
    assert.deepEqual([...doc.errors, ...doc.warnings].map((e) => e.message), [], `accepted what the Composer rejects: ${JSON.stringify(text)}`);
    assert.deepEqual(read[i]!.data, doc.toJS(), `data of ${JSON.stringify(text)}`);
    assertSameNodes(read[i]!.contents, doc.contents, `${JSON.stringify(text)} document ${i}`);
  });
  return true;
}

/** Texts the reader must read, each checked against the Composer. */
const READ: Array<[string, string]> = [
  ['a comment after a value', 'a: 1  # one\nb: x # two\n'],
  ['quotes holding # and :', 'a: "x # y: z" # c\nb: \'it\'\'s #1\'\n'],
  ['double-quoted escapes', 'a: "tab\\there \\"q\\" \\\\ \\u00e9 \\x41 \\/ \\n"\n'],
  ['key:value without a space is a plain scalar value', 'a: key:value\nb: http://example.com/x\n'],
  ['trailing spaces', 'a: 1   \nb:\n  - x   \n  - y\n'],
  ['CRLF line ends', 'a: 1\r\nb:\r\n  c: two\r\n  d:\r\n    - 3\r\n'],
  ['a byte-order mark', '\ufeffa: 1\nb: 2\n'],
  ['keys with spaces and quoted keys', 'a key: 1\n"quoted: key": 2\n\'single\': 3\n'],
  ['a sequence at its key\'s indentation', 'key:\n- a\n- b\nnext: 1\n'],
  ['compact mappings in a sequence', 'targets:\n  - kind: rds\n    name: db\n  - kind: emr\n    ports: [1, 2]\n'],
  ['empty values', 'a:\nb:\n  c:\nd: 1\n'],
  ['core schema scalars', 'n: null\nt: ~\nb: true\nf: FALSE\ni: -42\np: +7\nz: 007\ns: 1.2.3\nv: v1\nm: mcvpc/v1\n'],
  ['one-line flow sequences', 'a: [ 1 , "x" ,b ]\nc: []\nd: [\'q\', -1]\n'],
  ['documents, --- and ...', '# head\n---\na: 1\n---\nb: 2\n...\n'],
  ['a comment between key and collection', 'a:\n  # about b\n  b: 1\n# about c\nc:\n  - 1\n'],
  ['comments that trail a collection', 'a:\n  b: 1\n  # end of a\n\n# top\nc:\n  - x\n  # end of c\n'],
  ['an indented comment that extends a value', 'a: 1\n  # more about a\nb: 2\n'],
  ['blank lines', '\n\na: 1\n\n\nb:\n\n  c: 2\n\n'],
  ['no final line break', 'a:\n  - x\n  - y'],
  ['a byte-order mark inside the text', 'x: \ufeffa\n---\n\ufeffb: 1\n'],
];

/** Texts the reader must hand to the `yaml` package (each is valid or invalid YAML alike). */
const HANDED_BACK: Array<[string, string]> = [
  ['a flow mapping', 'a: {b: 1}\n'],
  ['an anchor and an alias', 'a: &x 1\nb: *x\n'],
  ['a tag', 'a: !!str 1\n'],
  ['a block scalar', 'a: |\n  text\n'],
  ['a multi-line plain scalar', 'a: one\n  two\n'],
  ['a multi-line quoted scalar', 'a: "one\n  two"\n'],
  ['a tab in indentation', 'a:\n\tb: 1\n'],
  ['an explicit key', '? a\n: 1\n'],
  ['a directive', '%YAML 1.2\n---\na: 1\n'],
  ['a duplicate key', 'a: 1\na: 2\n'],
  ['a document that is a bare scalar', 'just text\n'],
  ['a document that is a list', '- a\n- b\n'],
  ['key:value without a space as a whole line', 'key:value\n'],
  ['an empty document', 'a: 1\n---\n---\nb: 2\n'],
  ['a file of comments only', '# nothing here\n'],
  ['an empty file', ''],
  ['a float', 'a: 1.5\n'],
  ['a hex number', 'a: 0x1F\n'],
  ['.inf', 'a: .inf\n'],
  ['a number as a key', '1: a\n'],
  ['__proto__ as a key', '__proto__: 1\n'],
  ['a mapping value on the key line', 'a: b: c\n'],
  ['misaligned keys', 'a:\n  b: 1\n c: 2\n'],
  ['a comment after an empty value', 'a:  # none\nb: 1\n'],
  ['an empty list item', 'a:\n  -\n  - x\n'],
  ['a nested compact list', 'a:\n  - - x\n'],
  ['a lone carriage return', 'a: 1\rb: 2\n'],
  ['an unclosed flow sequence', 'a: [1, 2\n'],
  ['a trailing comma', 'a: [1, 2,]\n'],
  ['a lone dash as a value', 'a: -\n'],
  ['a comment in a flow sequence line without a space', 'a: [1]#c\n'],
];

describe('spec: plain reader', () => {
  for (const [what, text] of READ) {
    it(`reads ${what} as the Composer does`, () => {
      assert.ok(readsLikeComposer(text), `handed back: ${JSON.stringify(text)}`);
    });
  }

  for (const [what, text] of HANDED_BACK) {
    it(`hands ${what} to the yaml package`, () => {
      assert.equal(readPlainYaml(text), undefined);
      // …and parseSpecFile still answers (the `yaml` path has the last word).
      assert.ok(Array.isArray(parseSpecFile(text).problems));
    });
  }

  it('reads every sample as the Composer does', () => {
    for (const sample of samples) assert.ok(readsLikeComposer(sample), sample.slice(0, 80));
  });

  it('gives the same problems through the plain reader as through the yaml package', () => {
    // A tab in a comment sends the same text down the `yaml` path, which must agree exactly.
    const text = samples.map((s) => s.replace('version: mcvpc/v1', 'version: mcvpc/v2').replace(/targets:\n/, 'targets:\n  - kind: emrr\n    cluster: c-1\n')).join('---\n');
    assert.ok(readPlainYaml(text));
    const viaPlain = parseSpecFile(text);
    const viaYaml = parseSpecFile(`${text}#\t\n`);
    assert.ok(viaPlain.problems.length > 0);
    assert.deepEqual(viaPlain, viaYaml);
  });

  it('types plain scalars and reads quoted ones exactly as the Composer does', () => {
    let accepted = 0;
    const plain = fc.string({ unit: fc.constantFrom(...'0123456789.+-eExXoabfnulrtsIiNF~_: #,[]\'"'.split('')), minLength: 1, maxLength: 8 });
    const quotedBody = fc.string({ unit: fc.constantFrom(...['\\', '"', "'", 'x', 'u', 'U', '0', '4', '1', 'N', '_', 'n', 't', ' ', '#', ':', 'é', '\\u00e9', '\\x41', '\\U0001F600', '\\ud800']), maxLength: 8 });
    const value = fc.oneof(plain, quotedBody.map((b) => `"${b}"`), quotedBody.map((b) => `'${b}'`));
    const layout = fc.constantFrom((v: string) => `a: ${v}\n`, (v: string) => `${v}: 1\n`, (v: string) => `a:\n  - ${v}\n`, (v: string) => `a: [${v}, ${v}]\n`, (v: string) => `a:\n  - ${v}: x\n`);
    fc.assert(
      fc.property(value, layout, (v, lay) => {
        if (readsLikeComposer(lay(v))) accepted++;
      }),
      { numRuns: 5000, seed: Number(process.env.SPEC_FUZZ_SEED ?? 20261128) },
    );
    if (process.env.SPEC_FUZZ_VERBOSE) console.log(`      (the plain reader read ${accepted} of 5000)`);
    assert.ok(accepted > 1000, `plain reader took ${accepted} of 5000`);
  });

  it('agrees with the Composer, and with parseSpecFile through the yaml package, on comments, blank lines, trailing spaces, CRLF and mistakes sprinkled over the samples', () => {
    let withProblems = 0;
    let accepted = 0;
    const edit = fc.record({
      line: fc.nat(),
      what: fc.constantFrom('comment line', 'blank line', 'trailing comment', 'trailing spaces', 'wrong value', 'wrong key'),
      indent: fc.integer({ min: 0, max: 8 }),
    });
    fc.assert(
      fc.property(fc.constantFrom(...samples), fc.array(edit, { minLength: 1, maxLength: 5 }), fc.boolean(), (sample, edits, crlf) => {
        const lines = sample.split('\n');
        for (const { line, what, indent } of edits) {
          const i = line % lines.length;
          if (what === 'comment line') lines.splice(i, 0, `${' '.repeat(indent)}# note`);
          else if (what === 'blank line') lines.splice(i, 0, ' '.repeat(indent % 3));
          else if (what === 'trailing comment') lines[i] = `${lines[i]}${' '.repeat(1 + (indent % 2))}# note`;
          else if (what === 'trailing spaces') lines[i] = `${lines[i]}${' '.repeat(1 + (indent % 3))}`;
          // Schema mistakes, so that the whole-result comparison below has problems to compare.
          else if (what === 'wrong value') lines[i] = lines[i]!.replace(/: ([^\s#]+)/, ': $1Z');
          else lines[i] = lines[i]!.replace(/^(\s*(?:- )?)(\w+):/, '$1$2Z:');
        }
        const text = crlf ? lines.join('\r\n') : lines.join('\n');
        if (!readsLikeComposer(text)) return;
        accepted++;
        // Whole results too: the same problems and specs as when a tab sends the text down the `yaml` path.
        const viaPlain = parseSpecFile(text);
        if (viaPlain.problems.length > 0) withProblems++;
        assert.deepEqual(viaPlain, parseSpecFile(`${text}\n#\t\n`), text);
      }),
      { numRuns: 3000, seed: Number(process.env.SPEC_FUZZ_SEED ?? 20261128) },
    );
    // The edits are all plain YAML: most must stay on the fast path.
    assert.ok(accepted > 1500, `plain reader took ${accepted} of 3000`);
    assert.ok(withProblems > 300, `only ${withProblems} texts with problems`);
    if (process.env.SPEC_FUZZ_VERBOSE) console.log(`      (the plain reader read ${accepted} of 3000, ${withProblems} with problems)`);
  });
});
