/**
 * Where MaxCompute network links can be created: the region and zone table of the
 * "Access a VPC via direct connection" doc (shared/reference/alibaba-api.md §6,
 * "Region and zone restrictions", verified 2026). Data, so a doc change is a one-line edit.
 */

export interface SupportedRegion {
  regionId: string;
  name: string;
  zoneIds: readonly string[];
}

export const SUPPORTED_REGIONS: readonly SupportedRegion[] = [
  { regionId: 'cn-hangzhou', name: 'China (Hangzhou)', zoneIds: ['cn-hangzhou-h', 'cn-hangzhou-i', 'cn-hangzhou-j', 'cn-hangzhou-k'] },
  {
    regionId: 'cn-beijing',
    name: 'China (Beijing)',
    zoneIds: ['cn-beijing-f', 'cn-beijing-g', 'cn-beijing-h', 'cn-beijing-i', 'cn-beijing-l'],
  },
  {
    regionId: 'cn-shanghai',
    name: 'China (Shanghai)',
    zoneIds: ['cn-shanghai-b', 'cn-shanghai-e', 'cn-shanghai-g', 'cn-shanghai-m', 'cn-shanghai-n'],
  },
  { regionId: 'cn-zhangjiakou', name: 'China (Zhangjiakou)', zoneIds: ['cn-zhangjiakou-a', 'cn-zhangjiakou-b', 'cn-zhangjiakou-c'] },
  { regionId: 'cn-wulanchabu', name: 'China (Ulanqab)', zoneIds: ['cn-wulanchabu-b', 'cn-wulanchabu-c'] },
  { regionId: 'cn-shenzhen', name: 'China (Shenzhen)', zoneIds: ['cn-shenzhen-c', 'cn-shenzhen-d', 'cn-shenzhen-e', 'cn-shenzhen-f'] },
  { regionId: 'cn-hongkong', name: 'China (Hong Kong)', zoneIds: ['cn-hongkong-b', 'cn-hongkong-c'] },
  { regionId: 'cn-shanghai-finance-1', name: 'China East 2 Finance (Shanghai)', zoneIds: ['cn-shanghai-finance-1f'] },
  { regionId: 'ap-northeast-1', name: 'Japan (Tokyo)', zoneIds: ['ap-northeast-1a', 'ap-northeast-1b'] },
  { regionId: 'ap-southeast-1', name: 'Singapore', zoneIds: ['ap-southeast-1a', 'ap-southeast-1b', 'ap-southeast-1c'] },
  { regionId: 'ap-southeast-3', name: 'Malaysia (Kuala Lumpur)', zoneIds: ['ap-southeast-3a', 'ap-southeast-3b'] },
  { regionId: 'ap-southeast-5', name: 'Indonesia (Jakarta)', zoneIds: ['ap-southeast-5a', 'ap-southeast-5b'] },
  { regionId: 'eu-central-1', name: 'Germany (Frankfurt)', zoneIds: ['eu-central-1a', 'eu-central-1b', 'eu-central-1c'] },
  { regionId: 'us-west-1', name: 'US (Silicon Valley)', zoneIds: ['us-west-1a', 'us-west-1b'] },
  { regionId: 'us-east-1', name: 'US (Virginia)', zoneIds: ['us-east-1a', 'us-east-1b'] },
];

const byRegion = new Map(SUPPORTED_REGIONS.map((r) => [r.regionId, r]));

export function isRegionSupported(regionId: string): boolean {
  return byRegion.has(regionId);
}

export function isZoneSupported(regionId: string, zoneId: string): boolean {
  return byRegion.get(regionId)?.zoneIds.includes(zoneId) ?? false;
}

/** Why a zone cannot host a network link (for tooltips and plan errors), or undefined when it can. */
export function zoneSupportProblem(regionId: string, zoneId: string): string | undefined {
  const region = byRegion.get(regionId);
  if (!region) return `MaxCompute network links are not available in region ${regionId}.`;
  if (!region.zoneIds.includes(zoneId)) {
    return `Zone ${zoneId} does not support MaxCompute network links; supported zones in ${regionId}: ${region.zoneIds.join(', ')}.`;
  }
  return undefined;
}
