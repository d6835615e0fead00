/**
 * Which link the doctor checks, from what the command was invoked on: a network-link node (its
 * spec, or — for a link no spec names — the link as detected, with no targets), a service node
 * (the spec in the workspace whose target names it), a spec document (CodeLens), or the active
 * spec editor.
 */
import * as vscode from 'vscode';
import type { SourceRange } from '../../core/specModel';
import type { ConnectionSpec } from '../../connectionSpec/types';
import { targetKind } from '../../targets';
import type { NetworkLinkView } from '../networkView/model/links';
import type { ExplorerNode } from '../networkView/model/nodes';
import { SPEC_GLOB } from '../networkView/specIndex';

/** A link to check, and the file it comes from when a spec declares it. */
export interface LinkToCheck {
  spec: ConnectionSpec;
  file?: vscode.Uri;
}

/** The argument a CodeLens passes. */
export interface SpecLensArgument {
  uri: string;
  documentIndex: number;
}

const NOWHERE: SourceRange = { start: { line: 0, column: 0, offset: 0 }, end: { line: 0, column: 0, offset: 0 } };

/** A detected link as a spec of its own: the group it uses, no targets (only the link's hops). */
function detectedSpec(link: NetworkLinkView): ConnectionSpec {
  if (link.securityGroupId === undefined) throw new Error("This link's security group is not known, so it cannot be checked.");
  const ranges = Object.fromEntries(
    ['version', 'kind', 'networkLinkName', 'description', 'profile', 'regionId', 'vpcId', 'vSwitchId', 'securityGroup', 'targets'].map(
      (k) => [k, NOWHERE],
    ),
  ) as ConnectionSpec['ranges'];
  return {
    documentIndex: 0,
    version: 'mcvpc/v1',
    networkLinkName: link.name ?? `unnamed link in ${link.vSwitchId}`,
    regionId: link.regionId,
    vpcId: link.vpcId,
    vSwitchId: link.vSwitchId,
    securityGroup: { mode: 'existing', securityGroupId: link.securityGroupId, range: NOWHERE, ranges: { securityGroupId: NOWHERE } },
    targets: [],
    range: NOWHERE,
    ranges,
  };
}

async function specsOf(uri: vscode.Uri): Promise<ConnectionSpec[]> {
  const text = (await vscode.workspace.openTextDocument(uri)).getText();
  // Loaded when first needed, not at activation: the parser brings the YAML library and the schema along.
  const { hasErrors, parseSpecFile } = await import('../../connectionSpec');
  const { specs, problems } = parseSpecFile(text, uri.fsPath);
  if (hasErrors(problems)) throw new Error(`${vscode.workspace.asRelativePath(uri)} has errors; fix them before checking reachability.`);
  return specs;
}

/** The spec of the workspace whose target names this service. */
async function specForService(serviceId: string): Promise<LinkToCheck> {
  for (const uri of await vscode.workspace.findFiles(SPEC_GLOB, '**/node_modules/**', 200)) {
    let specs: ConnectionSpec[];
    try {
      specs = await specsOf(uri);
    } catch {
      continue;
    }
    const spec = specs.find((s) => s.targets.some((t) => targetKind(t.kind).resourceIdOf(t) === serviceId));
    if (spec !== undefined) return { spec, file: uri };
  }
  throw new Error(
    `No *.mcvpc.yaml spec in the workspace names ${serviceId} as a target; the doctor checks a target through the link that must reach it.`,
  );
}

/** The link the command argument stands for. */
export async function linkToCheck(arg: unknown): Promise<LinkToCheck> {
  const node = arg as Partial<ExplorerNode> | undefined;
  if (node?.kind === 'networkLink') {
    const link = (node as Extract<ExplorerNode, { kind: 'networkLink' }>).link;
    return link.declared !== undefined
      ? { spec: link.declared.spec, file: vscode.Uri.parse(link.declared.file) }
      : { spec: detectedSpec(link) };
  }
  if (node?.kind === 'service') return specForService((node as Extract<ExplorerNode, { kind: 'service' }>).presentation.id);
  const lens = arg as Partial<SpecLensArgument> | undefined;
  const uri =
    typeof lens?.uri === 'string'
      ? vscode.Uri.parse(lens.uri)
      : arg instanceof vscode.Uri
        ? arg
        : vscode.window.activeTextEditor?.document.uri;
  if (uri === undefined)
    throw new Error('Run "Check Reachability" on a network link or service in the Network view, or in a *.mcvpc.yaml spec.');
  const specs = await specsOf(uri);
  const index = typeof lens?.documentIndex === 'number' ? lens.documentIndex : 0;
  const spec = specs.find((s) => s.documentIndex === index) ?? specs[0];
  if (spec === undefined) throw new Error(`${vscode.workspace.asRelativePath(uri)} declares no network link.`);
  return { spec, file: uri };
}
