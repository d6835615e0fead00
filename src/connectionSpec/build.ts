/**
 * Builds the typed, defaulted `ConnectionSpec` of a document that passed the schema, with the
 * source range of every field. Defaults come from defaults.ts; a defaulted field's range is
 * its parent object's, so "Reveal in spec" still lands somewhere sensible.
 */
import type { SpecDocument } from './yamlDocuments';
import { targetKind, type TargetCommon, type TargetFields } from '../targets';
import { rootLocation, step, type Located, type PathSegment, type Ranger } from './nodes';
import type { ConnectionSpec, InboundSource, SecurityGroupSpec, SourceRange, TargetSpec } from './types';

/** The schema-valid data of one document (the schema guarantees these shapes). */
interface SpecData {
  version: 'mcvpc/v1';
  metadata: { name: string; description?: string };
  profile?: string;
  region: string;
  vpc: string;
  vSwitch: string;
  securityGroup: { id?: string; create?: { name: string; description?: string; inboundSource: string; allowWholeInternet?: boolean } };
  targets?: TargetData[];
}

interface TargetData {
  kind: string;
  name?: string;
  [field: string]: unknown;
}

class FieldRanger {
  private readonly root: Located;
  /** Each location's children by path segment, so a field is one step from its (already found) parent. */
  private readonly children = new Map<Located, Map<PathSegment, Located>>();

  constructor(
    private readonly doc: SpecDocument,
    private readonly ranger: Ranger,
  ) {
    this.root = rootLocation(doc);
  }

  private locate(path: readonly PathSegment[]): Located {
    let located = this.root;
    for (const segment of path) {
      let steps = this.children.get(located);
      if (steps === undefined) this.children.set(located, (steps = new Map()));
      let next = steps.get(segment);
      if (next === undefined) steps.set(segment, (next = step(this.doc, located, segment)));
      located = next;
    }
    return located;
  }

  /** The value's range when present, else the parent's. */
  field(path: readonly PathSegment[], fallback: SourceRange): SourceRange {
    const located = this.locate(path);
    return located.found ? this.ranger.valueRange(located) : fallback;
  }

  object(path: readonly PathSegment[]): SourceRange {
    return this.ranger.valueRange(this.locate(path));
  }
}

function inboundSource(text: string): InboundSource {
  if (text === 'vpc-cidr' || text === 'vswitch-cidr') return { kind: text };
  return { kind: 'cidr', cidr: text };
}

/** The typed target of a schema-valid item, built by its kind's module. */
function buildTarget(data: TargetData, index: number, fields: FieldRanger): TargetSpec {
  const at = ['targets', index];
  const range = fields.object(at);
  const kind = targetKind(data.kind);
  const targetFields: TargetFields = {
    data,
    range: (path, fallback) => fields.field([...at, ...(typeof path === 'string' ? [path] : path)], fallback ?? range),
  };
  const common: TargetCommon = {
    index,
    label: data.name ?? kind.derivedLabel(data),
    labelGiven: data.name !== undefined,
    range,
    ranges: { kind: fields.field([...at, 'kind'], range), label: fields.field([...at, 'name'], range) },
  };
  return kind.buildSpec(targetFields, common);
}

function buildSecurityGroup(data: SpecData['securityGroup'], fields: FieldRanger): SecurityGroupSpec {
  const range = fields.object(['securityGroup']);
  if (data.id !== undefined) {
    return { mode: 'existing', securityGroupId: data.id, range, ranges: { securityGroupId: fields.field(['securityGroup', 'id'], range) } };
  }
  const create = data.create!;
  const at = ['securityGroup', 'create'];
  const createRange = fields.object(at);
  const spec: SecurityGroupSpec = {
    mode: 'create',
    name: create.name,
    inboundSource: inboundSource(create.inboundSource),
    allowWholeInternet: create.allowWholeInternet === true,
    range,
    ranges: {
      name: fields.field([...at, 'name'], createRange),
      description: fields.field([...at, 'description'], createRange),
      inboundSource: fields.field([...at, 'inboundSource'], createRange),
      allowWholeInternet: fields.field([...at, 'allowWholeInternet'], createRange),
    },
  };
  if (create.description !== undefined) spec.description = create.description;
  return spec;
}

/** The typed spec of a schema-valid document; `targetIndices` places targets kept from a refused one (partial.ts) at their written index. */
export function buildConnectionSpec(
  data: unknown,
  doc: SpecDocument,
  ranger: Ranger,
  documentIndex: number,
  targetIndices?: readonly number[],
): ConnectionSpec {
  const spec = data as SpecData;
  const fields = new FieldRanger(doc, ranger);
  const range = ranger.documentRange();
  const metadataRange = fields.field(['metadata'], range);
  const built: ConnectionSpec = {
    documentIndex,
    version: spec.version,
    networkLinkName: spec.metadata.name,
    regionId: spec.region,
    vpcId: spec.vpc,
    vSwitchId: spec.vSwitch,
    securityGroup: buildSecurityGroup(spec.securityGroup, fields),
    targets: (spec.targets ?? []).map((t, i) => buildTarget(t, targetIndices?.[i] ?? i, fields)),
    range,
    ranges: {
      version: fields.field(['version'], range),
      kind: fields.field(['kind'], range),
      networkLinkName: fields.field(['metadata', 'name'], metadataRange),
      description: fields.field(['metadata', 'description'], metadataRange),
      profile: fields.field(['profile'], range),
      regionId: fields.field(['region'], range),
      vpcId: fields.field(['vpc'], range),
      vSwitchId: fields.field(['vSwitch'], range),
      securityGroup: fields.field(['securityGroup'], range),
      targets: fields.field(['targets'], range),
    },
  };
  if (spec.metadata.description !== undefined) built.description = spec.metadata.description;
  if (spec.profile !== undefined) built.profile = spec.profile;
  return built;
}
