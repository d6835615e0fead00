/**
 * NODE_DEBUG sections that make Node print request headers and bodies to stderr: `http` and
 * `https` print each request's options with its headers (Authorization with its signature,
 * x-acs-security-token, a bearer token), `net` and `tls` the sockets under them. Node reads
 * NODE_DEBUG once, when the process starts, so removing it later only protects the processes
 * started after; the CLI therefore starts itself again without them (src/cli/main.ts), and the
 * extension, which cannot restart the shared extension host, clears them for what it starts and
 * says so. Pure.
 */

/** Sections of NODE_DEBUG that can print credentials. */
export const LEAKY_NODE_DEBUG_SECTIONS: readonly string[] = ['http', 'https', 'net', 'tls', 'http2'];

/** NODE_DEBUG without the leaky sections, and which were removed (none: nothing to do). */
export function nodeDebugWithoutLeaks(value: string | undefined): { value: string | undefined; removed: string[] } {
  if (value === undefined || value.trim() === '') return { value, removed: [] };
  // Node splits NODE_DEBUG on commas (and spaces), case-insensitively, and `*` enables everything.
  const sections = value.split(/[\s,]+/).filter((s) => s !== '');
  const leaky = (section: string): boolean => {
    const lower = section.toLowerCase();
    if (lower.includes('*')) {
      const pattern = new RegExp(`^${lower.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
      return LEAKY_NODE_DEBUG_SECTIONS.some((name) => pattern.test(name));
    }
    return LEAKY_NODE_DEBUG_SECTIONS.includes(lower);
  };
  const removed = sections.filter(leaky);
  if (removed.length === 0) return { value, removed };
  const kept = sections.filter((s) => !leaky(s));
  return { value: kept.length === 0 ? undefined : kept.join(','), removed };
}

/** The one-line notice for a removal. */
export function nodeDebugNotice(removed: readonly string[], where: string): string {
  return `NODE_DEBUG=${removed.join(',')} makes Node print request headers (credentials among them); ${where}.`;
}
