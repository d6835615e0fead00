import * as vscode from 'vscode';
import { createTestApi, type McvpcTestApi } from './ui/shell/api';
import { registerCommands } from './ui/shell/commandTable';
import { registerSpecLanguage } from './ui/specEditor/specLanguage';
import { planDocuments } from './ui/planApply/planDocument';
import { ViewId } from './ui/shell/model/ids';
import { registerLanguageFeatures } from './ui/usageLines/usageLanguage';
import { WorkspaceKnownLinks } from './ui/usageLines/model/knownLinks';
import { channelLogger } from './ui/shell/log';
import { clearLeakyNodeDebug } from './ui/shell/model/nodeDebug';
import { CloudSession } from './ui/shell/session';
import { affectsSettings, readSettings } from './ui/shell/settings';
import { createStatusBar } from './ui/shell/statusBar';
import { StoredAccessKey } from './ui/shell/storedAccessKey';
import { NetworkExplorer } from './ui/networkView/explorer';
import { RegionFilters } from './ui/networkView/regionFilters';
import { SpecIndex } from './ui/networkView/specIndex';

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
