/**
 * The link-usage checks (core/usage/checks.ts) as diagnostics of open documents, kept current
 * as they are edited and as spec files change; the problems are kept for the quick fixes.
 */
import * as vscode from 'vscode';
import { checkUsage, type KnownLinksSource, type UsageProblem } from '../../core/usage';
import { dialectOf, toRange } from './documents';

const DEBOUNCE_MS = 250;
const SEVERITY = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
} as const;

/** A published diagnostic and the problem it shows, so a code action finds its fixes. */
export interface UsageDiagnostic {
  diagnostic: vscode.Diagnostic;
  problem: UsageProblem;
}

/** Checks open documents and publishes the problems. */
export class UsageDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('mcvpc-usage');
  private readonly pending = new Map<string, NodeJS.Timeout>();
  /** What was published per document: VS Code hands providers copies of diagnostics, so the problems are kept here. */
  private readonly published = new Map<string, UsageDiagnostic[]>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly links: KnownLinksSource,
    linksChanged: vscode.Event<void>,
  ) {
    this.disposables.push(
      this.collection,
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document, DEBOUNCE_MS)),
      vscode.workspace.onDidCloseTextDocument((d) => {
        // An untitled name is reused: the close of the old document may arrive after the new one opened.
        if (vscode.workspace.textDocuments.some((open) => open.uri.toString() === d.uri.toString())) return;
        this.collection.delete(d.uri);
        this.published.delete(d.uri.toString());
      }),
      linksChanged(() => this.checkAll()),
    );
    this.checkAll();
  }

  /** The diagnostics of a document, with their problems. */
  diagnostics(uri: vscode.Uri): readonly UsageDiagnostic[] {
    return this.published.get(uri.toString()) ?? [];
  }

  /** Checks every open document again (the known links changed). */
  checkAll(): void {
    for (const document of vscode.workspace.textDocuments) this.schedule(document, 0);
  }

  dispose(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    for (const d of this.disposables) d.dispose();
  }

  private schedule(document: vscode.TextDocument, delay: number): void {
    if (dialectOf(document) === undefined) return;
    const key = document.uri.toString();
    clearTimeout(this.pending.get(key));
    this.pending.set(
      key,
      setTimeout(() => {
        this.pending.delete(key);
        void this.check(document);
      }, delay),
    );
  }

  private async check(document: vscode.TextDocument): Promise<void> {
    const dialect = dialectOf(document);
    if (dialect === undefined || document.isClosed) return;
    const version = document.version;
    const problems = checkUsage(document.getText(), dialect, await this.links.knownLinks());
    // An edit arrived while the links were read: its own check publishes.
    if (document.version !== version || document.isClosed) return;
    const published = problems.map((problem) => {
      const diagnostic = new vscode.Diagnostic(toRange(problem.range), problem.message, SEVERITY[problem.severity]);
      diagnostic.source = 'mcvpc';
      diagnostic.code = problem.code;
      return { diagnostic, problem };
    });
    this.published.set(document.uri.toString(), published);
    this.collection.set(
      document.uri,
      published.map((p) => p.diagnostic),
    );
  }
}
