/**
 * The spec editor: diagnostics, live checks and their quick fixes, completion, hover and
 * CodeLens for `*.mcvpc.yaml` files, composed here and registered in one call from activate().
 */
import * as vscode from 'vscode';
import type { SchemaObject } from '../../targets';
import type { CloudSession } from '../shell/session';
import type { NetworkExplorer } from '../networkView/explorer';
import { SpecCatalog } from './model/specCatalog';
import { SpecCodeActionProvider } from './specCodeActions';
import { SpecCodeLensProvider } from './specCodeLens';
import { SpecCompletionProvider } from './specCompletion';
import { SpecDiagnostics } from './specDiagnostics';
import { SpecHoverProvider } from './specHover';
import { SpecLiveRunner } from './specLiveRunner';

/** Spec files, by path (whatever language id an editor gives them: yaml, or plain text without a YAML extension). */
export const SPEC_SELECTOR: vscode.DocumentSelector = { pattern: '**/*.mcvpc.{yaml,yml}' };

/** What the spec editor exposes to tests. */
export interface SpecLanguage {
  diagnostics: SpecDiagnostics;
  catalog: SpecCatalog;
}

/** Registers the spec editor's providers; everything goes into `context.subscriptions`. */
export function registerSpecLanguage(context: vscode.ExtensionContext, session: CloudSession, explorer: NetworkExplorer): SpecLanguage {
  const diagnostics = new SpecDiagnostics();
  const catalog = new SpecCatalog(() => session.openSession);
  const live = new SpecLiveRunner(diagnostics, catalog, session);
  const schema = async (): Promise<SchemaObject> => (await import('../../connectionSpec')).specSchema as SchemaObject;
  const lenses = new SpecCodeLensProvider(diagnostics, session);
  context.subscriptions.push(
    diagnostics,
    live,
    lenses,
    vscode.languages.registerCompletionItemProvider(SPEC_SELECTOR, new SpecCompletionProvider(catalog, schema), ':', ' '),
    vscode.languages.registerHoverProvider(SPEC_SELECTOR, new SpecHoverProvider(catalog, schema)),
    vscode.languages.registerCodeLensProvider(SPEC_SELECTOR, lenses),
    vscode.languages.registerCodeActionsProvider(SPEC_SELECTOR, new SpecCodeActionProvider(live), {
      providedCodeActionKinds: SpecCodeActionProvider.kinds,
    }),
    // A refresh of the Network view reads the cloud again: so do the live checks.
    explorer.onDidChangeTreeData((node) => {
      if (node !== undefined) return;
      catalog.clear();
      live.recheckAll();
    }),
  );
  return { diagnostics, catalog };
}
