// Bundles the extension (Node, CommonJS, 'vscode' external) and the mcvpc CLI.
// The Create Network Link form's browser bundle (webview/, with @vscode-elements/elements) and its
// stylesheet go to dist/webview/, loaded only when the form opens.
// The options are exported (buildOptions) so that tests bundle exactly what ships, plugins and all.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { lazyBundleOptions, lazyBundlesPlugin } from './lib/lazyBundles.mjs';
import { specBundleOptions, specBundlePlugin } from './lib/lazySpec.mjs';
import { vscodeOncePlugin } from './lib/vscodeOnce.mjs';
import { silentDebugPlugin } from './lib/noDebug.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The esbuild options of every file the build writes, relative to the repository root. */
export function buildOptions({ production = false } = {}) {
  const node = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: !production,
    minify: production,
    logLevel: 'warning',
    absWorkingDir: root,
    // No DEBUG=… of the environment may print request headers or bodies: see lib/noDebug.mjs.
    plugins: [silentDebugPlugin],
  };
  return [
    // The OpenAPI SDK, the YAML library and the spec parser go to files of their own, loaded on first use
    // (see lib/lazyBundles.mjs, lib/lazySpec.mjs); 'vscode' is required once and shared (see lib/vscodeOnce.mjs).
    {
      ...node,
      entryPoints: ['src/extension.ts'],
      outfile: 'dist/extension.js',
      plugins: [...node.plugins, lazyBundlesPlugin, specBundlePlugin, vscodeOncePlugin],
    },
    ...lazyBundleOptions(root).map((options) => ({ ...node, ...options })),
    { ...node, ...specBundleOptions, plugins: [...node.plugins, ...specBundleOptions.plugins] },
    { ...node, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js' },
    {
      entryPoints: ['webview/linkForm.ts', 'webview/linkForm.css'],
      outdir: 'dist/webview',
      bundle: true,
      platform: 'browser',
      format: 'esm',
      target: 'es2022',
      minify: true,
      sourcemap: false,
      logLevel: 'warning',
      absWorkingDir: root,
    },
  ];
}

// Run as a script (`node scripts/build.mjs`, through any symlink), not imported by a test.
if (process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await Promise.all(buildOptions({ production: process.argv.includes('--production') }).map((options) => build(options)));
}
