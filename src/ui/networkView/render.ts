/** The one function that turns an ExplorerNode into what VS Code draws. Codicons only, so every theme works. */
import * as vscode from 'vscode';
import { describeRule } from '../../core/rules';
import { SUPPORTED_REGIONS } from '../../core/zones';
import { CommandId, ContextValue } from '../shell/model/ids';
import { accessSummaryText } from './model/access';
import { NETWORK_LINK_READY_STATUS } from '../../core/networkLinkApi';
import { linkStateText, type InvalidDeclaredLink, type LinkState, type NetworkLinkView } from './model/links';
import type { ExplorerNode, NetworkLinkNode, SecurityGroupNode, ServiceNode, VSwitchNode, VpcGroupNode } from './model/nodes';

/** The seed doc's own words on MaxCompute's return-traffic groups (access-vpc-direct-connection). */
export const MANAGED_GROUP_WARNING =
  'This solution creates two security groups for return traffic. The names are MaxCompute-vpc-xxx and MaxCompute-backup-vpc-xxx. ' +
  'Do not modify the rules of these two security groups. Do not use these security groups to manage security rules for other components. ' +
  'The platform is not responsible for any issues that result from these modifications.';

const GROUP_LABELS: Record<VpcGroupNode['group'], { label: string; icon: string }> = {
  vSwitches: { label: 'vSwitches', icon: 'type-hierarchy-sub' },
  securityGroups: { label: 'Security groups', icon: 'shield' },
  networkLinks: { label: 'Network links', icon: 'plug' },
  services: { label: 'Services', icon: 'server-environment' },
};

const { Collapsed, Expanded, None } = vscode.TreeItemCollapsibleState;

function item(
  node: ExplorerNode,
  label: string,
  state: vscode.TreeItemCollapsibleState,
  icon: vscode.ThemeIcon,
  contextValue: string,
): vscode.TreeItem {
  const treeItem = new vscode.TreeItem(label, state);
  treeItem.id = node.id;
  treeItem.iconPath = icon;
  treeItem.contextValue = contextValue;
  return treeItem;
}

function markdown(...lines: string[]): vscode.MarkdownString {
  const text = new vscode.MarkdownString(lines.join('\n\n'));
  text.supportThemeIcons = true;
  return text;
}

