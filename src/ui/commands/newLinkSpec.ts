/** mcvpc.newLinkSpec: an untitled connection spec for a VPC no known link reaches (a quick fix's offer while there is no Create Network Link form). */
import * as vscode from 'vscode';
import { newSpecText } from '../../core/usage';
import type { CommandDeps, CommandHandler } from './deps';

/** Argument: `{ regionId, vpcId }`. Resolves to the new document's text. */
export function newLinkSpecCommand(_deps: CommandDeps): CommandHandler {
  return async (arg?: unknown): Promise<string> => {
    const vpc = arg as { regionId?: unknown; vpcId?: unknown } | undefined;
    if (typeof vpc?.regionId !== 'string' || typeof vpc.vpcId !== 'string') throw new Error('Run "New Connection Spec" from a quick fix on a Spark setting that names a VPC.');
    const text = newSpecText({ regionId: vpc.regionId, vpcId: vpc.vpcId });
    const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: text });
    await vscode.window.showTextDocument(document);
    void vscode.window.showInformationMessage('Save the spec as <name>.mcvpc.yaml in the workspace, fill in the vSwitch and the services, then Plan and Apply it from the Network view.');
    return text;
  };
}
