/**
 * Completion items for a spec at a cursor: keys and enum values from the schema (with their
 * descriptions), and real ids where a field takes one — regions with network-link support,
 * VPCs, vSwitches (supported zones first, the others marked with the reason), basic groups not
 * managed by MaxCompute, and each service kind's resources through the target-kind table.
 * Pure: the cloud's answers are handed in. No vscode.
 */
import { markdownCode as code, markdownInert, markdownText as text, yamlCommentText } from '../../../core/displayText';
import { isMaxComputeGroup, type SecurityGroup, type VSwitch, type Vpc } from '../../../core/model';
import { SUPPORTED_REGIONS, zoneSupportProblem } from '../../../core/zones';
import { TARGET_KINDS, type AnyTargetKind, type SchemaObject } from '../../../targets';
import type { CatalogService } from './specCatalog';
import type { CursorContext } from './specCursor';
import { idFieldOf, propertiesOf, resolveSchema, schemaAt } from './specSchemaNav';

/** One completion, in editor-neutral terms. */
export interface SpecCompletion {
  label: string;
  /** Replaces the context's replace range. */
  insertText: string;
  /** Short text beside the label (name, CIDR, zone). */
  detail?: string;
  /** Markdown shown beside the list. */
  documentation?: string;
  kind: 'property' | 'value' | 'resource';
  /** Orders the list (supported first). */
  sortText: string;
  /** Matched against what was typed (an id is found by its name too). */
  filterText?: string;
  /** Shown struck through: offered, but the field would be refused (an unsupported zone). */
  unusable?: boolean;
}

/** The id field the cursor is on, and what lists it. */
export type IdField =
  | { resource: 'region' }
  | { resource: 'vpc' }
  | { resource: 'vSwitch' }
  | { resource: 'linkGroup' }
  | { resource: 'targetGroup' }
  | { resource: 'service'; kind: AnyTargetKind };

/** The cloud's answers for an id field (what the provider read for `idFieldAt`). */
export interface IdChoices {
  vpcs?: readonly Vpc[];
  vSwitches?: readonly VSwitch[];
  groups?: readonly SecurityGroup[];
  services?: readonly CatalogService[];
}

/** The id field a value cursor is on, if any. */
export function idFieldAt(root: SchemaObject, ctx: CursorContext): IdField | undefined {
  if (ctx.mode !== 'value') return undefined;
  const path = ctx.path;
  if (path.length === 1 && (path[0] === 'region' || path[0] === 'vpc' || path[0] === 'vSwitch')) return { resource: path[0] };
  if (path.length === 2 && path[0] === 'securityGroup' && path[1] === 'id') return { resource: 'linkGroup' };
  if (path.length === 3 && path[0] === 'targets' && typeof path[1] === 'number') {
    const kind = TARGET_KINDS.find((k) => k.kind === ctx.siblings.kind);
    if (kind === undefined) return undefined;
    const field = String(path[2]);
    if (kind.service !== undefined && idFieldOf(kind) === field) return { resource: 'service', kind };
    const raw = propertiesOf(schemaAt(root, path.slice(0, 2), kind.kind))[field];
    if (raw?.$ref === '#/definitions/securityGroupId') return { resource: 'targetGroup' };
  }
  return undefined;
}

function describe(node: SchemaObject | undefined): string | undefined {
  const text = (node?.markdownDescription ?? node?.description) as string | undefined;
  return typeof text === 'string' ? text : undefined;
}

function indentOf(ctx: CursorContext, extra: number): string {
  return ' '.repeat(ctx.keyColumn + extra);
}