/** The TreeItem of a node: label, description, codicon, tooltip, context value. */
export function renderNode(node: ExplorerNode): vscode.TreeItem {
  switch (node.kind) {
    case 'profile': {
      const treeItem = item(node, node.profile, Expanded, new vscode.ThemeIcon('account'), ContextValue.profile);
      treeItem.description = `profile · ${node.profileCount} configured`;
      treeItem.tooltip = `Profile "${node.profile}" (${node.mode}), from ${node.source}.\nSwitch profile from the status bar or this node's menu; the view then shows only that account.`;
      return treeItem;
    }
    case 'region': {
      const name = SUPPORTED_REGIONS.find((r) => r.regionId === node.regionId)?.name;
      const treeItem = item(
        node,
        node.regionId,
        node.only ? Expanded : Collapsed,
        new vscode.ThemeIcon('globe'),
        node.filter !== undefined ? ContextValue.regionFiltered : ContextValue.region,
      );
      const parts = [
        name,
        node.networkLinksSupported ? undefined : 'no network links here',
        node.filter !== undefined ? `filter "${node.filter}"` : undefined,
      ].filter((p) => p !== undefined);
      treeItem.description = parts.join(' · ');
      treeItem.tooltip = `Region ${node.regionId}${name !== undefined ? ` (${name})` : ''}, profile ${node.profile}.${node.networkLinksSupported ? '' : '\nMaxCompute network links cannot be created in this region.'}`;
      return treeItem;
    }
    case 'vpc': {
      const { vpc } = node;
      const named = vpc.name !== '' && vpc.name !== vpc.vpcId;
      const treeItem = item(node, named ? vpc.name : vpc.vpcId, Collapsed, new vscode.ThemeIcon('symbol-structure'), ContextValue.vpc);
      treeItem.description = named ? `${vpc.cidrBlock} · ${vpc.vpcId}` : vpc.cidrBlock;
      treeItem.tooltip = markdown(
        `**${escape(named ? vpc.name : vpc.vpcId)}**${vpc.isDefault ? ' (default VPC)' : ''}`,
        `- ID: \`${vpc.vpcId}\`\n- CIDR: \`${vpc.cidrBlock}\`\n- Status: ${escape(vpc.status)}\n- vSwitches: ${vpc.vSwitchIds.length}\n- Region: ${node.regionId}`,
      );
      return treeItem;
    }
    case 'vpcGroup': {
      const { label, icon } = GROUP_LABELS[node.group];
      return item(node, label, Collapsed, new vscode.ThemeIcon(icon), ContextValue.vpcGroup);
    }
    case 'vSwitch':
      return renderVSwitch(node);
    case 'securityGroup':
      return renderSecurityGroup(node);
    case 'rule': {
      const { rule } = node;
      const icon =
        rule.policy === 'drop'
          ? new vscode.ThemeIcon('circle-slash')
          : new vscode.ThemeIcon(rule.direction === 'ingress' ? 'arrow-down' : 'arrow-up');
      const direction = rule.direction === 'ingress' ? 'in' : 'out';
      const peer = rule.peerCidr ?? rule.peerGroupId ?? '?';
      const ports = rule.protocol === 'TCP' || rule.protocol === 'UDP' ? ` ${rule.portRange}` : '';
      const treeItem = item(
        node,
        `${direction} ${rule.policy} ${rule.protocol}${ports}`,
        None,
        icon,
        node.locked ? ContextValue.ruleLocked : ContextValue.rule,
      );
      treeItem.description = `${rule.direction === 'ingress' ? 'from' : 'to'} ${peer} · priority ${rule.priority}`;
      treeItem.tooltip = `${describeRule(rule)}${rule.description ? `\n"${rule.description}"` : ''}${rule.ruleId ? `\n${rule.ruleId}` : ''}`;
      return treeItem;
    }
    case 'networkLink':
      return renderLink(node);
    case 'service':
      return renderService(node);
    case 'loadMore': {
      const treeItem = item(node, 'Load more…', None, new vscode.ThemeIcon('ellipsis'), ContextValue.loadMore);
      treeItem.description = node.total !== undefined ? `${node.shown} of ${node.total} shown` : `${node.shown} shown`;
      treeItem.tooltip = 'Fetch the next page (mcvpc.pageSize items).';
      treeItem.command = { command: CommandId.loadMore, title: 'Load More', arguments: [node] };
      return treeItem;
    }
    case 'addRegion': {
      const treeItem = item(node, 'Add region…', None, new vscode.ThemeIcon('add'), ContextValue.addRegion);
      treeItem.tooltip = 'Choose another region to list VPCs in (stored in mcvpc.regions).';
      treeItem.command = { command: CommandId.addRegion, title: 'Add Region' };
      return treeItem;
    }
    case 'error': {
      const treeItem = item(
        node,
        node.label,
        None,
        new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground')),
        ContextValue.error,
      );
      treeItem.description = node.error.code ?? node.error.message;
      const lines = [node.error.message];
      if (node.error.code !== undefined) lines.push(`Code: ${node.error.code}`);
      if (node.error.requestId !== undefined) lines.push(`RequestId: ${node.error.requestId}`);
      if (node.error.hint !== undefined) lines.push(node.error.hint);
      lines.push('Click to show the log; refresh the parent to try again.');
      treeItem.tooltip = lines.join('\n');
      treeItem.command = { command: CommandId.showLog, title: 'Show Log' };
      return treeItem;
    }
    case 'note': {
      const treeItem = item(node, node.label, None, new vscode.ThemeIcon('info'), ContextValue.note);
      if (node.tooltip !== undefined) treeItem.tooltip = node.tooltip;
      return treeItem;
    }
  }
}

function renderVSwitch(node: VSwitchNode): vscode.TreeItem {
  const { vSwitch } = node;
  const supported = node.zoneProblem === undefined;
  const icon = supported
    ? new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'))
    : new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('list.warningForeground'));
  const treeItem = item(node, vSwitch.name || vSwitch.vSwitchId, None, icon, ContextValue.vSwitch);
  treeItem.description = `${vSwitch.zoneId} · ${vSwitch.cidrBlock} · ${vSwitch.availableIpAddressCount} free IPs${supported ? '' : ' · no network links'}`;
  treeItem.tooltip = markdown(
    `**${escape(vSwitch.name || vSwitch.vSwitchId)}** \`${vSwitch.vSwitchId}\``,
    `- Zone: ${vSwitch.zoneId}\n- CIDR: \`${vSwitch.cidrBlock}\`\n- Free IPs: ${vSwitch.availableIpAddressCount}`,
    supported ? '$(pass) This zone supports MaxCompute network links.' : `$(circle-slash) ${escape(node.zoneProblem!)}`,
  );
  return treeItem;
}

