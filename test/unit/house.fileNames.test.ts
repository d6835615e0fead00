/** One naming style in src, test and scripts (camelCase, HOUSE_STYLE "Size, names"), and no scratch files in the repository. */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    return entry.isDirectory() ? [full, ...filesUnder(full)] : [full];
  });
}

/** camelCase stem, then lower-case extensions (`specValidator.d.ts`, `schemaBase.json`); README.md is the one convention kept. */
const CAMEL_CASE = /^(?:[a-z][A-Za-z0-9]*(?:\.[a-z0-9]+)*|README\.md)$/;

/**
 * In test/ and scripts/: dot-separated parts, each camelCase (`cli.applyOutput.test.ts`,
 * `emulator.support.ts`, `lib/lazyBundles.mjs`); npm's script names (`bench:keystroke`) are
 * commands, not files, and keep their own style.
 */
const DOTTED_CAMEL_CASE = /^[a-z][A-Za-z0-9]*(?:\.[a-z0-9][A-Za-z0-9]*)*$/;

/** Names spelled as something outside the house spells them, each for its reason. */
const SPELLED_ELSEWHERE: ReadonlyArray<{ name: RegExp; why: string }> = [
  { name: /^[A-Z]+\.md$/, why: 'README.md, SOURCE.md: the upper-case names people look for' },
  { name: /^MCVPC\d{3}\.(?:pass|fail)\.mcvpc\.yaml$/, why: 'policy fixtures named by their rule id, as docs/rules.md spells it' },
  { name: /^[A-Z][A-Za-z0-9]*\.test\.java$/, why: 'Java wants a file named as its public class' },
  { name: /^docker-compose\.yml$/, why: "a YAML file that is not a spec, under Docker's own file name" },
  { name: /^spark-defaults\.test\.spark\.conf$/, why: "Spark's spark-defaults.conf, the name the grammar is for" },
  { name: /^sarif-schema-2\.1\.0\.json$/, why: "OASIS's schema under its published name (test/fixtures/sarif/SOURCE.md)" },
];

/** The files git has or would add (tracked, and untracked but not ignored) under the folders. */
function repositoryFiles(...folders: string[]): string[] {
  return execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '--', ...folders], { cwd: ROOT, encoding: 'utf8' })
    .split('\n')
    .filter((file) => file !== '');
}

/** Each file and folder of a path that breaks the test/scripts rule, as `path: name`. */
function misnamed(files: readonly string[]): string[] {
  const offenders = new Set<string>();
  for (const file of files) {
    const parts = file.split('/');
    parts.slice(1).forEach((name, i) => {
      if (DOTTED_CAMEL_CASE.test(name) || SPELLED_ELSEWHERE.some((rule) => rule.name.test(name))) return;
      offenders.add(parts.slice(0, i + 2).join('/'));
    });
  }
  return [...offenders];
}

describe('file names', () => {
  it('every file and folder under src/ is camelCase', () => {
    const offenders = filesUnder(join(ROOT, 'src'))
      .filter((file) => !CAMEL_CASE.test(file.split(/[\\/]/).pop() ?? ''))
      .map((file) => relative(ROOT, file));
    assert.deepEqual(offenders, []);
  });

  it('every file and folder under test/ and scripts/ is camelCase, in dotted parts', () => {
    const files = repositoryFiles('test', 'scripts');
    assert.ok(
      files.some((file) => file.startsWith('scripts/')) && files.some((file) => file.startsWith('test/unit/')),
      `expected test/ and scripts/, got ${files.length} files`,
    );
    assert.deepEqual(misnamed(files), []);
  });

  it('the test/scripts rule names a kebab-case file or folder, and lets each exception pass by its own name only', () => {
    assert.deepEqual(
      misnamed([
        'test/unit/emulator-state.test.ts',
        'scripts/lib/no-debug.mjs',
        'test/e2e-shots/a.png',
        'test/unit/Emulator.test.ts',
        'test/fixtures/policy/MCVPC101.mcvpc.yaml',
      ]),
      [
        'test/unit/emulator-state.test.ts',
        'scripts/lib/no-debug.mjs',
        'test/e2e-shots',
        'test/unit/Emulator.test.ts',
        'test/fixtures/policy/MCVPC101.mcvpc.yaml',
      ],
    );
    assert.deepEqual(
      misnamed([
        'test/unit/emulator.state.test.ts',
        'scripts/lib/noDebug.d.mts',
        'test/fixtures/spec/docker-compose.yml',
        'test/fixtures/sarif/SOURCE.md',
      ]),
      [],
    );
  });

  it('no scratch file (*.tmp.*) is tracked', () => {
    const tracked = execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' }).split('\n');
    assert.deepEqual(
      tracked.filter((file) => /(^|\/)[^/]*\.tmp\.[^/]+$/.test(file)),
      [],
    );
  });
});
