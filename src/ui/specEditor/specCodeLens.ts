/**
 * Plan · Apply · Usage · Check Reachability above each link document of a spec, from the parse
 * the diagnostics already made of this text (no second parse per keystroke). Plan, Apply and
 * Usage get the same plain link node the Network view would hand them; the doctor gets the file
 * and the document's index, so it refuses a spec that has errors as it does from anywhere else.
 */
import * as vscode from 'vscode';
import type { ConnectionSpec } from '../../connectionSpec/types';
import { CommandId } from '../shell/model/ids';
import type { SpecLensArgument } from '../reachability/linkSpec';
import type { CloudSession } from '../shell/session';
import type { NetworkLinkNode } from '../networkView/model/nodes';
import type { SpecDiagnostics } from './specDiagnostics';

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

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const parsed = this.diagnostics.latest(document.uri);
    if (parsed === undefined || parsed.text !== document.getText()) return [];
    const profile = parsed.result.specs.length > 0 ? (this.session.openSession?.accountProfile ?? '') : '';
    return parsed.result.specs.flatMap((spec) => {
      const line = spec.ranges.version.start.line;
      const range = new vscode.Range(line, 0, line, 0);
      const node = specLinkNode(spec, document.uri.toString(), spec.profile ?? profile);
      const doctor: SpecLensArgument = { uri: document.uri.toString(), documentIndex: spec.documentIndex };
      return [
        new vscode.CodeLens(range, {
          title: `Plan ${spec.networkLinkName}`,
          command: CommandId.planLink,
          arguments: [node],
          tooltip: 'What Apply would change, read from the live state',
        }),
        new vscode.CodeLens(range, { title: 'Apply…', command: CommandId.applyLink, arguments: [node] }),
        new vscode.CodeLens(range, {
          title: 'Usage',
          command: CommandId.copyUsage,
          arguments: [node],
          tooltip: 'Copy the SQL and Spark lines that use this link',
        }),
        new vscode.CodeLens(range, {
          title: 'Check Reachability',
          command: CommandId.checkReachability,
          arguments: [doctor],
          tooltip: 'Explain, hop by hop, whether MaxCompute can reach each target',
        }),
      ];
    });
  }

  dispose(): void {
    this.changed.dispose();
  }
}
