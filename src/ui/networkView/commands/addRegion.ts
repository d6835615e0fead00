/**
 * mcvpc.addRegion: choose regions to show. The list comes from DescribeRegions (new regions
 * appear without an update), with core's table of network-link regions as the fallback when the
 * call fails; regions where links cannot be created are marked, not hidden.
 */
import * as vscode from 'vscode';
import { isRegionSupported, SUPPORTED_REGIONS } from '../../../core/zones';
import { describeError } from '../../shell/errorReporting';
import { currentRegions, writeRegions } from '../../shell/regionSettings';
import type { CommandDeps, CommandHandler } from '../../shell/commandDeps';

interface RegionChoice {
  regionId: string;
  name: string;
}

async function availableRegions(deps: CommandDeps): Promise<{ regions: RegionChoice[]; fallbackReason?: string }> {
  try {
    const cloud = await deps.session.open();
    const answer = await cloud.vpc.describeRegions({ AcceptLanguage: 'en-US' });
    const regions = (answer.Regions?.Region ?? []).map((r) => ({ regionId: r.RegionId, name: r.LocalName ?? '' }));
    if (regions.length > 0) return { regions };
    return {
      regions: SUPPORTED_REGIONS.map((r) => ({ regionId: r.regionId, name: r.name })),
      fallbackReason: 'DescribeRegions returned no region',
    };
  } catch (error) {
    return {
      regions: SUPPORTED_REGIONS.map((r) => ({ regionId: r.regionId, name: r.name })),
      fallbackReason: describeError(error).message,
    };
  }
}

/** The add-region command's handler; resolves to the regions added. */
export function addRegionCommand(deps: CommandDeps): CommandHandler {
  return async (): Promise<string[]> => {
    const shown = new Set(currentRegions());
    const { regions, fallbackReason } = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: 'MaxCompute VPC: listing regions' },
      () => availableRegions(deps),
    );
    if (fallbackReason !== undefined)
      deps.log.warn(`Add region: DescribeRegions failed (${fallbackReason}); offering the regions where network links are supported.`);
    const items = regions
      .filter((r) => !shown.has(r.regionId))
      .sort((a, b) => Number(isRegionSupported(b.regionId)) - Number(isRegionSupported(a.regionId)) || a.regionId.localeCompare(b.regionId))
      .map((r) => ({
        label: r.regionId,
        description: r.name,
        detail: isRegionSupported(r.regionId) ? undefined : '$(circle-slash) MaxCompute network links are not available in this region',
        regionId: r.regionId,
      }));
    const picked = await vscode.window.showQuickPick(items, {
      title: fallbackReason === undefined ? 'Add regions to the Network view' : 'Add regions (offline list: DescribeRegions failed)',
      placeHolder: 'Regions whose VPCs the Network view lists',
      canPickMany: true,
      matchOnDescription: true,
    });
    if (picked === undefined || picked.length === 0) return [];
    const added = picked.map((p) => p.regionId);
    await writeRegions([...currentRegions(), ...added]);
    return added;
  };
}