/** Keys of the mapping at the cursor that are not written yet; required ones first. */
function keyItems(root: SchemaObject, ctx: CursorContext): SpecCompletion[] {
  const node = schemaAt(root, ctx.path, ctx.siblings.kind);
  const properties = propertiesOf(node);
  const required = new Set((node?.required as string[] | undefined) ?? []);
  return Object.entries(properties)
    .filter(([key]) => !ctx.keys.includes(key))
    .map(([key, raw]) => {
      const value = resolveSchema(root, raw, ctx.siblings.kind);
      const isObject = value?.type === 'object' || value?.properties !== undefined;
      const isList = value?.type === 'array';
      const insertText = isObject ? `${key}:\n${indentOf(ctx, 2)}` : isList ? `${key}:\n${indentOf(ctx, 2)}- ` : `${key}: `;
      return {
        label: key,
        insertText,
        detail: required.has(key) ? 'required' : undefined,
        documentation: describe(value),
        kind: 'property' as const,
        sortText: `${required.has(key) ? 0 : 1}${key}`,
      };
    });
}

/** The values a schema node lists: enum, const, those of its anyOf/oneOf branches, or true/false. */
function fixedValues(node: SchemaObject): unknown[] {
  if (node.enum !== undefined) return node.enum as unknown[];
  if (node.const !== undefined) return [node.const];
  if (node.type === 'boolean') return [true, false];
  const branches = [...((node.anyOf as SchemaObject[] | undefined) ?? []), ...((node.oneOf as SchemaObject[] | undefined) ?? [])];
  return branches.flatMap((b) => (b.enum !== undefined ? (b.enum as unknown[]) : b.const !== undefined ? [b.const] : []));
}

/** Enum, const and boolean values of the field at the cursor. */
function valueItems(root: SchemaObject, ctx: CursorContext): SpecCompletion[] {
  const node = schemaAt(root, ctx.path, ctx.siblings.kind);
  if (node === undefined) return [];
  if (ctx.path.length === 3 && ctx.path[0] === 'targets' && ctx.path[2] === 'kind') {
    // A target's kind: every kind of the table, in its own words.
    return TARGET_KINDS.map((k, i) => ({
      label: k.kind,
      insertText: k.kind,
      detail: k.noun,
      documentation: describe(k.schema.definition),
      kind: 'value' as const,
      sortText: String(i).padStart(3, '0'),
    }));
  }
  const values = fixedValues(node);
  return values.map((v, i) => ({
    label: String(v),
    insertText: String(v),
    documentation: describe(node),
    kind: 'value' as const,
    sortText: String(i).padStart(3, '0'),
  }));
}

/** The id, plus `  # what it is` when the line has no comment yet (as the samples write it). */
function withComment(ctx: CursorContext, id: string, comment: string): string {
  // The comment is a cloud name: one line, no control character, or it would write YAML of its own.
  return ctx.hasComment || comment === '' ? id : `${id}   # ${yamlCommentText(comment)}`;
}

function regionItems(ctx: CursorContext): SpecCompletion[] {
  return SUPPORTED_REGIONS.map((r, i) => ({
    label: r.regionId,
    insertText: withComment(ctx, r.regionId, r.name),
    detail: r.name,
    documentation: `Zones with network links: ${r.zoneIds.join(', ')}`,
    kind: 'resource' as const,
    sortText: String(i).padStart(3, '0'),
  }));
}

function vpcItems(ctx: CursorContext, vpcs: readonly Vpc[]): SpecCompletion[] {
  return vpcs.map((v) => ({
    label: v.vpcId,
    insertText: withComment(ctx, v.vpcId, [v.name, v.cidrBlock].filter((s) => s !== '').join(', ')),
    detail: `${v.name || '(no name)'} · ${v.cidrBlock}`,
    documentation: `VPC **${text(v.name || v.vpcId)}** ${code(v.cidrBlock)}, ${text(v.status)}${v.isDefault ? ', default VPC' : ''}`,
    kind: 'resource' as const,
    sortText: `0${v.name}`,
    filterText: `${v.vpcId} ${v.name}`,
  }));
}

