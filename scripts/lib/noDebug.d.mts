import type { Plugin } from 'esbuild';
/** esbuild plugin for every Node bundle: `require('debug')` gets a logger that is never enabled. */
export declare const silentDebugPlugin: Plugin;
