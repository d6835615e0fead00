/** Reading the values of Spark's network settings: `eni.info`, `vpc.domain.list`, `internet.access.list`. */
import { SUPPORTED_REGIONS } from '../zones';

const REGION = /^[a-z]+(-[a-z0-9]+)+$/;
const VPC = /^vpc-[a-z0-9]+$/;

/** What is wrong with an `eni.info` value, and the value meant when that can be told. */
export type EniInfoReading =
  | { kind: 'ok'; regionId: string; vpcId: string }
  | { kind: 'spaces'; fixed: string }
  | { kind: 'reversed'; fixed: string }
  | { kind: 'zone'; zoneId: string; fixed: string }
  | { kind: 'malformed' };

/** The region of a zone id (`cn-hangzhou-h` → `cn-hangzhou`, `ap-northeast-1a` → `ap-northeast-1`), or undefined if it is not one. */
export function regionOfZone(id: string): string | undefined {
  for (const region of SUPPORTED_REGIONS) if (region.zoneIds.includes(id)) return region.regionId;
  const m = /^(.+-\d+)[a-z]$/.exec(id) ?? /^([a-z]+-[a-z]+(?:-\d+)?)-[a-z]$/.exec(id);
  return m !== null && REGION.test(m[1]!) ? m[1] : undefined;
}

/** Reads `<regionId>:<vpcId>`, telling apart the usual mistakes. */
export function readEniInfo(value: string): EniInfoReading {
  const compact = value.replace(/\s+/g, '');
  if (compact !== value) {
    const again = readEniInfo(compact);
    return again.kind === 'ok' ? { kind: 'spaces', fixed: compact } : again;
  }
  const parts = value.split(':');
  if (parts.length !== 2) return { kind: 'malformed' };
  const [a, b] = parts as [string, string];
  if (VPC.test(a) && REGION.test(b)) {
    const region = regionOfZone(b) ?? b;
    return { kind: 'reversed', fixed: `${region}:${a}` };
  }
  if (!VPC.test(b) || !REGION.test(a)) return { kind: 'malformed' };
  const region = regionOfZone(a);
  if (region !== undefined) return { kind: 'zone', zoneId: a, fixed: `${region}:${b}` };
  return { kind: 'ok', regionId: a, vpcId: b };
}

/** The region and VPCs a legacy `vpc.domain.list` names, or why it cannot be read. */
export type DomainListReading = { ok: true; regionId?: string; vpcIds: string[] } | { ok: false; reason: string };

/** Reads the one-line JSON `{"regionId":…,"vpcs":[{"vpcId":…,"zones":[{"urls":[{"domain":…,"port":…}]}]}]}`. */
export function readDomainList(value: string): DomainListReading {
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    return {
      ok: false,
      reason: 'is not one line of JSON (Spark reads the value up to the end of the line; compress the JSON into one line)',
    };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    return { ok: false, reason: 'must be a JSON object with "regionId" and "vpcs"' };
  const { regionId, vpcs } = json as { regionId?: unknown; vpcs?: unknown };
  if (typeof regionId !== 'string') return { ok: false, reason: 'has no "regionId" string' };
  if (!Array.isArray(vpcs)) return { ok: false, reason: 'has no "vpcs" list' };
  const vpcIds = vpcs.flatMap((v: unknown) =>
    typeof v === 'object' && v !== null && typeof (v as { vpcId?: unknown }).vpcId === 'string' ? [(v as { vpcId: string }).vpcId] : [],
  );
  return { ok: true, regionId, vpcIds };
}

/** The entries of an `internet.access.list` that are not `host:port`. */
export function badInternetAccessEntries(value: string): string[] {
  return value
    .split(',')
    .map((e) => e.trim())
    .filter((e) => {
      const m = /^([A-Za-z0-9.-]+|\*\.[A-Za-z0-9.-]+):(\d{1,5})$/.exec(e);
      return m === null || Number(m[2]) < 1 || Number(m[2]) > 65535;
    });
}
