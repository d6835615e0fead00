/**
 * Problems in `*.mcvpc.yaml` files as the user types: one DiagnosticCollection fed by
 * `parseSpecFile` (the same ranges and words `mcvpc validate` prints; incrementally, document by
 * document, see src/connectionSpec/incremental.ts) for open editors on open and on change, and for every spec of the workspace at start and when a file changes on disk. Live
 * checks (warnings from the cached read model) are added later and never delay the parse.
 */
import * as vscode from 'vscode';
import type { IncrementalSpecParser } from '../../connectionSpec';
import type { SpecFileResult, SpecProblem } from '../../connectionSpec/types';
import { isSpecPath, SPEC_GLOB } from '../networkView/specIndex';
import { PolicySettingsCache, type SpecPolicy } from './policySettings';
import { editorProblems, parseDelayMs, policyProblems, type PolicyProblem } from './model/specProblems';
import { readWorkspaceSpec, yieldToHost } from '../networkView/specFileRead';

/** Red Hat's YAML extension, which reads our `yamlValidation` contribution. */
const RED_HAT_YAML = 'redhat.vscode-yaml';
const MAX_SPEC_FILES = 500;

/** A problem's range in VS Code's terms. */
export function toRange(range: SpecProblem['range']): vscode.Range {
  return new vscode.Range(range.start.line, range.start.column, range.end.line, range.end.column);
}

function severityOf(severity: SpecProblem['severity']): vscode.DiagnosticSeverity {
  return severity === 'error'
    ? vscode.DiagnosticSeverity.Error
    : severity === 'warning'
      ? vscode.DiagnosticSeverity.Warning
      : vscode.DiagnosticSeverity.Information;
}

/** A policy rule's finding: its id links to the rule's documentation. */
function toPolicyDiagnostic(problem: PolicyProblem): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toRange(problem.range), problem.message, severityOf(problem.severity));
  diagnostic.source = 'mcvpc';
  diagnostic.code = { value: problem.ruleId, target: vscode.Uri.parse(problem.docUrl) };
  return diagnostic;
}

function toDiagnostic(problem: SpecProblem): vscode.Diagnostic {
  const severity = severityOf(problem.severity);
  const diagnostic = new vscode.Diagnostic(toRange(problem.range), problem.message, severity);
  diagnostic.source = 'mcvpc';
  diagnostic.code = problem.code;
  return diagnostic;
}

/** The parse of one document version, shared with the live checks and the CodeLens. */
export interface ParsedSpec {
  uri: vscode.Uri;
  version: number;
  text: string;
  result: SpecFileResult;
  /** For a keystroke: milliseconds from its change reaching the extension to these problems being set. */
  handledMs?: number;
}

