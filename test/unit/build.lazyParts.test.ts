/**
 * The extension bundle as scripts/build.mjs makes it leaves the spec parser, the OpenAPI SDK and
 * the YAML library to files required on first use (scripts/lib/lazySpec.mjs, lazyBundles.mjs):
 * activation must not read them. The plugins key on folder and package names, so a rename that
 * the plugin does not follow silently puts them back into dist/extension.js; this test says so.
 */
import { strict as assert } from 'node:assert';
import { build } from 'esbuild';
import { shippedOptions } from './builders/cliBundle';

describe('build: the extension bundle leaves its lazy parts out', function () {
  this.timeout(120_000);
  let inputs: string[] = [];
  let text = '';

  before(async () => {
    const result = await build({
      ...(await shippedOptions('dist/extension.js')),
      write: false,
      metafile: true,
      sourcemap: false,
      outfile: 'extension.js',
    });
    inputs = Object.keys(result.metafile.inputs);
    text = result.outputFiles.find((file) => file.path.endsWith('extension.js'))?.text ?? '';
  });

  it('the spec parser (src/connectionSpec/index.ts and what only it needs) is required from ./spec.js', () => {
    assert.deepEqual(
      inputs.filter((input) => /^src\/connectionSpec\/(index|incremental|sketch)\.ts$/.test(input)),
      [],
      'dist/extension.js would carry the spec parser read at every activation',
    );
    assert.match(text, /require\(["']\.\/spec\.js["']\)/);
  });

  it('the OpenAPI SDK and the YAML library are required from ./sdk.js and ./yaml.js', () => {
    assert.deepEqual(
      inputs.filter((input) => input.includes('node_modules/@alicloud/') || input.includes('node_modules/yaml/')),
      [],
    );
    assert.match(text, /require\(["']\.\/sdk\.js["']\)/);
    assert.match(text, /require\(["']\.\/yaml\.js["']\)/);
  });
});
