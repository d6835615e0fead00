/**
 * The explorer's data layer against a real emulator in plain Node: an ExplorerData whose source
 * is a real cloud session (as the extension builds it), settings a test can change, declared
 * links parsed from spec text, and helpers to walk the tree by label. Not a test file itself.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Cloud } from '../../src/cloud';
import { describeError } from '../../src/cloud/describeError';
import type { ProfileSummary } from '../../src/cloud/credentials';
import type { Emulator } from '../../src/emulator';
import { parseSpecFile } from '../../src/connectionSpec';
import { ExplorerData } from '../../src/ui/networkView/model/explorerData';
import type { DeclaredLink } from '../../src/ui/networkView/model/links';
import type { ExplorerNode } from '../../src/ui/networkView/model/nodes';

/** A data layer over `cloud`, with knobs. */
export interface ExplorerHarness {
  data: ExplorerData;
  settings: { regions: string[]; pageSize: number };
  declared: DeclaredLink[];
  profiles: ProfileSummary[];
  filters: Map<string, string>;
  failures: string[];
}

/** Builds the harness; `cloud` stands for the session of the active profile. */
export function explorerHarness(cloud: () => Promise<Cloud>): ExplorerHarness {
  const harness: Omit<ExplorerHarness, 'data'> = {
    settings: { regions: ['cn-hangzhou'], pageSize: 50 },
    declared: [],
    profiles: [],
    filters: new Map(),
    failures: [],
  };
  const data = new ExplorerData({
    openCloud: cloud,
    settings: () => harness.settings,
    profiles: async () => harness.profiles,
    declaredLinks: async () => harness.declared,
    regionFilter: (profile, regionId) => harness.filters.get(`${profile}/${regionId}`),
    describeError,
    logFailure: (what, error) => harness.failures.push(`${what}: ${error.message}`),
  });
  return Object.assign(harness, { data });
}

/** The links a spec text declares, as the spec index would hold them. */
export function declare(text: string, file = 'file:///workspace/test.mcvpc.yaml'): DeclaredLink[] {
  const { specs, problems } = parseSpecFile(text, file);
  if (specs.length === 0) throw new Error(`the test spec does not parse: ${problems.map((p) => p.message).join('; ')}`);
  return specs.map((spec) => ({ spec, file }));
}

/** A sample spec's text (samples/ use the default seed's ids). */
export function sample(name: string): string {
  return readFileSync(join(__dirname, '..', '..', 'samples', name), 'utf8');
}

/** The child whose label-ish text matches (kind and a predicate); fails with what there was. */
export function child<K extends ExplorerNode['kind']>(
  children: ExplorerNode[],
  kind: K,
  match: (node: Extract<ExplorerNode, { kind: K }>) => boolean = () => true,
): Extract<ExplorerNode, { kind: K }> {
  const found = children.find(
    (c): c is Extract<ExplorerNode, { kind: K }> => c.kind === kind && match(c as Extract<ExplorerNode, { kind: K }>),
  );
  if (found === undefined) throw new Error(`no ${kind} child matched among ${JSON.stringify(children.map((c) => `${c.kind}:${c.id}`))}`);
  return found;
}

/** API actions the emulator saw since `from` (an index into its request log). */
export function actionsSince(emu: Emulator, from: number): string[] {
  return emu
    .requests()
    .slice(from)
    .map((r) => r.action);
}
