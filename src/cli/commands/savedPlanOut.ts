/**
 * Where `mcvpc plan --out FILE` writes: a new file, or a plan mcvpc wrote before; never the spec,
 * another file that happens to have that name, or whatever a link there points at, unless the
 * person says `--force`. A typo (`--out links.mcvpc.yaml`) must not replace the spec with JSON.
 */
import { constants } from 'node:fs';
import { lstat, open, stat, writeFile } from 'node:fs/promises';
import { readBoundedText } from '../../cloud/boundedFile';
import { escapeForMessage } from '../../core/displayText';
import { parseSavedPlanFile } from '../../engine';
import { writeRegularFile } from '../fileWalk';

const SPEC_FILE = /\.mcvpc\.ya?ml$/i;

/** Most bytes a saved plan may have: a plan is a few kilobytes per link. */
export const MAX_SAVED_PLAN_BYTES = 8 * 1024 * 1024;

/** Why `out` may not be overwritten without --force, or undefined when it is a plan mcvpc wrote. */
async function overwriteRefusal(out: string, specFile: string): Promise<string | undefined> {
  const shown = escapeForMessage(out);
  const info = await lstat(out);
  if (info.isSymbolicLink()) return `--out ${shown} is a symbolic link; not written through it (give another file, or --force)`;
  if (info.isDirectory()) return `--out ${shown} is a directory; give a file name`;
  if (!info.isFile()) return `--out ${shown} is not a regular file; give another file`;
  const spec = await stat(specFile).catch(() => undefined);
  if (SPEC_FILE.test(out) || (spec !== undefined && spec.dev === info.dev && spec.ino === info.ino)) {
    return `--out ${shown} is a spec file; a saved plan goes to its own file (e.g. --out plan.json), or give --force to overwrite it`;
  }
  try {
    parseSavedPlanFile(await readBoundedText(out, { limit: MAX_SAVED_PLAN_BYTES, what: 'a saved plan' }), out);
    return undefined;
  } catch {
    return `--out ${shown} exists and is not a plan mcvpc wrote; not overwritten (give another file, or --force to overwrite it)`;
  }
}

/** Writes the plan's text to `out`; resolves to the refusal in words, or undefined once written. */
export async function writeSavedPlan(out: string, specFile: string, text: string, force: boolean): Promise<string | undefined> {
  if (force) {
    await writeFile(out, text, 'utf8');
    return undefined;
  }
  try {
    // A new file: created exclusively, so a file or a link planted meanwhile is not written through.
    const handle = await open(out, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o644);
    try {
      await handle.writeFile(text, 'utf8');
    } finally {
      await handle.close();
    }
    return undefined;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  const refusal = await overwriteRefusal(out, specFile);
  if (refusal !== undefined) return refusal;
  await writeRegularFile(out, text);
  return undefined;
}
