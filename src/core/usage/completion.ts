/**
 * What to offer where the cursor is: link names after `odps.session.networklink=` and in
 * `'networklink'='…'`, `regionId:vpcId` of known links after `eni.info`, and the Cupid keys
 * after `spark.hadoop.odps.cupid.`. Pure: the line up to the cursor in, items out.
 */
import { CUPID_KEYS, ENI_INFO_KEY } from './facts';
import { linkedVpcs, namedLinks, type KnownLink } from './knownLinks';
import { eniInfoValue } from './lines';

export interface UsageCompletion {
  label: string;
  /** Replaces the text from `replaceFrom` (a column of the cursor's line) to the cursor. */
  insertText: string;
  replaceFrom: number;
  detail: string;
  documentation?: string;
  kind: 'link' | 'vpc' | 'key';
}

/** Completions at the end of `linePrefix` (the cursor's line up to the cursor). */
export function usageCompletions(linePrefix: string, links: readonly KnownLink[]): UsageCompletion[] {
  const linkName =
    /(?:odps\.session\.networklink\s*=\s*|odps\.session\.networklink['"]\s*:\s*['"]|['"]networklink['"]\s*=\s*['"])([\w-]*)$/i.exec(
      linePrefix,
    );
  if (linkName !== null) {
    const from = linePrefix.length - linkName[1]!.length;
    return namedLinks(links).map((l) => ({
      label: l.name,
      insertText: l.name,
      replaceFrom: from,
      detail: `${eniInfoValue(l)} · ${l.source}`,
      kind: 'link',
    }));
  }
  const eni = new RegExp(`${ENI_INFO_KEY.replace(/\./g, '\\.')}(?:\\s*[=:]\\s*|\\s+|['"]\\s*,\\s*['"])([\\w:-]*)$`).exec(linePrefix);
  if (eni !== null) {
    const from = linePrefix.length - eni[1]!.length;
    return linkedVpcs(links).map((l) => ({
      label: eniInfoValue(l),
      insertText: eniInfoValue(l),
      replaceFrom: from,
      detail: l.name !== undefined ? `network link "${l.name}"` : `network link (unnamed) · ${l.source}`,
      kind: 'vpc',
    }));
  }
  const key = /spark\.hadoop\.odps\.cupid\.([\w.]*)$/.exec(linePrefix);
  if (key !== null) {
    const from = linePrefix.length - key[0].length;
    return CUPID_KEYS.map((k) => ({
      label: k.key,
      insertText: k.key,
      replaceFrom: from,
      detail: k.legacy === true ? 'legacy: not needed with ENI' : 'Spark on MaxCompute',
      documentation: k.doc,
      kind: 'key',
    }));
  }
  return [];
}

/** Characters after which the editor should ask for completions. */
export const COMPLETION_TRIGGERS = ['=', '.', "'", '"', ' ', ':'];
