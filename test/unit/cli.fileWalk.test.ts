/** The CLI's folder walk over hostile trees (lint's end to end runs are in cli.lint.test.ts). */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { walkFolder } from '../../src/cli/fileWalk';

const accept = (path: string): boolean => path.endsWith('.sql');
const skipDir = (name: string): boolean => name.startsWith('.');

describe('cli: the folder walk', () => {
  let dir: string;
  beforeEach(() => {
    dir = realpathSync(mkdtempSync(join(tmpdir(), 'mcvpc-walk-')));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('counts refusals toward the limit: a folder of pipes and broken links ends at the limit', async () => {
    for (let i = 0; i < 10; i++) execFileSync('mkfifo', [join(dir, `p${i}.sql`)]);
    for (let i = 0; i < 10; i++) symlinkSync(join(dir, `gone${i}`), join(dir, `l${i}.sql`));
    const walked = await walkFolder(dir, { limit: 7, accept, skipDir });
    assert.equal(walked.truncated, true);
    assert.equal(walked.files.length + walked.refusals.length, 7);
  });

  it('enters each real folder once and lists each real file once, however many links lead there', async () => {
    mkdirSync(join(dir, 'a', 'b'), { recursive: true });
    writeFileSync(join(dir, 'a', 'b', 'x.sql'), 'SELECT 1;\n');
    symlinkSync(join(dir, 'a'), join(dir, 'a', 'b', 'up'));
    symlinkSync('.', join(dir, 'a', 'self'));
    symlinkSync('b/x.sql', join(dir, 'a', 'y.sql'));
    const walked = await walkFolder(dir, { limit: 1000, accept, skipDir });
    assert.deepEqual(
      walked.files.map((f) => f.realPath),
      [join(dir, 'a', 'b', 'x.sql')],
    );
    assert.deepEqual(walked.refusals, []);
    assert.equal(walked.truncated, false);
  });
});
