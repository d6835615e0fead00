/**
 * The regions a document's Spark settings name (`eni.info`, the legacy `vpc.domain.list`): where
 * a host that learns links from the cloud has to look for them. A value with a mistake the
 * checks can correct (VPC first, a zone, spaces) counts with its corrected region, so the links
 * `--fix` re-checks against are there too.
 */
import { ENI_INFO_KEY, VPC_DOMAIN_LIST_KEY } from './facts';
import type { Dialect } from './dialect';
import { parseSettings } from './settings';
import { readDomainList, readEniInfo } from './vpcValues';

/** The distinct region ids named by the document's `eni.info` and `vpc.domain.list` values, sorted. */
export function regionsNamed(text: string, dialect: Dialect): string[] {
  const regions = new Set<string>();
  for (const setting of parseSettings(text, dialect).settings) {
    if (setting.key === ENI_INFO_KEY) {
      const reading = readEniInfo(setting.value);
      const value = reading.kind === 'ok' ? `${reading.regionId}:` : reading.kind === 'malformed' ? '' : reading.fixed;
      const regionId = value.split(':')[0];
      if (regionId !== undefined && regionId !== '') regions.add(regionId);
    } else if (setting.key === VPC_DOMAIN_LIST_KEY) {
      const reading = readDomainList(setting.value);
      if (reading.ok && reading.regionId !== undefined && reading.regionId !== '') regions.add(reading.regionId);
    }
  }
  return [...regions].sort();
}