function vSwitchItems(ctx: CursorContext, regionId: string, vSwitches: readonly VSwitch[]): SpecCompletion[] {
  const vpcId = ctx.root.vpc;
  return vSwitches
    .filter((s) => vpcId === undefined || s.vpcId === vpcId)
    .map((s) => {
      const problem = zoneSupportProblem(regionId, s.zoneId);
      const zone = problem === undefined ? `zone ${s.zoneId} (supports network links)` : `zone ${s.zoneId} (no network links)`;
      return {
        label: s.vSwitchId,
        insertText: withComment(ctx, s.vSwitchId, `${s.name || s.vSwitchId}, ${zone}`),
        detail: `${s.name || '(no name)'} · ${s.zoneId}${problem === undefined ? '' : ' · not supported'} · ${s.cidrBlock}`,
        documentation:
          problem === undefined
            ? `vSwitch **${text(s.name || s.vSwitchId)}** ${code(s.cidrBlock)} in ${text(s.zoneId)}: network links can be created here.`
            : `**Not usable for a network link.** ${text(problem)}`,
        kind: 'resource' as const,
        sortText: `${problem === undefined ? 0 : 1}${s.name}`,
        filterText: `${s.vSwitchId} ${s.name}`,
        unusable: problem !== undefined,
      };
    });
}

function groupItems(ctx: CursorContext, groups: readonly SecurityGroup[], forLink: boolean): SpecCompletion[] {
  const vpcId = ctx.root.vpc;
  return (
    groups
      .filter((g) => (vpcId === undefined || g.vpcId === vpcId) && !isMaxComputeGroup(g))
      // The link's own group must be basic: advanced groups deny outbound traffic by default.
      .filter((g) => !forLink || g.type === 'normal')
      .map((g) => ({
        label: g.securityGroupId,
        insertText: withComment(ctx, g.securityGroupId, g.name),
        detail: `${g.name || '(no name)'} · ${g.type === 'normal' ? 'basic' : 'advanced'}`,
        documentation: g.description === '' ? undefined : text(g.description),
        kind: 'resource' as const,
        sortText: `0${g.name}`,
        filterText: `${g.securityGroupId} ${g.name}`,
      }))
  );
}

function serviceItems(ctx: CursorContext, kind: AnyTargetKind, services: readonly CatalogService[]): SpecCompletion[] {
  const vpcId = ctx.root.vpc;
  return services
    .filter((s) => s.kind === kind)
    .filter((s) => vpcId === undefined || s.resource.vpcId === vpcId)
    .map(({ resource }) => {
      const shown = kind.service!.present(resource);
      return {
        label: shown.id,
        insertText: withComment(ctx, shown.id, shown.label === shown.id ? shown.kindText : `${shown.label}, ${shown.kindText}`),
        detail: `${shown.label} · ${shown.kindText}`,
        documentation: shown.facts.map(markdownInert).join('\n'),
        kind: 'resource' as const,
        sortText: `0${shown.label}`,
        filterText: `${shown.id} ${shown.label}`,
      };
    });
}

/** Items for an id field from the cloud's answers. */
export function idItems(field: IdField, ctx: CursorContext, choices: IdChoices): SpecCompletion[] {
  const regionId = ctx.root.region ?? '';
  switch (field.resource) {
    case 'region':
      return regionItems(ctx);
    case 'vpc':
      return vpcItems(ctx, choices.vpcs ?? []);
    case 'vSwitch':
      return vSwitchItems(ctx, regionId, choices.vSwitches ?? []);
    case 'linkGroup':
      return groupItems(ctx, choices.groups ?? [], true);
    case 'targetGroup':
      return groupItems(ctx, choices.groups ?? [], false);
    case 'service':
      return serviceItems(ctx, field.kind, choices.services ?? []);
  }
}

/** Everything to offer at the cursor: schema keys or values, then ids from the choices. */
export function completionItems(root: SchemaObject, ctx: CursorContext, choices: IdChoices = {}): SpecCompletion[] {
  if (ctx.mode === 'key') return keyItems(root, ctx);
  const field = idFieldAt(root, ctx);
  return [...valueItems(root, ctx), ...(field === undefined ? [] : idItems(field, ctx, choices))];
}
