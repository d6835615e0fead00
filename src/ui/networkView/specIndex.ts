/**
 * The network links the workspace's spec files (`*.mcvpc.yaml` / `.yml`) declare, read through
 * `parseSpecFile` and kept current: saved changes, creations and deletions through a
 * FileSystemWatcher, unsaved edits through onDidChangeTextDocument, both debounced so typing
 * does not redraw the tree on every key.
 */
import * as vscode from 'vscode';
import { readWorkspaceSpec, yieldToHost } from './specFileRead';
import type { DeclaredLink, InvalidDeclaredLink } from './model/links';

/** Spec files, as a glob for findFiles and the watcher. */
export const SPEC_GLOB = '**/*.mcvpc.{yaml,yml}';
const DEBOUNCE_MS = 300;
/** A workspace with more spec files than this is not scanned further (the tree stays responsive). */
const MAX_SPEC_FILES = 500;

/** Problems that mean the file was not read at all (nothing to sketch from it). */
const FILE_REFUSALS: ReadonlySet<string> = new Set(['file-too-large', 'binary-content', 'too-deep', 'too-many-documents']);

/** True for a spec file's path. */
export function isSpecPath(path: string): boolean {
  return /\.mcvpc\.ya?ml$/i.test(path);
}

/** The declared links of the workspace, by file. */
export class SpecIndex implements vscode.Disposable {
  private readonly byFile = new Map<string, DeclaredLink[]>();
  private readonly invalidByFile = new Map<string, InvalidDeclaredLink[]>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private scan: Promise<void> | undefined;
  /** Fires (debounced) when the declared links may have changed. */
  readonly onDidChange = this.changed.event;

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher(SPEC_GLOB);
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => this.schedule(uri)),
      watcher.onDidChange((uri) => this.schedule(uri)),
      watcher.onDidDelete((uri) => {
        this.byFile.delete(uri.toString());
        this.invalidByFile.delete(uri.toString());
        this.changed.fire();
      }),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (isSpecPath(event.document.uri.path) && event.contentChanges.length > 0) this.schedule(event.document.uri);
      }),
      // Closing an editor without saving drops its edits: read the file again.
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (isSpecPath(document.uri.path) && document.uri.scheme !== 'untitled') this.schedule(document.uri);
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        this.scan = undefined;
        this.changed.fire();
      }),
    );
  }

  /** Every declared link, after the first scan of the workspace. */
  async declared(): Promise<readonly DeclaredLink[]> {
    this.scan ??= this.scanWorkspace();
    await this.scan;
    return [...this.byFile.values()].flat();
  }

  /** Links declared by documents with errors, after the first scan of the workspace. */
  async invalid(): Promise<readonly InvalidDeclaredLink[]> {
    this.scan ??= this.scanWorkspace();
    await this.scan;
    return [...this.invalidByFile.values()].flat();
  }

  dispose(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
    for (const d of this.disposables) d.dispose();
    this.changed.dispose();
  }

  private async scanWorkspace(): Promise<void> {
    const files = await vscode.workspace.findFiles(SPEC_GLOB, '**/node_modules/**', MAX_SPEC_FILES);
    this.byFile.clear();
    this.invalidByFile.clear();
    // One file at a time, yielding between them: 500 specs parsed in one turn would hold the shared host.
    for (const uri of files) {
      await this.read(uri);
      await yieldToHost();
    }
  }

  private schedule(uri: vscode.Uri): void {
    const key = uri.toString();
    const timer = this.pending.get(key);
    if (timer !== undefined) clearTimeout(timer);
    this.pending.set(
      key,
      setTimeout(() => {
        this.pending.delete(key);
        void this.read(uri).then(() => this.changed.fire());
      }, DEBOUNCE_MS),
    );
  }

  private async read(uri: vscode.Uri): Promise<void> {
    const key = uri.toString();
    // Unsaved edits win over the file: the tree follows them. A document without edits is read from
    // disk, so one that lingers after its file was deleted declares nothing.
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key && d.isDirty);
    let text: string;
    try {
      const read = open !== undefined ? { text: open.getText() } : await readWorkspaceSpec(uri);
      // A file too large or not a regular file declares nothing (the diagnostics say why).
      if (!('text' in read)) throw new Error(read.refused);
      text = read.text;
    } catch {
      this.byFile.delete(key);
      this.invalidByFile.delete(key);
      return;
    }
    // Loaded on the first spec file, not at activation: the parser brings the YAML library along.
    const { parseSpecFile, linkSketches } = await import('../../connectionSpec');
    const { specs, problems } = parseSpecFile(text, uri.path);
    this.byFile.set(
      key,
      specs.map((spec) => ({ spec, file: key })),
    );
    // A document with errors gives no spec; its link stays in the view, marked (the diagnostics say what is wrong).
    const errorsByDocument = new Map<number, number>();
    for (const p of problems)
      if (p.severity === 'error' && p.documentIndex !== undefined)
        errorsByDocument.set(p.documentIndex, (errorsByDocument.get(p.documentIndex) ?? 0) + 1);
    const unreadable = problems.some((p) => FILE_REFUSALS.has(p.code));
    const valid = new Set(specs.map((s) => s.documentIndex));
    const invalid =
      errorsByDocument.size === 0 || unreadable
        ? []
        : linkSketches(text).filter((s) => !valid.has(s.documentIndex) && errorsByDocument.has(s.documentIndex));
    this.invalidByFile.set(
      key,
      invalid.map((sketch) => ({ ...sketch, file: key, problemCount: errorsByDocument.get(sketch.documentIndex) ?? 0 })),
    );
  }
}
