// Keeps libraries that activation does not need out of dist/extension.js: reading and
// compiling them at every activation cost more than everything else together. The Alibaba
// Cloud OpenAPI SDK (half the bundle) is needed on the first cloud call, the YAML library on
// the first *.mcvpc.yaml file. The extension bundle gets a stub per package that requires its
// file (dist/sdk.js, dist/yaml.js: a bundle of just those packages, each evaluated on first
// access), and esbuild's lazy module wrappers make that happen on first use.
// Only packages move, never our code, so no class (CloudError…) exists twice.

/** Which packages go to which lazily required file, relative to dist/extension.js. */
export const LAZY_BUNDLES = {
  './sdk.js': ['@alicloud/openapi-client', '@alicloud/openapi-util', '@alicloud/tea-util', '@alicloud/credentials'],
  './yaml.js': ['yaml'],
};

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const fileOf = new Map(Object.entries(LAZY_BUNDLES).flatMap(([file, packages]) => packages.map((name) => [name, file])));

/** esbuild plugin for the extension bundle: `import … from '<package>'` becomes `require('./<file>.js')[package]`. */
export const lazyBundlesPlugin = {
  name: 'mcvpc-lazy-bundles',
  setup(build) {
    const packages = new RegExp(`^(${[...fileOf.keys()].map(escape).join('|')})$`);
    const files = new RegExp(`^(${Object.keys(LAZY_BUNDLES).map(escape).join('|')})$`);
    build.onResolve({ filter: packages }, (args) => ({ path: args.path, namespace: 'mcvpc-lazy' }));
    build.onResolve({ filter: files, namespace: 'mcvpc-lazy' }, (args) => ({ path: args.path, external: true }));
    build.onLoad({ filter: /.*/, namespace: 'mcvpc-lazy' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(fileOf.get(args.path))})[${JSON.stringify(args.path)}];`,
      loader: 'js',
    }));
  },
};

/** esbuild options of each lazily required file: one getter per package. */
export function lazyBundleOptions(root) {
  return Object.entries(LAZY_BUNDLES).map(([file, packages]) => ({
    stdin: {
      contents: packages
        .map(
          (name) =>
            `Object.defineProperty(exports, ${JSON.stringify(name)}, { enumerable: true, get: () => require(${JSON.stringify(name)}) });`,
        )
        .join('\n'),
      resolveDir: root,
      loader: 'js',
      sourcefile: `${file.slice(2, -3)}-entry.js`,
    },
    outfile: `dist/${file.slice(2)}`,
  }));
}
