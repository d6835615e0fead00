// `npm run package`: a production build packed into a .vsix by @vsce/vsce, then checked: only
// the bundle and static contributions inside (no sources, tests, caches or node_modules) and
// under 2 MB. Prints the file's path.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { npmRun, root } from './lib/prepare.mjs';

const MAX_BYTES = 2 * 1024 * 1024;
/** Paths that must never ship: sources, tests, caches, dependencies, source maps. */
const FORBIDDEN = [
  /^src\//,
  /^test\//,
  /^scripts\//,
  /^node_modules\//,
  /^\.cache\//,
  /^test-results\//,
  /^dist\/test\//,
  /\.map$/,
  /^\.vscode-test\//,
  /\.ts$/,
];

const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const outDir = join(root, '.cache', 'vsix');
const vsix = join(outDir, `${manifest.name}-${manifest.version}.vsix`);
mkdirSync(outDir, { recursive: true });

npmRun('build', '--production');
// No repository to link to yet: tell vsce so instead of letting it prompt.
// The README's picture ships in the package (docs/), so its relative link works on the extension's page as it is.
const packageFlags = ['--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links'];
const vsce = (args) =>
  spawnSync(process.execPath, [join(root, 'node_modules', '@vscode', 'vsce', 'vsce'), ...args], { cwd: root, encoding: 'utf8' });

const listing = vsce(['ls', '--no-dependencies']);
if (listing.status !== 0) fail(`vsce ls failed:\n${listing.stderr || listing.stdout}`);
const files = listing.stdout
  .split('\n')
  .map((line) => line.trim())
  .filter(Boolean);
const forbidden = files.filter((file) => FORBIDDEN.some((pattern) => pattern.test(file)));
if (forbidden.length > 0) fail(`these must not ship (fix .vscodeignore):\n  ${forbidden.join('\n  ')}`);
for (const bundle of [
  'dist/extension.js',
  'dist/sdk.js',
  'dist/yaml.js',
  'dist/spec.js',
  'dist/webview/linkForm.js',
  'dist/webview/linkForm.css',
]) {
  if (!files.includes(bundle)) fail(`${bundle} is not in the package`);
}
// Every static file package.json points at must ship: a grammar or snippet left out fails silently in the editor.
const contributed = [
  ...(manifest.contributes.grammars ?? []),
  ...(manifest.contributes.snippets ?? []),
  ...(manifest.contributes.languages ?? []).map((l) => ({ path: l.configuration })),
];
for (const file of new Set(contributed.map((c) => c.path?.replace(/^\.\//, '')).filter(Boolean))) {
  if (!files.includes(file)) fail(`${file} (contributed in package.json) is not in the package`);
}

const packed = vsce(['package', '--out', vsix, ...packageFlags]);
if (packed.status !== 0) fail(`vsce package failed:\n${packed.stderr || packed.stdout}`);
const bytes = statSync(vsix).size;
if (bytes > MAX_BYTES) fail(`${vsix} is ${(bytes / 1024 / 1024).toFixed(2)} MB, over the 2 MB budget`);

console.log(`[package] ${files.length} files:\n  ${files.join('\n  ')}`);
console.log(`[package] ${vsix} (${(bytes / 1024).toFixed(0)} KB)`);

function fail(message) {
  console.error(`[package] ${message}`);
  process.exit(1);
}
