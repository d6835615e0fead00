/**
 * Plan · Apply · Usage (· Doctor, when `mcvpc.checkReachability` is registered) above each link
 * document of a spec. The lenses hand the commands the same plain link node the Network view
 * would, so the commands need no second way in.
 */
import * as vscode from 'vscode';
import type { ConnectionSpec } from '../../spec/types';
import { CommandId } from '../ids';
import type { CloudSession } from '../session';
import type { NetworkLinkNode } from '../tree/nodes';
import type { SpecDiagnostics } from './specDiagnostics';

/** The doctor's command, contributed by another part of the extension when it exists. */
export const DOCTOR_COMMAND = 'mcvpc.checkReachability';

/** The node the Network view would show for a declared link (state as far as the spec tells). */
export function specLinkNode(spec: ConnectionSpec, file: string, profile: string): NetworkLinkNode {
  return {
    kind: 'networkLink',
    id: `${profile}/${spec.regionId}/${spec.vpcId}/networkLinks/declared:${spec.networkLinkName}`,
    profile,
    regionId: spec.regionId,
    link: {
      key: `declared:${spec.networkLinkName}`,
      state: 'waiting-for-console',
      name: spec.networkLinkName,
      regionId: spec.regionId,
      vpcId: spec.vpcId,
      vSwitchId: spec.vSwitchId,
      declared: { spec, file },
      networkInterfaces: [],
      returnGroupsPresent: false,
    },
  };
}

/** The CodeLens provider of spec documents. */
export class SpecCodeLensProvider implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(
    private readonly diagnostics: SpecDiagnostics,
    private readonly session: CloudSession,
  ) {
    diagnostics.onDidParse(() => this.changed.fire());
  }

  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    const parsed = this.diagnostics.latest(document.uri);
    if (parsed === undefined || parsed.text !== document.getText()) return [];
    const doctor = (await vscode.commands.getCommands(true)).includes(DOCTOR_COMMAND);
    const profile = parsed.result.specs.length > 0 ? (this.session.openSession?.accountProfile ?? '') : '';
    return parsed.result.specs.flatMap((spec) => {
      const line = spec.ranges.version.start.line;
      const range = new vscode.Range(line, 0, line, 0);
      const node = specLinkNode(spec, document.uri.toString(), spec.profile ?? profile);
      const lenses = [
        new vscode.CodeLens(range, { title: `Plan ${spec.networkLinkName}`, command: CommandId.planLink, arguments: [node], tooltip: 'What Apply would change, read from the live state' }),
        new vscode.CodeLens(range, { title: 'Apply…', command: CommandId.applyLink, arguments: [node] }),
        new vscode.CodeLens(range, { title: 'Usage', command: CommandId.copyUsage, arguments: [node], tooltip: 'Copy the SQL and Spark lines that use this link' }),
      ];
      if (doctor) lenses.push(new vscode.CodeLens(range, { title: 'Doctor', command: DOCTOR_COMMAND, arguments: [node] }));
      return lenses;
    });
  }

  dispose(): void {
    this.changed.dispose();
  }
}
