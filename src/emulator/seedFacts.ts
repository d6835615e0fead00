/**
 * What every product's seed rows share: the default world's regions, its fixed creation time, and
 * ids derived from labels (not random), so the seeds are the same in every run. A leaf module:
 * product files import it, and seed.ts imports the products.
 */
import { isoSeconds, regionLetters, seededResourceId } from './ids';

/** The default world's home region, and the one other region it has a VPC in. */
export const SEED_REGION = 'cn-hangzhou';
export const SEED_OTHER_REGION = 'cn-shanghai';

/** A fixed creation time for seeded resources (epoch ms), and as the APIs print it. */
export const SEED_TIME = Date.parse('2026-01-15T08:00:00Z');
export const SEED_CREATED = isoSeconds(SEED_TIME);

/** A seeded resource's id: the same label always gives the same id. */
export const seedId = (prefix: string, regionId: string, label: string): string => seededResourceId(prefix, regionId, label);

/** Sequential, readable ids for the scale seed (`vpc-bp1s00000000000000042`): cheap and collision-free. */
export function scaleId(prefix: string, regionId: string, n: number): string {
  return `${prefix}-${regionLetters(regionId)}1s${n.toString(36).padStart(17, '0')}`;
}
