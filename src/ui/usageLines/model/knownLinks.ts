/** The extension's known links: declared in the workspace's spec files, and seen in the cloud by the Network view. */
import { knownLinksOfSpecs, type KnownLink, type KnownLinksSource } from '../../../core/usage';
import type { NetworkExplorer } from '../../networkView/explorer';
import type { SpecIndex } from '../../networkView/specIndex';

/** Fills the pure checks' KnownLinksSource from the SpecIndex and the Network view's data. */
export class WorkspaceKnownLinks implements KnownLinksSource {
  constructor(
    private readonly specs: SpecIndex,
    private readonly explorer: NetworkExplorer,
  ) {}

  async knownLinks(): Promise<readonly KnownLink[]> {
    const declared = (await this.specs.declared()).flatMap((d) => knownLinksOfSpecs([d.spec], fileName(d.file)));
    const seen = this.explorer.seenLinks().map((l): KnownLink => ({
      name: l.name,
      regionId: l.regionId,
      vpcId: l.vpcId,
      source:
        l.listed !== undefined
          ? 'listed by MaxCompute'
          : l.state === 'connected'
            ? 'connected (detected in the cloud)'
            : 'detected in the cloud',
      // A listed link's status makes a SET naming it a warning until it is SUCCESS.
      ...(l.listed !== undefined ? { status: l.listed.status } : {}),
    }));
    return [...declared, ...seen];
  }
}

function fileName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}
