// `import * as vscode from 'vscode'` of an external package compiles, in every module that
// says it, to esbuild's __toESM(require('vscode')): a fresh namespace object with one getter
// per property of the VS Code API (several hundred). With ~25 such modules that copying was
// about 19 ms of the extension's module load, more than compiling the whole bundle. This
// plugin routes every import of 'vscode' through one ES module that re-exports it, so the
// copy happens once and every module reads the same namespace.

/** esbuild plugin for the extension bundle: all `import … from 'vscode'` share one namespace object. */
export const vscodeOncePlugin = {
  name: 'mcvpc-vscode-once',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) =>
      args.namespace === 'mcvpc-vscode' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'mcvpc-vscode' },
    );
    build.onLoad({ filter: /.*/, namespace: 'mcvpc-vscode' }, () => ({ contents: "export * from 'vscode';", loader: 'js' }));
  },
};
