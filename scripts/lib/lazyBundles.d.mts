import type { BuildOptions, Plugin } from 'esbuild';
export declare const LAZY_BUNDLES: Record<string, string[]>;
export declare const lazyBundlesPlugin: Plugin;
/** esbuild options of each lazily required file (dist/sdk.js, dist/yaml.js). */
export declare function lazyBundleOptions(root: string): BuildOptions[];
