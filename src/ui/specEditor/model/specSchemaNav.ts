/**
 * The JSON Schema node at a spec path, following `$ref`s and picking a target item's kind branch
 * (the schema's `allOf` of `if kind = … then #/definitions/<kind>Target`). Also where a kind's id
 * field is: read from the kind's schema fragment, never from its name. No vscode.
 */
import type { AnyTargetKind, SchemaObject } from '../../../targets';
import type { CursorPath } from './specCursor';

type Properties = Record<string, SchemaObject>;

function deref(root: SchemaObject, node: SchemaObject | undefined): SchemaObject | undefined {
  let current = node;
  for (let hops = 0; hops < 8 && current !== undefined && typeof current.$ref === 'string'; hops++) {
    const name = (current.$ref as string).replace('#/definitions/', '');
    const target = (root.definitions as Record<string, SchemaObject> | undefined)?.[name];
    // Keep the referring node's own words (a property's description beats the definition's).
    current =
      target === undefined ? undefined : { ...target, ...Object.fromEntries(Object.entries(current).filter(([k]) => k !== '$ref')) };
  }
  return current;
}

/** The node with `$ref`s followed and `allOf` branches merged (a kind branch only when `kind` matches). */
export function resolveSchema(root: SchemaObject, node: SchemaObject | undefined, kind?: string): SchemaObject | undefined {
  const base = deref(root, node);
  if (base === undefined) return undefined;
  let merged: SchemaObject = { ...base };
  for (const part of (base.allOf as SchemaObject[] | undefined) ?? []) {
    let branch: SchemaObject | undefined;
    if (part.if !== undefined) {
      const wanted = ((part.if as SchemaObject).properties as Properties | undefined)?.kind?.const;
      if (kind !== undefined && wanted === kind) branch = resolveSchema(root, part.then as SchemaObject, kind);
    } else branch = resolveSchema(root, part, kind);
    if (branch === undefined) continue;
    merged = {
      ...branch,
      ...merged,
      properties: { ...((branch.properties as Properties) ?? {}), ...((merged.properties as Properties) ?? {}) },
    };
  }
  return merged;
}

/** The schema of the value at `path`; `kind` picks the branch of the target item on the way. */
export function schemaAt(root: SchemaObject, path: CursorPath, kind?: string): SchemaObject | undefined {
  let node = resolveSchema(root, root, kind);
  for (const segment of path) {
    if (node === undefined) return undefined;
    const next =
      typeof segment === 'number'
        ? (node.items as SchemaObject | undefined)
        : ((node.properties as Properties | undefined)?.[segment] ?? undefined);
    node = resolveSchema(root, next, kind);
  }
  return node;
}

/** The properties of an object schema. */
export function propertiesOf(node: SchemaObject | undefined): Properties {
  return (node?.properties as Properties | undefined) ?? {};
}

/**
 * The field a kind's targets name their resource by: the one field of the kind's schema example
 * besides `kind` that the definition constrains with an id pattern (`instance`, `cluster`…).
 */
export function idFieldOf(kind: AnyTargetKind): string | undefined {
  const properties = (kind.schema.definition.properties as Properties | undefined) ?? {};
  return Object.keys(kind.schema.example).find(
    (field) => field !== 'kind' && typeof kind.schema.example[field] === 'string' && typeof properties[field]?.pattern === 'string',
  );
}

/** True when a schema node is a security group id (`#/definitions/securityGroupId`). */
export function isSecurityGroupIdSchema(node: SchemaObject | undefined): boolean {
  return node?.$ref === '#/definitions/securityGroupId';
}
