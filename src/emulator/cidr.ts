/**
 * The little IPv4 arithmetic the emulator needs (whitelist entries, rule peers, address
 * allocation), written here rather than imported from src/core so the emulator stays an
 * independent oracle (see facts.ts).
 */

/** A parsed block: the network address as an unsigned 32-bit number and the prefix length. */
export interface Ipv4Block {
  network: number;
  prefix: number;
}

const OCTET = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

function parseAddress(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((p) => OCTET.test(p))) return undefined;
  return parts.reduce((value, part) => value * 256 + Number(part), 0);
}

/** `a.b.c.d` or `a.b.c.d/n` (0–32); undefined when it is neither. Host bits are cleared, as the cloud does. */
export function parseBlock(text: string): Ipv4Block | undefined {
  const [address, bits, extra] = text.trim().split('/');
  if (extra !== undefined || address === undefined) return undefined;
  const ip = parseAddress(address);
  if (ip === undefined) return undefined;
  if (bits !== undefined && !/^\d{1,2}$/.test(bits)) return undefined;
  const prefix = bits === undefined ? 32 : Number(bits);
  if (prefix > 32) return undefined;
  const size = 2 ** (32 - prefix);
  return { network: ip - (ip % size), prefix };
}

/** Dotted form of an unsigned 32-bit address. */
export function formatAddress(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}
