import * as vscode from 'vscode';

/** Composes the extension's services and hands them to the register functions. */
export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('MaxCompute VPC Connect', { log: true });
  context.subscriptions.push(log);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
