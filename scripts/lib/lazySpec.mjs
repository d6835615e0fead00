// The spec parser (src/connectionSpec: the YAML reader, the JSON schema and its generated validator, 40 %
// of dist/extension.js) is needed on the first *.mcvpc.yaml file, not at activation; the
// extension reaches it through one `import('../../connectionSpec')` (src/ui/networkView/specIndex.ts). Inside
// the extension bundle that code was wrapped to run late, but V8 still had to read and
// pre-parse all of it at every activation. It goes to dist/spec.js instead, and the extension's
// dynamic import of src/connectionSpec/index.ts becomes a require of that file (a require, not Node's
// import(): the extension host's CommonJS loader, one module cache with dist/yaml.js).
// src/connectionSpec is pure: it defines no class or state that other code checks or shares (from
// src/core it takes pure functions and constants), so the few helpers both files carry are
// harmless; its YAML library stays the one in dist/yaml.js.
import { join, resolve } from 'node:path';
import { lazyBundlesPlugin } from './lazyBundles.mjs';

/** esbuild plugin for the extension bundle: `import('…/connectionSpec')` of src/connectionSpec/index.ts requires ./spec.js. */
export const specBundlePlugin = {
  name: 'mcvpc-lazy-spec',
  setup(build) {
    const spec = join(build.initialOptions.absWorkingDir, 'src', 'connectionSpec');
    build.onResolve({ filter: /\/connectionSpec$/ }, (args) =>
      args.kind === 'dynamic-import' && resolve(args.resolveDir, args.path) === spec
        ? { path: 'spec', namespace: 'mcvpc-lazy-spec' }
        : undefined,
    );
    build.onResolve({ filter: /^\.\/spec\.js$/, namespace: 'mcvpc-lazy-spec' }, (args) => ({ path: args.path, external: true }));
    build.onLoad({ filter: /.*/, namespace: 'mcvpc-lazy-spec' }, () => ({
      contents: "module.exports = require('./spec.js');",
      loader: 'js',
    }));
  },
};

/** esbuild options of dist/spec.js (its packages are the lazily required ones, as in the extension). */
export const specBundleOptions = { entryPoints: ['src/connectionSpec/index.ts'], outfile: 'dist/spec.js', plugins: [lazyBundlesPlugin] };
