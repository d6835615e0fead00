import type { BuildOptions } from 'esbuild';
/** The esbuild options of every file the build writes (outfile/outdir relative to the repository root). */
export declare function buildOptions(options?: { production?: boolean }): BuildOptions[];
