/**
 * Reading a workspace spec file for the Network view and the diagnostics, bounded like the CLI's
 * reads (src/cloud/boundedFile.ts): a cloned repository may hold a `*.mcvpc.yaml` that is a
 * FIFO, a device or a gigabyte, and the extension host is shared by every extension. The size
 * is taken from a stat before anything is read; only regular files (or links to them) are read.
 */
import * as vscode from 'vscode';
import { MAX_SPEC_FILE_BYTES } from '../../connectionSpec/limits';

/** The file's text, or why it was not read (too large, not a regular file). */
export type SpecFileRead = { text: string } | { refused: string };

/** Reads a spec file when it is a regular file of at most MAX_SPEC_FILE_BYTES; throws as `fs.readFile` does when it is gone. */
export async function readWorkspaceSpec(uri: vscode.Uri): Promise<SpecFileRead> {
  const stat = await vscode.workspace.fs.stat(uri);
  if ((stat.type & vscode.FileType.File) === 0)
    return { refused: 'This is not a regular file (a folder, a pipe or a device); a spec file is not read from it.' };
  if (stat.size > MAX_SPEC_FILE_BYTES)
    return {
      refused: `This file is ${stat.size} bytes; a MaxCompute VPC Connect spec may be at most ${MAX_SPEC_FILE_BYTES} bytes (1 MiB), so it is not read. Split it into several files.`,
    };
  return { text: new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)) };
}

/** Lets the extension host's other work run between two files of a workspace scan. */
export function yieldToHost(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