function renderSecurityGroup(node: SecurityGroupNode): vscode.TreeItem {
  const { group } = node;
  const type = group.type === 'enterprise' ? 'advanced' : 'basic';
  const rules = group.ruleCount !== undefined ? ` · ${group.ruleCount} rule${group.ruleCount === 1 ? '' : 's'}` : '';
  const icon = node.locked ? new vscode.ThemeIcon('lock') : new vscode.ThemeIcon('shield');
  // Under its own VPC, "MaxCompute-vpc-<that VPC's id>" says nothing the parent does not: keep the part that matters visible.
  const suffix = `-${group.vpcId}`;
  const label =
    node.locked && group.vpcId !== '' && group.name.endsWith(suffix)
      ? group.name.slice(0, -suffix.length)
      : group.name || group.securityGroupId;
  const treeItem = item(node, label, Collapsed, icon, node.locked ? ContextValue.securityGroupLocked : ContextValue.securityGroup);
  treeItem.description = node.locked
    ? `managed by MaxCompute · do not modify · ${group.securityGroupId}`
    : `${type}${rules} · ${group.securityGroupId}`;
  const lines = [
    `**${escape(group.name || group.securityGroupId)}** \`${group.securityGroupId}\``,
    `- Type: ${type}${group.type === 'enterprise' ? ' (denies outbound by default: not usable for a network link)' : ''}${rules !== '' ? `\n- Rules: ${group.ruleCount}` : ''}`,
  ];
  if (group.description !== '') lines.push(`"${escape(group.description)}"`);
  if (node.locked)
    lines.push(
      `$(lock) **Read-only.** MaxCompute created this group for the return traffic of its network links. From the MaxCompute documentation:`,
      `> ${escape(MANAGED_GROUP_WARNING)}`,
    );
  treeItem.tooltip = markdown(...lines);
  return treeItem;
}

