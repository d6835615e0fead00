/** One naming style in src (camelCase, HOUSE_STYLE "Size, names"), and no scratch files in the repository. */
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

describe('file names', () => {
  it('every file and folder under src/ is camelCase', () => {
    const offenders = filesUnder(join(ROOT, 'src'))
      .filter((file) => !CAMEL_CASE.test(file.split(/[\\/]/).pop() ?? ''))
      .map((file) => relative(ROOT, file));
    assert.deepEqual(offenders, []);
  });

  it('no scratch file (*.tmp.*) is tracked', () => {
    const tracked = execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' }).split('\n');
    assert.deepEqual(
      tracked.filter((file) => /(^|\/)[^/]*\.tmp\.[^/]+$/.test(file)),
      [],
    );
  });
});
