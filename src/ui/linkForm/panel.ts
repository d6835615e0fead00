/**
 * The form's webview panel: the page with its CSP (html.ts), local resources limited to
 * dist/webview, the `ready` handshake, and every inbound message through FormSession.receive
 * (which validates it). One panel per form; opening the form again on the same VPC shows it.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { HostMessage } from '../../shared/protocol';
import { ExtensionId } from '../shell/model/ids';
import type { CommandDeps } from '../shell/commandDeps';
import { FormSession, type FormTarget } from './formSession';
import { formPage } from './model/html';

const VIEW_TYPE = 'mcvpc.linkForm';

/** The open forms of one extension (by what they are for). */
class FormPanels {
  private readonly sessions = new Map<string, { session: FormSession; panel?: vscode.WebviewPanel }>();

  constructor(private readonly deps: CommandDeps) {}

  /** Opens (or shows again) the form for `target`; resolves to its session once it has read the VPC. */
  async open(target: FormTarget): Promise<FormSession> {
    const key = `${target.regionId}/${target.vpcId}/${target.preset?.existingLink?.name ?? 'new'}`;
    let entry = this.sessions.get(key);
    if (entry !== undefined && (entry.panel !== undefined || entry.session.running)) {
      this.show(key, entry.session);
      return entry.session;
    }
    const session = new FormSession(this.deps, target);
    entry = { session };
    this.sessions.set(key, entry);
    this.show(key, session);
    await session.load();
    return session;
  }

  /** Shows a session that may have lost its panel (the notification's "Show"). */
  reveal(session: FormSession): void {
    for (const [key, entry] of this.sessions) if (entry.session === session) this.show(key, session);
  }

  private show(key: string, session: FormSession): void {
    const entry = this.sessions.get(key)!;
    if (entry.panel !== undefined) {
      entry.panel.reveal();
      return;
    }
    const extensionUri = vscode.extensions.getExtension(ExtensionId)!.extensionUri;
    const root = vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
    const panel = vscode.window.createWebviewPanel(
      VIEW_TYPE,
      session.linkName !== '' ? `Network link ${session.linkName}` : 'Create Network Link',
      vscode.ViewColumn.Active,
      {
        enableScripts: true,
        localResourceRoots: [root],
      },
    );
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'mcvpc.svg');
    entry.panel = panel;
    const webview = panel.webview;
    webview.html = formPage({
      cspSource: webview.cspSource,
      nonce: randomBytes(16).toString('base64'),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(root, 'linkForm.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(root, 'linkForm.css')).toString(),
      title: 'Create Network Link',
    });
    // State goes out whole and only after the page said `ready` (messages posted before are lost).
    let ready = false;
    const unsubscribe = session.onView((view) => {
      if (!ready) return;
      panel.title = view.fields.name.value !== '' ? `Network link ${view.fields.name.value}` : 'Create Network Link';
      void webview.postMessage({ type: 'state', view } satisfies HostMessage);
    });
    const receiving = webview.onDidReceiveMessage((data: unknown) => {
      if ((data as { type?: unknown } | null)?.type === 'ready') ready = true;
      void session.receive(data);
    });
    panel.onDidDispose(() => {
      unsubscribe();
      receiving.dispose();
      entry.panel = undefined;
      // A run waiting for the console goes on without its panel; anything else ends here.
      if (!session.running) {
        session.dispose();
        this.sessions.delete(key);
      }
    });
  }
}

const registries = new WeakMap<CommandDeps, FormPanels>();

/** The forms of these command deps (one registry per activation). */
export function formPanels(deps: CommandDeps): FormPanels {
  let panels = registries.get(deps);
  if (panels === undefined) {
    panels = new FormPanels(deps);
    registries.set(deps, panels);
  }
  return panels;
}

export type { FormSession };
