/**
 * Walking a folder a person named, when the folder may come from anywhere (a cloned repository):
 * entries are taken by `lstat` (a link is seen as a link), a link is followed only when its real
 * target lies inside the folder walked, each real folder is entered once (two links to `.` end
 * the walk instead of looping it), each real file is listed once, and every entry counts toward
 * the limit, unreadable ones and refusals included. Files are listed with their real path, which
 * is where a fix is written (see writeRegularFile), never through a link.
 */
import { constants } from 'node:fs';
import { lstat, open, readdir, realpath, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { escapeForMessage } from '../core/displayText';

/** A file the walk found: the path as shown (under the folder named) and its real path. */
export interface WalkedFile {
  path: string;
  realPath: string;
}

/** What the walk could not take, and why, in words. */
export interface WalkRefusal {
  path: string;
  error: string;
}

export interface WalkResult {
  files: WalkedFile[];
  refusals: WalkRefusal[];
  /** True when the walk stopped at the limit. */
  truncated: boolean;
}

export interface WalkOptions {
  /** Most entries (files and refusals together) the walk takes. */
  limit: number;
  /** Folder names never entered (their links are not followed either). */
  skipDir(name: string): boolean;
  /** Files worth listing, by path. */
  accept(path: string): boolean;
}

/** Why a path cannot be taken, in words. */
export function pathError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'cannot be read (permission denied)';
  if (code === 'ELOOP') return 'cannot be read (a loop of symbolic links)';
  if (code === 'EISDIR') return 'is a folder';
  return `cannot be read (${code ?? (err as Error).message})`;
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !rel.startsWith(sep) && !/^[A-Za-z]:/.test(rel));
}

/** Walks `folder` (named by a person, so itself followed if a link); see the module comment. */
export async function walkFolder(folder: string, options: WalkOptions): Promise<WalkResult> {
  const result: WalkResult = { files: [], refusals: [], truncated: false };
  const root = await realpath(folder);
  const visited = new Set<string>([root]);
  const listed = new Set<string>();
  const full = (): boolean => {
    if (result.files.length + result.refusals.length < options.limit) return false;
    result.truncated = true;
    return true;
  };
  const refuse = (path: string, error: string): void => {
    if (!full()) result.refusals.push({ path, error });
  };

  // An explicit stack instead of recursion: the depth of a hostile tree is the attacker's choice.
  const stack: Array<{ shown: string; real: string }> = [{ shown: folder, real: root }];
  while (stack.length > 0 && !full()) {
    const { shown, real } = stack.pop()!;
    let names: string[];
    try {
      names = (await readdir(real)).sort((a, b) => a.localeCompare(b));
    } catch (err) {
      refuse(shown, pathError(err));
      continue;
    }
    const folders: Array<{ shown: string; real: string }> = [];
    for (const name of names) {
      if (full()) break;
      const path = join(shown, name);
      let info;
      try {
        info = await lstat(join(real, name));
      } catch (err) {
        refuse(path, pathError(err));
        continue;
      }
      let target = join(real, name);
      if (info.isSymbolicLink()) {
        try {
          target = await realpath(target);
          info = await stat(target);
        } catch (err) {
          if (options.accept(path)) refuse(path, pathError(err));
          continue;
        }
        if (!inside(root, target)) {
          if (options.accept(path))
            refuse(path, `a link to ${escapeForMessage(target)}, outside ${escapeForMessage(folder)}: not followed`);
          continue;
        }
      }
      if (info.isDirectory()) {
        if (options.skipDir(name) || visited.has(target)) continue;
        visited.add(target);
        folders.push({ shown: path, real: target });
      } else if (options.accept(path)) {
        if (!info.isFile()) refuse(path, 'not a regular file (a pipe, socket or device): not read');
        else if (!listed.has(target)) {
          listed.add(target);
          result.files.push({ path, realPath: target });
        }
      }
    }
    // Depth first, in name order: folders pushed in reverse so the first pops first.
    for (const next of folders.reverse()) stack.push(next);
  }
  return result;
}

/**
 * Writes text to a file the walk listed, at its real path, refusing (ELOOP) if that path has
 * become a link since, and anything but a regular file: a fix never lands outside the folder.
 */
export async function writeRegularFile(realPath: string, text: string): Promise<void> {
  const handle = await open(resolve(realPath), constants.O_WRONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'ENOTREG' });
    await handle.truncate(0);
    await handle.write(text, 0, 'utf8');
  } finally {
    await handle.close();
  }
}
