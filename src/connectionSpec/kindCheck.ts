/**
 * Recognises YAML that is not a connection spec at all (a Kubernetes manifest, a Docker Compose
 * file…), so the user gets one clear sentence instead of a screenful of schema errors.
 */
import { isMap, type Node } from 'yaml';
import type { SpecDocument } from './yamlDocuments';
import { SPEC_KIND } from './defaults';
import { findPair, keyText, locate, type Ranger } from './nodes';
import { specSchema } from './schema';
import type { SpecProblem } from './types';
import { editDistance } from './words';

const NOT_A_SPEC = 'this is not a MaxCompute VPC Connect spec: expected `kind: NetworkLink`';

function lookalike(root: Node): string {
  if (findPair(root, 'apiVersion')) return ' (this looks like a Kubernetes manifest)';
  if (findPair(root, 'services')) return ' (this looks like a Docker Compose file)';
  if (findPair(root, 'jobs') || findPair(root, 'on')) return ' (this looks like a CI workflow)';
  return '';
}

/** A problem when the document is clearly some other kind of YAML; undefined when it is (meant to be) a spec. */
export function notASpecProblem(doc: SpecDocument, data: unknown, ranger: Ranger, documentIndex: number): SpecProblem | undefined {
  const root = locate(doc, []);
  const base = { severity: 'error' as const, code: 'not-a-spec' as const, documentIndex };
  if (!isMap(root.node) || typeof data !== 'object' || data === null || Array.isArray(data)) {
    const got = Array.isArray(data) ? 'a list' : 'a single value';
    return { ...base, message: `${NOT_A_SPEC}, found ${got} instead of key: value lines`, range: ranger.valueRange(root) };
  }
  const record = data as Record<string, unknown>;
  const kind = record.kind;
  if (typeof kind === 'string') {
    // A near miss (`NetworkLnk`, `networklink`) is a typo for the schema to point out, not another format.
    if (kind === SPEC_KIND || editDistance(kind.toLowerCase(), SPEC_KIND.toLowerCase()) <= 3) return undefined;
    return {
      ...base,
      message: `${NOT_A_SPEC}, found \`kind: ${kind.slice(0, 60)}\`${lookalike(root.node)}`,
      range: ranger.at(['kind']),
      path: 'kind',
    };
  }
  if (kind !== undefined) return undefined;
  // No kind: a spec with kind forgotten still says mcvpc/… or has keys only a spec has
  // (`version` and `metadata` are too common elsewhere: Docker Compose, Kubernetes).
  if (typeof record.version === 'string' && record.version.startsWith('mcvpc')) return undefined;
  const ours = Object.keys(specSchema.properties ?? {}).filter((key) => key !== 'version' && key !== 'metadata');
  const keys = root.node.items.map((pair) => keyText(pair.key));
  if (keys.some((key) => ours.includes(key))) return undefined;
  return { ...base, message: `${NOT_A_SPEC}${lookalike(root.node)}`, range: ranger.keyRange(root) };
}
