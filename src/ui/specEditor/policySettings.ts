/**
 * The policy settings of a spec in the editor: the nearest mcvpc.config.json in its folder or
 * above, within its workspace folder, read through vscode.workspace.fs and kept per folder until
 * a config file changes. A bad config is told once, as the reason; the defaults then apply.
 */
import * as vscode from 'vscode';
import { defaultPolicy, parsePolicyConfig, POLICY_CONFIG_FILE, type PolicySettings } from '../../core/policy';

export interface SpecPolicy {
  settings: PolicySettings;
  /** Why the config found could not be used (its file and key), if so. */
  error?: string;
}

/** Caches settings by folder; `changed` fires when a config file is created, changed or deleted. */
export class PolicySettingsCache implements vscode.Disposable {
  private readonly byFolder = new Map<string, Promise<SpecPolicy>>();
  private readonly watcher = vscode.workspace.createFileSystemWatcher(`**/${POLICY_CONFIG_FILE}`);
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly changed = this.emitter.event;

  constructor() {
    const reset = (): void => {
      this.byFolder.clear();
      this.emitter.fire();
    };
    this.watcher.onDidCreate(reset);
    this.watcher.onDidChange(reset);
    this.watcher.onDidDelete(reset);
  }

  /** The policy for a spec document. */
  forSpec(uri: vscode.Uri): Promise<SpecPolicy> {
    const root = vscode.workspace.getWorkspaceFolder(uri)?.uri;
    return this.forFolder(vscode.Uri.joinPath(uri, '..'), root);
  }

  dispose(): void {
    this.watcher.dispose();
    this.emitter.dispose();
  }

  private forFolder(folder: vscode.Uri, root: vscode.Uri | undefined): Promise<SpecPolicy> {
    const key = folder.toString();
    let found = this.byFolder.get(key);
    if (found === undefined) {
      found = this.look(folder, root);
      this.byFolder.set(key, found);
    }
    return found;
  }

  private async look(folder: vscode.Uri, root: vscode.Uri | undefined): Promise<SpecPolicy> {
    const file = vscode.Uri.joinPath(folder, POLICY_CONFIG_FILE);
    let bytes: Uint8Array | undefined;
    try {
      bytes = await vscode.workspace.fs.readFile(file);
    } catch {
      bytes = undefined;
    }
    if (bytes !== undefined) {
      try {
        return { settings: parsePolicyConfig(new TextDecoder().decode(bytes), vscode.workspace.asRelativePath(file)) };
      } catch (err) {
        return { settings: defaultPolicy(), error: (err as Error).message };
      }
    }
    // The workspace folder (or an untitled document's none) ends the search.
    const parent = vscode.Uri.joinPath(folder, '..');
    if (root === undefined || folder.toString() === root.toString() || parent.toString() === folder.toString())
      return { settings: defaultPolicy() };
    return this.forFolder(parent, root);
  }
}
