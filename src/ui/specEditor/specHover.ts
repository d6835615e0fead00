/** Hover on an id in a spec: the live resource and "Open in console" (see specHoverText.ts). */
import * as vscode from 'vscode';
import type { SchemaObject } from '../../targets';
import { targetKind } from '../../targets';
import type { SpecCatalog } from './model/specCatalog';
import { idFieldAt } from './model/specCompletionItems';
import { cursorContext } from './model/specCursor';
import { hoverFor, type HoverFacts } from './model/specHoverText';
import type { IdField } from './model/specCompletionItems';

async function factsFor(catalog: SpecCatalog, field: IdField, id: string, regionId: string): Promise<HoverFacts> {
  if (!catalog.available || field.resource === 'region') return {};
  switch (field.resource) {
    case 'vpc':
      return { vpcs: await catalog.vpcs(regionId) };
    case 'vSwitch':
      return { vSwitches: await catalog.vSwitches(regionId) };
    case 'linkGroup':
    case 'targetGroup': {
      const groups = await catalog.securityGroups(regionId);
      const rules = groups.some((g) => g.securityGroupId === id)
        ? await catalog.groupRules(regionId, id).catch(() => undefined)
        : undefined;
      return { groups, rules };
    }
    case 'service': {
      const services = await catalog.services(regionId);
      const found = services.find((s) => s.kind === field.kind && field.kind.service!.idOf(s.resource) === id);
      const kind = targetKind(field.kind.kind);
      const serviceLive =
        found === undefined
          ? undefined
          : await catalog
              .read(regionId, `access/${kind.kind}/${id}`, (cloud, signal) =>
                kind.service!.readAccess(cloud, regionId, found.resource, catalog.sharedReads(regionId), { signal }),
              )
              .catch(() => undefined);
      return { services, serviceLive };
    }
  }
}

/** The HoverProvider of spec files. */
export class SpecHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly catalog: SpecCatalog,
    private readonly schema: () => Promise<SchemaObject>,
  ) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const text = document.getText();
    // In a value, the context spans the whole value whichever character is hovered.
    const ctx = cursorContext(text, document.offsetAt(position));
    if (ctx?.mode !== 'value') return undefined;
    const field = idFieldAt(await this.schema(), ctx);
    if (field === undefined) return undefined;
    const id = text
      .slice(ctx.replaceStart, ctx.replaceEnd)
      .trim()
      .replace(/^["']|["']$/g, '');
    const regionId = field.resource === 'region' ? id : ctx.root.region;
    if (regionId === undefined) return undefined;
    let facts: HoverFacts;
    try {
      facts = await factsFor(this.catalog, field, id, regionId);
    } catch {
      return undefined;
    }
    if (field.resource !== 'region' && !this.catalog.available) {
      return new vscode.Hover(new vscode.MarkdownString('Open the MaxCompute VPC view (a cloud session) to see this resource here.'));
    }
    const hover = hoverFor(field, id, regionId, facts);
    if (hover === undefined) return undefined;
    const markdown = new vscode.MarkdownString(hover.lines.join('\n\n'));
    markdown.supportThemeIcons = true;
    if (hover.consoleUrl !== undefined) markdown.appendMarkdown(`\n\n[$(link-external) Open in console](${hover.consoleUrl})`);
    const range = new vscode.Range(document.positionAt(ctx.replaceStart), document.positionAt(ctx.replaceEnd));
    return new vscode.Hover(markdown, range);
  }
}
