/**
 * What `activate()` returns. TEST-FACING: the integration tests in test/integration call it
 * through `vscode.extensions.getExtension(ExtensionId).exports`; it is not a public API for
 * other extensions and may change with them.
 */
import type * as vscode from 'vscode';
import type { CommandFailure } from './commandTable';
import type { SpecLanguage } from '../specEditor/specLanguage';
import type { CloudSession, CallerIdentity } from './session';
import type { NetworkExplorer } from '../networkView/explorer';
import type { ExplorerNode } from '../networkView/model/nodes';

/** The test-facing API of the extension. */
export interface McvpcTestApi {
  /** STS GetCallerIdentity with the profile, region and credential source the extension uses. */
  getCallerIdentity(): Promise<CallerIdentity>;
  /** The Network view's children of `node` (its roots when absent), exactly as the view gets them. */
  getExplorerChildren(node?: ExplorerNode): Promise<ExplorerNode[]>;
  /** The TreeItem the Network view draws for `node` (label, description, icon, context value, tooltip). */
  getExplorerItem(node: ExplorerNode): vscode.TreeItem;
  /** The failures commands reported (their wrapper resolves to undefined), oldest first. */
  commandFailures(): readonly CommandFailure[];
  /** The spec editor's latest parse of a document: its version, problem count and, after a keystroke, how long the extension took. */
  latestSpecParse(uri: string): { version: number; problems: number; handledMs?: number } | undefined;
}

/** Builds the API over the extension's services. */
export function createTestApi(
  session: CloudSession,
  explorer: NetworkExplorer,
  commandFailures: () => readonly CommandFailure[],
  spec: SpecLanguage,
): McvpcTestApi {
  return {
    commandFailures,
    latestSpecParse: (uri) => {
      const parsed = spec.diagnostics.all().find((p) => p.uri.toString() === uri);
      return parsed === undefined
        ? undefined
        : {
            version: parsed.version,
            problems: parsed.result.problems.length,
            ...(parsed.handledMs === undefined ? {} : { handledMs: parsed.handledMs }),
          };
    },
    getCallerIdentity: () => session.callerIdentity(),
    getExplorerChildren: (node) => explorer.getChildren(node),
    getExplorerItem: (node) => explorer.getTreeItem(node),
  };
}

export type { CallerIdentity, ExplorerNode };
