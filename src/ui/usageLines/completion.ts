/** Completion of link names, `regionId:vpcId` and Cupid keys (core/usage/completion.ts) in SQL, Spark and code. */
import * as vscode from 'vscode';
import { COMPLETION_TRIGGERS, usageCompletions, type KnownLinksSource } from '../../core/usage';
import { dialectOf, USAGE_DOCUMENTS } from './documents';

const KINDS = {
  link: vscode.CompletionItemKind.Reference,
  vpc: vscode.CompletionItemKind.Value,
  key: vscode.CompletionItemKind.Property,
} as const;

/** Registers the completion provider. */
export function registerUsageCompletion(links: KnownLinksSource): vscode.Disposable {
  return vscode.languages.registerCompletionItemProvider(
    USAGE_DOCUMENTS,
    {
      async provideCompletionItems(document, position) {
        if (dialectOf(document) === undefined) return undefined;
        const prefix = document.lineAt(position.line).text.slice(0, position.character);
        const found = usageCompletions(prefix, await links.knownLinks());
        if (found.length === 0) return undefined;
        return found.map((c, i) => {
          const item = new vscode.CompletionItem({ label: c.label, description: c.detail }, KINDS[c.kind]);
          item.insertText = c.insertText;
          item.range = new vscode.Range(position.line, c.replaceFrom, position.line, position.character);
          item.detail = c.detail;
          if (c.documentation !== undefined) item.documentation = c.documentation;
          // Keep our order (links by name, keys by importance) and let the typed text filter.
          item.sortText = String(i).padStart(4, '0');
          return item;
        });
      },
    },
    ...COMPLETION_TRIGGERS,
  );
}
