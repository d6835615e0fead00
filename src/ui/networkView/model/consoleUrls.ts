/**
 * Where each resource lives in the Alibaba Cloud console, for "Open in Console". No vscode.
 *
 * [unverified] Every pattern below was written from the console's URL shapes as commonly seen,
 * not from a document: none of the reference sources states them, and they can change without
 * notice. They are kept in this ONE place so a correction is a one-line edit. The network-link
 * page comes from core/networkLinkConsole.ts (also unverified), which points at the emulator's
 * own page when an endpoint override is in use.
 */
import { networkLinkConsoleUrl } from '../../../core/networkLinkConsole';

/** The kinds of resource that have a console page. */
export type ConsoleResource =
  | { kind: 'vpc'; regionId: string; id: string }
  | { kind: 'vSwitch'; regionId: string; id: string }
  | { kind: 'securityGroup'; regionId: string; id: string }
  /** A target service: its kind's module knows its page (src/targets/<kind>). */
  | { kind: 'service'; url: string }
  | { kind: 'networkLink'; regionId: string };

/** [unverified] URL patterns; `{regionId}` and `{id}` are replaced. */
export const CONSOLE_URL_PATTERNS: Readonly<Record<Exclude<ConsoleResource['kind'], 'networkLink' | 'service'>, string>> = {
  vpc: 'https://vpc.console.aliyun.com/vpc/{regionId}/vpcs/{id}',
  vSwitch: 'https://vpc.console.aliyun.com/vpc/{regionId}/switches/{id}',
  securityGroup: 'https://ecs.console.aliyun.com/securityGroupDetail/region/{regionId}/groupId/{id}/detail',
};

/** The console page of a resource; the emulator's page for network links when `emulatorEndpoint` is set. */
export function consoleUrl(resource: ConsoleResource, emulatorEndpoint?: string): string {
  if (resource.kind === 'networkLink') return networkLinkConsoleUrl(resource.regionId, emulatorEndpoint);
  if (resource.kind === 'service') return resource.url;
  return CONSOLE_URL_PATTERNS[resource.kind]
    .replace('{regionId}', encodeURIComponent(resource.regionId))
    .replace('{id}', encodeURIComponent(resource.id));
}
