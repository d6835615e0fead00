/** Registers the link-usage language features: diagnostics, quick fixes, completion. */
import type * as vscode from 'vscode';
import type { KnownLinksSource } from '../../core/usage';
import { registerUsageCodeActions } from './codeActions';
import { registerUsageCompletion } from './completion';
import { UsageDiagnostics } from './diagnostics';

/** Everything goes into `context.subscriptions`. */
export function registerLanguageFeatures(
  context: vscode.ExtensionContext,
  links: KnownLinksSource,
  linksChanged: vscode.Event<void>,
): void {
  const diagnostics = new UsageDiagnostics(links, linksChanged);
  context.subscriptions.push(diagnostics, registerUsageCodeActions(diagnostics), registerUsageCompletion(links));
}
