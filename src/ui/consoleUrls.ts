/**
 * Where each resource lives in the Alibaba Cloud console, for "Open in Console". No vscode.
 *
 * [unverified] Every pattern below was written from the console's URL shapes as commonly seen,
 * not from a document: none of the reference sources states them, and they can change without
 * notice. They are kept in this ONE place so a correction is a one-line edit. The network-link
 * page comes from core/networkLinkConsole.ts (also unverified), which points at the emulator's
 * own page when an endpoint override is in use.
 */
import { networkLinkConsoleUrl } from '../core/networkLinkConsole';

/** The kinds of resource that have a console page. */
export type ConsoleResource =
  | { kind: 'vpc'; regionId: string; id: string }
  | { kind: 'vSwitch'; regionId: string; id: string }
  | { kind: 'securityGroup'; regionId: string; id: string }
  | { kind: 'rds'; regionId: string; id: string }
  | { kind: 'hbase'; regionId: string; id: string }
  | { kind: 'emr'; regionId: string; id: string }
  | { kind: 'networkLink'; regionId: string };

/** [unverified] URL patterns; `{regionId}` and `{id}` are replaced. */
export const CONSOLE_URL_PATTERNS: Readonly<Record<Exclude<ConsoleResource['kind'], 'networkLink'>, string>> = {
  vpc: 'https://vpc.console.aliyun.com/vpc/{regionId}/vpcs/{id}',
  vSwitch: 'https://vpc.console.aliyun.com/vpc/{regionId}/switches/{id}',
  securityGroup: 'https://ecs.console.aliyun.com/securityGroupDetail/region/{regionId}/groupId/{id}/detail',
  rds: 'https://rdsnext.console.aliyun.com/detail/{id}/basicInfo?region={regionId}',
  hbase: 'https://hbase.console.aliyun.com/hbase/{regionId}/cluster/{id}/overview',
  emr: 'https://emr-next.console.aliyun.com/#/region/{regionId}/resource/all/ecs/detail/{id}/overview',
};

/** The console page of a resource; the emulator's page for network links when `emulatorEndpoint` is set. */
export function consoleUrl(resource: ConsoleResource, emulatorEndpoint?: string): string {
  if (resource.kind === 'networkLink') return networkLinkConsoleUrl(resource.regionId, emulatorEndpoint);
  return CONSOLE_URL_PATTERNS[resource.kind].replace('{regionId}', encodeURIComponent(resource.regionId)).replace('{id}', encodeURIComponent(resource.id));
}
