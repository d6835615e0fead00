/**
 * Plans shown as read-only virtual documents (`mcvpc-plan:` URIs): one per link, reused by every
 * run (its text replaced), never an untitled file that asks to be saved when closed.
 */
import * as vscode from 'vscode';

/** The URI scheme of plan documents. */
export const PLAN_SCHEME = 'mcvpc-plan';

/** The plan texts by link, and the provider VS Code reads them through. */
class PlanDocuments implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.path) ?? '';
  }

  /** Sets the link's plan text and shows its document beside the editor (the same tab each time). */
  async show(linkName: string, text: string): Promise<vscode.TextEditor> {
    const uri = vscode.Uri.from({ scheme: PLAN_SCHEME, path: `/Plan for ${linkName}` });
    this.texts.set(uri.path, text);
    this.changed.fire(uri);
    const document = await vscode.workspace.openTextDocument(uri);
    // An open document takes the new text a moment after the change event: show it once it has.
    if (document.getText() !== text) await textArrived(uri, text);
    return vscode.window.showTextDocument(document, { preview: true, viewColumn: vscode.ViewColumn.Beside, preserveFocus: false });
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** Resolves when the document at `uri` holds `text` (or after two seconds, showing what it has). */
function textArrived(uri: vscode.Uri, text: string): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      subscription.dispose();
      clearTimeout(timer);
      resolve();
    };
    const subscription = vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document.uri.toString() === uri.toString() && event.document.getText() === text) done();
    });
    const timer = setTimeout(done, 2_000);
  });
}

/** The one registry, created with its registration on first use. */
let documents: PlanDocuments | undefined;

/** The plan documents (registers the provider the first time; `subscriptions` disposes it). */
export function planDocuments(subscriptions?: vscode.Disposable[]): PlanDocuments {
  if (documents === undefined) {
    documents = new PlanDocuments();
    const registration = vscode.workspace.registerTextDocumentContentProvider(PLAN_SCHEME, documents);
    const owned = documents;
    subscriptions?.push(registration, owned, { dispose: () => (documents = documents === owned ? undefined : documents) });
  }
  return documents;
}
