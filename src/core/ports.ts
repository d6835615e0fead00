/**
 * Protocols and port ranges of security-group rules, as the ECS API writes them
 * (`IpProtocol` and `PortRange`, see alibaba-api.md §2 "Security-group semantics").
 */
import type { IpProtocol } from './model';

/** The concrete protocols a flow can use; `ALL` exists only on rules. */
export type FlowProtocol = 'TCP' | 'UDP' | 'ICMP' | 'GRE';

export const IP_PROTOCOLS: readonly IpProtocol[] = ['ALL', 'TCP', 'UDP', 'ICMP', 'GRE'];

/** Inclusive port range; `{ from: -1, to: -1 }` is the API's `-1/-1`, all ports. */
export interface PortRange {
  from: number;
  to: number;
}

export const ALL_PORTS: PortRange = { from: -1, to: -1 };
export const LOWEST_PORT = 1;
export const HIGHEST_PORT = 65535;

/**
 * The protocol in the API's canonical upper case, or undefined when it is not one we support.
 * The API itself is case-insensitive; IANA protocol numbers, which some regions accept, are not supported here.
 */
export function normalizeProtocol(text: string): IpProtocol | undefined {
  const upper = text.trim().toUpperCase();
  return (IP_PROTOCOLS as readonly string[]).includes(upper) ? (upper as IpProtocol) : undefined;
}

/** Why a protocol text is unacceptable, or undefined when it is fine (any letter case). */
export function protocolProblem(text: string): string | undefined {
  if (normalizeProtocol(text) !== undefined) return undefined;
  return `protocol "${text}" is not supported; use one of ${IP_PROTOCOLS.join(', ')}`;
}

/** True for protocols whose rules name ports (TCP and UDP); the others only take `-1/-1`. */
export function protocolHasPorts(protocol: IpProtocol | FlowProtocol): boolean {
  return protocol === 'TCP' || protocol === 'UDP';
}

/** True for `-1/-1`. */
export function isAllPorts(range: PortRange): boolean {
  return range.from === -1 && range.to === -1;
}

/**
 * Parses `start/end` (`-1/-1` = all ports). Given a protocol, also checks the pairing the API
 * demands: TCP/UDP need 1–65535 with start ≤ end, ALL/ICMP/GRE only `-1/-1`.
 */
export function parsePortRange(text: string, protocol?: IpProtocol): PortRange | { problem: string } {
  const m = /^(-?\d{1,6})\/(-?\d{1,6})$/.exec(text.trim());
  if (!m) return { problem: `port range "${text}" must be written start/end, like 3306/3306, 1/65535 or -1/-1` };
  const from = Number(m[1]);
  const to = Number(m[2]);
  const range = { from, to };
  if (from === -1 && to === -1) {
    if (protocol !== undefined && protocolHasPorts(protocol)) {
      return {
        problem: `port range "${text}" is not allowed for ${protocol}; give ports between ${LOWEST_PORT} and ${HIGHEST_PORT}, like 1/65535 for all`,
      };
    }
    return range;
  }
  if (protocol !== undefined && !protocolHasPorts(protocol)) {
    return { problem: `port range "${text}" is not allowed for ${protocol}, which has no ports; use -1/-1` };
  }
  if (from === -1 || to === -1) return { problem: `port range "${text}" mixes -1 with a port; -1 is only valid as -1/-1` };
  for (const port of [from, to]) {
    if (port < LOWEST_PORT || port > HIGHEST_PORT) {
      return { problem: `port range "${text}" has port ${port}; ports run from ${LOWEST_PORT} to ${HIGHEST_PORT}` };
    }
  }
  if (from > to) return { problem: `port range "${text}" starts after it ends; write the smaller port first (${to}/${from})` };
  return range;
}

/** Why a port range is unacceptable (for the protocol, if given), or undefined when it is fine. */
export function portRangeProblem(text: string, protocol?: IpProtocol): string | undefined {
  const parsed = parsePortRange(text, protocol);
  return 'problem' in parsed ? parsed.problem : undefined;
}

/** The API's `start/end` text. */
export function formatPortRange(range: PortRange): string {
  return `${range.from}/${range.to}`;
}

/** True when the port lies in the range; all-port ranges contain every port, including an unknown one. */
export function portRangeContains(range: PortRange, port: number | undefined): boolean {
  if (isAllPorts(range)) return true;
  return port !== undefined && port >= range.from && port <= range.to;
}
