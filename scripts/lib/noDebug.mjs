// The `debug` package prints whatever its namespaces are handed when DEBUG names them, and
// httpx (under @alicloud/tea-typescript and @alicloud/credentials) hands it every request
// header (Authorization with its Signature, x-acs-security-token) under `httpx:header` and
// every body (a credentials URI's AccessKeySecret) under `httpx:body`. No environment of a
// user's may turn that on in our bundles, so `debug` is replaced at bundling time by a logger
// that is never enabled. Our own logging (src/cloud/logger.ts) is redacted and is the only one.

/** The stand-in: the `debug` API surface its dependents use, never enabled, printing nothing. */
const SILENT_DEBUG = `
function createDebug() {
  const log = function () {};
  log.enabled = false;
  log.namespace = '';
  log.log = function () {};
  log.extend = function () { return createDebug(); };
  log.destroy = function () { return false; };
  return log;
}
createDebug.enable = function () {};
createDebug.disable = function () { return ''; };
createDebug.enabled = function () { return false; };
createDebug.names = [];
createDebug.skips = [];
createDebug.formatters = {};
createDebug.debug = createDebug;
createDebug.default = createDebug;
module.exports = createDebug;
`;

/** esbuild plugin for every Node bundle: `require('debug')` (and its subpaths) gets the silent stand-in. */
export const silentDebugPlugin = {
  name: 'mcvpc-silent-debug',
  setup(build) {
    build.onResolve({ filter: /^debug(\/.*)?$/ }, (args) => ({ path: args.path, namespace: 'mcvpc-silent-debug' }));
    build.onLoad({ filter: /.*/, namespace: 'mcvpc-silent-debug' }, () => ({ contents: SILENT_DEBUG, loader: 'js' }));
  },
};
