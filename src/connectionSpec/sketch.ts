/**
 * What a spec document that does not pass validation still says about its link: name, region,
 * VPC, vSwitch, as far as they are written as text. Lets the Network view keep such a link in
 * place (marked with its problems) instead of dropping it while the user fixes a typo.
 */
import { parseAllDocuments } from 'yaml';
import { MAX_ALIAS_COUNT, MAX_SPEC_FILE_BYTES } from './limits';

/** The link fields a document writes as plain strings; any may be missing. */
export interface LinkSketch {
  documentIndex: number;
  name?: string;
  profile?: string;
  regionId?: string;
  vpcId?: string;
  vSwitchId?: string;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** One sketch per document that reads as a mapping with `kind: NetworkLink`; never throws. */
export function linkSketches(source: string): LinkSketch[] {
  if (source.length > MAX_SPEC_FILE_BYTES) return [];
  const sketches: LinkSketch[] = [];
  try {
    // No duplicate-key check: the composer's compares each key with every earlier one (seconds at
    // 20,000 keys, on the extension host); a sketch only reads a few keys, and parse.ts reports duplicates.
    parseAllDocuments(source, { logLevel: 'silent', uniqueKeys: false }).forEach((doc, documentIndex) => {
      let data: unknown;
      try {
        data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
      } catch {
        return;
      }
      if (typeof data !== 'object' || data === null || Array.isArray(data)) return;
      const fields = data as Record<string, unknown>;
      if (fields.kind !== 'NetworkLink') return;
      const metadata = typeof fields.metadata === 'object' && fields.metadata !== null ? (fields.metadata as Record<string, unknown>) : {};
      sketches.push({
        documentIndex,
        name: text(metadata.name),
        profile: text(fields.profile),
        regionId: text(fields.region),
        vpcId: text(fields.vpc),
        vSwitchId: text(fields.vSwitch),
      });
    });
  } catch {
    // parseAllDocuments reports errors on documents; a throw here is a yaml bug, and a sketch is only a courtesy.
  }
  return sketches;
}
