/**
 * Completion in spec files without any other extension: schema keys and values, and real ids
 * from the editor's read model when a cloud session is open (see specCompletionItems.ts).
 */
import * as vscode from 'vscode';
import type { SchemaObject } from '../../targets';
import type { SpecCatalog } from './model/specCatalog';
import { completionItems, idFieldAt, type IdChoices, type IdField, type SpecCompletion } from './model/specCompletionItems';
import { cursorContext, type CursorContext } from './model/specCursor';

const KINDS: Record<SpecCompletion['kind'], vscode.CompletionItemKind> = {
  property: vscode.CompletionItemKind.Property,
  value: vscode.CompletionItemKind.EnumMember,
  resource: vscode.CompletionItemKind.Reference,
};

/** Reads what an id field offers; a failed read offers nothing rather than an error popup. */
export async function idChoices(catalog: SpecCatalog, field: IdField | undefined, ctx: CursorContext): Promise<IdChoices> {
  const regionId = ctx.root.region;
  if (field === undefined || field.resource === 'region' || regionId === undefined || !catalog.available) return {};
  try {
    switch (field.resource) {
      case 'vpc':
        return { vpcs: await catalog.vpcs(regionId) };
      case 'vSwitch':
        return { vSwitches: await catalog.vSwitches(regionId) };
      case 'linkGroup':
      case 'targetGroup':
        return { groups: await catalog.securityGroups(regionId) };
      case 'service':
        return { services: await catalog.services(regionId) };
    }
  } catch {
    return {};
  }
}

/** The CompletionItemProvider of spec files. */
export class SpecCompletionProvider implements vscode.CompletionItemProvider {
  constructor(
    private readonly catalog: SpecCatalog,
    private readonly schema: () => Promise<SchemaObject>,
  ) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[]> {
    const text = document.getText();
    const ctx = cursorContext(text, document.offsetAt(position));
    if (ctx === undefined) return [];
    const root = await this.schema();
    const choices = await idChoices(this.catalog, idFieldAt(root, ctx), ctx);
    const range = new vscode.Range(document.positionAt(ctx.replaceStart), document.positionAt(ctx.replaceEnd));
    return completionItems(root, ctx, choices).map((c) => {
      const item = new vscode.CompletionItem({ label: c.label, description: c.detail }, KINDS[c.kind]);
      item.insertText = c.insertText;
      item.range = range;
      item.sortText = c.sortText;
      item.filterText = c.filterText;
      item.detail = c.detail;
      if (c.documentation !== undefined) item.documentation = new vscode.MarkdownString(c.documentation);
      if (c.unusable) item.tags = [vscode.CompletionItemTag.Deprecated];
      // A key that opens a mapping or a list: ask again on the next line.
      if (c.kind === 'property' && c.insertText.includes('\n'))
        item.command = { command: 'editor.action.triggerSuggest', title: 'Suggest' };
      return item;
    });
  }
}
