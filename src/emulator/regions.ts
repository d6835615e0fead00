/**
 * The regions and zones DescribeRegions / DescribeZones answer with. Deliberately wider than
 * MaxCompute's supported table (src/core/zones.ts): `me-east-1` and zones like `cn-hangzhou-b`
 * exist in the cloud but cannot host a network link, which is what the product must notice.
 */

export interface RegionCatalogEntry {
  regionId: string;
  localName: string;
  endpoint: string;
  zoneIds: readonly string[];
}

/** Every region the emulator knows, with the zones DescribeZones lists. */
export const REGION_CATALOG: readonly RegionCatalogEntry[] = [
  {
    regionId: 'cn-hangzhou',
    localName: 'China (Hangzhou)',
    endpoint: 'vpc.aliyuncs.com',
    zoneIds: ['cn-hangzhou-b', 'cn-hangzhou-f', 'cn-hangzhou-g', 'cn-hangzhou-h', 'cn-hangzhou-i', 'cn-hangzhou-j', 'cn-hangzhou-k'],
  },
  {
    regionId: 'cn-shanghai',
    localName: 'China (Shanghai)',
    endpoint: 'vpc.cn-shanghai.aliyuncs.com',
    zoneIds: ['cn-shanghai-a', 'cn-shanghai-b', 'cn-shanghai-e', 'cn-shanghai-g', 'cn-shanghai-l', 'cn-shanghai-m', 'cn-shanghai-n'],
  },
  {
    regionId: 'cn-beijing',
    localName: 'China (Beijing)',
    endpoint: 'vpc.cn-beijing.aliyuncs.com',
    zoneIds: ['cn-beijing-a', 'cn-beijing-f', 'cn-beijing-g', 'cn-beijing-h', 'cn-beijing-i', 'cn-beijing-l'],
  },
  {
    regionId: 'ap-southeast-1',
    localName: 'Singapore',
    endpoint: 'vpc.ap-southeast-1.aliyuncs.com',
    zoneIds: ['ap-southeast-1a', 'ap-southeast-1b', 'ap-southeast-1c'],
  },
  { regionId: 'me-east-1', localName: 'UAE (Dubai)', endpoint: 'vpc.me-east-1.aliyuncs.com', zoneIds: ['me-east-1a'] },
];

const byId = new Map(REGION_CATALOG.map((r) => [r.regionId, r]));

/** The catalog entry of a region, or undefined for an unknown region id. */
export function catalogRegion(regionId: string): RegionCatalogEntry | undefined {
  return byId.get(regionId);
}

/** A human name for a zone, like the console's "Hangzhou Zone H". */
export function zoneLocalName(zoneId: string): string {
  const letter = zoneId.slice(-1).toUpperCase();
  const region = REGION_CATALOG.find((r) => r.zoneIds.includes(zoneId));
  const city = region ? region.localName.replace(/^.*\(|\)$/g, '') : zoneId;
  return `${city} Zone ${letter}`;
}
