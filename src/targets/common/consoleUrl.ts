/**
 * [unverified] Console URL patterns were written from the console's URL shapes as commonly seen,
 * not from a document; each kind keeps its one pattern next to its other facts.
 */
export function fillConsoleUrl(pattern: string, regionId: string, id: string): string {
  return pattern.replace('{regionId}', encodeURIComponent(regionId)).replace('{id}', encodeURIComponent(id));
}
