/** IPv4 addresses and CIDR blocks as numbers, for rule matching and spec validation. */

export interface Cidr {
  /** Network address as an unsigned 32-bit number. */
  network: number;
  prefix: number;
}

const octet = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const ipv4Pattern = new RegExp(`^${octet}\\.${octet}\\.${octet}\\.${octet}$`);

/** Parses a dotted IPv4 address; undefined when it is not one. */
export function parseIpv4(text: string): number | undefined {
  const m = ipv4Pattern.exec(text.trim());
  if (!m) return undefined;
  return ((Number(m[1]) << 24) | (Number(m[2]) << 16) | (Number(m[3]) << 8) | Number(m[4])) >>> 0;
}

export function formatIpv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => (value >>> shift) & 255).join('.');
}

function mask(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

/** Parses `a.b.c.d/n` (or a bare address as /32); undefined when malformed. */
export function parseCidr(text: string): Cidr | undefined {
  const [addr, bits, extra] = text.trim().split('/');
  if (extra !== undefined || addr === undefined) return undefined;
  const ip = parseIpv4(addr);
  if (ip === undefined) return undefined;
  let prefix = 32;
  if (bits !== undefined) {
    if (!/^\d{1,2}$/.test(bits)) return undefined;
    prefix = Number(bits);
    if (prefix > 32) return undefined;
  }
  return { network: (ip & mask(prefix)) >>> 0, prefix };
}

/** Why a CIDR is unacceptable, or undefined when it is fine. Host bits set are reported, since the cloud normalizes them silently. */
export function cidrProblem(text: string): string | undefined {
  const parsed = parseCidr(text);
  if (!parsed) return `"${text}" is not an IPv4 address or CIDR block (like 192.168.0.0/16)`;
  const [addr] = text.trim().split('/');
  if (parseIpv4(addr!) !== parsed.network) {
    return `"${text}" has host bits set; the block is ${formatCidr(parsed)}`;
  }
  return undefined;
}

export function formatCidr(cidr: Cidr): string {
  return `${formatIpv4(cidr.network)}/${cidr.prefix}`;
}

/** True when the address lies in the block. */
export function cidrContainsIp(cidr: Cidr, ip: number): boolean {
  return (ip & mask(cidr.prefix)) >>> 0 === cidr.network;
}

/** True when every address of `inner` lies in `outer`. */
export function cidrContains(outer: Cidr, inner: Cidr): boolean {
  return inner.prefix >= outer.prefix && cidrContainsIp(outer, inner.network);
}

/** True for 0.0.0.0/0, which opens a group to the whole internet. */
export function isWholeInternet(text: string): boolean {
  const parsed = parseCidr(text);
  return parsed !== undefined && parsed.prefix === 0;
}
