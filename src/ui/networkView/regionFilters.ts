/** The per-region VPC filters, kept per workspace (a filter is about what one is working on, not a preference). */
import type * as vscode from 'vscode';

const KEY = 'mcvpc.regionFilters';

/** Filters by `profile/region`. */
export class RegionFilters {
  constructor(private readonly state: vscode.Memento) {}

  /** The filter of a region, if one is set. */
  get(profile: string, regionId: string): string | undefined {
    const value = this.all()[`${profile}/${regionId}`];
    return typeof value === 'string' && value.trim() !== '' ? value : undefined;
  }

  /** Sets (or with undefined/empty, clears) a region's filter. */
  async set(profile: string, regionId: string, filter: string | undefined): Promise<void> {
    const all = { ...this.all() };
    const key = `${profile}/${regionId}`;
    if (filter === undefined || filter.trim() === '') delete all[key];
    else all[key] = filter.trim();
    await this.state.update(KEY, all);
  }

  private all(): Record<string, unknown> {
    const value = this.state.get<unknown>(KEY);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  }
}
