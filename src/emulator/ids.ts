/** Resource ids shaped like Alibaba Cloud's (`vpc-bp1…`, `sg-uf6…`), random or derived from a label. */
import { createHash, randomBytes } from 'node:crypto';

/** The two letters Alibaba puts after the type prefix, by region (`bp` is Hangzhou, `uf` Shanghai). */
const REGION_ID_LETTERS: Readonly<Record<string, string>> = {
  'cn-hangzhou': 'bp',
  'cn-shanghai': 'uf',
  'cn-beijing': '2z',
  'cn-shenzhen': 'wz',
  'cn-hongkong': 'j6',
  'ap-southeast-1': 't4',
  'me-east-1': 'eb',
};

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

function toAlphabet(bytes: Buffer, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[bytes[i % bytes.length]! % ALPHABET.length];
  return out;
}

/** The region letters ids carry (`bp` for cn-hangzhou). */
export function regionLetters(regionId: string): string {
  return REGION_ID_LETTERS[regionId] ?? 'zz';
}

/** A fresh id: `<prefix>-<region letters>1<18 random chars>`, e.g. `sg-bp1a2b…`. */
export function newResourceId(prefix: string, regionId: string): string {
  return `${prefix}-${regionLetters(regionId)}1${toAlphabet(randomBytes(18), 18)}`;
}

/** A deterministic id for seeds: the same label always gives the same id. */
export function seededResourceId(prefix: string, regionId: string, label: string): string {
  const digest = createHash('sha256').update(`${prefix}/${regionId}/${label}`).digest();
  return `${prefix}-${regionLetters(regionId)}1${toAlphabet(digest, 18)}`;
}

/** A request id in the gateway's format (upper-case UUID). */
export function newRequestId(): string {
  const hex = randomBytes(16).toString('hex').toUpperCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** `YYYY-MM-DDTHH:mm:ssZ`, the timestamp format of every API response. */
export function isoSeconds(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The ENI's MAC address, derived from its id so seeds stay deterministic. */
export function macAddressFor(networkInterfaceId: string): string {
  const bytes = createHash('sha256').update(networkInterfaceId).digest().subarray(0, 5);
  return ['00', ...[...bytes].map((b) => b.toString(16).padStart(2, '0'))].join(':');
}
