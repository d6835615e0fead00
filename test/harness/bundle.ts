/**
 * Bundles a folder of in-host tests (`<dir>/index.ts` plus its `*.test.ts`) with esbuild into
 * `dist/test/<name>/`, one CommonJS file each: `vscode` is provided by the extension host and
 * mocha is required from node_modules at run time.
 */
import { build } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The repository root. */
export const REPO_ROOT = resolve(__dirname, '..', '..');

/** Bundles `test/<name>/` into `dist/test/<name>/`; returns the test module's path without `.js`. */
export async function bundleHostTests(name: string): Promise<string> {
  const sourceDir = join(REPO_ROOT, 'test', name);
  const outdir = join(REPO_ROOT, 'dist', 'test', name);
  const entryPoints = readdirSync(sourceDir)
    .filter((file) => file === 'index.ts' || file.endsWith('.test.ts'))
    .map((file) => join(sourceDir, file));
  if (!entryPoints.some((entry) => entry.endsWith('index.ts'))) {
    throw new Error(`test/${name}/index.ts is missing: it is the module the extension host runs`);
  }
  rmSync(outdir, { recursive: true, force: true });
  await build({
    entryPoints,
    outdir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
    absWorkingDir: REPO_ROOT,
  });
  return join(outdir, 'index');
}
