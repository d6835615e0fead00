/** package.json as the Marketplace shows it: found by the words people search, an icon, no promise of what is not built. */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  description: string;
  categories: string[];
  keywords: string[];
  icon: string;
  contributes: { commands: Array<{ command: string }> };
};

/** The Marketplace's categories (vsce refuses others). */
const MARKETPLACE_CATEGORIES = new Set([
  'Azure',
  'Data Science',
  'Debuggers',
  'Education',
  'Extension Packs',
  'Formatters',
  'Keymaps',
  'Language Packs',
  'Linters',
  'Machine Learning',
  'Notebooks',
  'Other',
  'Programming Languages',
  'SCM Providers',
  'Snippets',
  'Testing',
  'Themes',
  'Visualization',
  'AI',
  'Chat',
]);

describe('package.json for the Marketplace', () => {
  it('has categories the Marketplace knows, beyond "Other", and the keywords people search by', () => {
    assert.ok(
      manifest.categories.every((c) => MARKETPLACE_CATEGORIES.has(c)),
      manifest.categories.join(', '),
    );
    assert.ok(manifest.categories.some((c) => c !== 'Other'));
    for (const word of ['alibaba cloud', 'aliyun', 'maxcompute', 'odps', 'vpc', 'rds', 'hbase'])
      assert.ok(manifest.keywords.includes(word), word);
    assert.ok(manifest.keywords.length <= 30, 'the Marketplace takes at most 30 keywords');
  });

  it('has a 128×128 PNG icon', () => {
    const png = readFileSync(join(ROOT, manifest.icon));
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG signature');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
  });

  it('promises the hop-by-hop check only with the command that does it', () => {
    assert.match(manifest.description, /hop by hop/);
    assert.ok(
      manifest.contributes.commands.some((c) => c.command === 'mcvpc.checkReachability'),
      'Check Reachability is contributed',
    );
  });
});
