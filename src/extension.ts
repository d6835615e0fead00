import * as vscode from 'vscode';
import { createTestApi, type McvpcTestApi } from './ui/api';
import { registerCommands } from './ui/commands';
import { registerSpecLanguage } from './ui/language/specLanguage';
import { planDocuments } from './ui/planDocument';
import { ViewId } from './ui/ids';
import { registerLanguageFeatures } from './ui/language';
import { WorkspaceKnownLinks } from './ui/language/knownLinks';
import { channelLogger } from './ui/log';
import { clearLeakyNodeDebug } from './ui/nodeDebug';
import { CloudSession } from './ui/session';
import { affectsSettings, readSettings } from './ui/settings';
import { createStatusBar } from './ui/statusBar';
import { StoredAccessKey } from './ui/storedAccessKey';
import { NetworkExplorer } from './ui/tree/explorer';
import { RegionFilters } from './ui/tree/regionFilters';
import { SpecIndex } from './ui/tree/specIndex';

/** Composes the extension's services and hands them to the register functions. Nothing else. */
export function activate(context: vscode.ExtensionContext): McvpcTestApi {
  const log = vscode.window.createOutputChannel('MaxCompute VPC Connect', { log: true });
  const nodeDebug = clearLeakyNodeDebug();
  if (nodeDebug !== undefined) log.warn(nodeDebug);
  const session = new CloudSession(() => readSettings(), channelLogger(log), new StoredAccessKey(context.secrets));
  const specs = new SpecIndex();
  const explorer = new NetworkExplorer(session, specs, new RegionFilters(context.workspaceState), log);
  context.subscriptions.push(
    log,
    session,
    specs,
    explorer,
    vscode.window.registerTreeDataProvider(ViewId.explorer, explorer),
    createStatusBar(session),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!affectsSettings(event)) return;
      session.reset();
      explorer.refresh();
    }),
  );
  planDocuments(context.subscriptions);
  const links = new WorkspaceKnownLinks(specs, explorer);
  registerLanguageFeatures(context, links, specs.onDidChange);
  const commandFailures = registerCommands(context, { session, explorer, log, links });
  const spec = registerSpecLanguage(context, session, explorer);
  return createTestApi(session, explorer, commandFailures, spec);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