function renderLink(node: NetworkLinkNode): vscode.TreeItem {
  const { link } = node;
  if (link.invalid !== undefined) return renderInvalidLink(node, link.invalid);
  const warning = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
  const icons: Record<LinkState, vscode.ThemeIcon> = {
    connected: new vscode.ThemeIcon('plug', new vscode.ThemeColor('testing.iconPassed')),
    'in-progress': new vscode.ThemeIcon('loading~spin'),
    'no-interfaces': warning,
    'not-created': new vscode.ThemeIcon('circle-outline'),
    'unlisted-interfaces': warning,
    'waiting-for-console': new vscode.ThemeIcon('watch'),
    'detected-unnamed': new vscode.ThemeIcon('question'),
    'spec-has-problems': new vscode.ThemeIcon('error'),
  };
  // A declared link that does not add up keeps its menu, but shows the warning.
  const icon = link.problem !== undefined ? warning : icons[link.state];
  const treeItem = item(node, link.name ?? '(unnamed link)', None, icon, linkContextValue(link));
  const where = node.vSwitch?.name || link.vSwitchId;
  const status = link.listed?.status;
  const stateText = linkStateText(link.state, status);
  const marks = [
    link.readOnly === true ? `${link.listed?.type ?? ''} · read-only` : undefined,
    link.declared !== undefined ? 'declared' : undefined,
  ].filter((m) => m !== undefined);
  treeItem.description =
    link.state === 'detected-unnamed'
      ? `detected in ${where} · no spec names it`
      : [stateText, ...marks, where].filter((p) => p !== '').join(' · ');
  const lines = [`**${escape(link.name ?? 'Unnamed link')}** — ${escape(stateText)}`];
  if (link.problem !== undefined) lines.push(`$(warning) ${escape(link.problem)}`);
  const place: string[] = [];
  if (link.listed !== undefined) {
    place.push(
      `- Type: ${escape(link.listed.type || '(none)')}${link.readOnly === true ? ' (listed read-only: this product manages PASSTHROUGH links)' : ''}`,
    );
    place.push(`- Status: ${escape(link.listed.status || '(none)')}`);
    if (link.listed.createTime !== undefined) place.push(`- Created: ${new Date(link.listed.createTime).toISOString()}`);
    if (link.listed.reverseTargets !== undefined)
      place.push(
        `- Targets: \`${escape(link.listed.reverseTargets)}\`${link.listed.zoneId !== undefined ? ` (zone ${link.listed.zoneId})` : ''}`,
      );
  }
  if (link.readOnly !== true) {
    place.push(
      `- vSwitch: \`${link.vSwitchId}\`${node.vSwitch !== undefined ? ` (${node.vSwitch.zoneId}, \`${node.vSwitch.cidrBlock}\`)` : ''}`,
    );
    place.push(
      `- Security group: ${link.securityGroupId !== undefined ? `\`${link.securityGroupId}\`` : 'to be created'}${link.securityGroupName !== undefined ? ` (${escape(link.securityGroupName)})` : ''}`,
    );
    place.push(
      `- Network interfaces: ${link.networkInterfaces.length === 0 ? 'none' : link.networkInterfaces.map((e) => `\`${e.networkInterfaceId}\` ${e.privateIpAddress}`).join(', ')}`,
    );
  }
  lines.push(place.join('\n'));
  if (link.state === 'not-created') lines.push('Declared in a spec; MaxCompute lists no link of this name. Run **Apply** to create it.');
  if (link.state === 'in-progress')
    lines.push(`MaxCompute reports the status ${escape(status || '(none)')}: the link is usable once it is ${NETWORK_LINK_READY_STATUS}.`);
  if (link.state === 'waiting-for-console')
    lines.push("Declared in a spec; MaxCompute's network interfaces are not in the VPC yet. Run **Apply**.");
  if (link.state === 'detected-unnamed')
    lines.push("MaxCompute's network interfaces are in this VPC, but no spec in the workspace names this link.");
  if (link.linkApi !== undefined)
    lines.push(
      `$(info) MaxCompute's link list could not be read (${link.linkApi.state === 'denied' ? 'permission denied' : 'not offered in this region'}: ${escape(link.linkApi.reason)}), so links are recognised by their network interfaces only.`,
    );
  if (link.declared !== undefined)
    lines.push(`Declared in \`${escape(vscode.Uri.parse(link.declared.file).path.split('/').pop() ?? link.declared.file)}\``);
  treeItem.tooltip = markdown(...lines);
  return treeItem;
}

/** Which menu a link gets: a spec's (Plan, Apply, Remove by destroy), a listed link's (Remove, Save as Spec), or none. */
function linkContextValue(link: NetworkLinkView): string {
  if (link.declared !== undefined) return ContextValue.linkDeclared;
  if (link.readOnly === true) return ContextValue.linkListedReadOnly;
  if (link.listed !== undefined) return ContextValue.linkListed;
  return ContextValue.linkDetected;
}

/** A link whose spec document has errors: marked, with its problem count; a click opens the Problems view. */
function renderInvalidLink(node: NetworkLinkNode, invalid: InvalidDeclaredLink): vscode.TreeItem {
  const label = node.link.name ?? '(unnamed link)';
  const treeItem = item(
    node,
    label,
    None,
    new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground')),
    ContextValue.linkInvalid,
  );
  const count = `${invalid.problemCount} problem${invalid.problemCount === 1 ? '' : 's'}`;
  treeItem.description = `${count} · ${node.vSwitch?.name || node.link.vSwitchId || 'spec'}`;
  const file = vscode.Uri.parse(invalid.file).path.split('/').pop() ?? invalid.file;
  treeItem.tooltip = markdown(
    `**${escape(label)}** — ${count} in \`${escape(file)}\``,
    'The spec cannot be planned or applied until they are fixed. Click to open the Problems view.',
  );
  treeItem.command = { command: 'workbench.actions.view.problems', title: 'Show Problems' };
  return treeItem;
}

function renderService(node: ServiceNode): vscode.TreeItem {
  const { presentation, access } = node;
  const { label, id, kindText } = presentation;
  const accessIcon = { allowed: 'pass', partial: 'warning', blocked: 'circle-slash', unknown: 'question', 'no-link': 'debug-disconnect' }[
    access.summary
  ];
  const treeItem = item(
    node,
    label,
    access.perLink.length > 0 ? Collapsed : None,
    new vscode.ThemeIcon(presentation.icon),
    ContextValue.service,
  );
  treeItem.description = `${kindText} · ${accessSummaryText(access)}`;
  const lines = [`**${escape(label)}** \`${id}\` — ${escape(kindText)}`];
  // The kind writes its facts as Markdown (ids in backticks).
  lines.push([...presentation.facts, ...(access.facts ?? [])].join('\n'));
  lines.push(
    `$(${accessIcon}) Access from network links: ${accessSummaryText(access)}${access.problem !== undefined ? ` — ${escape(access.problem)}` : ''}`,
  );
  if (access.perLink.length > 0)
    lines.push(access.perLink.map((a) => `- ${escape(a.link)}: **${a.verdict}** — ${escape(a.reason)}`).join('\n'));
  lines.push("_As far as whitelists and security-group rules tell; routes and the service's own accounts are not checked._");
  treeItem.tooltip = markdown(...lines);
  return treeItem;
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, (c) => `\\${c}`);
}
