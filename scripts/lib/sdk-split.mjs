// Keeps the Alibaba Cloud OpenAPI SDK out of dist/extension.js: it is half the bundle's size,
// and reading and compiling it at every activation cost more than everything else together,
// although nothing needs it until the first cloud call. The extension bundle gets a stub per
// SDK package that requires dist/sdk.js (a bundle of just those packages, each evaluated on
// first access), and esbuild's lazy module wrappers make that happen on the first cloud call.
// Only packages go there, never our code, so no class (CloudError…) exists twice.

/** The SDK packages src/cloud imports. */
export const SDK_PACKAGES = ['@alicloud/openapi-client', '@alicloud/openapi-util', '@alicloud/tea-util', '@alicloud/credentials'];
const SDK_FILE = './sdk.js';

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** esbuild plugin for the extension bundle: SDK imports become `require('./sdk.js')[package]`. */
export const sdkSplitPlugin = {
  name: 'mcvpc-sdk-split',
  setup(build) {
    const packages = new RegExp(`^(${SDK_PACKAGES.map(escape).join('|')})$`);
    build.onResolve({ filter: packages }, (args) => ({ path: args.path, namespace: 'mcvpc-sdk' }));
    build.onResolve({ filter: new RegExp(`^${escape(SDK_FILE)}$`), namespace: 'mcvpc-sdk' }, () => ({ path: SDK_FILE, external: true }));
    build.onLoad({ filter: /.*/, namespace: 'mcvpc-sdk' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(SDK_FILE)})[${JSON.stringify(args.path)}];`,
      loader: 'js',
    }));
  },
};

/** esbuild options of dist/sdk.js: one lazy getter per package. */
export function sdkBundleOptions(root) {
  const contents = SDK_PACKAGES.map((name) => `Object.defineProperty(exports, ${JSON.stringify(name)}, { enumerable: true, get: () => require(${JSON.stringify(name)}) });`).join('\n');
  return { stdin: { contents, resolveDir: root, loader: 'js', sourcefile: 'sdk-entry.js' }, outfile: 'dist/sdk.js' };
}