/** Owns the `mcvpc` DiagnosticCollection. */
export class SpecDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('mcvpc');
  private readonly disposables: vscode.Disposable[] = [this.collection];
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private readonly parsed = new Map<string, ParsedSpec>();
  private readonly live = new Map<string, vscode.Diagnostic[]>();
  private readonly parsedEmitter = new vscode.EventEmitter<ParsedSpec>();
  /** The policy rules' settings by folder (mcvpc.config.json), loaded on a spec's first publish. */
  private readonly policies = new PolicySettingsCache();
  private readonly policyOf = new Map<string, SpecPolicy>();
  /** Keeps each YAML document's outcome, so a keystroke re-reads only the document it changed. */
  private parser: IncrementalSpecParser | undefined;
  /** Fires after a document's (or file's) problems were set. */
  readonly onDidParse = this.parsedEmitter.event;

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher(SPEC_GLOB);
    this.disposables.push(
      watcher,
      this.parsedEmitter,
      this.policies,
      // A config changed: every spec's policy is read again.
      this.policies.changed(() => {
        this.policyOf.clear();
        for (const spec of this.parsed.values()) this.publish(spec);
      }),
      vscode.workspace.onDidOpenTextDocument((document) => this.schedule(document, 0)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0)
          this.schedule(event.document, parseDelayMs(event.document.getText().length), performance.now());
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        // An untitled spec has no file to keep problems for; a file's are read from disk again.
        if (!isSpecPath(document.uri.path)) return;
        if (document.uri.scheme === 'untitled') this.forget(document.uri);
        else void this.readFile(document.uri);
      }),
      watcher.onDidCreate((uri) => void this.readFile(uri)),
      watcher.onDidChange((uri) => void this.readFile(uri)),
      watcher.onDidDelete((uri) => this.forget(uri)),
      // Red Hat YAML turned on or off: show or hide the schema problems it also reports.
      vscode.extensions.onDidChange(() => {
        for (const spec of this.parsed.values()) this.publish(spec);
      }),
    );
    for (const document of vscode.workspace.textDocuments) this.schedule(document, 0);
    void this.scanWorkspace();
  }

  /** The latest parse of a document or file, if any. */
  latest(uri: vscode.Uri): ParsedSpec | undefined {
    return this.parsed.get(uri.toString());
  }

  /** Every parsed spec (open documents and workspace files). */
  all(): ParsedSpec[] {
    return [...this.parsed.values()];
  }

  /** Replaces the live-check warnings of a document (empty: none). */
  setLive(uri: vscode.Uri, version: number, diagnostics: vscode.Diagnostic[]): void {
    const spec = this.parsed.get(uri.toString());
    if (spec === undefined || spec.version !== version) return;
    this.live.set(uri.toString(), diagnostics);
    this.publish(spec);
  }

  dispose(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
    for (const d of this.disposables) d.dispose();
  }

  private schedule(document: vscode.TextDocument, delayMs: number, receivedAt?: number): void {
    if (!isSpecPath(document.uri.path)) return;
    const key = document.uri.toString();
    const timer = this.pending.get(key);
    if (timer !== undefined) clearTimeout(timer);
    const run = (): void => {
      this.pending.delete(key);
      if (!document.isClosed) void this.parse(document.uri, document.version, document.getText(), receivedAt);
    };
    if (delayMs === 0) {
      this.pending.delete(key);
      run();
    } else this.pending.set(key, setTimeout(run, delayMs));
  }

  private async parse(uri: vscode.Uri, version: number, text: string, receivedAt?: number): Promise<void> {
    // This very text was parsed already (a file watcher's late event for an open document).
    const known = this.parsed.get(uri.toString());
    if (known !== undefined && version >= 0 && known.version === version && known.text === text) return;
    // Loaded on the first spec, not at activation: the parser brings the YAML library along.
    // Once loaded, the parse runs in the same turn as the keystroke's change event.
    this.parser ??= new (await import('../../connectionSpec')).IncrementalSpecParser();
    const result = this.parser.parse(text, uri.path.split('/').pop());
    const key = uri.toString();
    const previous = this.parsed.get(key);
    if (previous !== undefined && version >= 0 && previous.version > version) return;
    // Live warnings were about the old text: drop them until the live checks run again.
    if (previous?.text !== text) this.live.delete(key);
    const spec: ParsedSpec = { uri, version, text, result };
    this.parsed.set(key, spec);
    this.publish(spec);
    if (receivedAt !== undefined) spec.handledMs = performance.now() - receivedAt;
    this.parsedEmitter.fire(spec);
  }

  private publish(spec: ParsedSpec): void {
    const redHat = vscode.extensions.getExtension(RED_HAT_YAML)?.isActive === true;
    const shown = editorProblems(spec.result.problems, redHat).map(toDiagnostic);
    const key = spec.uri.toString();
    const policy = this.policyOf.get(key);
    if (policy === undefined) {
      // Shown without the rules for the moment it takes to find the config, then again with them.
      void this.policies.forSpec(spec.uri).then((found) => {
        this.policyOf.set(key, found);
        if (this.parsed.get(key) === spec) this.publish(spec);
      });
    }
    const rules = policy === undefined ? [] : policyProblems(spec.result, policy.settings).map(toPolicyDiagnostic);
    const configError =
      policy?.error === undefined
        ? []
        : [
            Object.assign(
              new vscode.Diagnostic(
                new vscode.Range(0, 0, 0, 0),
                `${policy.error}; the policy rules' defaults apply`,
                vscode.DiagnosticSeverity.Warning,
              ),
              { source: 'mcvpc', code: 'config' },
            ),
          ];
    this.collection.set(spec.uri, [...shown, ...rules, ...configError, ...(this.live.get(key) ?? [])]);
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    this.parsed.delete(key);
    this.live.delete(key);
    this.policyOf.delete(key);
    this.collection.delete(uri);
  }

  /** A file's problems from disk, unless an editor holds its (maybe unsaved) text. */
  private async readFile(uri: vscode.Uri): Promise<void> {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open !== undefined && !open.isClosed) {
      this.schedule(open, 0);
      return;
    }
    let text: string;
    try {
      const read = await readWorkspaceSpec(uri);
      if (!('text' in read)) {
        this.forget(uri);
        this.collection.set(uri, [new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), read.refused, vscode.DiagnosticSeverity.Error)]);
        return;
      }
      text = read.text;
    } catch {
      this.forget(uri);
      return;
    }
    // -1: a file's version; any editor version replaces it.
    await this.parse(uri, -1, text);
  }

  private async scanWorkspace(): Promise<void> {
    const files = await vscode.workspace.findFiles(SPEC_GLOB, '**/node_modules/**', MAX_SPEC_FILES);
    for (const uri of files) {
      if (this.parsed.has(uri.toString())) continue;
      await this.readFile(uri);
      await yieldToHost();
    }
  }
}
