/**
 * What we know about MaxCompute's network-link console, kept in ONE place because none of it
 * comes from a public API (alibaba-api.md §6: MaxCompute has no network-link OpenAPI).
 */

/**
 * The RAM service role whose existence means "MaxCompute may create ENIs in your VPCs".
 * [unverified] Taken from an older guide (aliyun/MaxCompute-Spark wiki "09. ENI专线访问VPC迁移指南");
 * the current console's "Authorize" button may create a differently named role.
 * The emulator's console and seed use this same constant.
 */
export const NETWORK_LINK_ROLE_NAME = 'AliyunODPSRoleForENI';

/**
 * The MaxCompute console page where network connections are added (Tenants > Network Connection).
 * [unverified] The path was not retrievable from any document; confirm it in the console.
 */
export const MAXCOMPUTE_NETWORK_CONNECTION_CONSOLE_URL = 'https://maxcompute.console.aliyun.com/{regionId}/tenant/network';

/** The emulator's own console page, which stands in for the MaxCompute console in tests and demos. */
export const EMULATOR_CONSOLE_PATH = '/__emulator/';

/** The connection type the console defaults to. [unverified] label seen in the seed doc only. */
export const NETWORK_LINK_TYPE = 'Passthrough';

/** Where to create a network link: the emulator's page when an endpoint override is in use, else the real console. */
export function networkLinkConsoleUrl(regionId: string, emulatorEndpoint?: string): string {
  if (emulatorEndpoint !== undefined && emulatorEndpoint !== '') {
    const base = /^https?:\/\//.test(emulatorEndpoint) ? emulatorEndpoint : `http://${emulatorEndpoint}`;
    return `${base.replace(/\/+$/, '')}${EMULATOR_CONSOLE_PATH}`;
  }
  return MAXCOMPUTE_NETWORK_CONNECTION_CONSOLE_URL.replace('{regionId}', regionId);
}
