/**
 * The MaxCompute facts the emulator checks, in its own copy. The product keeps the same facts in
 * src/core (zones.ts, model.ts, networkLinkConsole.ts); the emulator must not import them, so that
 * it stays an independent oracle: if either copy drifts from the documentation, the product and
 * the emulator disagree and a test fails, instead of both being wrong together.
 * Source: shared/reference/alibaba-api.md §6 ("Region and zone restrictions", "What MaxCompute
 * creates", "RAM role for ENIs").
 */

/** The RAM role the account owner grants so MaxCompute can create ENIs in a VPC. */
export const NETWORK_LINK_ROLE_NAME = 'AliyunODPSRoleForENI';

/** Zones where the console lets a network link be created, by region (the doc's table, 2026). */
export const LINK_ZONES: Readonly<Record<string, readonly string[]>> = {
  'cn-hangzhou': ['cn-hangzhou-h', 'cn-hangzhou-i', 'cn-hangzhou-j', 'cn-hangzhou-k'],
  'cn-beijing': ['cn-beijing-f', 'cn-beijing-g', 'cn-beijing-h', 'cn-beijing-i', 'cn-beijing-l'],
  'cn-shanghai': ['cn-shanghai-b', 'cn-shanghai-e', 'cn-shanghai-g', 'cn-shanghai-m', 'cn-shanghai-n'],
  'cn-zhangjiakou': ['cn-zhangjiakou-a', 'cn-zhangjiakou-b', 'cn-zhangjiakou-c'],
  'cn-wulanchabu': ['cn-wulanchabu-b', 'cn-wulanchabu-c'],
  'cn-shenzhen': ['cn-shenzhen-c', 'cn-shenzhen-d', 'cn-shenzhen-e', 'cn-shenzhen-f'],
  'cn-hongkong': ['cn-hongkong-b', 'cn-hongkong-c'],
  'cn-shanghai-finance-1': ['cn-shanghai-finance-1f'],
  'ap-northeast-1': ['ap-northeast-1a', 'ap-northeast-1b'],
  'ap-southeast-1': ['ap-southeast-1a', 'ap-southeast-1b', 'ap-southeast-1c'],
  'ap-southeast-3': ['ap-southeast-3a', 'ap-southeast-3b'],
  'ap-southeast-5': ['ap-southeast-5a', 'ap-southeast-5b'],
  'eu-central-1': ['eu-central-1a', 'eu-central-1b', 'eu-central-1c'],
  'us-west-1': ['us-west-1a', 'us-west-1b'],
  'us-east-1': ['us-east-1a', 'us-east-1b'],
};

/** Why the console refuses a link in this zone, or undefined when it accepts it. */
export function linkZoneProblem(regionId: string, zoneId: string): string | undefined {
  const zones = LINK_ZONES[regionId];
  if (zones === undefined) return `MaxCompute network links are not available in region ${regionId}.`;
  if (!zones.includes(zoneId))
    return `Zone ${zoneId} does not support MaxCompute network links; supported zones in ${regionId}: ${zones.join(', ')}.`;
  return undefined;
}

/** The two return-traffic groups MaxCompute creates in a VPC (the doc names them so). */
export function managedGroupNames(vpcId: string): [string, string] {
  return [`MaxCompute-vpc-${vpcId}`, `MaxCompute-backup-vpc-${vpcId}`];
}

/** True for a name of one of MaxCompute's return-traffic groups (of any VPC). */
export function isManagedGroupName(name: string): boolean {
  return /^MaxCompute-(?:backup-)?vpc-.+$/.test(name);
}
