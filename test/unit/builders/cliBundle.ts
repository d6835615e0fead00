/**
 * src/cli/main.ts bundled as scripts/build.mjs bundles dist/cli.js — the same esbuild options and
 * the same plugins (the silent `debug` stand-in among them), so a test of the CLI tests what ships.
 */
import { build } from 'esbuild';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = join(__dirname, '..', '..', '..');

/** Bundles the CLI into `outfile`. */
export async function bundleCli(outfile: string): Promise<void> {
  const { silentDebugPlugin } = (await import(pathToFileURL(join(ROOT, 'scripts/lib/no-debug.mjs')).href)) as typeof import('../../../scripts/lib/no-debug.mjs');
  await build({
    entryPoints: [join(ROOT, 'src/cli/main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
    absWorkingDir: ROOT,
    plugins: [silentDebugPlugin],
  });
}

/**
 * dist/sdk.js as scripts/build.mjs bundles it: the OpenAPI SDK the extension host loads on its
 * first cloud call (the CLI bundles the same packages into cli.js). Written into `outdir`.
 */
export async function bundleExtensionSdk(outdir: string): Promise<string> {
  const { silentDebugPlugin } = (await import(pathToFileURL(join(ROOT, 'scripts/lib/no-debug.mjs')).href)) as typeof import('../../../scripts/lib/no-debug.mjs');
  const { lazyBundleOptions } = (await import(pathToFileURL(join(ROOT, 'scripts/lib/lazy-bundles.mjs')).href)) as typeof import('../../../scripts/lib/lazy-bundles.mjs');
  const sdk = lazyBundleOptions(ROOT).find((o) => o.outfile === 'dist/sdk.js');
  if (sdk === undefined) throw new Error('scripts/lib/lazy-bundles.mjs no longer builds dist/sdk.js');
  const outfile = join(outdir, 'sdk.js');
  await build({ bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning', absWorkingDir: ROOT, ...sdk, outfile, plugins: [silentDebugPlugin] });
  return outfile;
}

/**
 * For a suite that runs the shipped CLI: bundles it once into a temporary folder before the suite
 * and removes the folder after. Call inside `describe`; read `.path` in tests and hooks.
 */
export function bundledCliForSuite(name: string): { readonly path: string } {
  let dir: string | undefined;
  const bundle = { path: '' };
  before(async function () {
    this.timeout(120_000);
    dir = await mkdtemp(join(tmpdir(), `mcvpc-${name}-bundle-`));
    bundle.path = join(dir, 'cli.js');
    await bundleCli(bundle.path);
  });
  after(async () => {
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  });
  return bundle;
}
