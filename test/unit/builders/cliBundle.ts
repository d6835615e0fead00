/**
 * src/cli/main.ts and dist/sdk.js bundled with the esbuild options scripts/build.mjs exports — the
 * same options and plugins (the silent `debug` stand-in among them), only the output file moved,
 * so a test of the CLI tests what ships and fails when the build drops a plugin.
 */
import { build, type BuildOptions } from 'esbuild';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = join(__dirname, '..', '..', '..');

/** The build's own options for one of the files it writes. */
export async function shippedOptions(outfile: string): Promise<BuildOptions> {
  const { buildOptions } = (await import(
    pathToFileURL(join(ROOT, 'scripts/build.mjs')).href
  )) as typeof import('../../../scripts/build.mjs');
  const options = buildOptions().find((o) => o.outfile === outfile);
  if (options === undefined) throw new Error(`scripts/build.mjs no longer builds ${outfile}`);
  return options;
}

/** Bundles the CLI (dist/cli.js as shipped) into `outfile`. */
export async function bundleCli(outfile: string): Promise<void> {
  await build({ ...(await shippedOptions('dist/cli.js')), outfile, sourcemap: false });
}

/**
 * dist/sdk.js as scripts/build.mjs bundles it: the OpenAPI SDK the extension host loads on its
 * first cloud call (the CLI bundles the same packages into cli.js). Written into `outdir`.
 */
export async function bundleExtensionSdk(outdir: string): Promise<string> {
  const outfile = join(outdir, 'sdk.js');
  await build({ ...(await shippedOptions('dist/sdk.js')), outfile, sourcemap: false });
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
