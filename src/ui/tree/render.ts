/** The one function that turns an ExplorerNode into what VS Code draws. */
import * as vscode from 'vscode';
import { CommandId, ContextValue } from '../ids';
import type { ExplorerNode } from './nodes';

/** The TreeItem of a node: label, description, codicon, tooltip, context value. */
export function renderNode(node: ExplorerNode): vscode.TreeItem {
  switch (node.kind) {
    case 'region': {
      const item = new vscode.TreeItem(node.regionId, vscode.TreeItemCollapsibleState.Expanded);
      item.id = node.id;
      item.iconPath = new vscode.ThemeIcon('globe');
      item.contextValue = ContextValue.region;
      item.tooltip = `Region ${node.regionId} (profile ${node.profile})`;
      return item;
    }
    case 'vpc': {
      const { vpc } = node;
      const named = vpc.name !== '' && vpc.name !== vpc.vpcId;
      const item = new vscode.TreeItem(named ? vpc.name : vpc.vpcId, vscode.TreeItemCollapsibleState.None);
      item.id = node.id;
      item.description = named ? `${vpc.vpcId} · ${vpc.cidrBlock}` : vpc.cidrBlock;
      item.iconPath = new vscode.ThemeIcon('symbol-structure');
      item.contextValue = ContextValue.vpc;
      const tooltip = new vscode.MarkdownString();
      tooltip.appendMarkdown(`**${escape(named ? vpc.name : vpc.vpcId)}**${vpc.isDefault ? ' (default VPC)' : ''}\n\n`);
      tooltip.appendMarkdown(`- ID: \`${vpc.vpcId}\`\n- CIDR: \`${vpc.cidrBlock}\`\n- Status: ${escape(vpc.status)}\n- vSwitches: ${vpc.vSwitchIds.length}\n- Region: ${node.regionId}`);
      item.tooltip = tooltip;
      return item;
    }
    case 'error': {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
      item.id = node.id;
      item.description = node.error.code ?? node.error.message;
      item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
      item.contextValue = ContextValue.error;
      const lines = [node.error.message];
      if (node.error.code !== undefined) lines.push(`Code: ${node.error.code}`);
      if (node.error.requestId !== undefined) lines.push(`RequestId: ${node.error.requestId}`);
      if (node.error.hint !== undefined) lines.push(node.error.hint);
      lines.push('Click to show the log.');
      item.tooltip = lines.join('\n');
      item.command = { command: CommandId.showLog, title: 'Show Log' };
      return item;
    }
    case 'note': {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
      item.id = node.id;
      item.iconPath = new vscode.ThemeIcon('info');
      item.contextValue = ContextValue.note;
      if (node.tooltip !== undefined) item.tooltip = node.tooltip;
      return item;
    }
  }
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, (c) => `\\${c}`);
}
